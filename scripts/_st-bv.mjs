import { rolldown } from "rolldown";
import { cpSync, rmSync } from "node:fs";
const [src, dst, mode] = process.argv.slice(2);
rmSync(dst, { recursive: true, force: true }); cpSync(src, dst, { recursive: true, dereference: false });
const dist = dst + "/dist";
const ENTRIES = ["cli/bin", "cli/batch/worker", "ingest/pdf/worker"];
const minify = mode === "ws" ? { compress: false, mangle: false, removeWhitespace: true } : mode === "full" ? true : false;
const b = await rolldown({ input: Object.fromEntries(ENTRIES.map((e) => [e, `${dist}/${e}.js`])), platform: "node", external: [/^node:/, /^pdfjs-dist(?:\/|$)/, "node-sqlite3-wasm"], logLevel: "warn" });
await b.write({ dir: dist, format: "esm", entryFileNames: "[name].js", chunkFileNames: "chunks/[name]-[hash].js", minify, keepNames: mode === "full" });
