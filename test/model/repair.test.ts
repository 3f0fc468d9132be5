import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseTextSync } from "../../src/pipeline.js";
import { repairOutput } from "../../src/model/repair.js";
import { documentSchema, type Output } from "../../src/model/schema.js";

const seed = readFileSync(new URL("../../fixtures/seeds/003_74c830d27da07c61.txt", import.meta.url));
const fresh = (): Output => parseTextSync(seed, { path: "seed.txt" }).output;
const repairs = (o: Output) => o.warnings.filter((w) => w.code === "schema-repair").map((w) => w.message);

describe("repairOutput: a field that breaks the schema is dropped, the document kept", () => {
  it("leaves a valid output as it is", () => {
    const o = fresh();
    const before = JSON.stringify(o);
    expect(JSON.stringify(repairOutput(o))).toBe(before);
  });
  it("sets a nullable field to null and names its path", () => {
    const o = fresh();
    o.meetings[0]!.signatures.adjustedOn = "-06-10";
    o.meetings[0]!.date = "2024-6-1";
    const r = repairOutput(o);
    expect(documentSchema.safeParse(r).success).toBe(true);
    expect(r.meetings[0]!.signatures.adjustedOn).toBeNull();
    expect(r.meetings[0]!.date).toBeNull();
    expect(repairs(r)).toEqual([
      expect.stringMatching(/^meetings\.0\.date: "2024-6-1" .*set to null/),
      expect.stringMatching(/^meetings\.0\.signatures\.adjustedOn: "-06-10" .*set to null/),
    ]);
  });
  it("removes the list entry when the field cannot be null", () => {
    const o = fresh();
    const dates = o.meetings[0]!.dates.length;
    o.meetings[0]!.dates[1]!.value = "10000-01-01";
    o.meetings[0]!.scheduledMeetings = ["2024-05-03", "--05-03"];
    const r = repairOutput(o);
    expect(documentSchema.safeParse(r).success).toBe(true);
    expect(r.meetings[0]!.dates).toHaveLength(dates - 1);
    expect(r.meetings[0]!.scheduledMeetings).toEqual(["2024-05-03"]);
    expect(repairs(r)).toEqual([
      expect.stringMatching(/^meetings\.0\.scheduledMeetings\.1: "--05-03" .*entry meetings\.0\.scheduledMeetings\.1 removed/),
      expect.stringMatching(/^meetings\.0\.dates\.1\.value: "10000-01-01" .*entry meetings\.0\.dates\.1 removed/),
    ]);
  });
  it("throws only when the file's own record is broken", () => {
    const o = fresh();
    o.source.sha256 = "not a hash";
    expect(() => repairOutput(o)).toThrow(/source\.sha256/);
  });
});
