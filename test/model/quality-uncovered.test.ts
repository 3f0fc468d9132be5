import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { qualityFlags } from "../../src/model/quality.js";
import type { Output } from "../../src/model/schema.js";
import { parseTextSync } from "../../src/pipeline.js";

/**
 * The text-outside-blocks flag stops counting the ink inside the blocks once the share is known to
 * be small (quality.ts, uncoveredShare): its flags must be those of counting the whole text, as
 * before (the reference below), at any threshold and for spans that do not tile the text.
 */
const isInk = (c: number) => c !== 32 && c !== 10 && c !== 9 && c !== 13 && c !== 12;
function inkIn(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) if (isInk(text.charCodeAt(i))) n++;
  return n;
}

/** The share and widest gap as counted before: the whole text's ink, then each gap's. */
function referenceShare(out: Output, text: string): { share: number; widest: [number, number] } | null {
  if (out.meetings.length === 0) return null;
  const total = inkIn(text, 0, text.length);
  if (total === 0) return null;
  const ranges: Array<[number, number]> = [];
  for (const m of out.meetings) {
    const first = m.items.length ? Math.min(...m.items.map((i) => i.span.start)) : m.span.end;
    ranges.push([m.span.start, first]);
    for (const it of m.items) ranges.push([it.span.start, it.span.end]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  let at = 0;
  let outside = 0;
  let widest: [number, number] = [0, 0];
  const gap = (s: number, e: number) => {
    if (e <= s) return;
    outside += inkIn(text, s, e);
    if (e - s > widest[1] - widest[0]) widest = [s, e];
  };
  for (const [s, e] of ranges) {
    gap(at, s);
    at = Math.max(at, e);
  }
  gap(at, text.length);
  return { share: outside / total, widest };
}

function lcg(seed: number): (n: number) => number {
  let x = seed;
  return (n) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % n;
  };
}

const DIR = new URL("../../fixtures/real/", import.meta.url);
const files = readdirSync(DIR).filter((f) => f.endsWith(".txt")).sort().slice(0, 30);
const opts = { nameParticles: [] as string[] };
const uncovered = (out: Output, text: string, maxUncoveredShare: number) =>
  qualityFlags(out, text, { ...opts, maxUncoveredShare }).filter((f) => f.rule === "quality/text-outside-blocks");

/** The flag the reference gives: at the threshold, with the same share. */
function expectSameAsReference(out: Output, text: string): number {
  const ref = referenceShare(out, text);
  let flagged = 0;
  const shares = ref ? [ref.share, ref.share * 0.999, ref.share * 1.001, ref.share - 1e-12] : [];
  for (const max of [0, 0.01, 0.1, 0.4, 0.9, 1, -1, ...shares]) {
    const got = uncovered(out, text, max);
    const want = ref !== null && !(ref.share <= max);
    expect(got.length).toBe(want ? 1 : 0);
    if (want) {
      flagged++;
      expect(got[0]!.message.startsWith(`${Math.round(ref.share * 100)} %`)).toBe(true);
      expect([got[0]!.span!.start, got[0]!.span!.end]).toEqual(ref.widest);
    }
  }
  return flagged;
}

describe("the text-outside-blocks flag, counting stopped early", () => {
  it("is that of counting the whole text, on fixtures at any threshold", () => {
    let flagged = 0;
    for (const f of files) {
      const { output, text } = parseTextSync(readFileSync(new URL(f, DIR)), { path: f });
      flagged += expectSameAsReference(output, text);
    }
    expect(flagged).toBeGreaterThan(30);
  });

  it("is that of counting the whole text for moved, reversed and out-of-text spans, and blank texts", () => {
    const pick = lcg(11);
    const { output, text } = parseTextSync(readFileSync(new URL(files[0]!, DIR)), { path: files[0] });
    for (let k = 0; k < 200; k++) {
      const out = structuredClone(output);
      const body = k % 10 === 0 ? text.replace(/\S/g, " ") : text + (k % 3 ? "" : "\n" + "x y\n".repeat(pick(5000)));
      for (const m of out.meetings) {
        m.span.start = pick(body.length);
        m.span.end = pick(3) ? m.span.start + pick(body.length - m.span.start + 1) : pick(body.length + 50);
        for (const it of m.items) {
          it.span.start = pick(body.length + (k % 7 === 0 ? 100 : 0));
          it.span.end = pick(4) ? it.span.start + pick(9000) : pick(body.length);
        }
      }
      expectSameAsReference(out, body);
    }
  });
});
