import { existsSync } from "node:fs";

/**
 * The package's root folder (package.json, lexicon/, dist/), found by walking up from this module:
 * the same folder from src/ (vitest), from tsc's dist/ and from a bundle under dist/ (whose
 * import.meta.url is the bundle's own file, not this module's). Every file the code reads or forks
 * at run time is named from here.
 */
export const PACKAGE_ROOT: URL = findRoot(new URL(".", import.meta.url));

function findRoot(start: URL): URL {
  for (let dir = start; ; ) {
    if (existsSync(new URL("package.json", dir)) && existsSync(new URL("lexicon/", dir))) return dir;
    const up = new URL("..", dir);
    if (up.href === dir.href) throw new Error(`protokoll: no package root (package.json beside lexicon/) above ${start.pathname}`);
    dir = up;
  }
}

/** A file or folder of the package, by its path from the root ("lexicon/sv/", "dist/cli/batch/worker.js"). */
export function packageUrl(path: string): URL {
  return new URL(path, PACKAGE_ROOT);
}
