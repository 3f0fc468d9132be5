import { readdirSync, rmdirSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/** Output files under --out (of the given extensions) that this run did not write: their inputs are gone. */
export function findStale(out: string, exts: string[], written: Set<string>, keep: string[]): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    let entries;
    try { entries = readdirSync(dir, { withFileTypes: true }); } catch { return; }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.name.startsWith(".protokoll-")) continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && exts.some((x) => e.name.endsWith(x)) && !written.has(resolve(p)) && !keep.includes(resolve(p))) found.push(p);
    }
  };
  walk(out);
  return found;
}

/** --prune: removes the stale outputs and the folders they leave empty (never --out itself). */
export function prune(out: string, stale: string[]): void {
  const top = resolve(out);
  for (const p of stale) {
    rmSync(p, { force: true });
    for (let d = resolve(dirname(p)); d !== top && d.startsWith(top); d = dirname(d)) {
      try { rmdirSync(d); } catch { break; }
    }
  }
}
