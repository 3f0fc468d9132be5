import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { capsShare, guardedPatterns, lineFeatures, LineQuestionsOf, lineMarks, wordCount } from "../../src/lines/features.js";
import { EMPTY_LAYOUT } from "../../src/ingest/line-layout.js";
import { lineVocabulary } from "../../src/lines/vocabulary.js";
import { loadLexicon } from "../../src/lexicon/load.js";

/** The share of capitals as first written: each code point's case from its own case forms. */
function capsShareByForms(s: string): number {
  let up = 0;
  let letters = 0;
  for (const ch of s) {
    if (ch.toLowerCase() === ch.toUpperCase()) continue;
    letters++;
    if (ch === ch.toUpperCase()) up++;
  }
  return letters ? up / letters : 0;
}

describe("capsShare", () => {
  // ASCII, the Latin blocks it reads by table (ß, µ, ÿ, ª and º are the odd ones), Greek and astral letters.
  const units = ["A", "a", "Å", "å", "Ä", "ö", "É", "ß", "µ", "ÿ", "ª", "º", "×", "÷", "ǅ", "Ő", "ő", "ɏ", "ɐ", "Ω", "ω", "𝐀", "𝐚", "😀", "1", " ", "-"];
  it("is the share of capitals among letters, each letter's case read from its case forms", () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...units) }), (s) => {
      expect(capsShare(s)).toBe(capsShareByForms(s));
    }), { numRuns: 2000 });
  });

  it("reads every code point of the Latin blocks as its case forms say", () => {
    const all = Array.from({ length: 0x250 }, (_, c) => String.fromCharCode(c));
    for (const ch of all) expect([ch, capsShare(ch)]).toEqual([ch, capsShareByForms(ch)]);
  });
});

describe("the pattern guards", () => {
  const guards = guardedPatterns(lineVocabulary(loadLexicon()));
  /** Whether the pattern matches anywhere in t (a global one through a fresh copy: no lastIndex carried over). */
  const matches = (re: RegExp, t: string) => new RegExp(re.source, re.flags.replace("g", "")).test(t);
  const holds = (t: string) => {
    for (const [name, re, may] of guards) if (matches(re, t)) expect([name, t, may(t, lineMarks(t))]).toEqual([name, t, true]);
  };
  // The characters the patterns turn on, and words of the lexicon's dates, parties, pages and labels.
  const unit = fc.constantFrom("1", "12", "§", ":", ".", "…", "(", ")", "\t", " ", "-", "•", "a", "é", "𝐚", "A", "Ö", "Sida", "sida", "av", "kl", "Punkt", "Anna", "(S)", "(M)", "maj", "januari", "/", "_", ",", "–", "Bilaga", "BILAGOR", "Innehåll", "INNEHÅLL", "Ärendelista", "Förteckning över ärenden", "Justerare", "Ordf.", "Vid protokollet", "Namnförtydligande", "......", "Anna", "ÅSA", "Ω", "ω", "𝐀");
  it("never turn away a line a pattern matches (generated lines)", () => {
    fc.assert(fc.property(fc.string({ unit, maxLength: 14 }), (s) => holds(s.trim())), { numRuns: 20000 });
  });
  it("never turn away a line a pattern matches (the fixtures' lines)", () => {
    const root = new URL("../../fixtures/", import.meta.url);
    let n = 0;
    let matched = 0;
    for (const dir of readdirSync(root)) {
      for (const f of readdirSync(new URL(`${dir}/`, root))) {
        if (!f.endsWith(".txt")) continue;
        for (const line of readFileSync(new URL(`${dir}/${f}`, root), "utf8").split("\n")) {
          const t = line.trim();
          holds(t);
          n++;
          if (guards.some(([, re]) => matches(re, t))) matched++;
        }
      }
    }
    // The fixtures hold lines of every kind: most patterns match some of them.
    expect(n).toBeGreaterThan(3000);
    expect(matched).toBeGreaterThan(300);
  });
  it("are marks of the characters the patterns need", () => {
    expect(lineMarks("abc")).toBe(0);
    expect(lineMarks("§ 4: kl. 13.15 (S)\t…")).toBe(lineMarks("4:(\t.…"));
    expect(lineMarks("4")).not.toBe(lineMarks(":"));
  });
});

