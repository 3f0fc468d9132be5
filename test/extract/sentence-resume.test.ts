import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { forgetSentences, sentences, squashedText } from "../../src/extract/sentences.js";

/**
 * A split resumes an earlier split of the same end from a state both reached (sentences.ts's
 * split): its sentences must be those of a split of its own, whichever split came first.
 */
const DIR = new URL("../../fixtures/real/", import.meta.url);
const texts = readdirSync(DIR).filter((f) => f.endsWith(".txt")).sort().slice(0, 40).map((f) => readFileSync(new URL(f, DIR), "utf8"));

/** A small deterministic generator (no Math.random: a failure must repeat). */
function lcg(seed: number): (n: number) => number {
  let x = seed;
  return (n) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % n;
  };
}

const alone = (text: string, start: number, end: number) => {
  forgetSentences();
  return sentences(text, { start, end });
};

describe("sentences shared between splits of one end", () => {
  it("are those of a split of its own, in either order and from any start", () => {
    const pick = lcg(7);
    let shared = 0;
    for (const text of texts) {
      for (let k = 0; k < 12; k++) {
        const end = text.length - pick(Math.min(text.length, 2000));
        // Starts at line starts (as items') and anywhere (as quoted text).
        const starts = [0, 1, 2].map(() => {
          const at = pick(Math.max(1, end));
          return pick(2) ? text.lastIndexOf("\n", at) + 1 : at;
        });
        // A second end among the splits: its states must not be taken for those of the first.
        const ranges = starts.flatMap((start) => [{ start, end }, { start, end: Math.max(start, end - 1 - pick(200)) }]);
        const want = ranges.map((r) => alone(text, r.start, r.end));
        forgetSentences();
        const got = ranges.map((r) => sentences(text, r));
        expect(got).toEqual(want);
        shared += Number(want[0]!.length > 0);
      }
    }
    expect(shared).toBeGreaterThan(100);
  });

  it("resume where a later start meets an earlier split's sentence end", () => {
    const text = "Rubrik\nFörsta meningen. Andra meningen. Tredje.\n\nFjärde stycket.";
    forgetSentences();
    const whole = sentences(text, { start: 0, end: text.length });
    const from = text.indexOf("Andra") - 1;
    expect(sentences(text, { start: from, end: text.length })).toEqual(whole.slice(2));
    expect(whole.map((r) => text.slice(r.start, r.end))).toEqual(["Rubrik", "Första meningen.", "Andra meningen.", "Tredje.", "Fjärde stycket."]);
  });

  it("are kept apart for every pair of offsets in one memo (numeric memo keys), and past the text's end", () => {
    const text = "\nRubrik\nFörsta  meningen. Andra\tmeningen.\n\nTredje:\n\n• punkt\nSlut";
    const ranges: Array<{ start: number; end: number }> = [];
    for (let start = 0; start <= text.length + 2; start++) for (let end = start; end <= text.length + 2; end++) ranges.push({ start, end });
    const want = ranges.map((r) => alone(text, r.start, r.end));
    const wantFlat = ranges.map((r) => { forgetSentences(); return squashedText(text, r); });
    forgetSentences();
    expect(ranges.map((r) => sentences(text, r))).toEqual(want);
    expect(ranges.map((r) => squashedText(text, r))).toEqual(wantFlat);
  });
});
