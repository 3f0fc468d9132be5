// `npm run fuzz` (also run by `npm run bench`): date-ish strings mixed into minutes-shaped text,
// parsed through the library and checked against the output schema. Counts files that fail
// (a throw, a schema mismatch or a `schema-repair` warning: each is a bug) and prints one JSON line.
//   node bench/fuzz-dates.mjs [--cases N] [--seed S] [--show K]
import { parseTextSync } from "../dist/index.js";
import { documentSchema } from "../dist/model/schema.js";
import { fuzzDocument, makeRandom } from "./fuzz-gen.mjs";

const argv = process.argv.slice(2);
const value = (name, dflt) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : dflt);
const cases = Number(value("--cases", "100000"));
const seed = Number(value("--seed", "13"));
const show = Number(value("--show", "5"));

const rnd = makeRandom(seed);
const failures = [];
let thrown = 0, invalid = 0, repaired = 0, dates = 0;
const t0 = performance.now();
for (let i = 0; i < cases; i++) {
  const text = fuzzDocument(rnd);
  let why = null;
  try {
    const { output } = parseTextSync(text, { path: `fuzz-${i}.txt` });
    const checked = documentSchema.safeParse(output);
    const repair = output.warnings.find((w) => w.code === "schema-repair");
    if (!checked.success) { invalid++; why = `schema: ${checked.error.issues[0].path.join(".")}: ${checked.error.issues[0].message}`; }
    else if (repair) { repaired++; why = repair.message; }
    for (const m of output.meetings) dates += m.dates.length;
  } catch (e) {
    thrown++;
    why = `threw: ${e.message}`;
  }
  if (why && failures.length < show) failures.push({ case: i, why, text });
  if ((i + 1) % 10000 === 0) process.stderr.write(`fuzz: ${i + 1}/${cases}\n`);
}
const seconds = (performance.now() - t0) / 1000;
for (const f of failures) process.stderr.write(`fuzz: case ${f.case}: ${f.why}\n${f.text}\n---\n`);
const failed = thrown + invalid + repaired;
console.log(JSON.stringify({ cases, seed, failed, thrown, invalid, repaired, dates, seconds: Number(seconds.toFixed(1)) }));
process.exitCode = failed === 0 ? 0 : 1;
