// `npm run bench`: protokoll side by side with its floors on one generated corpus.
//   pdftotext (poppler, the physical limit) and bare pdf.js (the library we read PDFs with) over the
//   same PDFs with the same parallelism; protokoll over the PDFs and over the same minutes as text;
//   text parsing on one core in process; one 1 MB single-line input. Sizes: small (1×) and large (10×).
// Prints files/s, pages/s, MB/s, the peak resident memory of each run's whole process tree, the
// ratios and the targets (reported, not asserted). Results also go to out/bench/results.json.
//   node bench/run.mjs [--quick] [--jobs N] [--corpus DIR]
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureCorpus } from "./corpus.mjs";
import { measure } from "./tree.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const value = (name, dflt) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : dflt);
const jobs = Number(value("--jobs", String(availableParallelism())));
const quick = flag("--quick");
const corpusDir = value("--corpus", join(ROOT, "out/bench/corpus"));
const scratch = join(ROOT, "out/bench/runs");
const log = (s) => process.stderr.write(`bench: ${s}\n`);

const corpus = await ensureCorpus(corpusDir, log);
const sizes = quick ? ["small"] : ["small", "large"];
const CLI = join(ROOT, "dist/cli/bin.js");

async function run(name, size, kind, cmd, args) {
  const out = join(scratch, name.replace(/\W+/g, "-"));
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  log(`${name} …`);
  const r = await measure(cmd, args(out));
  if (r.code !== 0) throw new Error(`${name} failed (exit ${r.code}): ${r.stderr.slice(0, 2000)}`);
  const s = corpus.sizes[size];
  const bytes = kind === "pdf" ? s.pdfBytes : s.textBytes;
  rmSync(out, { recursive: true, force: true });
  return { name, size, kind, seconds: r.seconds, files: s.files, pages: s.pages, bytes, peakRssMb: r.peakRssMb, processes: r.peakProcesses, stdout: r.stdout };
}

const results = [];
const dir = (size, kind) => join(corpusDir, size, kind);
for (const size of sizes) {
  results.push(await run(`pdftotext ${size} -P ${jobs}`, size, "pdf", "sh", (out) => [
    "-c", `find "${dir(size, "pdf")}" -name '*.pdf' -print0 | xargs -0 -P ${jobs} -n 1 sh -c 'pdftotext -q "$0" "${out}/$(basename "$0" .pdf).txt"'`,
  ]));
  results.push(await run(`pdf.js bare ${size} ×${jobs}`, size, "pdf", "node", (out) => [join(ROOT, "bench/pdfjs-bare.mjs"), "--jobs", String(jobs), "--out", out, dir(size, "pdf")]));
  results.push(await run(`protokoll pdf ${size} --jobs ${jobs}`, size, "pdf", "node", (out) => [CLI, "parse", dir(size, "pdf"), "--out", out, "--jobs", String(jobs), "--no-cache", "-q"]));
  results.push(await run(`protokoll pdf ${size} poppler --jobs ${jobs}`, size, "pdf", "node", (out) => [CLI, "parse", dir(size, "pdf"), "--out", out, "--jobs", String(jobs), "--no-cache", "-q", "--engine", "poppler"]));
  results.push(await run(`protokoll text ${size} --jobs ${jobs}`, size, "txt", "node", (out) => [CLI, "parse", dir(size, "txt"), "--out", out, "--jobs", String(jobs), "--no-cache", "-q"]));
}
// On the largest corpus: each worker compiles pdf.js and our code for itself, a start-up cost
// that on 100 files alone holds the speed-up near 1.25×.
const scaleSize = quick ? "small" : "large";
if (jobs > 1) {
  results.push(await run(`protokoll pdf ${scaleSize} --jobs 1`, scaleSize, "pdf", "node", (out) => [CLI, "parse", dir(scaleSize, "pdf"), "--out", out, "--jobs", "1", "--no-cache", "-q"]));
  // The floor's own speed-up on this machine: what two processes of pdf.js alone gain over one.
  results.push(await run(`pdf.js bare ${scaleSize} ×1`, scaleSize, "pdf", "node", (out) => [join(ROOT, "bench/pdfjs-bare.mjs"), "--jobs", "1", "--out", out, dir(scaleSize, "pdf")]));
}

