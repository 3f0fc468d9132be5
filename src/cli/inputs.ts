import { readdirSync, statSync, realpathSync } from "node:fs";
import { basename, extname, join, relative } from "node:path";

export const INPUT_EXTENSIONS = new Set([".txt", ".text", ".md", ".markdown", ".pdf"]);

export interface InputFile {
  /** Path as given or as found under a folder; '-' for stdin. */
  path: string;
  /** Folder the file was found under (for mirroring), or null for a file given directly. */
  root: string | null;
}

export interface InputProblem {
  path: string;
  code: string;
  message: string;
}

/** Files and folders (recursive, sorted, case-insensitive extensions) → input files; problems are reported, not thrown. */
export function expandInputs(args: string[]): { files: InputFile[]; problems: InputProblem[] } {
  const files: InputFile[] = [];
  const problems: InputProblem[] = [];
  const seenDirs = new Set<string>();
  const walk = (dir: string, root: string) => {
    let real: string;
    try { real = realpathSync(dir); } catch { return; }
    if (seenDirs.has(real)) { problems.push({ path: dir, code: "symlink-loop", message: "folder already visited (a symbolic link loop)" }); return; }
    seenDirs.add(real);
    let entries: string[];
    try { entries = readdirSync(dir).sort(); } catch (e) {
      problems.push({ path: dir, code: "unreadable", message: (e as Error).message });
      return;
    }
    for (const name of entries) {
      const p = join(dir, name);
      let st;
      try { st = statSync(p); } catch { continue; }
      if (st.isDirectory()) walk(p, root);
      else if (st.isFile() && INPUT_EXTENSIONS.has(extname(name).toLowerCase())) files.push({ path: p, root });
    }
  };
  for (const a of args) {
    if (a === "-") { files.push({ path: "-", root: null }); continue; }
    let st;
    try { st = statSync(a); } catch {
      problems.push({ path: a, code: "not-found", message: "no such file or folder" });
      continue;
    }
    if (st.isDirectory()) walk(a, a);
    else if (st.isFile()) files.push({ path: a, root: null });
    else problems.push({ path: a, code: "not-a-regular-file", message: "not a regular file (a pipe, socket or device); skipped" });
  }
  return { files, problems };
}

/** The name an input's outputs are written under: its path below the folder it was found in, or its file name. */
export function relativeName(f: InputFile): string {
  return f.root ? relative(f.root, f.path) : basename(f.path);
}
