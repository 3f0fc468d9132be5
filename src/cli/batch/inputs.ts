import { createHash } from "node:crypto";
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { basename, extname, isAbsolute, join, relative } from "node:path";
import { globSync } from "tinyglobby";

export const INPUT_EXTENSIONS = new Set([".txt", ".text", ".md", ".markdown", ".pdf"]);

export interface InputFile {
  /** Path as given or as found under a folder; '-' for stdin. */
  path: string;
  /** Folder (or glob base) the file was found under, for mirroring; null for a file given directly. */
  root: string | null;
}

/** An input that was passed over, with a stable code (reported, not fatal). */
export interface Skipped {
  path: string;
  code: "not-found" | "not-a-regular-file" | "symlink-loop" | "dangling-link" | "unreadable" | "unsupported-extension";
  message: string;
}

const GLOB = /[*?[\]{}]/;

function wanted(name: string): boolean {
  return INPUT_EXTENSIONS.has(extname(name).toLowerCase());
}

/** Files and folders (recursive, sorted), globs, '-': regular files to parse, and what was passed over. */
export function expandInputs(args: string[]): { files: InputFile[]; skipped: Skipped[] } {
  const files: InputFile[] = [];
  const skipped: Skipped[] = [];
  const seen = new Set<string>();
  const walk = (dir: string, root: string, ancestors: Set<string>) => {
    let real: string;
    try { real = realpathSync(dir); } catch { skipped.push({ path: dir, code: "dangling-link", message: "a link to nothing" }); return; }
    if (ancestors.has(real)) { skipped.push({ path: dir, code: "symlink-loop", message: "a link back to a folder above it (a loop); not followed" }); return; }
    let names: string[];
    try { names = readdirSync(dir).sort(); } catch (e) {
      skipped.push({ path: dir, code: "unreadable", message: (e as Error).message });
      return;
    }
    const below = new Set(ancestors).add(real);
    for (const name of names) {
      const p = join(dir, name);
      let st;
      try { st = statSync(p); } catch {
        if (lstatSafe(p)?.isSymbolicLink()) skipped.push({ path: p, code: "dangling-link", message: "a link to nothing" });
        continue;
      }
      if (st.isDirectory()) walk(p, root, below);
      else if (!wanted(name)) continue;
      else if (st.isFile()) add({ path: p, root });
      else skipped.push({ path: p, code: "not-a-regular-file", message: "not a regular file (a pipe, socket or device)" });
    }
  };
  const add = (f: InputFile) => {
    const key = f.path === "-" ? "-" : safeReal(f.path);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(f);
  };
  for (const a of args) {
    if (a === "-") { add({ path: "-", root: null }); continue; }
    let st;
    try { st = statSync(a); } catch {
      if (GLOB.test(a)) {
        const base = a.slice(0, a.search(GLOB)).replace(/[^/]*$/, "") || ".";
        for (const p of globSync(a, { onlyFiles: true, dot: false, caseSensitiveMatch: false, absolute: isAbsolute(a) }).sort()) {
          if (wanted(p)) add({ path: p, root: base });
        }
        continue;
      }
      skipped.push({ path: a, code: lstatSafe(a)?.isSymbolicLink() ? "dangling-link" : "not-found", message: "no such file or folder" });
      continue;
    }
    if (st.isDirectory()) walk(a, a, new Set());
    else if (st.isFile()) add({ path: a, root: null });
    else skipped.push({ path: a, code: "not-a-regular-file", message: "not a regular file (a pipe, socket or device)" });
  }
  return { files, skipped };
}

function lstatSafe(p: string) {
  try { return lstatSync(p); } catch { return null; }
}
function safeReal(p: string) {
  try { return realpathSync(p); } catch { return p; }
}

/** Paths listed in a file, one per line, or NUL-separated (find -print0). */
export function readFileList(path: string, nul: boolean, stdin: () => Buffer): string[] {
  const raw = path === "-" ? stdin().toString("utf8") : readFileSync(path, "utf8");
  return raw.split(nul ? "\0" : /\r?\n/).map((s) => (nul ? s : s.trim())).filter((s) => s.length > 0);
}

/** The name an input's outputs are written under: its path below its folder, or its file name. */
export function relativeName(f: InputFile): string {
  return f.root ? relative(f.root, f.path) : basename(f.path);
}

/** --shard K/N: a stable 1/N of the inputs, by a hash of the path (adding files does not move the others). */
export function inShard(path: string, shard: { k: number; n: number } | null): boolean {
  if (!shard) return true;
  const h = createHash("sha1").update(path).digest().readUInt32BE(0);
  return h % shard.n === shard.k - 1;
}
