import { basename, dirname, extname, join, relative, resolve, sep } from "node:path";
import type { InputFile } from "./inputs.js";

export interface OutputName {
  /** Path below --out without extension: "2024/ks" or, when another input shares it, "2024/ks.pdf". */
  stem: string;
  /** Path below the common ancestor of all inputs, with extension: what --shard hashes. */
  rel: string;
  collided: boolean;
  /** Another input already has this output path even with its extension (names differing only in case): not written. */
  taken: boolean;
}

/** The deepest folder that holds every path given. */
export function commonAncestor(dirs: string[]): string {
  if (dirs.length === 0) return resolve(".");
  let parts = dirs[0]!.split(sep);
  for (const d of dirs.slice(1)) {
    const q = d.split(sep);
    let i = 0;
    while (i < parts.length && i < q.length && parts[i] === q[i]) i++;
    parts = parts.slice(0, i);
  }
  return parts.join(sep) || sep;
}

/**
 * Every input's output path mirrors its path below the common ancestor of all inputs (folder roots,
 * glob bases and the folders of files given directly), so equal names in different folders never
 * share an output, whichever way the inputs were given; paths are computed from resolved paths, so
 * `./a`, `a` and `/abs/a` name the same file alike, and no name ever climbs out of --out.
 */
export function outputNames(files: InputFile[]): Map<InputFile, OutputName> {
  const real = files.filter((f) => f.path !== "-");
  const top = commonAncestor([...real.map((f) => resolve(f.root ?? dirname(f.abs))), ...real.map((f) => dirname(f.abs))]);
  const relOf = (f: InputFile) => (f.path === "-" ? "stdin" : relative(top, f.abs));
  const stemOf = (rel: string) => join(dirname(rel), basename(rel, extname(rel)));
  const count = new Map<string, number>();
  for (const f of files) {
    const k = stemOf(relOf(f)).toLowerCase();
    count.set(k, (count.get(k) ?? 0) + 1);
  }
  const used = new Set<string>();
  return new Map(files.map((f) => {
    const rel = relOf(f);
    const s = stemOf(rel);
    const collided = (count.get(s.toLowerCase()) ?? 0) > 1;
    const stem = collided ? `${s}${extname(rel).toLowerCase()}` : s;
    const taken = used.has(stem.toLowerCase());
    used.add(stem.toLowerCase());
    return [f, { stem, rel, collided, taken }];
  }));
}
