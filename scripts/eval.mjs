#!/usr/bin/env node
// Scores every public answered set in one table: the seeds, ../shared/real and the PDFs with
// answers in ../shared/wildpdfs/gold. Runs the built CLI (dist/), so `npm run eval` builds first.
//
//   npm run eval                 the table
//   npm run eval -- --files      also each set's per-file scores
//   npm run eval -- --keep DIR   keep the outputs under DIR (default: a temporary folder)
//   npm run eval -- --rules      also each rule's hits and precision over seeds, real and wildpdfs
//   npm run eval -- --engine E   read the PDFs with pdfjs, poppler or auto (default: the CLI's default)
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { addRuleStats, countHits, formatRuleStats, newStats } from "./rule-precision.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const shared = process.env.PROTOKOLL_SHARED ?? resolve(root, "..", "shared");
const args = process.argv.slice(2);
const keepAt = args.includes("--keep") ? args[args.indexOf("--keep") + 1] : undefined;
const showFiles = args.includes("--files");
const showRules = args.includes("--rules");
const engine = args.includes("--engine") ? ["--engine", args[args.indexOf("--engine") + 1]] : [];
const bin = join(root, "dist", "cli", "bin.js");
const scorer = join(shared, "eval", "score.mjs");

if (!existsSync(scorer)) {
  console.error(`eval: no scorer at ${scorer} (set PROTOKOLL_SHARED to the shared folder)`);
  process.exit(2);
}
const work = keepAt ? resolve(keepAt) : mkdtempSync(join(tmpdir(), "protokoll-eval-"));
mkdirSync(work, { recursive: true });

function collectPdfs() {
  const dir = join(work, "wildpdfs-in");
  rmSync(dir, { recursive: true, force: true });
  execFileSync("bash", [join(shared, "wildpdfs", "gold", "collect.sh"), dir], { stdio: "ignore" });
  return dir;
}

/**
 * The rewording run: the public real texts with label synonyms and format variants of our own, scored
 * against the same answers. Structure read from general evidence should not move; the column says how far it does.
 * Each rewrite keeps the meaning a reader would see (another common label word, another date or § spelling).
 */
const REWORDINGS = [
  [/Plats och tid/g, "Lokal och tid"],
  [/Sammanträdesdatum/g, "Mötesdag"],
  [/Tid och plats/g, "Tid och lokal"],
  [/(?<![\p{L}])Plats(?=[ \t]+\p{Lu})/gu, "Sammanträdesplats"],
  [/(?<![\p{L}])Datum:/gu, "Mötesdatum:"],
  [/Sammanträdesdag(?![\p{L}])/gu, "Mötesdag"],
  [/Beslutande(?![\p{L}])/gu, "Närvarande ledamöter"],
  [/Övriga deltagande/g, "Övriga närvarande"],
  [/Utses att justera/g, "Justerare"],
  [/Justeringens plats och tid/g, "Justering, plats och tid"],
  [/§[ \t]+(\d)/g, "§$1"],
  [/(?<![\d-])(20\d\d|19\d\d)-(\d\d)-(\d\d)(?![\d-])/g, "$1–$2–$3"],
  [/(?<![\p{L}])kl\.?[ \t]+(\d{1,2})[.:](\d\d)/gu, "klockan $1.$2"],
];

function reworded() {
  const from = join(shared, "real");
  const dir = join(work, "reworded-in");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(from)) {
    if (!/\.(?:txt|md|html?)$/iu.test(name)) continue;
    let text = readFileSync(join(from, name), "utf8");
    for (const [re, to] of REWORDINGS) text = text.replace(re, to);
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const sets = [
  { name: "seeds", input: () => join(shared, "seeds"), gold: join(shared, "gold") },
  { name: "real", input: () => join(shared, "real"), gold: join(shared, "real", "gold") },
  { name: "wildpdfs", input: collectPdfs, gold: join(shared, "wildpdfs", "gold") },
  { name: "reworded", input: reworded, gold: join(shared, "real", "gold") },
];

const results = [];
for (const set of sets) {
  const out = join(work, set.name);
  rmSync(out, { recursive: true, force: true });
  const input = set.input();
  try {
    execFileSync(process.execPath, [bin, "parse", input, "--out", out, "-q", "--no-cache", ...engine], {
      stdio: ["ignore", "ignore", "pipe"],
    });
  } catch (error) {
    // A run that reports failed files still wrote the others: score what is there.
    const stderr = String(error.stderr ?? "");
    if (stderr) process.stderr.write(stderr);
  }
  const json = execFileSync(process.execPath, [scorer, "--gold", set.gold, "--pred", out, "--json"], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  results.push({ name: set.name, score: JSON.parse(json) });
}

const f1Rows = ["meetings", "participants", "items", "decisions", "followUps", "dayDates", "scheduled"];
const accRows = ["meetingFields", "participantFields", "itemTitles", "fileKind"];
const pct = (x) => (x === undefined || x === null || Number.isNaN(x) ? "    -" : (100 * x).toFixed(1).padStart(5));
const header = "metric".padEnd(20) + results.map((r) => r.name.padStart(10)).join("");
console.log(header);
for (const row of f1Rows) {
  console.log(`${row} F1`.padEnd(20) + results.map((r) => pct(r.score.summary[row]?.f1).padStart(10)).join(""));
}
for (const row of accRows) {
  console.log(row.padEnd(20) + results.map((r) => pct(r.score.summary[row]?.accuracy).padStart(10)).join(""));
}
console.log("overall".padEnd(20) + results.map((r) => pct(r.score.summary.overall).padStart(10)).join(""));
const real = results.find((r) => r.name === "real")?.score.summary.overall;
const again = results.find((r) => r.name === "reworded")?.score.summary.overall;
if (real !== undefined && again !== undefined) console.log(`reworded - real: ${(again - real >= 0 ? "+" : "") + (again - real).toFixed(3)} (should be within 0.01)`);

if (showFiles) {
  for (const r of results) {
    console.log(`\n${r.name}: file  partic items decis follow dates`);
    for (const f of r.score.files) {
      const cells = [f.participantsF1, f.itemsF1, f.decisionsF1, f.followUpsF1, f.dayDatesF1].map(pct).join(" ");
      console.log(`  ${f.file.padEnd(60).slice(0, 60)} ${cells}`);
    }
  }
}
if (showRules) {
  // The answered sets only: the reworded column repeats real's answers.
  const stats = newStats();
  for (const set of sets.filter((s) => s.name !== "reworded")) addRuleStats(stats, set.gold, join(work, set.name));
  const { RULES } = await import(pathToFileURL(join(root, "dist", "model", "rules.js")).href);
  // The unanswered openings say only whether a rule fires at all (the `wild` column).
  const wildOut = join(work, "wild");
  rmSync(wildOut, { recursive: true, force: true });
  try {
    execFileSync(process.execPath, [bin, "parse", join(shared, "wild"), "--out", wildOut, "-q", "--no-cache", ...engine], { stdio: ["ignore", "ignore", "pipe"] });
  } catch (error) {
    process.stderr.write(String(error.stderr ?? ""));
  }
  const wild = existsSync(wildOut) ? countHits(wildOut) : null;
  console.log(`\nrules over ${sets.filter((s) => s.name !== "reworded").map((s) => s.name).join(", ")} (precision over the hits the gold can judge; wild: hits on the unanswered openings):`);
  console.log(formatRuleStats(stats, Object.keys(RULES), Object.keys(RULES).filter((id) => RULES[id].coarse), wild));
}
if (!keepAt) rmSync(work, { recursive: true, force: true });
