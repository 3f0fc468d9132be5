// Text parsing on one core, in process (no file I/O, no JSON writing): the per-core rate the
// pipeline's segmentation and extraction reach. Warms up on a few files first.
//   node bench/text-throughput.mjs FOLDER|FILE…   → one JSON line
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseTextSync } from "../dist/index.js";

const files = process.argv.slice(2).flatMap((p) => (statSync(p).isDirectory() ? readdirSync(p).filter((f) => f.endsWith(".txt")).sort().map((f) => join(p, f)) : [p]));
const inputs = files.map((f) => readFileSync(f));
for (const b of inputs.slice(0, 5)) parseTextSync(b);
const bytes = inputs.reduce((s, b) => s + b.length, 0);
const t0 = performance.now();
let meetings = 0;
let slowest = 0;
for (const b of inputs) {
  const t = performance.now();
  meetings += parseTextSync(b).output.meetings.length;
  slowest = Math.max(slowest, performance.now() - t);
}
const seconds = (performance.now() - t0) / 1000;
process.stdout.write(JSON.stringify({ files: inputs.length, bytes, seconds, mbPerSecond: bytes / 1e6 / seconds, meetings, slowestMs: slowest }) + "\n");
