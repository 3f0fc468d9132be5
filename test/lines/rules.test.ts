import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ingest } from "../../src/ingest/index.js";
import { loadLexicon } from "../../src/lexicon/load.js";
import { LineQuestionsOf, QUESTION_NAMES, type LineFeatures, type LineQuestions } from "../../src/lines/features.js";
import { labelLines } from "../../src/lines/index.js";
import { fires, firedRules, loadLineRules, type LineRules } from "../../src/lines/rules.js";
import { lineVocabulary } from "../../src/lines/vocabulary.js";

const rules = loadLineRules();
const byFires = (r: LineRules, f: LineFeatures, ask: LineQuestions) => r.rules.flatMap((rule, i) => (fires(Object.entries(rule.when) as Parameters<typeof fires>[0], f, ask) ? [i] : []));
/** Questions answered from generated values, counting how often each is asked. */
function answersOf(values: Record<string, unknown>, asked: Map<string, number>): LineQuestions {
  return Object.fromEntries(QUESTION_NAMES.map((k) => [k, () => {
    asked.set(k, (asked.get(k) ?? 0) + 1);
    return values[k];
  }])) as unknown as LineQuestions;
}

describe("the compiled line rules", () => {
  it("fire exactly where the rules data says, on every line of the real openings", () => {
    const dir = new URL("../../fixtures/real/", import.meta.url);
    const lex = loadLexicon();
    const ask = new LineQuestionsOf(lineVocabulary(lex));
    let lines = 0;
    for (const name of readdirSync(dir).filter((f) => f.endsWith(".txt"))) {
      for (const l of labelLines(ingest(name, readFileSync(new URL(name, dir))), lex)) {
        ask.of(l.text.trim());
        expect(firedRules(rules, l.features, ask)).toEqual(byFires(rules, l.features, ask));
        lines++;
      }
    }
    expect(lines).toBeGreaterThan(400);
  });

  it("agree with the rules data on any values, at and around every bound and value the rules name", () => {
    // For each feature the rules test: the values they name, each number bound ±1, null, undefined and a string.
    const values = new Map<string, unknown[]>();
    for (const r of rules.rules) {
      for (const [k, c] of Object.entries(r.when)) {
        const vs = values.get(k) ?? [null, undefined, true, false, 0, "x"];
        if (typeof c === "object") for (const b of [c.min, c.max]) if (b !== undefined) vs.push(b - 1, b - 0.5, b, b + 0.5, b + 1);
        if (typeof c !== "object" && c !== "set" && c !== "unset") vs.push(c);
        values.set(k, vs);
      }
    }
    const features = fc.record(Object.fromEntries([...values].map(([k, vs]) => [k, fc.constantFrom(...vs)]))) as fc.Arbitrary<unknown> as fc.Arbitrary<LineFeatures>;
    const asked = new Map<string, number>();
    fc.assert(
      fc.property(features, (f) => {
        const answers = answersOf(f as unknown as Record<string, unknown>, asked);
        expect(firedRules(rules, f, answers)).toEqual(byFires(rules, f, answers));
      }),
      { numRuns: 3000 },
    );
    // Generated values reach every question.
    for (const k of QUESTION_NAMES) expect(asked.get(k) ?? 0).toBeGreaterThan(0);
  });

  it("ask a question only where the rule's other conditions hold", () => {
    // Each rule alone: a question asked on features where some other condition of it fails is asked for nothing.
    for (const rule of rules.rules.filter((r) => Object.keys(r.when).some((k) => (QUESTION_NAMES as readonly string[]).includes(k)))) {
      const only = { ...rules, rules: [rule] };
      const asked = new Map<string, number>();
      const failing = Object.fromEntries(Object.keys(rule.when).map((k) => [k, undefined])) as unknown as LineFeatures;
      expect(firedRules(only, failing, answersOf({}, asked))).toEqual([]);
      expect([rule.id, asked.size]).toEqual([rule.id, 0]);
    }
  });
});