describe("one pass over a line", () => {
  // Blanks of every kind, astral letters (whose low half is read with the high half), marked characters.
  const unit = fc.constantFrom("a", "Å", "𝐚", "😀", "A", "ǅ", "ß", "1", ":", "(", ".", "…", "\t", " ", "\u00a0", "\u2028", "\u3000", "\ud835", "§");
  it("counts the words split(/\\s+/) gives a trimmed line", () => {
    fc.assert(fc.property(fc.string({ unit }), (s) => {
      const t = s.trim();
      expect(wordCount(t)).toBe(t === "" ? 0 : t.split(/\s+/).length);
    }), { numRuns: 3000 });
  });
  it("marks a digit, a colon, a parenthesis, a tab, a dot, an ellipsis and a capital as their own tests find them", () => {
    // And a capital that may be there: a \p{Lu} of the Latin blocks, or any unit past them.
    const bits = (t: string) => [/\d/.test(t), /:/.test(t), /\(/.test(t), /\t/.test(t), /\./.test(t), /…/.test(t), /\p{Lu}|[^\u0000-\u024f]/u.test(t)];
    fc.assert(fc.property(fc.string({ unit }), fc.string({ unit }), (a, b) => {
      // Same characters, same marks; the marks tell apart what the tests tell apart.
      expect(lineMarks(a) === lineMarks(b)).toBe(JSON.stringify(bits(a)) === JSON.stringify(bits(b)));
    }), { numRuns: 3000 });
  });
});

describe("first names, read in the same pass", () => {
  const vocab = lineVocabulary(loadLexicon());
  // What was counted before: each capitalised word (one capital, then small letters, a whole run of
  // letters) whose small-letter form is a first name.
  const WORD = /(?<![\p{L}])\p{Lu}\p{Ll}+(?![\p{L}])/gu;
  const byRegex = (t: string) => [...t.matchAll(WORD)].filter((m) => vocab.firstNames.has(m[0].toLowerCase())).length;
  const firstNames = (t: string) => lineFeatures({ start: 0, end: t.length, n: 1, text: t, layout: EMPTY_LAYOUT, flat: false, piece: false }, vocab, null).firstNames;
  const unit = fc.constantFrom("Anna", "anna", "ANNA", "Per", "Åsa", "Örjan", "Eva-Lena", "Kommunstyrelsen", "Ek", "A", "b", " ", "\t", "-", ",", "(S)", "1", "ǅ", "ß", "ſ", "Ω", "ω", "𝐀", "𝐚", "\ud835", "é", "İ", "K", "Å", "…", "–");
  it("counts what the capitalised-word pattern finds (generated lines)", () => {
    fc.assert(fc.property(fc.string({ unit, maxLength: 12 }), (s) => {
      const t = s.trim();
      expect(firstNames(t)).toBe(byRegex(t));
    }), { numRuns: 5000 });
  });
  it("counts what the capitalised-word pattern finds (the fixtures' lines)", () => {
    const root = new URL("../../fixtures/", import.meta.url);
    let names = 0;
    for (const dir of readdirSync(root)) {
      for (const f of readdirSync(new URL(`${dir}/`, root))) {
        if (!f.endsWith(".txt")) continue;
        for (const line of readFileSync(new URL(`${dir}/${f}`, root), "utf8").split("\n")) {
          const t = line.trim();
          const want = byRegex(t);
          if (firstNames(t) !== want) expect([t, firstNames(t)]).toEqual([t, want]);
          names += want;
        }
      }
    }
    expect(names).toBeGreaterThan(100);
  });
});

describe("the line questions", () => {
  const ask = new LineQuestionsOf(lineVocabulary(loadLexicon()));
  it("find web page chrome words as whole words, in any case", () => {
    for (const t of ["Läs mer", "Vi använder COOKIES", "Prenumerera på nyhetsbrev", "Kontakta oss"]) expect([t, ask.of(t).web()]).toEqual([t, true]);
    for (const t of ["Protokoll", "Kommunstyrelsen", "blässa", ""]) expect([t, ask.of(t).web()]).toEqual([t, false]);
  });
});