log("text on one core, in process …");
const core = JSON.parse((await measure("node", [join(ROOT, "bench/text-throughput.mjs"), dir("small", "txt")])).stdout);
// One text file through the CLI, start-up included (it parses in process: no worker starts).
log("one text file, end to end …");
const oneFile = join(dir("small", "txt"), "minutes-0000.txt");
let single = Infinity;
for (let i = 0; i < 3; i++) single = Math.min(single, (await measure("node", [CLI, "parse", oneFile, "--out", join(scratch, "single"), "--no-cache", "-q"])).seconds);
log("1 MB single line …");
const lineCli = await measure("node", [CLI, "parse", corpus.line, "--out", join(scratch, "line"), "--no-cache", "-q"]);
const lineCore = JSON.parse((await measure("node", [join(ROOT, "bench/text-throughput.mjs"), corpus.line])).stdout);
rmSync(scratch, { recursive: true, force: true });
// Date fuzz (bench/fuzz-dates.mjs, also `npm run fuzz`): generated minutes with date-ish strings, 0 schema failures expected.
const fuzzCases = quick ? 10000 : 100000;
log(`date fuzz, ${fuzzCases} cases …`);
const fuzz = JSON.parse((await measure("node", [join(ROOT, "bench/fuzz-dates.mjs"), "--cases", String(fuzzCases)])).stdout);
log("hostile lines, doubling check …");
const hostile = JSON.parse((await measure("node", [join(ROOT, "bench/hostile-lines.mjs"), "--json"])).stdout);
// Linking across meetings (bench/link.mjs): synthetic outputs, 1k and 10k documents (100 and 1k with --quick).
log("link across meetings …");
const link = JSON.parse((await measure("node", [join(ROOT, "bench/link.mjs"), "--json", "--sizes", quick ? "100,1000" : "1000,10000"])).stdout);

