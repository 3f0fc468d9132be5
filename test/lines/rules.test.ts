import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ingest } from "../../src/ingest/index.js";
import { loadLexicon } from "../../src/lexicon/load.js";
import type { LineFeatures } from "../../src/lines/features.js";
import { labelLines } from "../../src/lines/index.js";
import { fires, firedRules, loadLineRules, type LineRules } from "../../src/lines/rules.js";

const rules = loadLineRules();
const byFires = (r: LineRules, f: LineFeatures) => r.rules.flatMap((rule, i) => (fires(Object.entries(rule.when) as Parameters<typeof fires>[0], f) ? [i] : []));

describe("the compiled line rules", () => {
  it("fire exactly where the rules data says, on every line of the real openings", () => {
    const dir = new URL("../../fixtures/real/", import.meta.url);
    const lex = loadLexicon();
    let lines = 0;
    for (const name of readdirSync(dir).filter((f) => f.endsWith(".txt"))) {
      for (const l of labelLines(ingest(name, readFileSync(new URL(name, dir))), lex)) {
        expect(firedRules(rules, l.features)).toEqual(byFires(rules, l.features));
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
    fc.assert(
      fc.property(features, (f) => {
        expect(firedRules(rules, f)).toEqual(byFires(rules, f));
      }),
      { numRuns: 3000 },
    );
  });
});
