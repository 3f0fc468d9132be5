import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDates } from "../../src/extract/dates/index.js";

interface Spec { reference: string; cases: Array<[string, Array<[string, string, string | null, string]>]> }
const spec: Spec = JSON.parse(readFileSync(new URL("../specs/dates.json", import.meta.url), "utf8"));

describe("parseDates spec table (reference " + spec.reference + ")", () => {
  for (const [input, expected] of spec.cases) {
    it(JSON.stringify(input), () => {
      const got = parseDates(input, { reference: spec.reference }).map((d) => [d.text, d.value, d.end, d.grain]);
      expect(got).toEqual(expected);
    });
  }
});

describe("parseDates", () => {
  it("gives offsets whose slice is the mention's text", () => {
    const text = "Nästa sammanträde ska äga rum fredagen den 10 november 2023 kl. 09:00.";
    for (const d of parseDates(text)) expect(text.slice(d.index, d.lastIndex)).toBe(d.text);
  });
  it("leaves year-less dates year-less without a reference, and drops relative ones", () => {
    expect(parseDates("den 26 februari och i morgon").map((d) => [d.value, d.grain])).toEqual([["--02-26", "month-day"]]);
  });
  it("says which parts were inferred", () => {
    expect(parseDates("26 februari", { reference: "2021-03-01" })[0]).toMatchObject({ value: "2021-02-26", inferred: ["year"] });
  });
  it("rejects days that do not exist", () => {
    expect(parseDates("2023-02-30 och 31 april 2023")).toEqual([]);
  });
});
