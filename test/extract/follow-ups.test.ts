import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseText } from "../helpers.js";
import { responsibleCandidates, responsibleNeeds } from "../../src/extract/follow-ups.js";
import { forgetSentences, sentences } from "../../src/extract/sentences.js";
import { loadLexicon } from "../../src/lexicon/load.js";
import { squash } from "../../src/text/unicode.js";

interface Case { input: string; meeting: string; expect: Array<{ due: string | null; responsible: string | null }> }
const spec: { cases: Case[] } = JSON.parse(readFileSync(new URL("../specs/follow-ups.json", import.meta.url), "utf8"));

const followUps = (body: string, meeting: string) =>
  parseText(`PROTOKOLL\nSammanträdesdatum ${meeting}\nBeslutande Eva Ek (S), ordförande\n\n§ 5 Ärende\n${body}\n`).meetings[0]!.followUps;

describe("follow-ups (spec table test/specs/follow-ups.json)", () => {
  it.each(spec.cases.map((c) => [c.input, c] as const))("%s", (_input, c) => {
    expect(followUps(c.input, c.meeting).map((f) => ({ due: f.due, responsible: f.responsible }))).toEqual(c.expect);
  });
});

describe("follow-ups outside items", () => {
  it("reads the commitments of a record without item headings, but not the adjustment of the minutes", () => {
    const m = parseText("Styrelsemöte 2024-10-24\nNärvarande: Eva Ek, Bo Ek\nProtokollet justeras senast 2024-10-30.\nSandlådorna töms. Ska vara tömt i sandlådorna senast 6/4 2025.\n").meetings[0]!;
    expect(m.followUps.filter((f) => f.due).map((f) => [f.item, f.due])).toEqual([[null, "2025-04-06"]]);
  });
});

describe("follow-up owner patterns", () => {
  it("ask their gate first only where every needs word passes it (the gate is a necessary condition)", () => {
    const needs = responsibleNeeds();
    expect(needs.length).toBeGreaterThan(0);
    for (const p of needs) for (const w of p.words) expect(p.gate(w), w).toBe(true);
  });
});

/** A small deterministic generator (no Math.random: a failure must repeat). */
function lcg(seed: number): (n: number) => number {
  let x = seed;
  return (n) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    // The high bits: an LCG's low bits repeat with a short period.
    return Math.floor((x / 2147483648) * n);
  };
}

const lex = loadLexicon();
const DIRS = ["../../fixtures/real/", "../../fixtures/seeds/"].map((d) => new URL(d, import.meta.url));
/** The fixtures' sentences (squashed, as follow-ups reads them) and their raw lines (as a range's owner is read). */
const fixtureSentences = DIRS.flatMap((dir) => readdirSync(dir).filter((f) => /\.(?:txt|md)$/u.test(f)).sort().flatMap((f) => {
  const text = readFileSync(new URL(f, dir), "utf8");
  forgetSentences();
  return [...sentences(text, { start: 0, end: text.length }).map((r) => squash(text.slice(r.start, r.end))), ...text.split("\n")];
}));

/** Sentences of names, "och", commas, agent verbs, owner words and other words, with odd blanks. */
function generated(n: number): string[] {
  const pick = lcg(7);
  const pool = [
    ...lex.forms("deadline-cues", "agent"), "Erik", "Åke", "Örjan", "ÉVA", "İlker", "Σοφία", "Kassören", "Det", "och", "och,", ",", "Erik,",
    "uppdrag", "uppdrar åt", "får i uppdrag", "fick", "ges", "ansvarar för", "har ansvaret", "Ansvar:", "Ansvarig :", "väljs", "valdes",
    "utses", "utsåg", "väljer", "att", "justera", "återkommer", "ska återkomma", "kommer att göra", "–", "-", "kommun", "bokar",
    "tar", "ta fram", "uppdrar åt Erik att", "får\ti uppdrag", "ges\ti\tuppdrag", "fick Anna\ti uppdrag", "- hon kommer", "– ordföranden kommer", "uppdras till styrelsen", "väljer Åke att", "utsåg Erik och Anna att", "väljs att", "x", "1", "§", "ö", "Ö", "a-b", "Anna-Lena", "\u{1D400}", ".", ":", ";",
  ];
  const names = ["Erik", "Åke", "Örjan", "Kassören", "Anna-Lena", "Det", "Erik,", "ÉVA", "Erik och Åke", "Eva, Bo och Åke", "Eva och", "Erik Berg", "Anna Lind Ek"];
  const blanks = [" ", " ", " ", "\t", "  ", "\n", "\u00a0", "", ". ", ": "];
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    // Half of them open with a name, as an owner's sentence does.
    const words = Array.from({ length: 1 + pick(7) }, (_, k) => (k === 0 && pick(2) ? names : pool)[pick(k === 0 ? names.length : pool.length)]!);
    out.push((pick(8) ? "" : blanks[pick(blanks.length)]!) + words.map((w, k) => (k ? blanks[pick(blanks.length)]! : "") + w).join(""));
  }
  return out;
}

describe("follow-up owners' guards", () => {
  it("give the candidates of every pattern tried unguarded, on generated sentences and the fixtures' sentences and lines", () => {
    // And each pattern's own shapes, with tabs and both dashes.
    const shapes = ["Erik Berg - hon kommer att göra det", "Anna Lind Ek\t–\tsekreteraren kommer", "Styrelsen får\ti uppdrag att", "Vi gav Erik\ti\tuppdrag",
      "Åke ska\tåterkomma", "Eva, Bo, Åke och Lisa bokar lokalen", "Eva Ek Berg Lind\tkontaktar", "Eva, Bo, Åke, Lisa fixar", "Eva, Bo, Per, Lisa fixar", "Eva, Bo, Åke, Lisa, Per fixar", "Eva Bo Åke Lisa Per bokar", "Eva kommer\tatt ta fram", "Bo och Eva väljs att städa", "Ansvarig:\tBo Ek", "Erik, Anna och Bo\tansvarar för det"];
    const texts = [...shapes, ...generated(40000), ...fixtureSentences];
    expect(fixtureSentences.length).toBeGreaterThan(2000);
    const found = new Map<string, number>();
    for (const t of texts) {
      const guarded = responsibleCandidates(lex, t);
      expect(guarded, t).toEqual(responsibleCandidates(lex, t, false));
      for (const c of guarded) found.set(c.rule, (found.get(c.rule) ?? 0) + 1);
    }
    // Every rule finds owners often enough for the comparison to mean something.
    for (const rule of ["followup/uppdrag", "followup/uppdrar-at", "followup/ansvarar", "followup/chosen-to", "followup/ansvar-label", "followup/returns", "followup/agent-verb"]) {
      expect(found.get(rule) ?? 0, rule).toBeGreaterThan(20);
    }
  });
});
