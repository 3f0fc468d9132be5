import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseTextSync } from "../../src/pipeline.js";
import { documentSchema } from "../../src/model/schema.js";

/** Minutes whose meeting date has no year: the dates that would fill day fields cannot be placed. */
const yearless = (lines: string[]) => ["PROTOKOLL", "Kommunstyrelsen", ...lines, "Beslutande:", "Anna Andersson (S), ordförande", "Bo Berg (M)", "Justerare: Bo Berg", ""].join("\n");
const parse = (text: string) => parseTextSync(text, { path: "t.txt" }).output;
const codes = (o: ReturnType<typeof parse>) => o.warnings.map((w) => w.code);

describe("a date without a year never drops the file", () => {
  it("a justering date without a year: adjustedOn is null, with a warning", () => {
    const o = parse(yearless(["Sammanträdesdatum: 3 juni", "Justeringens plats och tid: Kommunhuset, tisdagen den 10 juni kl 15.00"]));
    expect(documentSchema.safeParse(o).success).toBe(true);
    expect(o.meetings[0]!.date).toBeNull();
    expect(o.meetings[0]!.signatures.adjustedOn).toBeNull();
    expect(o.meetings[0]!.dates.map((d) => d.value)).toContain("--06-10T15:00");
    expect(codes(o)).toContain("year-unknown");
  });
  it("a next meeting without a year: nextMeeting is null", () => {
    const o = parse(yearless(["Datum: 3 juni", "", "§ 1 Nästa sammanträde", "Nästa sammanträde: 5 maj kl 9.00"]));
    expect(o.meetings[0]!.nextMeeting).toBeNull();
    expect(o.meetings[0]!.scheduledMeetings).toEqual([]);
  });
  it("a meeting date with a time but no year: the date is null, the time is kept", () => {
    const o = parse(yearless(["Plats och tid: Stadshuset, 2 juni kl. 13.00"]));
    expect(o.meetings[0]).toMatchObject({ date: null, start: "13:00" });
    expect(o.warnings.find((w) => w.code === "year-unknown")?.severity).toBe("warning");
  });
  it("with the meeting's year, the justering date takes it (year-inferred)", () => {
    const o = parse(yearless(["Sammanträdesdatum: 3 juni 2025", "Justeringens plats och tid: Kommunhuset, tisdagen den 10 juni kl 15.00"]));
    expect(o.meetings[0]!.signatures.adjustedOn).toBe("2025-06-10");
    expect(codes(o)).toContain("year-inferred");
  });
  it("an impossible date is left out with a date-rejected warning", () => {
    const o = parse(yearless(["Sammanträdesdatum: 3 juni 2025", "Justeringens plats och tid: Kommunhuset, 31 april kl 24:00"]));
    expect(o.meetings[0]!.signatures.adjustedOn).toBeNull();
    expect(o.warnings.find((w) => w.code === "date-rejected")?.message).toMatch(/31 april kl 24:00/);
  });
  it("a real protocol with a year-less justering date (Hudiksvall) parses", () => {
    const text = readFileSync(new URL("../fixtures/documents/122-hudiksvall-ks-125-151.txt", import.meta.url));
    const o = parseTextSync(text, { path: "122.txt" }).output;
    expect(o.meetings).toHaveLength(1);
    expect(o.meetings[0]!.signatures.adjustedOn).toBeNull();
    expect(o.meetings[0]!.start).toBe("09:00");
  });
});
