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

describe("parseDates: impossible values", () => {
  it("never infers a year past 9999", () => {
    expect(parseDates("9999-12-31 och den 15 januari", { reference: "9999-12-31" }).map((d) => d.value)).toEqual(["9999-12-31"]);
  });
  it("keeps a year-less day with a time year-less, never a half ISO value", () => {
    expect(parseDates("Plats och tid: Stadshuset, 2 juni kl. 13.00").map((d) => [d.value, d.grain])).toEqual([["--06-02T13:00", "month-day"]]);
  });
  it("ends a year-less clock range across midnight on the next day", () => {
    expect(parseDates("den 28 februari kl 23-0.30").map((d) => [d.value, d.end])).toEqual([["--02-28T23:00", "--03-01T00:30"]]);
  });
});
