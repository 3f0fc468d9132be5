import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadLexicon } from "../../src/lexicon/load.js";
import { dateRules } from "../../src/extract/dates/rules.js";
import { trieOf } from "../../src/extract/dates/vocabulary.js";
import { anyOf } from "../../src/text/unicode.js";

const lex = loadLexicon();
const months = lex.forms("months");

/** Offsets where `source` matches (sticky), under the date rules' flags. */
function hitsAt(source: string, text: string): number[] {
  const re = new RegExp(source, "iuy");
  const out: number[] = [];
  for (let at = 0; at <= text.length; at++) {
    re.lastIndex = at;
    if (re.test(text)) out.push(at);
  }
  return out;
}

const word = fc.stringMatching(/^[a-cå .]{1,5}$/u);
const piece = fc.constantFrom(...months, ...months.map((m) => m.toUpperCase()), "mar", "marknad", "ju", "dec.", " ", "\t", "\n", ".", "x", "2", "ſ", "Sept", "feb.r");
const text = fc.array(piece, { maxLength: 10 }).map((ps) => ps.join(""));

describe("trieOf", () => {
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

describe("date rule cues", () => {
  const seasonal = fc.array(fc.constantFrom("vår", "sommar", "höst", "vinter", "VÅR", "en", "ens", "n", "ns", "terminen", "d", " ", "\t", "2023", "\n", "Hösten"), { maxLength: 8 }).map((ps) => ps.join(""));
  it("every rule's match holds its cue (a rule runs only on the lines where the cue is)", () => {
    const rules = dateRules(lex).filter((r) => r.needs);
    fc.assert(
      fc.property(fc.oneof(text, seasonal), (t) => {
        for (const r of rules) {
          for (const m of t.matchAll(r.pattern)) {
            const cue = new RegExp(r.needs!.source, "iu");
            expect([r.id, m[0], cue.test(m[0])]).toEqual([r.id, m[0], true]);
          }
        }
      }),
    );
  });
});
