import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { restoreNatives, snapshotNatives } from "../../src/ingest/pdf/natives.js";
import { readPdf } from "../../src/ingest/pdf/read.js";

// Taken before pdf.js is loaded (read.ts imports it lazily, on the first PDF).
const push = Array.prototype.push;
const parse = JSON.parse;

describe("built-ins after pdf.js has loaded", () => {
  it("are the engine's own push and JSON.parse, not the legacy build's polyfills", async () => {
    const r = await readPdf(readFileSync(new URL("../fixtures/pdf/header-footer-hyphen.pdf", import.meta.url)));
    expect(r.pages).toBe(3);
    expect(Array.prototype.push).toBe(push);
    expect(JSON.parse).toBe(parse);
  });

  it("restoreNatives puts back only what was replaced since the snapshot", () => {
    const [before, saved] = [JSON.parse, snapshotNatives()];
    expect(restoreNatives(saved)).toBe(0);
    const wrapper = (text: string) => before(text);
    Object.defineProperty(JSON, "parse", { value: wrapper, writable: true, configurable: true });
    expect(restoreNatives(saved)).toBe(1);
    expect(JSON.parse).toBe(before);
    expect(JSON.parse("[1]")).toEqual([1]);
  });
});
