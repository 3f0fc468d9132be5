#!/usr/bin/env node
// The second half of `npm run build`: after tsc has written dist/, each process entry (the CLI and
// the two fork targets) is bundled with its static imports into one ESM file written over tsc's
// own file of the same name, so a process loads a few modules instead of ~250 (module loading was
// a fifth of a one-file run). What an entry imports only dynamically (Markdown, the subcommands
// other than parse) goes to dist/chunks/ and is loaded when used, as before. The rest of dist/
// stays tsc's output for the library (package exports). pdfjs-dist (loaded only for a PDF) and
// node-sqlite3-wasm (CommonJS with a .wasm beside it) stay outside and come from node_modules.
// Run-time files and fork paths are named from the package root (src/package-root.ts), so bundled
// and unbundled code read the same files.
import { readFileSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { rolldown } from "rolldown";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const ENTRIES = ["cli/bin", "cli/batch/worker", "ingest/pdf/worker"];
const MARK = "// protokoll: bundled by scripts/bundle.mjs";

for (const entry of ENTRIES) {
  // The input is tsc's output: bundling a bundle again means tsc did not run first.
  if (readFileSync(join(dist, `${entry}.js`), "utf8").includes(MARK)) {
    console.error(`bundle: dist/${entry}.js is already a bundle; run tsc -p tsconfig.build.json first (npm run build does both)`);
    process.exit(1);
  }
}
rmSync(join(dist, "chunks"), { recursive: true, force: true });
const bundle = await rolldown({
  input: Object.fromEntries(ENTRIES.map((e) => [e, join(dist, `${e}.js`)])),
  platform: "node",
  external: [/^node:/, /^pdfjs-dist(?:\/|$)/, "node-sqlite3-wasm"],
  logLevel: "warn",
});
await bundle.write({ dir: dist, format: "esm", entryFileNames: "[name].js", chunkFileNames: "chunks/[name]-[hash].js", banner: MARK, sourcemap: true });
await bundle.close();
