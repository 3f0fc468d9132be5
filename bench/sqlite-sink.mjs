// Times the SQLite table sink alone: the JSON outputs in a folder (from `protokoll parse DIR --out JSONDIR`),
// written ROUNDS times under distinct paths into one database. Usage: node bench/sqlite-sink.mjs JSONDIR [ROUNDS]
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

// PROTOKOLL_DIST=other/dist compares another build (e.g. the previous sink) on the same machine load.
const dist = process.env.PROTOKOLL_DIST ? pathToFileURL(join(process.env.PROTOKOLL_DIST, "/")).href : new URL("../dist/", import.meta.url).href;
const { openTableSink } = await import(new URL("export/sinks.js", dist).href);

const [dir, roundsArg] = process.argv.slice(2);
if (!dir) throw new Error("usage: node bench/sqlite-sink.mjs JSONDIR [ROUNDS]");
const rounds = Number(roundsArg ?? 20);
const outputs = readdirSync(dir).filter((f) => f.endsWith(".json")).map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")));
const out = mkdtempSync(join(tmpdir(), "protokoll-sqlite-bench-"));
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const sink = await openTableSink("sqlite", out, "rfc");
let failed = 0;
for (let r = 0; r < rounds; r++) {
  for (const o of outputs) {
    const path = `round${r}/${o.source.path}`;
    if (sink.add({ path, sha256: o.source.sha256, status: "ok", code: null, message: null, output: o, warnings: [] })) failed++;
  }
}
await sink.finish();
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const bytes = statSync(join(out, "protokoll.sqlite")).size;
console.log(`${rounds * outputs.length} documents in ${ms.toFixed(0)} ms (${((rounds * outputs.length) / (ms / 1000)).toFixed(0)} documents/s; CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms), ${(bytes / 1e6).toFixed(1)} MB, ${failed} failed, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
rmSync(out, { recursive: true, force: true });
