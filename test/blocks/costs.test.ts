import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BLOCK_KINDS, EMIT, emitCosts, type State } from "../../src/blocks/costs.js";
import type { LabelledLine } from "../../src/lines/index.js";
import { LINE_LABELS } from "../../src/lines/rules.js";

/** A line's cost in one state as it was computed before emitCosts: one call per state and line. */
function emitCostByState(state: State, l: LabelledLine): number {
  const ADJUST_KINDS = new Set(["adjust", "posting"]);
  let c = EMIT[state][l.label] ?? 3;
  const f = l.features;
  if (state === "adjustment" && l.label === "label" && f.labelKind && ADJUST_KINDS.has(f.labelKind)) c = 0;
  if (state === "header-box" && f.labelKind && ADJUST_KINDS.has(f.labelKind)) c += 0.6;
  if (state === "header-box" && l.label === "body" && f.words <= 5 && !f.endsSentence) c = 0.5;
  if (f.labelKind === "attendance" && (f.firstNames > 0 || f.labelValue === false)) {
    if (state === "attendance") c = 0;
    if (state === "header-box") c += 0.5;
  }
  const namesAfterNumber = l.label === "item-header" && f.nameAfterNumber;
  if (state === "attendance" && l.label === "item-header" && (namesAfterNumber || f.parties > 0)) c = 0.2;
  if ((state === "item" || state === "section") && namesAfterNumber) c += 1;
  if (state !== "toc" && (f.dotLeader || (f.trailingPage && (f.paragraphStart || f.numberStart)))) c += 0.8;
  return c;
}

describe("emitCosts", () => {
  const line = fc.record({
    label: fc.constantFrom(...LINE_LABELS),
    labelKind: fc.constantFrom(null, "adjust", "posting", "attendance", "place"),
    firstNames: fc.nat(2),
    labelValue: fc.boolean(),
    words: fc.nat(8),
    endsSentence: fc.boolean(),
    nameAfterNumber: fc.boolean(),
    parties: fc.nat(2),
    dotLeader: fc.boolean(),
    trailingPage: fc.boolean(),
    paragraphStart: fc.boolean(),
    numberStart: fc.boolean(),
  }).map(({ label, ...features }) => ({ label, features }) as unknown as LabelledLine);
  it("gives each state's cost as the one-state reading does, to the bit", () => {
    fc.assert(fc.property(line, fc.nat(3), (l, at) => {
      const out = new Float64Array(at + BLOCK_KINDS.length);
      emitCosts(l, out, at);
      expect(Array.from(out.subarray(at))).toEqual(BLOCK_KINDS.map((s) => emitCostByState(s, l)));
    }), { numRuns: 5000 });
  });
});
