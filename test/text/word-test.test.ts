import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadLexicon } from "../../src/lexicon/load.js";
import { testAnywhere } from "../../src/text/scan.js";
import { wordsOf, wordTestOf } from "../../src/text/unicode.js";

/**
 * wordTestOf is wordsOf as a trie: for a pattern that is only tested, the answer must be the same
 * on every text. Asked of the forms it is used for and of every lexicon list, on the fixtures'
 * lines and on text made of the forms themselves (prefixes, case, blanks, letters glued on).
 */
const lex = loadLexicon();
const lists: Array<[string, string[]]> = [
  ["deadline-cues dated", lex.forms("deadline-cues", "dated")],
  ["deadline-cues undated", lex.forms("deadline-cues", "undated")],
  ["decision-verbs passive", lex.forms("decision-verbs", "passive")],
  ["months", lex.forms("months")],
  ["roles", lex.forms("roles")],
  ["section-headings", lex.forms("section-headings")],
  ["meeting-kinds", lex.forms("meeting-kinds")],
  // decision-candidates' NOT_A_DECISION words.
  ["announcing words", ["yrkar", "yrkade", "föreslår", "föreslås", "föreslagit", "föreslog", "ska", "skall", "kommer att", "kan", "bör", "behöver", "om att"]],
];

const DIRS = ["../../fixtures/real/", "../../fixtures/seeds/"].map((d) => new URL(d, import.meta.url));
const lines = DIRS.flatMap((dir) => readdirSync(dir).filter((f) => /\.(?:txt|md)$/u.test(f)).sort()
  .flatMap((f) => readFileSync(new URL(f, dir), "utf8").split("\n")));

/** A small deterministic generator (no Math.random: a failure must repeat). */
function lcg(seed: number): (n: number) => number {
  let x = seed;
  return (n) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % n;
  };
}

function generated(forms: string[], n: number): string[] {
  const pick = lcg(5);
  const glue = ["", " ", "  ", "\t", "a", "å", "9", ".", "-", "\n", "ſ"];
  const shape = (f: string) => {
    const cut = pick(4) === 0 ? f.slice(0, Math.max(1, pick(f.length + 1))) : f;
    return [cut, cut.toUpperCase(), cut.replace(/ /gu, "\t "), cut[0]!.toUpperCase() + cut.slice(1)][pick(4)]!;
  };
  return Array.from({ length: n }, () => Array.from({ length: 1 + pick(4) }, () => glue[pick(glue.length)]! + shape(forms[pick(forms.length)]!) + glue[pick(glue.length)]!).join(""));
}

describe("wordTestOf", () => {
  for (const [name, forms] of lists) {
    it(`answers as wordsOf for ${name}`, () => {
      const plain = new RegExp(wordsOf(forms), "iu");
      const trie = new RegExp(wordTestOf(forms), "iu");
      let hits = 0;
      for (const s of [...lines, ...generated(forms, 20_000)]) {
        const want = plain.test(s);
        expect(trie.test(s), JSON.stringify(s)).toBe(want);
        expect(testAnywhere(trie, s), JSON.stringify(s)).toBe(want);
        if (want) hits++;
      }
      expect(hits).toBeGreaterThan(300);
    });
  }
});
