import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lexiconWith, parseText } from "../helpers.js";
import type { Lexicon } from "../../src/lexicon/load.js";
import { parseTextSync } from "../../src/pipeline.js";
import { markedRows, partyDelimitedRows } from "../../src/extract/participants/roll-call.js";
import { pairHeaderValues } from "../../src/extract/participants/header-pairs.js";

interface Case { style: string; input: string; kind?: "agenda"; items?: string; expect: Array<Record<string, unknown>> }
const spec: { cases: Case[] } = JSON.parse(readFileSync(new URL("../specs/participants.json", import.meta.url), "utf8"));

function documentFor(c: Case): string {
  const head = c.kind === "agenda" ? "Kallelse\nDatum: 2024-11-08\nPlats: Rådhuset\n\n" : "PROTOKOLL\nSammanträdesdatum 2024-03-12\n\n";
  const items = c.items ?? "§ 1 Mötets öppnande\nOrdföranden öppnar mötet.\n";
  return `${head}${c.input}\n\n${c.kind === "agenda" ? items.replace(/§ /g, "") : items}`;
}

describe(`participants spec table (${spec.cases.length} cases)`, () => {
  it("has at least 100 cases", () => expect(spec.cases.length).toBeGreaterThanOrEqual(100));
  for (const c of spec.cases) {
    it(c.style, () => {
      const people = parseText(documentFor(c)).meetings[0]!.participants;
      expect(people.map((p) => p.name)).toEqual(c.expect.map((e) => e.name));
      c.expect.forEach((e, i) => {
        const got = people[i]!;
        for (const [k, v] of Object.entries(e)) expect({ [k]: (got as Record<string, unknown>)[k] }).toEqual({ [k]: v });
      });
    });
  }
});

describe("flattened roll calls read by their row shape", () => {
  const nv = { isFirstName: (w: string) => ["Jens", "Niklas", "Thord", "Dan", "Eva"].includes(w) };
  const known = (t: string) => ["S", "SD", "M", "L"].includes(t);
  const whole = (s: string) => ({ start: 0, end: s.length });

  it("closes each row at its party code and gives the serving substitute to the row before", () => {
    const s = "Andersson Jens SD Niklas Lauden Bagan Thord S Berger Dan S 3 Ek Eva M Qvist Zorana L";
    const rows = partyDelimitedRows(s, whole(s), nv, known)!;
    expect(rows.map((r) => [r.member.name, r.party, r.substitute?.name ?? null])).toEqual([
      ["Jens Andersson", "SD", "Niklas Lauden"], ["Thord Bagan", "S", null], ["Dan Berger", "S", null], ["Eva Ek", "M", null], ["Zorana Qvist", "L", null],
    ]);
  });

  it("counts the party codes between any blanks (no-break and wide spaces, tabs, line breaks), not codes glued to a comma", () => {
    const s = "Andersson Jens\u00a0SD\u00a0Bagan Thord\nS Berger Dan\tS Ek Eva\u2003M";
    expect(partyDelimitedRows(s, whole(s), nv, known)!.map((r) => [r.member.name, r.party])).toEqual([
      ["Jens Andersson", "SD"], ["Thord Bagan", "S"], ["Dan Berger", "S"], ["Eva Ek", "M"],
    ]);
    // With one code glued to a comma three rows are left: fewer than a table needs.
    const glued = "Andersson Jens SD, Bagan Thord S Berger Dan S Ek Eva M";
    expect(partyDelimitedRows(glued, whole(glued), nv, known)).toBeNull();
  });

  it("is no roll call when few stretches end in a known first name", () => {
    const s = "Yrkande S Bifall M Avslag L Återremiss SD Bordläggning S";
    expect(partyDelimitedRows(s, whole(s), nv, known)).toBeNull();
  });

  it("reads presence marks of a voteringslista and refuses prose", () => {
    const s = "S Eva Lind I S Per Holm - V Karin Ås X C Ola Berg justerare 1";
    expect(markedRows(s, whole(s))!.map((r) => [r.name.name, r.party, r.present, r.role])).toEqual([
      ["Eva Lind", "S", true, null], ["Per Holm", "S", false, null], ["Karin Ås", "V", true, null], ["Ola Berg", "C", true, "justerare"],
    ]);
    const prose = "Mötet beslutar att S Eva Lind I ska utreda frågan vidare med hjälp av förvaltningen och återkomma till nämnden i höst.";
    expect(markedRows(prose, whole(prose))).toBeNull();
  });
});

describe("participant vocabularies are compiled per lexicon", () => {
  /** The shipped lexicon with one more members heading and one more chair form. */
  const extendedLexicon = () => lexiconWith(["groups", "member", "röstberättigade"], ["roles", "chair", "mötesledare"]);
  const text = "PROTOKOLL\nSammanträdesdatum 2024-03-12\n\nRöstberättigade\nAnna Andersson (S)\nBo Berg (M), mötesledare\n\n§ 1 Mötets öppnande\nOrdföranden öppnar mötet.\n";
  const people = (lexicon?: Lexicon) => parseTextSync(text, { path: "t.txt", ...(lexicon ? { lexicon } : {}) }).output.meetings[0]!.participants
    .map((p) => [p.name, p.group, p.positions]);

  it("two lexicons in one process read the same list differently", () => {
    const shipped = [["Anna Andersson", null, []], ["Bo Berg", null, []]];
    expect(people()).toEqual(shipped);
    expect(people(extendedLexicon())).toEqual([["Anna Andersson", "member", []], ["Bo Berg", "member", ["chair"]]]);
    // Neither lexicon's compiled vocabulary is kept for the other.
    expect(people()).toEqual(shipped);
  });
});

describe("header rows paired with their values by position", () => {
  const nv = { isFirstName: (w: string) => ["Anna", "Bo", "Eva", "Per"].includes(w) };
  const members = { type: "group", group: "member", present: true, serving: false } as const;
  const substitutes = { type: "group", group: "substitute", present: true, serving: false } as const;
  const adjuster = { type: "role", position: "adjuster" } as const;
  const whole = (s: string) => ({ start: 0, end: s.length });

  it("cuts the values where two names meet without comma or 'och'", () => {
    const s = "Anna Ek, Bo Berg Eva Lund och Per Holm";
    const runs = pairHeaderValues(s, whole(s), [members, adjuster], nv)!;
    expect(runs.map((r) => [r.label, r.names.map((n) => n.name)])).toEqual([[members, ["Anna Ek", "Bo Berg"]], [adjuster, ["Eva Lund", "Per Holm"]]]);
  });

  it("pairs nothing when the values do not match the labels in number (names in their own cells)", () => {
    const s = "Anna Ek (S) Bo Berg (M) Eva Lund (S) Per Holm (C)";
    expect(pairHeaderValues(s, whole(s), [members, substitutes, adjuster], nv)).toBeNull();
  });
});
