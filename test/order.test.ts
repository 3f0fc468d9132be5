import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseTextSync } from "../src/pipeline.js";

// A file's output must not depend on what the same process parsed before it (a batch worker parses
// file after file). Found by comparing whole corpora: a shared global regex kept its lastIndex from
// the previous file, and matchAll started from there, so a body name early in the next record was
// skipped depending on the order of the batch.
const dirs = [new URL("../fixtures/seeds/", import.meta.url), new URL("../fixtures/real/", import.meta.url)];
const files = dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith(".txt")).sort().map((f) => new URL(f, d)));
const parse = (u: URL) => JSON.stringify(parseTextSync(readFileSync(u), { path: u.pathname }).output);

/**
 * A sequence of 0…n-1 in which every ordered pair of distinct numbers stands side by side exactly
 * once (an Euler circuit of the complete directed graph, Hierholzer's algorithm): n(n-1)+1 parses
 * instead of two for each pair.
 */
function everyPairOnce(n: number): number[] {
  const next = Array.from({ length: n }, (_, v) => Array.from({ length: n }, (_, w) => w).filter((w) => w !== v));
  const stack = [0];
  const walk: number[] = [];
  while (stack.length) {
    const v = stack[stack.length - 1]!;
    const w = next[v]!.pop();
    if (w === undefined) walk.push(stack.pop()!);
    else stack.push(w);
  }
  return walk.reverse();
}

describe("output does not depend on the files parsed before", () => {
  it("a body name at the top of a record is found after another file's Organ label", () => {
    // The Organ value leaves the shared body pattern's lastIndex past the first 13 characters.
    const organ = "PROTOKOLL\nOrgan: Kommunstyrelsens allmänna utskott\nPlats och tid: Rådhuset 2024-05-02 kl 13.00\n§ 1 Ärende\nBeslut\nUtskottet beslutar att godkänna.\n";
    const plain = "Socialnämnden\nPlats och tid: Rådhuset kl 13.00\nBeslutande: Anna Berg (S), Bo Ek (M)\n§ 1 Ärende\nBeslut\nNämnden beslutar att godkänna.\n";
    const body = (t: string) => parseTextSync(t).output.meetings.map((m) => m.body);
    expect(body(organ)).toEqual(["Kommunstyrelsens allmänna utskott"]);
    expect(body(plain)).toEqual(["Socialnämnden"]);
  });

  it("every fixture gives the same output forwards, backwards and alone", () => {
    const forwards = files.map(parse);
    const backwards = [...files].reverse().map(parse).reverse();
    expect(backwards).toEqual(forwards);
    // Each again right after every other file: the state any one file leaves behind. One walk that
    // takes every ordered pair (g, then f) once, so each parse is both the file checked and the one before the next.
    const walk = everyPairOnce(files.length);
    expect(new Set(walk.slice(1).map((f, k) => `${walk[k]} ${f}`)).size).toBe(files.length * (files.length - 1));
    for (const i of walk) expect(parse(files[i]!)).toBe(forwards[i]);
  }, 120_000);
});
