import { scanAll, scanner, scanWindow } from "../../text/scan.js";
import type { DateRule } from "./rules.js";
import type { RawMention } from "./types.js";

/** A mention and the order of its rule (kept beside it: the mention is returned as it is). */
interface Found { m: RawMention; order: number }

const len = (f: Found) => f.m.lastIndex - f.m.index;

/** Longest first (earlier rule on a tie), never two overlapping: within one cluster of overlapping matches. */
function pick(cluster: Found[]): Found[] {
  if (cluster.length === 1) return cluster;
  const sorted = [...cluster].sort((a, b) => len(b) - len(a) || a.order - b.order || a.m.index - b.m.index);
  const taken: Found[] = [];
  for (const f of sorted) if (!taken.some((t) => f.m.index < t.m.lastIndex && t.m.index < f.m.lastIndex)) taken.push(f);
  return taken;
}

type Built = NonNullable<ReturnType<DateRule["build"]>>;

/**
 * The mention of a rule's match: the object build made, without its `skip`, with the rule and offsets
 * added after its own fields (the order a spread gave). Build makes a new object for every match, so it
 * is taken as it is; copying it with a rest and a spread was a fifth of the scan's time.
 */
function mentionOf(built: Built, rule: string, m: RegExpExecArray): RawMention {
  let skip = 0;
  let out = built as RawMention & { skip?: number };
  if ("skip" in built) {
    const { skip: s = 0, ...rest } = built;
    skip = s;
    out = rest as RawMention;
  }
  out.rule = rule;
  out.index = m.index + skip;
  out.lastIndex = m.index + m[0].length;
  return out;
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
      if (built) found.push({ m: mentionOf(built, r.id, m), order });
    }
  });
  found.sort((a, b) => a.m.index - b.m.index || b.m.lastIndex - a.m.lastIndex);
  const out: RawMention[] = [];
  let cluster: Found[] = [];
  let end = -1;
  const flush = () => {
    for (const f of pick(cluster)) out.push(f.m);
    cluster = [];
  };
  for (const f of found) {
    if (cluster.length && f.m.index >= end) flush();
    cluster.push(f);
    end = Math.max(end, f.m.lastIndex);
  }
  flush();
  return out.sort((a, b) => a.index - b.index);
}
