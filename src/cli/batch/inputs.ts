import { createHash } from "node:crypto";
import { closeSync, existsSync, lstatSync, openSync, readdirSync, readSync, realpathSync, statSync } from "node:fs";
import { dirname, extname, isAbsolute, join, resolve, sep } from "node:path";
import { createRequire } from "node:module";
import { escapeName, nameOf } from "./escape.js";

// tinyglobby (with fdir and picomatch) is loaded at the first glob only, not by every run that names
// plain files or folders; its CommonJS build, since an ES module cannot be loaded synchronously here.
type Tinyglobby = typeof import("tinyglobby");
let tinyglobby: Tinyglobby | null = null;
const globSync = (pattern: string, options: import("tinyglobby").GlobOptions): string[] =>
  (tinyglobby ??= createRequire(import.meta.url)("tinyglobby") as Tinyglobby).globSync(pattern, options);

export const INPUT_EXTENSIONS = new Set([".txt", ".text", ".md", ".markdown", ".pdf"]);

export interface InputFile {
  /** Path as given or as found under a folder, escaped for display if needed; '-' for stdin. */
  path: string;
  /** What to open: the path itself, or its bytes when the name is not UTF-8. */
  fsPath: string | Buffer;
  /** The resolved absolute path (escaped like path), for output names and --shard. */
  abs: string;
  /** Folder (or glob base) the file was found under; null for a file given directly. */
  root: string | null;
}

/** An input that was passed over, with a stable code (reported, not fatal). */
export interface Skipped {
  path: string;
  code: "not-found" | "no-match" | "not-a-regular-file" | "symlink-loop" | "dangling-link" | "unreadable" | "unsupported-extension" | "link-outside-input" | "output-folder";
  message: string;
}

/**
 * Written into every --out folder: a folder that holds it is an earlier run's output (its JSON,
 * CSV, DATA_DICTIONARY.md, emitted texts) and is never read as input.
 */
export const OUTPUT_MARKER = ".protokoll-output";
const OUTPUT_FOLDER_MESSAGE = `the output folder of an earlier protokoll run (it holds ${OUTPUT_MARKER}); not read as input`;

const isOutputFolder = (dir: string | Buffer) => existsSync(typeof dir === "string" ? join(dir, OUTPUT_MARKER) : Buffer.concat([dir, Buffer.from("/" + OUTPUT_MARKER)]));

export interface ExpandOptions {
  /** Folders never walked: the output folder (and its cache). */
  skipDirs?: string[];
  /** --exclude globs, matched against the path below its root (a pattern without / against the name alone). */
  exclude?: string[];
  /** --follow-links: follow links that lead out of the input roots. */
  followLinks?: boolean;
  /** --files-from lines: paths taken literally, never globs. */
  literal?: string[];
}

const GLOB = /[*?[\]{}]/;
const SLASH = Buffer.from("/");

function wanted(name: string): boolean {
  return INPUT_EXTENSIONS.has(extname(name).toLowerCase());
}

