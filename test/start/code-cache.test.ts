import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";

/**
 * V8's code cache between runs (issue 18: start-up). Each run is its own process, as in use: within
 * one process V8 keeps compiled scripts in memory and never consults the data given. The processes
 * run the built module (dist/, made by `npm test` before vitest).
 */
const MODULE = new URL("../../dist/start/code-cache.js", import.meta.url).href;

const folders: string[] = [];
const folder = () => {
  const d = mkdtempSync(join(tmpdir(), "protokoll-codecache-test-"));
  folders.push(d);
  return join(d, "cache");
};
afterEach(() => {
  for (const d of folders.splice(0)) rmSync(d, { recursive: true, force: true });
});

// Inner functions compile only when called: the data written after the call holds them.
const SOURCE = (n: number) => `(function () { function inner(x) { return x * ${n} + [1, 2, 3].map((y) => y + x).length; } return inner(2); })`;

/** One process: compiles and runs SOURCE(n) through the cache, saves, and tells what it did. */
function runOnce(cacheEnv: string, n: number, { changeFlags = false } = {}): { result: number; hits: number; misses: number } {
  const script = `
    const { openCodeCache, setV8FlagsAtRunTime } = await import(${JSON.stringify(MODULE)});
    const cache = openCodeCache();
    const result = cache.compile("/virtual/a.cjs", ${JSON.stringify(SOURCE(n))}).runInThisContext()();
    ${changeFlags ? 'setV8FlagsAtRunTime("--semi-space-growth-factor=1");' : ""}
    cache.save();
    console.log(JSON.stringify({ result, ...cache.stats }));`;
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], { env: { ...process.env, PROTOKOLL_CODE_CACHE: cacheEnv }, encoding: "utf8" });
  return JSON.parse(out) as { result: number; hits: number; misses: number };
}

describe("code cache", { timeout: 30_000 }, () => {
  it("a second process reads what the first one compiled and ran, and computes the same", () => {
    const dir = folder();
    expect(runOnce(dir, 7)).toEqual({ result: 17, hits: 0, misses: 1 });
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^a\.cjs\.[0-9a-f]{24}\.v8$/);
    expect(statSync(join(dir, files[0]!)).mode & 0o777).toBe(0o600);
    expect(runOnce(dir, 7)).toEqual({ result: 17, hits: 1, misses: 0 });
  });

  it("another source of the same file and length is a miss, never stale code", () => {
    const dir = folder();
    runOnce(dir, 7);
    // SOURCE(8) has SOURCE(7)'s length and name: V8's own check (length, version, flags) would take the data.
    expect(runOnce(dir, 8)).toEqual({ result: 19, hits: 0, misses: 1 });
  });

  it("data V8 refuses (a damaged file) is compiled without and written again", () => {
    const dir = folder();
    runOnce(dir, 3);
    const [name] = readdirSync(dir);
    writeFileSync(join(dir, name!), Buffer.from("not V8 data at all"), { mode: 0o600 });
    expect(runOnce(dir, 3)).toEqual({ result: 9, hits: 0, misses: 1 });
    expect(runOnce(dir, 3)).toEqual({ result: 9, hits: 1, misses: 0 });
  });

  it.skipIf(typeof process.getuid !== "function")("a folder others may write is neither read nor written", () => {
    const dir = folder();
    runOnce(dir, 5);
    chmodSync(dir, 0o777);
    expect(runOnce(dir, 5)).toEqual({ result: 13, hits: 0, misses: 1 });
    runOnce(dir, 6);
    expect(readdirSync(dir)).toHaveLength(1);
  });

  it("off: no folder is made and every run compiles", () => {
    const dir = folder();
    expect(runOnce("off", 2)).toEqual({ result: 7, hits: 0, misses: 1 });
    expect(runOnce("off", 2)).toEqual({ result: 7, hits: 0, misses: 1 });
    expect(existsSync(dir)).toBe(false);
  });

  it("after a V8 option changed at run time, nothing is written (later runs would refuse it)", () => {
    const dir = folder();
    runOnce(dir, 4, { changeFlags: true });
    expect(readdirSync(dir)).toHaveLength(0);
    expect(runOnce(dir, 4).hits).toBe(0);
  });
});
