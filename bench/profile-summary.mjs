// Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time by function and by source file,
// and inclusive time for our own functions.
//   node bench/profile-summary.mjs PROFILE.cpuprofile [top=30]
import { readFileSync } from "node:fs";

const [path, topArg] = process.argv.slice(2);
const top = Number(topArg ?? 30);
const prof = JSON.parse(readFileSync(path, "utf8"));
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const parentOf = new Map();
for (const n of prof.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
const self = new Map();
for (let i = 0; i < prof.samples.length; i++) {
  const dt = prof.timeDeltas[i] ?? 0;
  self.set(prof.samples[i], (self.get(prof.samples[i]) ?? 0) + dt);
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
const label = (n) => `${n.callFrame.functionName || "(anonymous)"} ${n.callFrame.url.replace(/^.*\/(dist|node_modules)\//, "$1/")}:${n.callFrame.lineNumber + 1}`;
const bySelf = new Map();
const byFile = new Map();
const inclusive = new Map();
for (const [id, t] of self) {
  const n = byId.get(id);
  bySelf.set(label(n), (bySelf.get(label(n)) ?? 0) + t);
  const file = n.callFrame.url.replace(/^.*\/(dist|node_modules)\//, "$1/") || n.callFrame.functionName;
  byFile.set(file, (byFile.get(file) ?? 0) + t);
  // Inclusive: every distinct function on the stack gets the sample once.
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parentOf.get(cur)) {
    const l = label(byId.get(cur));
    if (!seen.has(l)) {
      seen.add(l);
      inclusive.set(l, (inclusive.get(l) ?? 0) + t);
    }
  }
}
const show = (title, m, filter = () => true) => {
  console.log(`\n${title}`);
  for (const [k, v] of [...m].filter(([k]) => filter(k)).sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((100 * v) / total).toFixed(1).padStart(6)}%  ${k}`);
  }
};
console.log(`total ${(total / 1e6).toFixed(2)} s`);
show("self time by function", bySelf);
show("self time by file", byFile);
show("inclusive time, our code", inclusive, (k) => k.includes("dist/"));
