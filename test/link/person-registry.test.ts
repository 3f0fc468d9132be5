import { describe, expect, it } from "vitest";
import { loadLexicon } from "../../src/lexicon/load.js";
import { linkPersons } from "../../src/link/person-registry.js";
import type { MeetingRecord, MentionRecord } from "../../src/link/records.js";

const lex = loadLexicon();
const meeting = (n: number, date: string, organisation = "Sala kommun"): MeetingRecord =>
  ({ key: `d:m${n}`, documentId: "d", source: `m${n}.txt`, body: "Kommunstyrelsen", organisation, date, scope: `org:${organisation.toLowerCase()}` });
let seq = 0;
const mention = (m: MeetingRecord, name: string, party: string | null = null, represents: string | null = null): MentionRecord =>
  ({ participantKey: `${m.key}-p${++seq}`, meeting: m, name, party, represents, present: true });

describe("linkPersons", () => {
  it("links initials to the one person they fit", () => {
    const m1 = meeting(1, "2024-01-10");
    const m2 = meeting(2, "2024-02-10");
    const { persons, links } = linkPersons([mention(m1, "Anna Andersson", "S"), mention(m1, "Bo Andersson", "M"), mention(m2, "A. Andersson", "S")], lex);
    expect(persons).toHaveLength(2);
    const initial = links.find((l) => l.mention.name === "A. Andersson")!;
    expect(initial.status).toBe("linked");
    expect(initial.rules).toContain("link/initial-match");
    expect(initial.personId).toBe(persons.find((p) => p.display === "Anna Andersson")!.id);
  });

  it("two entries of one name in one meeting are two people; a later entry of that name is refused", () => {
    const m1 = meeting(1, "2024-01-10");
    const m2 = meeting(2, "2024-03-10");
    const { persons, links } = linkPersons([mention(m1, "Anna Andersson", "S"), mention(m1, "Anna Andersson", "S"), mention(m2, "Anna Andersson", "S")], lex);
    expect(persons).toHaveLength(2);
    const later = links.find((l) => l.mention.meeting === m2)!;
    expect(later.status).toBe("ambiguous");
    expect(later.candidates).toHaveLength(2);
  });

  it("a party tells two people of one name apart", () => {
    const m1 = meeting(1, "2024-01-10");
    const m2 = meeting(2, "2024-03-10");
    const { persons, links } = linkPersons([mention(m1, "Anna Andersson", "S"), mention(m1, "Anna Andersson", "M"), mention(m2, "Anna Andersson", "M")], lex);
    const later = links.find((l) => l.mention.meeting === m2)!;
    expect(later.status).toBe("linked");
    expect(later.personId).toBe(links.find((l) => l.mention.meeting === m1 && l.mention.party === "M")!.personId);
    expect(persons).toHaveLength(2);
  });

  it("never links across organisations", () => {
    const { persons } = linkPersons([mention(meeting(1, "2024-01-10", "Sala kommun"), "Anna Andersson", "S"), mention(meeting(2, "2024-01-10", "Heby kommun"), "Anna Andersson", "S")], lex);
    expect(persons).toHaveLength(2);
  });
});

describe("linkPersons on hostile names", () => {
  it("takes empty, bracket-only and 200,000-character names without failing, in linear time", () => {
    const m = meeting(9, "2024-05-01");
    const long = `${"Anna ".repeat(40_000)}Andersson`;
    const t0 = performance.now();
    const { persons, links } = linkPersons([mention(m, ""), mention(m, "()"), mention(m, long), mention(m, ",,,")], lex);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(links.map((l) => l.mention.name.length)).toEqual([long.length]);
    expect(persons).toHaveLength(1);
  });
});
