/**
 * V8's code cache for the bundled program, kept between runs. A one-file run spends most of its
 * time compiling: the bundle's source at load and then each function at its first call. V8 can
 * serialise what it compiled (the bytecode of every function that has run so far) and take it
 * back in the next process instead of compiling again. The data is made at exit, after the run,
 * so it holds the functions a parse needs and not only the top level. One text file of the bench
 * corpus through the CLI, 12 interleaved runs each (2026-12-03): the ES-module bundle of before
 * 0.37 s best / 0.44 median, this loader without a cache 0.37 / 0.42, with it 0.27 / 0.32; a cache
 * made right after compiling, before the run, gave 0.28 where the one made at exit gave 0.25.
 *
 * Node 22 has `module.enableCompileCache()`, Node 20 (the machines) has not; `v8-compile-cache`
 * (the package) makes its data before a module runs, which is the 0.28 s above. So this is ours.
 *
 * Where: `PROTOKOLL_CODE_CACHE` (a folder, or `off`), else `protokoll-code-cache-<uid>` under the
 * system's temporary folder. The folder must be this user's own and writable by no one else, since
 * what is in it runs as code; otherwise nothing is read or written. A file is named by a hash of
 * the source, the Node version and the process's V8 options (V8 itself checks only the source's
 * length, its version and its flags), so a rebuilt bundle or another Node never reads stale data.
 * Every failure (no folder, full disk, rejected data) means compiling as without a cache.
 */
import { createHash } from "node:crypto";
import { closeSync, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { Script } from "node:vm";

/** Compiles scripts, from the cache when it holds their source; `save` writes what ran of the others. */
export interface CodeCache {
  compile(file: string, code: string): Script;
  /** Writes the data of every script compiled without it (what has run of it so far). */
  save(): void;
  /** Scripts compiled from the cache, and without it. */
  readonly stats: { hits: number; misses: number };
}

export type CodeCacheOptions = {
  env?: NodeJS.ProcessEnv;
  /** Save when the process exits, after the run (the bundle loader's choice). */
  saveAtExit?: boolean;
};

/** Files kept in the folder: a few builds' worth (a build is about 15 files). */
const KEPT_FILES = 60;
const FLAGS_CHANGED = Symbol.for("protokoll.codeCache.v8FlagsChanged");

/**
 * Changes V8 options at run time. V8 stamps its cache data with a hash of its options, so data made
 * after such a change would be refused by every later run, which starts with the options unchanged:
 * after this call, this process writes no cache. (A global symbol: the bundle and the loader each
 * have their own copy of this module.)
 */
export function setV8FlagsAtRunTime(flags: string): void {
  setFlagsFromString(flags);
  (globalThis as Record<symbol, unknown>)[FLAGS_CHANGED] = true;
}

export function openCodeCache({ env = process.env, saveAtExit = false }: CodeCacheOptions = {}): CodeCache {
  const dir = cacheFolder(env);
  const trusted = dir !== null && ownFolder(dir);
  let pending: Array<{ path: string; script: Script }> = [];
  const stats = { hits: 0, misses: 0 };
  const save = () => {
    if (trusted) writePending(dir, pending);
    pending = [];
  };
  if (trusted && saveAtExit) process.once("exit", save);
  return {
    stats,
    save,
    compile(file, code) {
      const path = trusted ? join(dir, `${basename(file)}.${sourceKey(code)}.v8`) : null;
      const cachedData = path ? readIfThere(path) : undefined;
      const script = new Script(code, { filename: file, cachedData });
      if (cachedData && !script.cachedDataRejected) stats.hits++;
      else {
        stats.misses++;
        if (path) pending.push({ path, script });
      }
      return script;
    },
  };
}

function cacheFolder(env: NodeJS.ProcessEnv): string | null {
  const given = env.PROTOKOLL_CODE_CACHE?.trim();
  if (given && /^(?:off|0|false|no)$/i.test(given)) return null;
  if (given) return given;
  const uid = typeof process.getuid === "function" ? process.getuid() : "user";
  return join(tmpdir(), `protokoll-code-cache-${uid}`);
}

/** Made if missing; used only if it is a real folder of this user that no one else may write. */
function ownFolder(dir: string): boolean {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const s = lstatSync(dir);
    if (!s.isDirectory()) return false;
    if (typeof process.getuid !== "function") return true; // Windows: the temporary folder is the user's own
    return s.uid === process.getuid() && (s.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

function sourceKey(code: string): string {
  return createHash("sha256").update(code).update(`\0${process.version}\0${process.arch}\0${process.execArgv.join(" ")}`).digest("hex").slice(0, 24);
}

function readIfThere(path: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    // Written by this user only (the folder is checked, the file too: a link planted before the check).
    if (typeof process.getuid === "function" && fstatSync(fd).uid !== process.getuid()) return undefined;
    return readFileSync(fd);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Each file written whole under a temporary name and renamed, so a reader never sees half of one. */
function writePending(dir: string, pending: Array<{ path: string; script: Script }>): void {
  if (pending.length === 0 || (globalThis as Record<symbol, unknown>)[FLAGS_CHANGED]) return;
  for (const { path, script } of pending) {
    const temporary = `${path}.${process.pid}.tmp`;
    try {
      writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
      renameSync(temporary, path);
    } catch {
      try {
        unlinkSync(temporary);
      } catch {
        // never written
      }
    }
  }
  pruneOldest(dir);
}

function pruneOldest(dir: string): void {
  try {
    const files = readdirSync(dir).filter((f) => f.endsWith(".v8"));
    if (files.length <= KEPT_FILES) return;
    const byAge = files.map((f) => ({ f, t: statSync(join(dir, f)).mtimeMs })).sort((a, b) => a.t - b.t);
    for (const { f } of byAge.slice(0, files.length - KEPT_FILES)) unlinkSync(join(dir, f));
  } catch {
    // another process pruned first
  }
}
