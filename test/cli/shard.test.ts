import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { expandInputs, inShard } from "../../src/cli/batch/inputs.js";
import { outputNames } from "../../src/cli/batch/names.js";

/**
 * --shard k/n on one archive, spelled as each machine of a job array might spell it (issue 18):
 * the parts are disjoint, together they are the archive, and every spelling cuts the same parts.
 * The selection is runBatch's: names from every input, then the shard by the name's path.
 */
function archive(): string {
  const root = mkdtempSync(join(tmpdir(), "protokoll-shard-"));
  const arkiv = join(root, "arkiv");
  for (const [i, dir] of ["", "2023", "2024/ks", "2024/bun"].entries()) {
    mkdirSync(join(arkiv, dir), { recursive: true });
    for (let j = 0; j < 15; j++) writeFileSync(join(arkiv, dir, `p${i}-${j}.${j % 4 === 0 ? "pdf" : "txt"}`), "x");
  }
  symlinkSync(arkiv, join(root, "link"));
  return root;
}

function shardOf(input: string, k: number, n: number): string[] {
  const files = expandInputs([input]).files;
  const names = outputNames(files);
  return files.map((f) => names.get(f)!.rel).filter((rel) => inShard(rel, { k, n })).sort();
}

describe("--shard over one archive", () => {
  const root = archive();
  const abs = join(root, "arkiv");
  const rel = relative(process.cwd(), abs);
  const spellings = [abs, `${abs}/`, rel, `./${rel}`, `${rel}/`, join(root, "link"), `${join(root, "link")}/`];
  const all = expandInputs([abs]).files.map((f) => relative(abs, f.abs)).sort();

  it("the archive has files in nested folders", () => {
    expect(all.length).toBe(60);
    expect(all).toContain("2024/ks/p2-0.pdf");
  });

  for (const n of [2, 3, 7]) {
    it(`n = ${n}: shards disjoint, covering, the same whatever the spelling`, () => {
      const reference = Array.from({ length: n }, (_, i) => shardOf(abs, i + 1, n));
      expect(reference.flat().sort()).toEqual(all);
      expect(new Set(reference.flat()).size).toBe(all.length);
      for (const part of reference) expect(part.length).toBeGreaterThan(0);
      for (const s of spellings) {
        expect(Array.from({ length: n }, (_, i) => shardOf(s, i + 1, n)), s).toEqual(reference);
      }
    });
  }
});