// ---- report ----
const pad = (s, n) => String(s).padStart(n);
const f1 = (x) => x.toFixed(1);
const mb = (b) => (b / 1e6).toFixed(1);
const lines = [];
const say = (s = "") => lines.push(s);
say(`protokoll benchmark — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${availableParallelism()} cores, --jobs ${jobs}`);
for (const [size, s] of Object.entries(corpus.sizes)) {
  if (sizes.includes(size)) say(`corpus ${size}: ${s.files} files, ${s.pages} pages, ${mb(s.pdfBytes)} MB of PDF, ${mb(s.textBytes)} MB of text`);
}
say();
say(`${"run".padEnd(32)}${pad("seconds", 9)}${pad("files/s", 9)}${pad("pages/s", 9)}${pad("MB/s", 7)}${pad("peak RSS MB", 13)}${pad("procs", 7)}`);
for (const r of results) {
  say(`${r.name.padEnd(32)}${pad(r.seconds.toFixed(2), 9)}${pad(f1(r.files / r.seconds), 9)}${pad(f1(r.pages / r.seconds), 9)}${pad(f1(r.bytes / 1e6 / r.seconds), 7)}${pad(f1(r.peakRssMb), 13)}${pad(r.processes, 7)}`);
}
say();
const get = (prefix, size) => results.find((r) => r.name.startsWith(prefix) && r.size === size);
const big = quick ? "small" : "large";
const targets = [];
const target = (label, value, text, ok) => targets.push(`${ok ? "met   " : "MISSED"}  ${label.padEnd(44)} ${text}`);
const pdf = get(`protokoll pdf ${big} --jobs ${jobs}`, big);
const bare = get(`pdf.js bare ${big} ×${jobs}`, big);
const floor = get("pdftotext", big);
const rBare = pdf.seconds / bare.seconds;
target(`PDF pipeline / bare pdf.js (${big})`, rBare, `${rBare.toFixed(2)}×   (target ≤ 1.2×)`, rBare <= 1.2);
say(`protokoll pdf / pdftotext (${big}): ${(pdf.seconds / floor.seconds).toFixed(2)}×;  bare pdf.js / pdftotext: ${(bare.seconds / floor.seconds).toFixed(2)}×`);
const popplerRun = get(`protokoll pdf ${big} poppler`, big);
const rPoppler = popplerRun.seconds / floor.seconds;
target(`PDF pipeline, poppler engine / pdftotext (${big})`, rPoppler, `${rPoppler.toFixed(2)}×   (target ≤ 1.5×)`, rPoppler <= 1.5);
target("text parsing per core (in process)", core.mbPerSecond, `${core.mbPerSecond.toFixed(2)} MB/s   (target ≥ 20; ${core.mbPerCpuSecond.toFixed(2)} MB per CPU-second; slowest file ${core.slowestMs.toFixed(0)} ms)`, core.mbPerSecond >= 20);
target("one text file through the CLI, start-up included", single, `${single.toFixed(2)} s   (best of 3; target ≤ 0.35 s)`, single <= 0.35);
const textRun = get(`protokoll text ${big}`, big);
say(`text through the CLI (${big}, --jobs ${jobs}): ${(textRun.bytes / 1e6 / textRun.seconds).toFixed(2)} MB/s in all`);
if (jobs > 1) {
  const one = get(`protokoll pdf ${scaleSize} --jobs 1`, scaleSize);
  const many = get(`protokoll pdf ${scaleSize} --jobs ${jobs}`, scaleSize);
  const sp = one.seconds / many.seconds;
  const bareSp = get(`pdf.js bare ${scaleSize} ×1`, scaleSize).seconds / get(`pdf.js bare ${scaleSize} ×${jobs}`, scaleSize).seconds;
  target(`--jobs ${jobs} speed-up over --jobs 1 (${scaleSize} PDF)`, sp, `${sp.toFixed(2)}×   (target ≥ 1.6×; bare pdf.js ×${jobs} over ×1: ${bareSp.toFixed(2)}×)`, sp >= 1.6);
}
// Memory against the floor at the same parallelism: each protokoll PDF run (both engines) beside
// bare pdf.js on the same corpus.
for (const size of sizes) {
  const floorRss = get(`pdf.js bare ${size} ×${jobs}`, size).peakRssMb;
  const worst = Math.max(...results.filter((r) => r.name.startsWith("protokoll pdf") && r.size === size && r.name.includes(`--jobs ${jobs}`)).map((r) => r.peakRssMb));
  const ratio = worst / floorRss;
  target(`peak RSS of the tree / bare pdf.js (${size})`, ratio, `${ratio.toFixed(2)}×   (${worst.toFixed(0)} MB vs ${floorRss.toFixed(0)} MB; target ≤ 1.1×)`, ratio <= 1.1);
}
if (!quick) {
  for (const kind of ["pdf", "text"]) {
    const s = get(`protokoll ${kind} small --jobs ${jobs}`, "small");
    const l = get(`protokoll ${kind} large --jobs ${jobs}`, "large");
    const grow = l.seconds / s.seconds;
    const units = kind === "pdf" ? l.pages / s.pages : l.bytes / s.bytes;
    target(`10× corpus time, ${kind} (input ${units.toFixed(2)}× larger)`, grow, `${grow.toFixed(2)}×   (target ≤ 10.5×)`, grow <= 10.5);
  }
}
target("1 MB single line, in process", lineCore.seconds, `${lineCore.seconds.toFixed(2)} s   (CLI, with start-up: ${lineCli.seconds.toFixed(2)} s; target < 1 s)`, lineCore.seconds < 1);
target(`date fuzz, ${fuzz.cases} generated minutes`, fuzz.failed, `${fuzz.failed} schema failures (thrown ${fuzz.thrown}, invalid ${fuzz.invalid}, repaired ${fuzz.repaired}; ${fuzz.dates} dates, ${fuzz.seconds} s; target 0)`, fuzz.failed === 0);
for (const r of hostile.rows) say(`hostile line: ${r.name.padEnd(16)} n=${String(r.n).padStart(7)} ${r.ms.toFixed(0).padStart(6)} ms, 2n ${r.ms2n.toFixed(0).padStart(6)} ms, ratio ${r.ratio.toFixed(2)}`);
target("hostile lines: time at 2n / time at n", hostile.worst, `${hostile.worst.toFixed(2)} worst   (target ≤ 2.5; blanks, repeated "Ordförande: ", one-line minutes)`, hostile.worst <= 2.5);
for (const r of link.rows) say(`link: ${String(r.documents).padStart(6)} documents ${r.seconds.toFixed(2).padStart(7)} s, ${r.msPerDocument.toFixed(3)} ms/document, ${r.persons} persons`);
target(`link: time per document, ${link.rows.at(-1).documents} / ${link.rows[0].documents} documents`, link.ratio, `${link.ratio.toFixed(2)}   (target ≤ 1.3: near-linear)`, link.ratio <= 1.3);
say("targets:");
for (const t of targets) say(`  ${t}`);
process.stdout.write(lines.join("\n") + "\n");
mkdirSync(join(ROOT, "out/bench"), { recursive: true });
writeFileSync(join(ROOT, "out/bench/results.json"), JSON.stringify({ date: new Date().toISOString(), node: process.version, jobs, corpus: corpus.sizes, results: results.map(({ stdout, ...r }) => r), core, singleTextSeconds: single, lineCore, lineCliSeconds: lineCli.seconds, fuzz, hostile, link }, null, 2) + "\n");
