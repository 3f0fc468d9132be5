import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";

/**
 * V8's code cache between runs (issue 18: start-up). Each run is its own process, as in use: within
 * one process V8 keeps compiled scripts in memory and never consults the data given. The processes
 * run the built module (dist/, made by `npm test` before vitest).
 */
const MODULE = new URL("../../dist/start/code-cache.js", import.meta.url).href;

const scratch: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), "protokoll-codecache-test-"));
  scratch.push(d);
  return d;
};
const folder = () => join(temp(), "cache");
afterEach(() => {
  for (const d of scratch.splice(0)) rmSync(d, { recursive: true, force: true });
});

// Inner functions compile only when called: the data written after the call holds them.
const SOURCE = (n: number) => `(function () { function inner(x) { return x * ${n} + [1, 2, 3].map((y) => y + x).length; } return inner(2); })`;
type Run = { result: number; hits: number; misses: number; folder: string | null };

/** One process: compiles and runs SOURCE(n) through the cache, saves, and tells what it did. */
function runOnce(env: Record<string, string>, n: number, { changeFlags = false } = {}): Run {
  const script = `
    const { openCodeCache } = await import(${JSON.stringify(MODULE)});
    const cache = openCodeCache();
    const result = cache.compile("/virtual/a.cjs", ${JSON.stringify(SOURCE(n))}).runInThisContext()();
    ${changeFlags ? '(await import("node:v8")).setFlagsFromString("--semi-space-growth-factor=1");' : ""}
    cache.save();
    console.log(JSON.stringify({ result, ...cache.stats, folder: cache.folder }));`;
  const childEnv: Record<string, string | undefined> = { ...process.env, PROTOKOLL_CODE_CACHE: undefined, ...env };
  return JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script], { env: childEnv, encoding: "utf8" })) as Run;
}
const at = (dir: string) => ({ PROTOKOLL_CODE_CACHE: dir });
const counts = ({ result, hits, misses }: Run) => ({ result, hits, misses });

describe("code cache", { timeout: 30_000 }, () => {
  it("a second process reads what the first one compiled and ran, and computes the same", () => {
    const dir = folder();
    expect(counts(runOnce(at(dir), 7))).toEqual({ result: 17, hits: 0, misses: 1 });
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^a\.cjs\.[0-9a-f]{24}\.v8$/);
    expect(statSync(join(dir, files[0]!)).mode & 0o777).toBe(0o600);
    expect(counts(runOnce(at(dir), 7))).toEqual({ result: 17, hits: 1, misses: 0 });
  });

  it("another source of the same file and length is a miss, never stale code", () => {
    const dir = folder();
    runOnce(at(dir), 7);
    // SOURCE(8) has SOURCE(7)'s length and name: V8's own check (length, version, flags) would take the data.
    expect(counts(runOnce(at(dir), 8))).toEqual({ result: 19, hits: 0, misses: 1 });
  });

  it("data V8 refuses (a damaged file) is compiled without and written again", () => {
    const dir = folder();
    runOnce(at(dir), 3);
    const [name] = readdirSync(dir);
    writeFileSync(join(dir, name!), Buffer.from("not V8 data at all"), { mode: 0o600 });
    expect(counts(runOnce(at(dir), 3))).toEqual({ result: 9, hits: 0, misses: 1 });
    expect(counts(runOnce(at(dir), 3))).toEqual({ result: 9, hits: 1, misses: 0 });
  });

  it("by default: the user's cache folder ($XDG_CACHE_HOME, else ~/.cache) under protokoll/code-cache", () => {
    if (process.platform === "win32" || process.platform === "darwin") return; // other folders there (README)
    const xdg = temp();
    expect(runOnce({ XDG_CACHE_HOME: xdg }, 2).folder).toBe(join(xdg, "protokoll", "code-cache"));
    expect(readdirSync(join(xdg, "protokoll", "code-cache"))).toHaveLength(1);
    const home = temp();
    expect(runOnce({ HOME: home, XDG_CACHE_HOME: "" }, 2).folder).toBe(join(home, ".cache", "protokoll", "code-cache"));
    expect(counts(runOnce({ HOME: home, XDG_CACHE_HOME: "" }, 2)).hits).toBe(1);
  });

  describe.runIf(typeof process.getuid === "function")("a folder that is not this user's own is neither read nor written", () => {
    it("writable by others", () => {
      const dir = folder();
      runOnce(at(dir), 5);
      chmodSync(dir, 0o777);
      expect(runOnce(at(dir), 5)).toEqual({ result: 13, hits: 0, misses: 1, folder: null });
      runOnce(at(dir), 6);
      expect(readdirSync(dir)).toHaveLength(1);
    });

    it.runIf(process.getuid?.() === 0)("owned by another user (a file in it too)", () => {
      const dir = folder();
      runOnce(at(dir), 5);
      const [name] = readdirSync(dir);
      chownSync(join(dir, name!), 65534, 65534);
      expect(counts(runOnce(at(dir), 5))).toEqual({ result: 13, hits: 0, misses: 1 }); // the file is refused
      chownSync(dir, 65534, 65534);
      expect(runOnce(at(dir), 5).folder).toBeNull();
    });

    it("a link to such a folder, with or without a trailing slash, is judged by the folder", () => {
      const base = temp();
      const open = join(base, "open");
      mkdirSync(open, { mode: 0o777 });
      chmodSync(open, 0o777);
      symlinkSync(open, join(base, "link"));
      for (const given of [join(base, "link"), `${join(base, "link")}/`]) expect(runOnce(at(given), 4).folder).toBeNull();
      expect(readdirSync(open)).toHaveLength(0);
      const own = join(base, "own");
      mkdirSync(own, { mode: 0o700 });
      symlinkSync(own, join(base, "own-link"));
      expect(runOnce(at(`${join(base, "own-link")}/`), 4).folder).toBe(own);
    });

    it("a file that is a link is not followed", () => {
      const dir = folder();
      runOnce(at(dir), 5);
      const [name] = readdirSync(dir);
      rmSync(join(dir, name!));
      const elsewhere = temp();
      runOnce(at(elsewhere), 5); // valid data for the same key, in another folder
      symlinkSync(join(elsewhere, readdirSync(elsewhere)[0]!), join(dir, name!));
      expect(counts(runOnce(at(dir), 5)).hits).toBe(0);
    });
  });

  it("off: no folder anywhere, every run compiles", () => {
    const xdg = temp();
    for (let i = 0; i < 2; i++) expect(runOnce({ PROTOKOLL_CODE_CACHE: "off", XDG_CACHE_HOME: xdg, HOME: xdg }, 2)).toEqual({ result: 7, hits: 0, misses: 1, folder: null });
    expect(readdirSync(xdg)).toHaveLength(0);
  });

  it("after V8's options changed at run time, nothing is written (later runs would refuse it); a plain run then writes", () => {
    const dir = folder();
    runOnce(at(dir), 4, { changeFlags: true });
    expect(existsSync(dir) && readdirSync(dir)).toHaveLength(0);
    expect(counts(runOnce(at(dir), 4))).toEqual({ result: 11, hits: 0, misses: 1 });
    expect(counts(runOnce(at(dir), 4))).toEqual({ result: 11, hits: 1, misses: 0 });
  });
});
