import { describe, expect, it } from "vitest";
import { parseText } from "../helpers.js";
import { jointDecisions, type ItemDecision } from "../../src/extract/decisions.js";
import type { ItemSegment } from "../../src/segment/index.js";

const HEAD = "PROTOKOLL\nSektionsmöte\nDatum 2018-09-06\nNärvarande Eva Ek, ordförande\n\n";
const items = (text: string) => parseText(HEAD + text).meetings[0]!.items;
const byNumber = (text: string) => new Map(items(text).map((i) => [i.number, i]));

/** Minutes that mark their decisions with "Beslut" in the right margin (written for the test). */
const MARGIN = [
  "1 Preliminärer",
  "",
  "1.1 Val av mötesordförande",
  "",
  "Anna Berg väljs till mötesordförande.\tBeslut",
  "",
  "1.2 Val av mötessekreterare",
  "",
  "Per Holm väljs till mötessekreterare.\tBeslut",
  "",
  "1.3 Val av justerare",
  "",
  "Lisa Ek och Tobias J. Andersson väljs till justerare.\tBeslut",
  "",
  "1.4 Fastställande av mötesordning",
  "",
  "Ordningsfråga från salen.",
  "",
  "– Mötet beslutar att bjuda ordföranden på kaffe.",
  "",
  "Mötesordningen fastställs utan ändringar.\tBeslut",
  "",
  "2 Bordlagda ärenden",
  "",
  "2.1 Ansvarsfrihet för verksamhetsåret 2016/2017",
  "",
  "Inget nytt att redovisa. Frågan bordläggs.",
  "",
  "3 Rapporter",
  "",
  "3.1 Styret",
  "",
  "Styret har haft tre möten.",
  "",
  "3.2 Festkommittén",
  "",
  "Festkommittén har haft en fest.",
  "",
  "Mötet beslutar att lägga rapporterna till handlingarna.\tBeslut",
  "",
  "4 Val av kassör",
  "",
  "Mötet väljer att vakantsätta posten för verksamhetsåret 2017/2018.Beslut",
  "",
].join("\n");

describe("the record's own decision-marking convention (margin label 'Beslut')", () => {
  const got = byNumber(MARGIN);
  const cases: Array<[string, string | null, string | null]> = [
    // [item, expected decision (a substring) or null, a rule id it carries]
    ["1.1", "Anna Berg väljs till mötesordförande.", "decision/margin-label"],
    ["1.3", "Lisa Ek och Tobias J. Andersson väljs till justerare.", "decision/margin-label"],
    // The quoted joke without the mark is not the decision; the marked sentence is.
    ["1.4", "Mötesordningen fastställs utan ändringar.", "decision/margin-label"],
    // An unmarked decision-like sentence decides nothing where the record marks its decisions.
    ["2.1", null, null],
    // A joint decision after the last sub-item belongs to the parent.
    ["3", "Mötet beslutar att lägga rapporterna till handlingarna.", "decision/joint-after-sub-items"],
    ["3.2", null, null],
    // The label glued to the full stop is still the mark.
    ["4", "Mötet väljer att vakantsätta posten för verksamhetsåret 2017/2018.", "decision/margin-label"],
  ];
  it.each(cases)("item %s", (number, decision, rule) => {
    const it = got.get(number);
    expect(it, `item ${number}`).toBeDefined();
    if (decision === null) { expect(it!.decision).toBeNull(); return; }
    expect(it!.decision).toBe(decision);
    expect(JSON.stringify(it!.evidence)).toContain(rule!);
  });
  it("keeps the joke out of item 1.4", () => {
    expect(got.get("1.4")!.decision).not.toContain("kaffe");
  });
});

describe("without a marking convention, unmarked sentences still decide", () => {
  // Two margin labels are not yet a convention: the short item's passive sentence still decides.
  const text = MARGIN.replace("Per Holm väljs till mötessekreterare.\tBeslut", "Per Holm väljs till mötessekreterare.")
    .replace("Lisa Ek och Tobias J. Andersson väljs till justerare.\tBeslut", "Lisa Ek och Tobias J. Andersson väljs till justerare.")
    .replace("Mötesordningen fastställs utan ändringar.\tBeslut", "Mötesordningen fastställs utan ändringar.")
    .replace("vakantsätta posten för verksamhetsåret 2017/2018.Beslut", "vakantsätta posten för verksamhetsåret 2017/2018.");
  it("reads 'Frågan bordläggs.' as the decision of a short item", () => {
    expect(byNumber(text).get("2.1")!.decision).toContain("Frågan bordläggs.");
  });
});

describe("jointDecisions (spec table)", () => {
  const seg = (number: string, title: string): ItemSegment => ({
    number, title, start: 0, end: 0, titleRange: { start: 0, end: 0 }, caseNumber: null, caseRange: null, bodyStart: 0, sections: [], flat: false, rules: {},
  });
  const dec = (decision: string | null): ItemDecision => ({
    proposal: null, proposalRange: null, decision, decisionRange: decision ? { start: 0, end: 1 } : null, rules: { proposal: [], decision: decision ? ["decision/active-verb"] : [] },
  });
  const cases: Array<{ name: string; items: Array<[string, string, string | null]>; parent: string | null; sub: string | null; subAt?: number }> = [
    { name: "plural definite of the parent's noun", items: [["3", "Rapporter", null], ["3.1", "Styret", null], ["3.2", "Festkommittén", "Mötet beslutar att lägga rapporterna till handlingarna."]], parent: "Mötet beslutar att lägga rapporterna till handlingarna.", sub: null },
    { name: "samtliga + the parent's noun", items: [["5", "Motioner", null], ["5.1", "Motion om cyklar", null], ["5.2", "Motion om kaffe", "Samtliga motioner bifalls."]], parent: "Samtliga motioner bifalls.", sub: null },
    { name: "-en plural: meddelandena", items: [["2", "Meddelanden", null], ["2.1", "Från kåren", "Mötet lägger meddelandena till handlingarna."]], parent: "Mötet lägger meddelandena till handlingarna.", sub: null },
    { name: "not the last sub-item", items: [["3", "Rapporter", null], ["3.1", "Styret", "Mötet lägger rapporterna till handlingarna."], ["3.2", "Festkommittén", null]], parent: null, sub: "Mötet lägger rapporterna till handlingarna.", subAt: 1 },
    { name: "the parent decides itself", items: [["3", "Rapporter", "Rapporterna läggs till handlingarna."], ["3.1", "Styret", "Mötet lägger rapporterna till handlingarna."]], parent: "Rapporterna läggs till handlingarna.", sub: "Mötet lägger rapporterna till handlingarna." },
    { name: "no reference to the parent", items: [["3", "Rapporter", null], ["3.1", "Styret", "Mötet lägger rapporten till handlingarna."]], parent: null, sub: "Mötet lägger rapporten till handlingarna." },
    { name: "the sub-item names it itself", items: [["3", "Rapporter", null], ["3.1", "Rapporterna från utskotten", "Mötet lägger rapporterna till handlingarna."]], parent: null, sub: "Mötet lägger rapporterna till handlingarna." },
  ];
  it.each(cases)("$name", ({ items: rows, parent, sub, subAt }) => {
    const out = jointDecisions(rows.map(([n, t]) => seg(n, t)), rows.map(([, , d]) => dec(d)));
    expect(out[0]!.decision).toBe(parent);
    expect(out[subAt ?? out.length - 1]!.decision).toBe(sub);
    if (parent && rows[0]![2] === null) expect(out[0]!.rules.decision).toContain("decision/joint-after-sub-items");
  });
});
