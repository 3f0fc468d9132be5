import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anyOf, capitalisedAnyOf, cueOf, forEachCapitalisedWord, hasLetterRun, hasNonBlankRun, isBlank, isBlankText, isUpper, trieOf } from "../../src/text/unicode.js";
import { loadLexicon } from "../../src/lexicon/load.js";

// The label scans: a case-insensitive alternation filtered to capitalised matches, against the
// case-sensitive one that only starts at capitals. The same matches, except that a lower-case
// phrase ("ej tjänstgörande ersättare") no longer hides a capitalised label inside it ("Ersättare").
const FORMS = ["plats och tid", "plats", "tid", "datum", "övriga närvarande", "ersättare", "ej tjänstgörande ersättare", "justerare", "§ 5"];
const wide = new RegExp(`(?<=^|[\\t ]|\\n)(${anyOf(FORMS)})(?![\\p{L}])`, "giu");
const narrow = new RegExp(`(?<=^|[\\t ]|\\n)(${capitalisedAnyOf(FORMS)})(?![\\p{L}])`, "gu");
const pieces = ["Plats och tid", "PLATS OCH TID", "plats och tid", "Plats  och\ttid", "Tid", "tid", "TID", "Övriga närvarande", "övriga NÄRVARANDE", "Ej tjänstgörande ersättare", "Ersättare", "ErSÄTTARE", "§ 5", " ", "\n", "x", ":", "Datum:", "datum", "ej tjänstgörande "];

