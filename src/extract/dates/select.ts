import { scanAll, scanner, scanWindow } from "../../text/scan.js";
import type { DateRule } from "./rules.js";
import type { RawMention } from "./types.js";

type Found = RawMention & { order: number };

const len = (m: RawMention) => m.lastIndex - m.index;

/** Longest first (earlier rule on a tie), never two overlapping: within one cluster of overlapping matches. */
function pick(cluster: Found[]): Found[] {
  if (cluster.length === 1) return cluster;
  const sorted = [...cluster].sort((a, b) => len(b) - len(a) || a.order - b.order || a.index - b.index);
  const taken: Found[] = [];
  for (const f of sorted) if (!taken.some((t) => f.index < t.lastIndex && t.index < f.lastIndex)) taken.push(f);
  return taken;
}

/** All rule matches, then the longest non-overlapping ones. Linear in the text apart from sorting. */
/** The lines [start, end) on which `needs` occurs, each once. */
function linesWith(text: string, needs: RegExp): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  needs.lastIndex = 0;
  for (let m = needs.exec(text); m; m = needs.exec(text)) {
    const start = text.lastIndexOf("\n", m.index - 1) + 1;
    const nl = text.indexOf("\n", m.index);
    const end = nl < 0 ? text.length : nl;
    out.push([start, end]);
    needs.lastIndex = end + 1;
  }
  return out;
}

function* matchesOf(text: string, r: DateRule, lines: Map<string, Array<[number, number]>>): Generator<RegExpExecArray> {
  const s = scanner(r.pattern);
  if (!r.needs) {
    yield* scanAll(s, text);
    return;
  }
  const key = r.needs.source;
  if (!lines.has(key)) lines.set(key, linesWith(text, r.needs));
  for (const [a, b] of lines.get(key)!) yield* scanWindow(s, text, a, b);
}

export function scan(text: string, rules: DateRule[]): RawMention[] {
  const found: Found[] = [];
  const lines = new Map<string, Array<[number, number]>>();
  rules.forEach((r, order) => {
    for (const m of matchesOf(text, r, lines)) {
      const built = r.build(m);
      if (!built) continue;
      const { skip = 0, ...mention } = built;
      found.push({ ...mention, rule: r.id, index: m.index + skip, lastIndex: m.index + m[0].length, order });
    }
  });
  found.sort((a, b) => a.index - b.index || b.lastIndex - a.lastIndex);
  const out: RawMention[] = [];
  let cluster: Found[] = [];
  let end = -1;
  const flush = () => {
    for (const f of pick(cluster)) {
      const { order: _order, ...m } = f;
      out.push(m);
    }
    cluster = [];
  };
  for (const f of found) {
    if (cluster.length && f.index >= end) flush();
    cluster.push(f);
    end = Math.max(end, f.lastIndex);
  }
  flush();
  return out.sort((a, b) => a.index - b.index);
}
