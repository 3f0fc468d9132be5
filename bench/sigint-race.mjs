// Ctrl-C race (issue 13): a batch (--jobs 2, --format csv) is sent SIGINT at a random moment, many
// times. Each run must exit 130 (or 0 when it finished first), leave no `*.tmp-*` file and print
// no stack trace. Run after `npm run build`:
//   node bench/sigint-race.mjs INPUT_DIR [--runs 100] [--max-delay-ms 4000]
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { makeRandom } from "./random.mjs";

const argv = process.argv.slice(2);
const value = (name, dflt) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : dflt);
const input = argv[0];
const runs = Number(value("--runs", "100"));
const maxDelay = Number(value("--max-delay-ms", "4000"));
const CLI = fileURLToPath(new URL("../dist/cli/bin.js", import.meta.url));
const rand = makeRandom(13);

const walk = (d) => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));

function once(delay) {
  return new Promise((resolve) => {
    const out = mkdtempSync(join(tmpdir(), "protokoll-sigint-"));
    const child = spawn(process.execPath, [CLI, "parse", input, "--out", out, "--jobs", "2", "--format", "csv", "--no-cache", "-q"], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (c) => (stderr += c));
    child.stdout.on("data", () => {});
    // The delay counts from the run's start (its --out marker): before it, Node itself is still
    // booting and a signal ends it as it ends any process (the shell shows 130).
    let timer;
    const poll = setInterval(() => {
      if (!existsSync(join(out, ".protokoll-output"))) return;
      clearInterval(poll);
      timer = setTimeout(() => child.kill("SIGINT"), delay);
    }, 5);
    child.on("close", (code, signal) => {
      clearInterval(poll);
      clearTimeout(timer);
      const tmp = walk(out).filter((f) => f.includes(".tmp-"));
      rmSync(out, { recursive: true, force: true });
      const ok = (code === 130 || code === 0) && signal === null && tmp.length === 0 && !/\n\s+at /.test(stderr) && !/internal error/.test(stderr);
      resolve({ delay, code, signal, tmp: tmp.length, ok, stderr: stderr.slice(0, 400) });
    });
  });
}

let bad = 0;
for (let i = 0; i < runs; i++) {
  const r = await once(Math.floor(rand() * maxDelay));
  if (!r.ok) {
    bad++;
    console.log(`run ${i}: delay ${r.delay} ms → exit ${r.code} signal ${r.signal}, ${r.tmp} temp files\n${r.stderr}`);
  }
}
console.log(JSON.stringify({ runs, bad }));
if (bad) process.exitCode = 1;
