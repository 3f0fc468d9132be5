import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadLexicon } from "../../src/lexicon/load.js";
import { dateRules } from "../../src/extract/dates/rules.js";
import { scan } from "../../src/extract/dates/select.js";

const lex = loadLexicon();
const months = lex.forms("months");
const monthly = fc.array(fc.constantFrom(...months, "MARS", "i", "kv", "kv.", "KV", "Q", "q", "kvartal", "första", "kvartalet", "3", "4", "7", "2024", "från", "mellan", "9:30", "9", "kl", "kl.", "Klockan", "till", "nästa", "vecka", " ", "\t", "\n", ".", "x"), { maxLength: 10 }).map((ps) => ps.join(""));

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

/** A small deterministic generator (no Math.random: a failure must repeat); its high bits, as an LCG's low bits repeat soon. */
function lcg(seed: number): (n: number) => number {
  let x = seed;
  return (n) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return Math.floor((x / 2147483648) * n);
  };
}

describe("date rules run on their cues' lines only", () => {
  const rules = dateRules(lex);
  const unguarded = rules.map((r) => ({ ...r, needs: undefined }));
  const pieces = [
    ...months, "MARS", "i", "kv", "kv.", "KV", "Kv.", "Q", "q", "kvartal", "Kvartal", "kvart", "kvalitet", "första", "FJÄRDE", "kvartalet", "år",
    "2024", "1", "3", "4", "5", "9", "30", "9:30", "11.00", "från", "Från", "mellan", "MELLAN", "till", "och", "kl", "kl.", "KL", "klockan", "Klockan",
    "vår", "sommar", "höst", "vinter", "en", "ens", "n", "terminen", "nästa", "vecka", "veckan", "nästa vecka", "Förra veckan", "fjol", "i fjol", "nästa år", "hösten", "VÅREN", "kvartal 3", "Q4", "kv. 2", "från kl. 9", "mellan 9:30", "från 9:30 till", "Mellan klockan 9.15 och", "från kl 10:00 till kl.", "11:00", "10.45", "12:30", "den", "x", "-", "–", ",", ":",
  ];
  const blanks = [" ", " ", " ", "", "\t", "  ", "\n", "\u00a0"];
  const pick = lcg(5);
  const generated = Array.from({ length: 20000 }, () =>
    Array.from({ length: 1 + pick(8) }, () => pieces[pick(pieces.length)]!).map((w, k) => (k ? blanks[pick(blanks.length)]! : "") + w).join(""));
  const DIRS = ["../../fixtures/real/", "../../fixtures/seeds/"].map((d) => new URL(d, import.meta.url));
  const fixtures = DIRS.flatMap((dir) => readdirSync(dir).filter((f) => /\.(?:txt|md)$/u.test(f)).sort().map((f) => readFileSync(new URL(f, dir), "utf8")));

  it("find what every rule tried on the whole text finds, on generated texts and the fixtures", () => {
    const found = new Map<string, number>();
    for (const t of [...generated, ...fixtures]) {
      const guarded = scan(t, rules);
      expect(guarded, t).toEqual(scan(t, unguarded));
      for (const m of guarded) found.set(m.rule, (found.get(m.rule) ?? 0) + 1);
    }
    // Every rule with a cue finds mentions often enough for the comparison to mean something.
    for (const r of rules.filter((x) => x.needs)) expect(found.get(r.id) ?? 0, r.id).toBeGreaterThan(20);
  });
});
