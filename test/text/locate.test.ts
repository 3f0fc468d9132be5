import { describe, expect, it } from "vitest";
import { createLocator } from "../../src/text/locate.js";

describe("createLocator", () => {
  const text = "rad ett\nrad två\n\nrad fyra";
  const loc = createLocator(text);
  it("maps offsets to 1-based lines", () => {
    expect(loc.lineOf(0)).toBe(1);
    expect(loc.lineOf(8)).toBe(2);
    expect(loc.lineOf(text.indexOf("fyra"))).toBe(4);
  });
  it("builds spans whose slice is the evidence", () => {
    const start = text.indexOf("två");
    const span = loc.spanOf(start, start + 3);
    expect(span).toEqual({ page: null, line: 2, endLine: 2, start, end: start + 3 });
    expect(text.slice(span.start, span.end)).toBe("två");
  });
  it("gives multi-line spans an endLine and clamps out-of-range offsets", () => {
    expect(loc.spanOf(0, text.length)).toMatchObject({ line: 1, endLine: 4 });
    expect(loc.spanOf(-5, 10_000)).toMatchObject({ start: 0, end: text.length });
  });
  it("knows pages when page starts are given", () => {
    const paged = createLocator("sida ett\fsida två", [0, 9]);
    expect(paged.pageOf(0)).toBe(1);
    expect(paged.pageOf(10)).toBe(2);
  });
});
