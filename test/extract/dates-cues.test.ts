import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadLexicon } from "../../src/lexicon/load.js";
import { dateRules } from "../../src/extract/dates/rules.js";

const lex = loadLexicon();
const months = lex.forms("months");
const monthly = fc.array(fc.constantFrom(...months, "MARS", "i", "kv", "Q", "kvartal", "3", "2024", "från", "mellan", "9:30", "till", "nästa", "vecka", " ", "\t", "\n", ".", "x"), { maxLength: 10 }).map((ps) => ps.join(""));

describe("date rule cues", () => {
  const seasonal = fc.array(fc.constantFrom("vår", "sommar", "höst", "vinter", "VÅR", "en", "ens", "n", "ns", "terminen", "d", " ", "\t", "2023", "\n", "Hösten"), { maxLength: 8 }).map((ps) => ps.join(""));
  it("every rule's match holds its cue (a rule runs only on the lines where the cue is)", () => {
    const rules = dateRules(lex).filter((r) => r.needs);
    fc.assert(
      fc.property(fc.oneof(monthly, seasonal), (t) => {
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
