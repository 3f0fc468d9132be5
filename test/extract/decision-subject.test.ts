import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { activeDecision, proposingSubject } from "../../src/extract/decision-verbs.js";
import { forgetSentences, sentences } from "../../src/extract/sentences.js";
import { loadLexicon } from "../../src/lexicon/load.js";
import { anyOf } from "../../src/text/unicode.js";

/**
 * afterSubject reads the sentence's first words by offset and asks its patterns only of words that
 * can pass them (a last letter no subject form ends in, an inner word that does not end in -, s or a):
 * its answers must be those of the plain reading, which cut every word, lower-cased it and asked
 * every pattern of it. The plain reading is kept here as it was.
 */
const lex = loadLexicon();
const forms = (v: string) => lex.forms("decision-verbs", v);
const endsInAny = (fs: string[]) => (w: string) => fs.some((f) => w.endsWith(f));
const plain = {
  subjectEnd: endsInAny(forms("subject")),
  subjectWords: forms("subject-word"),
  afterGenitive: endsInAny(forms("subject-after-genitive")),
  present: new RegExp(`^${anyOf(forms("present"))}(?![\\p{L}])`, "iu"),
  past: new RegExp(`^${anyOf(forms("past"))}(?![\\p{L}])`, "iu"),
};

function plainAfterSubject(sentence: string): string[] {
  if (!/^\p{Lu}/u.test(sentence)) return [];
  const head = /^(?:\S+\s+){1,4}/u.exec(sentence);
  if (!head) return [];
  const words: string[] = [];
  const after: number[] = [];
  for (const m of head[0].matchAll(/(\S+)\s+/gu)) {
    words.push(m[1]!);
    after.push(m.index + m[0].length);
  }
  const out: string[] = [];
  let owned = false;
  for (let k = 1; k <= words.length; k++) {
    if (k > 2 && !/^(?:och|\p{L}[\p{L}-]*-|\p{L}[\p{L}-]*(?::s|s)|\p{Ll}+a)$/u.test(words[k - 2]!)) break;
    const last = words[k - 1]!;
    const lower = last.toLowerCase();
    const bodyWord = owned
      ? plain.afterGenitive(lower)
      : (last.length >= 2 && last.length <= 10 && /^\p{Lu}{2,5}$/u.test(last)) || plain.subjectWords.includes(lower) || plain.subjectEnd(lower);
    if (bodyWord) out.push(sentence.slice(after[k - 1]));
    owned ||= /(?::s|s)$/u.test(last);
  }
  return out;
}

function plainActive(sentence: string): "present" | "past" | null {
  for (const rest of plainAfterSubject(sentence)) {
    const after = rest.replace(/^\p{Ll}+[ \t]+och[ \t]+/u, "");
    if (plain.present.test(after)) return "present";
    if (plain.past.test(after)) return "past";
  }
  return null;
}

const plainProposing = (sentence: string) => plainAfterSubject(sentence).some((rest) => /^föreslår(?![\p{L}])/u.test(rest));

/** A small deterministic generator (no Math.random: a failure must repeat). */
function lcg(seed: number): (n: number) => number {
  let x = seed;
  return (n) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % n;
  };
}

const DIRS = ["../../fixtures/real/", "../../fixtures/seeds/"].map((d) => new URL(d, import.meta.url));
/** The sentences of the fixtures, and each of their lines: a line opens with a subject as often. */
const fixtureSentences = DIRS.flatMap((dir) => readdirSync(dir).filter((f) => /\.(?:txt|md)$/u.test(f)).sort().flatMap((f) => {
  const text = readFileSync(new URL(f, dir), "utf8");
  forgetSentences();
  const said = sentences(text, { start: 0, end: text.length }).map((r) => text.slice(r.start, r.end).trim());
  return [...said, ...text.split("\n").map((l) => l.trim())];
}));

/** Sentences made of subject words in every case, genitives, inner words and verbs, with odd blanks and letters. */
function generated(n: number): string[] {
  const pick = lcg(11);
  const cased = (w: string) => [w, w.toUpperCase(), w[0]!.toUpperCase() + w.slice(1)][pick(3)]!;
  const pool = [
    ...forms("subject"), ...forms("subject-word"), ...forms("subject-after-genitive"), ...forms("present"), ...forms("past"),
    "och", "Miljö-", "Kommunstyrelsens", "Region", "Västmanlands", "allmänna", "KS", "UFM", "ÅÄÖ", "Östs", "föreslår", "nominerar",
    "mötet:s", "İstyrelsen", "ΣΟΣ", "styrelsenΣ", "Årsmötet", "x", "-", "s", "a", "A", "1", "§", "Styrelsen\u00a0", "nämnd\u2003",
  ];
  const blanks = [" ", " ", " ", "\t", "  ", "\n", "\u00a0", "\u2009"];
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const words = Array.from({ length: 1 + pick(6) }, () => cased(pool[pick(pool.length)]!));
    out.push(words.map((w, k) => (k ? blanks[pick(blanks.length)]! : "") + w).join("") + (pick(2) ? " dagordningen." : ""));
  }
  return out;
}

describe("a deciding subject read by offset", () => {
  it("gives the plain reading's tense and proposal on the fixtures' sentences", () => {
    expect(fixtureSentences.length).toBeGreaterThan(2000);
    let decided = 0;
    for (const s of fixtureSentences) {
      const tense = activeDecision(lex, s);
      expect(tense, s).toBe(plainActive(s));
      expect(proposingSubject(lex, s), s).toBe(plainProposing(s));
      if (tense) decided++;
    }
    expect(decided).toBeGreaterThan(10);
  });

  it("gives the plain reading's tense and proposal on generated sentences", () => {
    let decided = 0;
    for (const s of generated(40_000)) {
      const tense = activeDecision(lex, s);
      expect(tense, JSON.stringify(s)).toBe(plainActive(s));
      expect(proposingSubject(lex, s), JSON.stringify(s)).toBe(plainProposing(s));
      if (tense) decided++;
    }
    expect(decided).toBeGreaterThan(1000);
  });
});