describe("capitalisedAnyOf", () => {
  it("finds exactly the capitalised matches of the case-insensitive alternation", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 25 }).map((a) => a.join("")), (text) => {
        // What the callers did: match case-insensitively, then keep the capitalised ones.
        const want = [...text.matchAll(wide)].filter((m) => isUpper(m[1]![0])).map((m) => [m.index, m[1]]);
        const got = [...text.matchAll(narrow)].map((m) => [m.index, m[1]]);
        expect(got).toEqual(expect.arrayContaining(want));
        // Each match is one the case-insensitive pattern finds at that place, capitalised.
        const sticky = new RegExp(wide.source, "yiu");
        for (const [at, word] of got as Array<[number, string]>) {
          sticky.lastIndex = at;
          expect(sticky.exec(text)?.[1]).toBe(word);
          expect(isUpper(word[0])).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe("squash", () => {
  it("collapses every whitespace run to one space and trims, like replace(/\\s+/g, ' ').trim()", async () => {
    const { squash } = await import("../../src/text/unicode.js");
    const pieces = ["a", "Ö", " ", "  ", "\t", "\n", "\r\n", "\u00a0", "\u2009", "x y", ".", ""];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((a) => a.join("")), (s) => {
        expect(squash(s)).toBe(s.replace(/\s+/g, " ").trim());
      }),
      { numRuns: 3000 },
    );
  });
});

describe("forEachCapitalisedWord", () => {
  const REGEX = /(?<![\p{L}])\p{Lu}\p{Ll}+(?![\p{L}])/gu;
  const byRegex = (s: string) => [...s.matchAll(REGEX)].map((m) => [m.index, m.index + m[0].length]);
  const byLoop = (s: string) => {
    const out: number[][] = [];
    forEachCapitalisedWord(s, (start, end) => out.push([start, end]));
    return out;
  };
  it.each([
    ["Anna Berg (S), ordförande", [[0, 4], [5, 9]]],
    ["ÅSA Åsa åsa Ösel-Öberg", [[4, 7], [12, 16], [17, 22]]],
    ["McLean Ek A Bo2Ca", [[7, 9], [12, 14], [15, 17]]],
    ["Ωmega Ωμέγα", [[0, 5], [6, 11]]],
    ["\u{1D400}bc Ab\u{1D41A} Xy", [[0, 4], [5, 9], [10, 12]]],
    ["", []],
  ])("%j", (s, expected) => {
    expect(byLoop(s)).toEqual(expected);
    expect(byLoop(s)).toEqual(byRegex(s));
  });
  it("finds what the regex finds in any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("A", "b", "Å", "ö", "ß", "ǅ", "ſ", "1", " ", "-", "\u{1D400}", "\u{1D41A}", "é", "Σ", "ς") }), (s) => {
        expect(byLoop(s)).toEqual(byRegex(s));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("isBlank", () => {
  it("is JavaScript's \\s for every UTF-16 unit", () => {
    for (let c = 0; c < 0x10000; c++) expect(isBlank(c), c.toString(16)).toBe(/\s/.test(String.fromCharCode(c)));
  });
});

describe("hasLetterRun and hasNonBlankRun", () => {
  // The same answers as the regexes they replace, by code point (astral letters, lone surrogates, blanks).
  const unit = fc.constantFrom("a", "Ö", "ß", "1", " ", "\u00a0", "\t", "\n", "-", "\u{1d400}", "\ud835", "\u2003", "é");
  it("agree with /\\p{L}{n}/u and /\\S{n}/u", () => {
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), fc.integer({ min: 1, max: 8 }), (s, n) => {
        expect(hasLetterRun(s, n)).toBe(new RegExp(`\\p{L}{${n}}`, "u").test(s));
        expect(hasNonBlankRun(s, n)).toBe(new RegExp(`\\S{${n}}`, "u").test(s));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("isBlankText", () => {
  it("agrees with trim() === \"\" (every character trim removes, and others)", () => {
    const unit = fc.constantFrom(" ", "\t", "\n", "\r", "\v", "\f", "\u00a0", "\u1680", "\u2000", "\u200a", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000", "\ufeff", "\u180e", "\u200b", "a", "§", "\ud835");
    fc.assert(fc.property(fc.string({ unit, maxLength: 12 }), (s) => {
      expect(isBlankText(s)).toBe(s.trim() === "");
    }), { numRuns: 3000 });
    for (let c = 0; c < 0x10000; c++) expect(isBlankText(String.fromCharCode(c))).toBe(String.fromCharCode(c).trim() === "");
  });
});

describe("cueOf", () => {
  const bits = ["ordf", "ordförande", "vice", "v.", "sekr", "sekreterare", "1:e", "Å", "å", "ſ", "k", "K", "-", "/", "(", "e"];
  const form = fc.array(fc.constantFrom(...bits), { minLength: 1, maxLength: 3 }).map((a) => a.join(" "));
  const text = fc.array(fc.constantFrom(...bits, " ", "\t", "x", "\n", "ORDF", "Sekr", "V."), { maxLength: 12 }).map((a) => a.join(""));
  it.each([["iu"], ["u"], ["giu"]])("holds wherever anyOf(forms) matches (flags %s)", (flags) => {
    fc.assert(
      fc.property(fc.array(form, { minLength: 1, maxLength: 6 }), text, (forms, t) => {
        const full = new RegExp(anyOf(forms), flags.replace("g", ""));
        if (full.test(t)) expect(cueOf(forms, flags).test(t)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("keeps a few short words of the lexicon's role forms", () => {
    const cue = cueOf(loadLexicon().forms("roles"), "iu");
    expect(cue.source.split("|").length).toBeLessThanOrEqual(8);
    expect(cue.test("Anna Berg (S), ordförande")).toBe(true);
    expect(cue.test("Kommunstyrelsen beslutar att godkänna rapporten")).toBe(false);
  });
});

describe("trieOf", () => {
  /** Offsets where `source` matches (sticky), case-insensitively as the cues are used. */
  const hitsAt = (source: string, text: string): number[] => {
    const re = new RegExp(source, "iuy");
    const out: number[] = [];
    for (let at = 0; at <= text.length; at++) {
      re.lastIndex = at;
      if (re.test(text)) out.push(at);
    }
    return out;
  };
  const word = fc.stringMatching(/^[a-cå .]{1,5}$/u);
  const months = loadLexicon().forms("months");
  const piece = fc.constantFrom(...months, ...months.map((m) => m.toUpperCase()), "mar", "marknad", "ju", "dec.", " ", "\t", "\n", ".", "x", "2", "ſ", "Sept", "feb.r");
  const text = fc.array(piece, { maxLength: 10 }).map((ps) => ps.join(""));

  it("matches at the same offsets as anyOf with the month cue's look-ahead, over month-like text", () => {
    const end = "(?![\\p{L}\\p{N}])";
    fc.assert(
      fc.property(text, (t) => {
        expect(hitsAt(`${trieOf(months)}${end}`, t)).toEqual(hitsAt(`${anyOf(months)}${end}`, t));
      }),
    );
  });

  it("matches at the same offsets as anyOf for any small set of forms, spaces and prefixes of each other included", () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), fc.stringMatching(/^[a-cåA-CÅ \t.]{0,14}$/u), (forms, t) => {
        for (const end of ["", "$", "(?![\\p{L}])"]) expect(hitsAt(`${trieOf(forms)}${end}`, t)).toEqual(hitsAt(`${anyOf(forms)}${end}`, t));
      }),
    );
  });
});
