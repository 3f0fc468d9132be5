import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { paraHeaders, prefixedHeaders } from "../../src/segment/item-headers.js";

const PARA = /(?<![\p{L}\p{N}§])(?:(?<prefix>\p{Lu}[\p{L}]{1,5})[ \t]+)?§[ \t]*(?<num>\d{1,4})(?![\d§])(?<rest>[ \t]*[.:]?)/gu;
const PREFIXED = /(?<![\p{L}\p{N}])(?<prefix>\p{Lu}[\p{Ll}]{1,4}|\p{Lu}{2,5})[ \t]+(?<num>\d{1,4})[ \t]+(?=Dnr|\p{Lu})/gu;

/** What the regex finds when run from `from`, keeping matches that start before `to`. */
function reference(re: RegExp, text: string, from: number, to: number) {
  const out: Array<[number, number, string, string]> = [];
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) out.push([m.index, m[0].length, m.groups!.num!, m.groups!.prefix ?? ""]);
  return out;
}

// Single characters and whole near-headers, so that runs of the shapes that matter come up often.
const pieces = ["Ks § 1", "x §1", "ab § 2", "Abcdefg § 3", "Sn 49 Dnr", "Ab 1 X", "KS 12 Ö", "abc 3 A", "ABCDEF 4 B", "§", " ", "\t", "  ", "1", "12", "12345", "Ks", "KS", "Sn", "Abcdefg", "Dnr", "Ab", "x", "ÅÄ", "Öre", ".", ":", "§§", "\n", ",", "𝐀", "3"];
/** A window start never falls inside a surrogate pair (V8 would back up to the pair's start; ours start at line starts). */
const startAt = (text: string, a: number) => {
  const from = a % (text.length + 1);
  return from > 0 && /[\uDC00-\uDFFF]/u.test(text[from] ?? "") && /[\uD800-\uDBFF]/.test(text[from - 1]!) ? from - 1 : from;
};

const texts = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((a) => a.join(""));

describe("item header scans", () => {
  it("paraHeaders finds what the § pattern finds", () => {
    fc.assert(
      fc.property(texts, fc.nat(), fc.nat(), (text, a, b) => {
        const from = startAt(text, a);
        const to = from + (b % (text.length - from + 1));
        const got = [...paraHeaders(text, from, to)].map((m) => [m.index, m.length, m.num, m.word]);
        expect(got).toEqual(reference(PARA, text, from, to));
      }),
      { numRuns: 3000 },
    );
  });

  it("prefixedHeaders finds what the prefixed pattern finds", () => {
    fc.assert(
      fc.property(texts, fc.nat(), fc.nat(), (text, a, b) => {
        const from = startAt(text, a);
        const to = from + (b % (text.length - from + 1));
        const got = [...prefixedHeaders(text, from, to)].map((m) => [m.index, m.length, m.num, m.word]);
        expect(got).toEqual(reference(PREFIXED, text, from, to));
      }),
      { numRuns: 3000 },
    );
  });

  it("reads the examples", () => {
    expect([...paraHeaders("Ks § 12 Budget\n§ 13: Val", 0, 25)].map((m) => [m.word, m.num])).toEqual([["Ks", "12"], ["", "13"]]);
    expect([...prefixedHeaders("Sn 49 Dnr 2014/12 Ärende", 0, 24)].map((m) => [m.word, m.num])).toEqual([["Sn", "49"]]);
  });
});
