/**
 * Starts a process entry from its bundle: scripts/bundle.mjs writes the CLI and the two worker
 * entries as CommonJS under dist/bundle/ (entries and their shared chunks) and puts in each entry's
 * place under dist/ a two-line file calling `runBundle`. Each bundle file is compiled through the
 * code cache (code-cache.ts); that needs a script, not an ES module, since Node 20 offers no way to
 * give an ES module cached data.
 *
 * The bundle's files require each other by relative path ("./chunks/run-….cjs"); those are loaded
 * here, once each, in a module table of their own. Everything else (node:*, pdfjs-dist,
 * node-sqlite3-wasm, tinyglobby) goes to Node's own require; ES modules are imported through
 * start/import-module.ts, with this module's `import()`.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import { openCodeCache, type CodeCache } from "./code-cache.js";
import { lendImport } from "./import-module.js";

type ModuleRecord = { exports: unknown; id: string; filename: string; loaded: boolean };
type Require = ((id: string) => unknown) & { resolve(id: string): string };
type Wrapped = (exports: unknown, require: Require, module: ModuleRecord, filename: string, dirname: string) => void;

const BUNDLE_ROOT = fileURLToPath(new URL("../bundle/", import.meta.url));

/**
 * Runs `entry` (a path under `root`, by default dist/bundle/: "cli/bin.cjs") and returns its
 * exports; the code cache saves at exit unless one is given.
 */
export function runBundle(entry: string, { root = BUNDLE_ROOT, cache = openCodeCache({ saveAtExit: true }) }: { root?: string; cache?: CodeCache } = {}): unknown {
  // Each regex is compiled to machine code at its first use instead of being interpreted once and
  // compiled again when reused (V8's tier-up): a run makes hundreds of lexicon patterns that each
  // scan a file a few times. This halves the first file's parse (≈ 210 → 130 ms for a 19 KB text)
  // and leaves the steady rate as it was. Set before anything compiles: V8 stamps its cache with
  // its options.
  setFlagsFromString("--no-regexp-tier-up");
  lendImport((specifier) => import(specifier));
  const table = new Map<string, ModuleRecord>();
  const load = (file: string): unknown => {
    const known = table.get(file);
    if (known) return known.exports; // a cycle, or a chunk shared by two files
    const record: ModuleRecord = { exports: {}, id: file, filename: file, loaded: false };
    table.set(file, record);
    const outside = createRequire(file);
    const inBundle = (id: string) => id.startsWith("./") || id.startsWith("../");
    const require = Object.assign((id: string): unknown => (inBundle(id) ? load(resolve(dirname(file), id)) : outside(id)), {
      resolve: (id: string) => (inBundle(id) ? resolve(dirname(file), id) : outside.resolve(id)),
    });
    try {
      const run = cache.compile(file, wrap(readFileSync(file, "utf8"))).runInThisContext() as Wrapped;
      run.call(record.exports, record.exports, require, record, file, dirname(file));
    } catch (e) {
      table.delete(file); // as Node does: a later require runs the file again rather than see half of it
      throw e;
    }
    record.loaded = true;
    return record.exports;
  };
  return load(resolve(root, entry));
}

/** CommonJS's function around a file, on its first line so that line numbers stay the file's. */
function wrap(source: string): string {
  const body = source.startsWith("#!") ? `//${source.slice(2)}` : source;
  return `(function (exports, require, module, __filename, __dirname) {${body}\n})`;
}
