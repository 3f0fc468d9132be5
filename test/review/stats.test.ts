import { describe, expect, it } from "vitest";
import { formatStats, runStats } from "../../src/review/stats.js";
import { parsed } from "./fixture.js";

describe("run stats", () => {
  it("count files by status and kind, meetings per body and year, coverage, warnings and flags", () => {
    const a = parsed().output;
    const b = structuredClone(a);
    b.meetings[0]!.date = null;
    b.meetings[0]!.items = [];
    b.warnings.push({ code: "year-unknown", severity: "warning", message: "", line: null, span: null });
    const s = runStats([
      { path: "a.txt", status: "ok", code: null, message: null, output: a, flags: [], href: null },
      { path: "b.txt", status: "warning", code: "year-unknown", message: null, output: b, flags: [{ rule: "quality/meeting-no-date", message: "", meeting: null, fact: null, span: null }], href: null },
      { path: "c.pdf", status: "error", code: "encrypted", message: "locked", output: null, flags: [], href: null },
    ]);
    expect(s.byStatus).toEqual({ ok: 1, warning: 1, error: 1 });
    expect(s.byKind).toEqual({ protocol: 2 });
    expect(s.meetingsByBodyYear).toEqual({ Kulturnämnden: { "2024": 1, "(no date)": 1 } });
    expect(s.coverage).toEqual({ date: 0.5, body: 1, participants: 1, items: 0.5, decisions: 0.5 });
    expect(s.topWarnings).toEqual([{ code: "year-unknown", count: 1 }]);
    expect(s.topFlags).toEqual([{ rule: "quality/meeting-no-date", count: 1 }]);
    expect(s.topErrors).toEqual([{ code: "encrypted", count: 1 }]);
    const text = formatStats(s);
    expect(text).toContain("3 files, 2 meetings");
    expect(text).toMatch(/date\s+50\.0 %/);
  });
});
