import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

/**
 * The built CLI and its workers through V8's code cache (src/start/): the first run writes the
 * cache, the next ones read it (nothing rewritten) and give the same outputs, for a text file read
 * in process and for PDFs read in workers, whose pdf.js is an ES module imported from a script
 * compiled from the cache.
 */
const BIN = new URL("../../dist/cli/bin.js", import.meta.url).pathname;
const TEXT = new URL("../../fixtures/seeds/", import.meta.url).pathname;
const PDFS = new URL("../../fixtures/pdfs/", import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), "protokoll-cli-codecache-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function cli(args: string[], cache: string): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { ...process.env, PROTOKOLL_CODE_CACHE: cache }, timeout: 120_000 }, (e, _out, stderr) =>
      resolve({ code: e ? (typeof e.code === "number" ? e.code : -1) : 0, stderr }),
    );
  });
}

const snapshot = (dir: string) => Object.fromEntries(readdirSync(dir).map((f) => [f, statSync(join(dir, f)).mtimeMs]));
const outputs = (dir: string) => Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith(".json")).map((f) => [f, readFileSync(join(dir, f), "utf8")]));

describe("code cache through the CLI", { timeout: 120_000 }, () => {
  it.each([
    ["a text file, in process", [join(TEXT, readdirSync(TEXT).find((f) => f.endsWith(".txt"))!)]],
    ["two PDFs, in workers", readdirSync(PDFS).filter((f) => /^00\d_.*\.pdf$/.test(f)).slice(0, 2).map((f) => join(PDFS, f))],
  ])("%s: written once, then read, outputs unchanged", async (name, inputs) => {
    const cache = join(work, `cache-${name.length}`);
    const runs: Array<Record<string, string>> = [];
    let written: Record<string, number> = {};
    for (let i = 0; i < 3; i++) {
      const out = join(work, `out-${name.length}-${i}`);
      const r = await cli(["parse", ...inputs, "--out", out, "--no-cache", "-q"], cache);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      runs.push(outputs(out));
      if (i === 0) written = snapshot(cache);
      else expect(snapshot(cache)).toEqual(written); // read, not refused and rewritten
    }
    expect(Object.keys(written).length).toBeGreaterThan(3);
    expect(Object.keys(runs[0]!)).toHaveLength(inputs.length);
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[2]).toEqual(runs[0]);
  });

  it("off: the run succeeds and writes no cache", async () => {
    const cache = join(work, "never");
    const r = await cli(["parse", join(PDFS, readdirSync(PDFS).find((f) => /^00\d_.*\.pdf$/.test(f))!), "--out", join(work, "off"), "--no-cache", "-q"], "off");
    expect(r.code).toBe(0);
    expect(() => readdirSync(cache)).toThrow();
  });
});
