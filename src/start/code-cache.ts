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
 * Where: the folder `PROTOKOLL_CODE_CACHE` names (or `off`), else the user's cache folder
 * (`$XDG_CACHE_HOME` or ~/.cache on Linux, ~/Library/Caches on macOS, %LOCALAPPDATA% on Windows)
 * under protokoll/code-cache. What is in it runs as code, so it is used only when the folder it
 * resolves to is this user's and writable by no one else, and each file too (opened without
 * following a link); otherwise nothing is read or written. A file is named by a hash of the source, the Node version
 * and V8's cache tag (its version and options: V8 itself checks only the source's length, so a
 * rebuilt bundle of the same length would take stale data); data made after the options changed
 * at run time is not saved, since no later run would take it. Every failure (no folder, a full
 * disk, refused data) means compiling as without a cache.
 */
import { createHash } from "node:crypto";
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { basename, join, resolve } from "node:path";
import { cachedDataVersionTag } from "node:v8";
import { Script } from "node:vm";

/** Compiles scripts, from the cache when it holds their source; `save` writes what ran of the others. */
export interface CodeCache {
  compile(file: string, code: string): Script;
  /** Writes the data of every script compiled without it (what has run of it so far). */
  save(): void;
  /** Scripts compiled from the cache, and without it. */
  readonly stats: { hits: number; misses: number };
  /** The folder in use, or null (off, or refused). */
  readonly folder: string | null;
}

export type CodeCacheOptions = {
  env?: NodeJS.ProcessEnv;
  /** Save when the process exits, after the run (the bundle loader's choice). */
  saveAtExit?: boolean;
};

/** Files kept in the folder: a few builds' worth (a build is about 15 files per process kind). */
const KEPT_FILES = 60;
/** A temporary file older than this was left by a process killed while writing. */
const LEFTOVER_MS = 60_000;

type Pending = { path: string; script: Script; tag: number };

export function openCodeCache({ env = process.env, saveAtExit = false }: CodeCacheOptions = {}): CodeCache {
  const wanted = cacheFolder(env);
  const folder = wanted === null ? null : ownFolder(wanted);
  let pending: Pending[] = [];
  const stats = { hits: 0, misses: 0 };
  const save = () => {
    if (folder) writePending(folder, pending);
    pending = [];
  };
  if (folder && saveAtExit) process.once("exit", save);
  return {
    stats,
    folder,
    save,
    compile(file, code) {
      const tag = cachedDataVersionTag();
      const path = folder ? join(folder, `${basename(file)}.${sourceKey(code, tag)}.v8`) : null;
      const cachedData = path ? readOwnFile(path) : undefined;
      const script = new Script(code, { filename: file, cachedData });
      if (cachedData && !script.cachedDataRejected) stats.hits++;
      else {
        stats.misses++;
        if (path) pending.push({ path, script, tag });
      }
      return script;
    },
  };
}

function cacheFolder(env: NodeJS.ProcessEnv): string | null {
  const given = env.PROTOKOLL_CODE_CACHE?.trim();
  if (given && /^(?:off|0|false|no)$/i.test(given)) return null;
  if (given) return resolve(given);
  const base = userCacheBase(env);
  return base ? join(base, "protokoll", "code-cache") : null;
}

function userCacheBase(env: NodeJS.ProcessEnv): string | null {
  if (process.platform === "win32") return env.LOCALAPPDATA || null;
  let home: string;
  try {
    home = homedir();
  } catch {
    return null;
  }
  if (process.platform === "darwin") return join(home, "Library", "Caches");
  return env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.startsWith("/") ? env.XDG_CACHE_HOME : join(home, ".cache");
}

/**
 * Made if missing; its real path (links resolved once, here) if that is a folder of this user that
 * no one else may write, else null. Files are then named under the real path.
 */
function ownFolder(dir: string): string | null {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const real = realpathSync(dir);
    const s = lstatSync(real);
    return s.isDirectory() && ownedHere(s) ? real : null;
  } catch {
    return null;
  }
}

/** This user's, and writable by no one else (POSIX); on Windows the folder is under the user's own profile. */
function ownedHere(s: { uid: number; mode: number }): boolean {
  if (typeof process.getuid !== "function") return true;
  return s.uid === process.getuid() && (s.mode & 0o022) === 0;
}

function sourceKey(code: string, tag: number): string {
  return createHash("sha256").update(code).update(`\0${process.version}\0${process.arch}\0${tag}`).digest("hex").slice(0, 24);
}

function readOwnFile(path: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    const s = fstatSync(fd);
    if (!s.isFile() || !ownedHere(s)) return undefined;
    return readFileSync(fd);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Each file written whole under a temporary name and renamed, so a reader never sees half of one.
 * A script compiled before V8's options changed (setFlagsFromString) is skipped: its data would
 * carry the new options' tag, which no run starting with the old ones takes.
 */
function writePending(dir: string, pending: Pending[]): void {
  const now = cachedDataVersionTag();
  const writable = pending.filter((p) => p.tag === now);
  if (writable.length === 0) return;
  for (const { path, script } of writable) {
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
  prune(dir);
}

/** The oldest files beyond KEPT_FILES, and temporary files a killed process left. */
function prune(dir: string): void {
  try {
    const now = Date.now();
    const files = readdirSync(dir).map((f) => ({ f, t: statSync(join(dir, f)).mtimeMs }));
    for (const { f, t } of files) if (f.endsWith(".tmp") && now - t > LEFTOVER_MS) unlinkSync(join(dir, f));
    const kept = files.filter(({ f }) => f.endsWith(".v8")).sort((a, b) => a.t - b.t);
    for (const { f } of kept.slice(0, Math.max(0, kept.length - KEPT_FILES))) unlinkSync(join(dir, f));
  } catch {
    // another process pruned first
  }
}