/** A glob as a RegExp: *, **, ?, [...] and {a,b}. */
export function globRegExp(glob: string): RegExp {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "*" && glob[i + 1] === "*") { re += ".*"; i++; if (glob[i + 1] === "/") i++; }
    else if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else if (c === "[") { const j = glob.indexOf("]", i); if (j < 0) re += "\\["; else { re += `[${glob.slice(i + 1, j).replace(/^!/, "^").replace(/\\/g, "\\\\")}]`; i = j; } }
    else if (c === "{") { const j = glob.indexOf("}", i); if (j < 0) re += "\\{"; else { re += `(?:${glob.slice(i + 1, j).split(",").map((x) => x.replace(/[.+^$()|\\]/g, "\\$&").replace(/\*/g, "[^/]*")).join("|")})`; i = j; } }
    else re += c.replace(/[.+^$()|\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`, "i");
}

function excluder(globs: string[]): (relPath: string) => boolean {
  const tests = globs.map((g) => {
    const re = globRegExp(g.replace(/\/+$/, "").replace(/^\.\//, ""));
    return g.includes("/") ? (p: string) => re.test(p) : (p: string) => re.test(p.slice(p.lastIndexOf("/") + 1));
  });
  return (p) => tests.some((t) => t(p));
}

const inside = (p: string, dir: string) => p === dir || p.startsWith(dir.endsWith(sep) ? dir : dir + sep);

/** Files and folders (recursive, sorted), globs, '-': regular files to parse, and what was passed over. */
export function expandInputs(args: string[], o: ExpandOptions = {}): { files: InputFile[]; skipped: Skipped[] } {
  const files: InputFile[] = [];
  const skipped: Skipped[] = [];
  const seen = new Set<string>();
  const excluded = excluder(o.exclude ?? []);
  const skipDirs = (o.skipDirs ?? []).map(safeReal);
  // Links are followed only to places inside the roots the user named.
  const roots: string[] = [];
  const linkAllowed = (real: string) => o.followLinks || roots.some((r) => inside(real, r));
  const skip = (p: string | Buffer, code: Skipped["code"], message: string) => skipped.push({ path: escapeName(p), code, message });

  const walk = (dir: Buffer, root: string, ancestors: Set<string>) => {
    let real: string;
    try { real = realpathSync(dir); } catch { skip(dir, "dangling-link", "a link to nothing"); return; }
    if (ancestors.has(real)) { skip(dir, "symlink-loop", "a link back to a folder above it (a loop); not followed"); return; }
    if (skipDirs.includes(real)) return;
    if (isOutputFolder(dir)) { skip(dir, "output-folder", OUTPUT_FOLDER_MESSAGE); return; }
    let names: Buffer[];
    try { names = readdirSync(dir, { encoding: "buffer" }).sort(Buffer.compare); } catch (e) {
      skip(dir, "unreadable", (e as Error).message);
      return;
    }
    const below = new Set(ancestors).add(real);
    for (const name of names) {
      const p = Buffer.concat([dir, SLASH, name]);
      const shown = escapeName(p);
      if (excluded(shown.slice(root.length).replace(/^\/+/, ""))) continue;
      const l = lstatSafe(p);
      let st;
      try { st = statSync(p); } catch {
        if (l?.isSymbolicLink()) skip(p, "dangling-link", "a link to nothing");
        continue;
      }
      if (l?.isSymbolicLink() && !linkAllowed(safeReal(p))) {
        if (st.isDirectory() || wanted(shown)) skip(p, "link-outside-input", "a link to a place outside the inputs; not followed (--follow-links follows it)");
        continue;
      }
      if (st.isDirectory()) walk(p, root, below);
      else if (!wanted(shown)) continue;
      else if (st.isFile()) add(p, root);
      else skip(p, "not-a-regular-file", "not a regular file (a pipe, socket or device)");
    }
  };
  const add = (p: string | Buffer, root: string | null) => {
    const shown = escapeName(p);
    const key = shown === "-" ? "-" : safeReal(p);
    if (seen.has(key)) return;
    seen.add(key);
    files.push({ path: shown, fsPath: nameOf(p), abs: shown === "-" ? "-" : resolve(shown), root });
  };
  const literal = new Set(o.literal ?? []);
  for (const a of args) {
    if (a === "-") continue;
    try { if (statSync(a).isDirectory()) roots.push(realpathSync(a)); } catch { /* not a folder */ }
    if (!literal.has(a) && GLOB.test(a)) roots.push(safeReal(globBase(a)));
  }
  for (const a of args) {
    if (a === "-") { add("-", null); continue; }
    let st;
    try { st = statSync(a); } catch {
      if (GLOB.test(a) && !literal.has(a)) { expandGlob(a); continue; }
      skip(a, lstatSafe(a)?.isSymbolicLink() ? "dangling-link" : "not-found", "no such file or folder");
      continue;
    }
    if (st.isDirectory()) walk(Buffer.from(a), escapeName(a), new Set());
    else if (st.isFile()) add(a, null);
    else skip(a, "not-a-regular-file", "not a regular file (a pipe, socket or device)");
  }
  function expandGlob(a: string) {
    const base = globBase(a);
    const outputFolderOf = outputFolderFinder(base);
    let n = 0;
    for (const p of globSync(a, { onlyFiles: true, dot: false, caseSensitiveMatch: false, absolute: isAbsolute(a) }).sort()) {
      if (!wanted(p) || excluded(p.slice(base.length).replace(/^\/+/, ""))) continue;
      const marked = outputFolderOf(p);
      if (marked !== null) { if (marked !== "") skip(marked, "output-folder", OUTPUT_FOLDER_MESSAGE); continue; }
      if (lstatSafe(p)?.isSymbolicLink() && !linkAllowed(safeReal(p))) { skip(p, "link-outside-input", "a link to a place outside the inputs; not followed (--follow-links follows it)"); continue; }
      add(p, base);
      n++;
    }
    if (n === 0) skip(a, "no-match", "the glob matches no input file");
  }
  return { files, skipped };
}

/**
 * For a glob's matches: the output folder (between the glob base and the file) a match lies in,
 * "" when that folder was already reported, null when there is none. Folders are looked at once.
 */
function outputFolderFinder(base: string): (file: string) => string | null {
  const marked = new Map<string, boolean>();
  const reported = new Set<string>();
  const top = resolve(base);
  return (file) => {
    const chain: string[] = [];
    for (let d = dirname(file); ; d = dirname(d)) {
      chain.unshift(d);
      if (resolve(d) === top || dirname(d) === d || !inside(resolve(d), top)) break;
    }
    for (const d of chain) {
      let m = marked.get(d);
      if (m === undefined) marked.set(d, (m = isOutputFolder(d)));
      if (!m) continue;
      if (reported.has(d)) return "";
      reported.add(d);
      return d;
    }
    return null;
  };
}

function globBase(a: string): string {
  return a.slice(0, a.search(GLOB)).replace(/[^/]*$/, "") || ".";
}
function lstatSafe(p: string | Buffer) {
  try { return lstatSync(p); } catch { return null; }
}
function safeReal(p: string | Buffer): string {
  try { return realpathSync(p); } catch { return typeof p === "string" ? resolve(p) : escapeName(p); }
}

/** Paths listed in a file, one per line, or NUL-separated (find -print0). */
/** A list of paths larger than this is refused rather than read whole into memory (about a million long paths). */
export const FILE_LIST_LIMIT = 256 * 1024 * 1024;

/** Thrown when a --files-from list is over its limit. */
export class FileListTooLarge extends Error {}

/** Reads an fd to its end or to `limit` bytes, whichever comes first: standard input may be endless. */
export function readBounded(fd: number, limit: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  const buf = Buffer.allocUnsafe(1 << 16);
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, buf, 0, buf.length, null);
    } catch (e) {
      // A non-blocking stdin with nothing yet: wait for it rather than treat it as the end.
      if ((e as NodeJS.ErrnoException).code === "EAGAIN") { Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5); continue; }
      if ((e as NodeJS.ErrnoException).code === "EOF") break;
      throw e;
    }
    if (n === 0) break;
    total += n;
    if (total > limit) throw new FileListTooLarge(`the list of files is over ${Math.round(limit / 1024 / 1024)} MB; split it (--shard) or give folders`);
    chunks.push(Buffer.from(buf.subarray(0, n)));
  }
  return Buffer.concat(chunks);
}

export function readFileList(path: string, nul: boolean, stdin: () => Buffer = () => readBounded(0, FILE_LIST_LIMIT)): string[] {
  let raw: string;
  if (path === "-") raw = stdin().toString("utf8");
  else {
    const fd = openSync(path, "r");
    try { raw = readBounded(fd, FILE_LIST_LIMIT).toString("utf8"); } finally { closeSync(fd); }
  }
  return raw.split(nul ? "\0" : /\r?\n/).map((s) => (nul ? s : s.trim())).filter((s) => s.length > 0);
}

/** --shard K/N: a stable 1/N of the inputs, by a hash of the path (adding files does not move the others). */
export function inShard(path: string, shard: { k: number; n: number } | null): boolean {
  if (!shard) return true;
  const h = createHash("sha1").update(path).digest().readUInt32BE(0);
  return h % shard.n === shard.k - 1;
}
