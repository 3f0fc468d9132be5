import { basename, dirname, extname, join } from "node:path";
import { relativeName, type InputFile } from "./inputs.js";

export interface OutputName {
  /** Path below --out without extension: "sub/ks-2024" or, on a collision, "sub/ks-2024.pdf". */
  stem: string;
  collided: boolean;
}

/** Output names mirror the folders under each input root; inputs that would still collide keep their extension. */
export function outputNames(files: InputFile[]): Map<InputFile, OutputName> {
  const stem = (f: InputFile) => {
    const rel = f.path === "-" ? "stdin" : relativeName(f);
    return join(dirname(rel), basename(rel, extname(rel)));
  };
  const count = new Map<string, number>();
  for (const f of files) count.set(stem(f).toLowerCase(), (count.get(stem(f).toLowerCase()) ?? 0) + 1);
  return new Map(files.map((f) => {
    const s = stem(f);
    const collided = (count.get(s.toLowerCase()) ?? 0) > 1;
    return [f, { stem: collided ? `${s}${extname(f.path).toLowerCase()}` : s, collided }];
  }));
}
