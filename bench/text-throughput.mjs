// Text parsing on one core, in process (no file I/O, no JSON writing): the per-core rate the
// pipeline's segmentation and extraction reach. Warms up on a few files first. mbPerCpuSecond
// divides by the process's CPU time instead of the wall time: steadier on a shared machine.
//   node bench/text-throughput.mjs FOLDER|FILE…   → one JSON line
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseTextSync } from "../dist/index.js";

const files = process.argv.slice(2).flatMap((p) => (statSync(p).isDirectory() ? readdirSync(p).filter((f) => f.endsWith(".txt")).sort().map((f) => join(p, f)) : [p]));
const inputs = files.map((f) => readFileSync(f));
for (const b of inputs.slice(0, 5)) parseTextSync(b);
const bytes = inputs.reduce((s, b) => s + b.length, 0);
// The best of a few passes: the machine's other load only ever adds time.
const passes = Number(process.env.PASSES ?? 3);
let seconds = Infinity;
let cpuSeconds = Infinity;
let meetings = 0;
let slowest = 0;
// Also the sum over files of each file's best time: steadier than whole passes on a busy machine.
const best = inputs.map(() => Infinity);
for (let p = 0; p < passes; p++) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  meetings = 0;
  inputs.forEach((b, i) => {
    const t = performance.now();
    meetings += parseTextSync(b).output.meetings.length;
    const ms = performance.now() - t;
    slowest = Math.max(slowest, ms);
    best[i] = Math.min(best[i], ms);
  });
  seconds = Math.min(seconds, (performance.now() - t0) / 1000);
  const c = process.cpuUsage(c0);
  cpuSeconds = Math.min(cpuSeconds, (c.user + c.system) / 1e6);
}
process.stdout.write(JSON.stringify({ files: inputs.length, bytes, seconds, cpuSeconds, bestSeconds: best.reduce((a, b) => a + b, 0) / 1000, mbPerSecond: bytes / 1e6 / seconds, mbPerCpuSecond: bytes / 1e6 / cpuSeconds, meetings, slowestMs: slowest }) + "\n");
