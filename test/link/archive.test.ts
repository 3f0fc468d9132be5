import { readFileSync, readdirSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { loadLexicon } from "../../src/lexicon/load.js";
import { linkRecords, recordsOf, type LinkResult } from "../../src/link/index.js";
import type { Output } from "../../src/model/schema.js";
import { parseTextSync } from "../../src/pipeline.js";

/**
 * fixtures/link: one body (Direktionen, Samordningsförbundet Mälardalen), six meetings over 2025.
 * Anna Andersson (S) of Sala and of Heby are two people; a bare "Anna Andersson (S)" could be either.
 * Bo Berg moves from M to KD and is once written "Berg Bo"; Anna of Sala once "Andersson Anna".
 * Anna Berg (M) joins in September and is written "A. Berg (M)" in November, beside Bo Berg.
 */
const DIR = new URL("../../fixtures/link/", import.meta.url);
const AS_OF = "2025-11-17";
const lex = loadLexicon();
let outputs: Output[];
let r: LinkResult;

beforeAll(() => {
  outputs = readdirSync(DIR).filter((f) => f.endsWith(".txt")).sort()
    .map((f) => parseTextSync(readFileSync(new URL(f, DIR), "utf8"), { path: `fixtures/link/${f}` }).output);
  r = linkRecords(recordsOf(outputs), AS_OF, lex);
});

const personNamed = (name: string, represents?: string) =>
  r.persons.filter((p) => p.display === name && (represents === undefined || p.representsAs === represents));
const mentionsOf = (id: string) => r.links.filter((l) => l.personId === id);
const statusByItem = (title: string) => r.statuses.find((s) => s.followUp.item?.title === title)!;

describe("protokoll link on a year of one body's minutes", () => {
  it("finds seven persons, each once", () => {
    expect(r.persons.map((p) => `${p.display}|${p.representsAs ?? ""}`).sort()).toEqual([
      "Anna Andersson|Heby", "Anna Andersson|Sala", "Anna Berg|Eskilstuna", "Bo Berg|Västerås", "Erik Ek|Arboga", "Karin Lund|Köping", "Lisa Holm|",
    ]);
  });

  it("keeps two people of one name apart by their municipalities", () => {
    const [sala] = personNamed("Anna Andersson", "Sala");
    const [heby] = personNamed("Anna Andersson", "Heby");
    expect(mentionsOf(sala!.id)).toHaveLength(4);
    expect(mentionsOf(heby!.id)).toHaveLength(1);
  });

  it("refuses the link of a bare 'Anna Andersson (S)' that fits both, recording both candidates", () => {
    const refused = r.links.filter((l) => l.status === "ambiguous");
    expect(refused).toHaveLength(1);
    expect(refused[0]!.mention.meeting.date).toBe("2025-05-12");
    expect(refused[0]!.personId).toBeNull();
    expect(refused[0]!.rules).toEqual(["link/ambiguous-same-name"]);
    expect(refused[0]!.candidates.sort()).toEqual([personNamed("Anna Andersson", "Sala")[0]!.id, personNamed("Anna Andersson", "Heby")[0]!.id].sort());
  });

  it("links the surname-first form and a party change, with reasons and a lower score for the change", () => {
    const [bo] = personNamed("Bo Berg");
    const links = mentionsOf(bo!.id);
    expect(links).toHaveLength(6);
    const surnameFirst = links.find((l) => l.mention.name === "Berg Bo")!;
    expect(surnameFirst.rules).toContain("link/surname-first");
    expect(surnameFirst.reasons).toContain("same name");
    const change = links.find((l) => l.reasons.includes("party changed M → KD"))!;
    expect(change.mention.meeting.date).toBe("2025-05-12");
    expect(change.rules).toContain("link/party-changed");
    expect(change.score).toBeLessThan(surnameFirst.score);
    const [anna] = personNamed("Anna Andersson", "Sala");
    expect(mentionsOf(anna!.id).find((l) => l.mention.name === "Andersson Anna")!.rules).toContain("link/surname-first");
  });

  it("links initials to the given name they fit, not to another of the surname ('A. Berg' is Anna Berg, not Bo Berg)", () => {
    const [annaBerg] = personNamed("Anna Berg", "Eskilstuna");
    const links = mentionsOf(annaBerg!.id);
    expect(links.map((l) => [l.mention.name, l.mention.meeting.date, l.status])).toEqual([
      ["Anna Berg", "2025-09-15", "new"], ["A. Berg", "2025-11-17", "linked"],
    ]);
    expect(links[1]!.rules).toContain("link/initial-match");
    expect(links[1]!.reasons).toContain("initial matches");
    expect(links[1]!.score).toBeLessThan(mentionsOf(personNamed("Bo Berg")[0]!.id).find((l) => l.mention.name === "Berg Bo")!.score);
  });

  it("counts attendance: Erik Ek absent once", () => {
    const [erik] = personNamed("Erik Ek");
    expect(mentionsOf(erik!.id).map((l) => l.mention.present)).toEqual([true, true, true, true, true, false]);
  });

  it("finds the report-back by case number (SFM 2025/3 = SFM 2025/0003), closing phrase included", () => {
    const s = statusByItem("Lokalförsörjningsplan 2025");
    expect(s.status).toBe("reported");
    expect(s.reportedIn?.title).toBe("Lokalförsörjningsplan 2025 – återrapportering");
    expect(s.onTime).toBe(true);
    expect(s.rules).toEqual(["link/case-number", "link/report-phrase", "link/closure-phrase"]);
    expect(s.score).toBeGreaterThan(0.9);
  });

  it("finds the report-back by title reference ('Återrapportering av uppdrag om samverkan med Arbetsförmedlingen')", () => {
    const s = statusByItem("Samverkan med Arbetsförmedlingen");
    expect(s.status).toBe("reported");
    expect(s.reportedIn?.meeting.date).toBe("2025-03-10");
    expect(s.rules).toEqual(["link/title-reference", "link/closure-phrase"]);
  });

  it("finds the item on the subject at the due-date meeting", () => {
    const s = statusByItem("Informationsinsatser mot arbetsgivare");
    expect(s.status).toBe("reported");
    expect(s.reportedIn?.meeting.date).toBe("2025-09-15");
    expect(s.rules).toEqual(["link/due-date-meeting"]);
  });

  it("marks the assignment without a report-back past its due date overdue, with the later meetings as evidence", () => {
    const s = statusByItem("Rekryteringsplan för kansliet");
    expect(s.status).toBe("overdue");
    expect(s.rules).toEqual(["link/overdue"]);
    expect(s.reasons.join(" ")).toMatch(/4 later meetings of the body after the due date/);
  });

  it("marks the assignment due after the as-of day open, and overdue once the day has passed", () => {
    expect(statusByItem("Verksamhetsplan 2026").status).toBe("open");
    const later = linkRecords(recordsOf(outputs), "2026-03-01", lex);
    expect(later.statuses.find((s) => s.followUp.item?.title === "Verksamhetsplan 2026")!.status).toBe("overdue");
  });

  it("reads a case's history across meetings", () => {
    const history = r.cases.filter((c) => c.caseNumber === "SFM 2025/3");
    expect(history.map((c) => [c.seq, c.item.meeting.date])).toEqual([[1, "2025-01-20"], [2, "2025-06-16"]]);
    expect(new Set(history.map((c) => c.caseId)).size).toBe(1);
  });
});
