#!/usr/bin/env node
// The second half of `npm run build`: after tsc has written dist/, each process entry (the CLI and
// the two fork targets) is bundled with its static imports into CommonJS under dist/bundle/ (the
// entries and the chunks they share), and tsc's file of the entry's name is replaced by two lines
// that run the bundle through src/start/bundle-loader.ts. A process so loads a few files instead of
// ~250 (module loading was a fifth of a one-file run), and the loader compiles them with V8's code
// cache (src/start/code-cache.ts), which Node 20 gives to scripts but not to ES modules. What an
// entry imports only dynamically (Markdown, the subcommands other than parse) is a chunk of its own,
// loaded when used, as before. The rest of dist/ stays tsc's output for the library (package
// exports). pdfjs-dist (ES modules, loaded only for a PDF) and node-sqlite3-wasm (a .wasm beside it)
// stay outside and come from node_modules. Run-time files and fork paths are named from the package
// root (src/package-root.ts), so bundled and unbundled code read the same files.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { rolldown } from "rolldown";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const out = join(dist, "bundle");
const ENTRIES = ["cli/bin", "cli/batch/worker", "ingest/pdf/worker"];
const MARK = "// protokoll: bundled by scripts/bundle.mjs";

for (const entry of ENTRIES) {
  // The input is tsc's output: bundling a bundle again means tsc did not run first.
  if (readFileSync(join(dist, `${entry}.js`), "utf8").includes(MARK)) {
    console.error(`bundle: dist/${entry}.js is already a bundle; run tsc -p tsconfig.build.json first (npm run build does both)`);
    process.exit(1);
  }
}
rmSync(join(dist, "chunks"), { recursive: true, force: true }); // the ES-module bundles of before
rmSync(out, { recursive: true, force: true });
const bundle = await rolldown({
  input: Object.fromEntries(ENTRIES.map((e) => [e, join(dist, `${e}.js`)])),
  platform: "node",
  external: [/^node:/, /^pdfjs-dist(?:\/|$)/, "node-sqlite3-wasm"],
  logLevel: "warn",
});
await bundle.write({ dir: out, format: "cjs", strict: true, entryFileNames: "[name].cjs", chunkFileNames: "chunks/[name]-[hash].cjs", banner: MARK, sourcemap: true });
await bundle.close();

const loader = join(dist, "start", "bundle-loader.js");
for (const entry of ENTRIES) {
  const file = join(dist, `${entry}.js`);
  const shebang = entry === "cli/bin" ? "#!/usr/bin/env node\n" : "";
  const from = relative(dirname(file), loader).split("\\").join("/"); // "../start/bundle-loader.js"
  writeFileSync(file, `${shebang}${MARK}: the program is dist/bundle/${entry}.cjs\nimport { runBundle } from "${from}";\nrunBundle("${entry}.cjs");\n`);
}
