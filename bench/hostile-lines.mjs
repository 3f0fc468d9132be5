// Doubling check for inputs that were quadratic: a run of blanks (item headers), one line repeating
// "Ordförande: " (attendance labels; both issue 13) and minutes flattened onto one line (issue 18). Time at 2n must stay within 2.5 × time at n.
// Run after `npm run build`: node bench/hostile-lines.mjs [--json]  (also part of `npm run bench`;
// `npm run bench:hostile` alone). Exit 1 when a ratio is over 2.5. --json prints one JSON object.
import { parseMinutes } from "../dist/index.js";

const ONE_LINE = "PROTOKOLL Kommunstyrelsen 2024-03-12 § 1 Val av justerare Beslut Kommunstyrelsen beslutar att utse Anna Berg (S). Kallelse och utdrag ur protokollet. ";

const cases = {
  "run of blanks": (n) => `Protokoll\n§ 1 Ärende${" ".repeat(n)}x\n`,
  "repeated label": (n) => `Protokoll\n${"Ordförande: ".repeat(Math.floor(n / 12))}\n`,
  // Minutes flattened onto one line, kind and section words throughout: a backward search for the
  // line start at every cue word was quadratic here (the 10 MB single line of the hostile suite).
  "one-line minutes": (n) => ONE_LINE.repeat(Math.ceil(n / ONE_LINE.length)),
};

async function time(text) {
  const bytes = Buffer.from(text);
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    await parseMinutes(bytes, { path: "x.txt" });
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

const json = process.argv.includes("--json");
const rows = [];
for (const [name, make] of Object.entries(cases)) {
  for (const n of [200_000, 400_000, 800_000]) {
    const a = await time(make(n));
    const b = await time(make(2 * n));
    rows.push({ name, n, ms: a, ms2n: b, ratio: b / a });
    if (!json) console.log(`${name.padEnd(16)} n=${String(n).padStart(7)}  ${a.toFixed(0).padStart(6)} ms  2n ${b.toFixed(0).padStart(6)} ms  ratio ${(b / a).toFixed(2)}`);
  }
}
const worst = Math.max(...rows.map((r) => r.ratio));
if (json) console.log(JSON.stringify({ rows, worst }));
else if (worst > 2.5) console.log("super-linear: time at 2n above 2.5 × time at n");
if (worst > 2.5) process.exitCode = 1;
