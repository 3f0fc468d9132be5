// Doubling check for inputs that were quadratic: a run of blanks (item headers), one line repeating
// "Ordförande: " (attendance labels; both issue 13) and minutes flattened onto one line (issue 18). Time at 2n must stay within 2.5 × time at n,
// for n from 400 k to 1.6 M characters: below that a whole parse's garbage stays in V8's young
// generation and the smallest size runs faster than its share (200 k: 19 ms against 46 ms at 400 k).
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

const SIZES = [400_000, 800_000, 1_600_000, 3_200_000];
const ROUNDS = Number(process.env.ROUNDS ?? 3);

async function once(bytes) {
  const t0 = performance.now();
  await parseMinutes(bytes, { path: "x.txt" });
  return performance.now() - t0;
}

/**
 * The least time of each size over interleaved rounds (every size once per round, smallest first):
 * a garbage collection or a busy moment of the machine then hits one run, not the whole of one
 * size, and a size's time never comes from a different machine state than its neighbour's.
 */
async function times(make) {
  const inputs = SIZES.map((n) => Buffer.from(make(n)));
  await once(inputs[0]); // warm-up: the first parse also compiles
  const best = SIZES.map(() => Infinity);
  for (let r = 0; r < ROUNDS; r++) for (let i = 0; i < inputs.length; i++) best[i] = Math.min(best[i], await once(inputs[i]));
  return best;
}

const json = process.argv.includes("--json");
const rows = [];
for (const [name, make] of Object.entries(cases)) {
  const ms = await times(make);
  for (let i = 0; i + 1 < SIZES.length; i++) {
    const row = { name, n: SIZES[i], ms: ms[i], ms2n: ms[i + 1], ratio: ms[i + 1] / ms[i] };
    rows.push(row);
    if (!json) console.log(`${name.padEnd(16)} n=${String(row.n).padStart(7)}  ${row.ms.toFixed(0).padStart(6)} ms  2n ${row.ms2n.toFixed(0).padStart(6)} ms  ratio ${row.ratio.toFixed(2)}`);
  }
}
const worst = Math.max(...rows.map((r) => r.ratio));
if (json) console.log(JSON.stringify({ rows, worst }));
else if (worst > 2.5) console.log("super-linear: time at 2n above 2.5 × time at n");
if (worst > 2.5) process.exitCode = 1;
