import { isFlat } from "./lines.js";
import type { ItemCandidate, ItemStyle } from "./item-candidates.js";

/** Largest step between two consecutive items (numbers lost by text extraction make small gaps). */
const MAX_STEP = 10;
/** How far back a chain may look for its previous item (keeps long documents linear). */
const WINDOW = 300;

const STYLE_RANK = (s: ItemStyle) => (s === "para" ? 0 : s.startsWith("prefix:") ? 1 : s === "bare" ? 3 : 2);

interface Scored {
  score: number;
  chain: ItemCandidate[];
}

function bonus(c: ItemCandidate): number {
  // A header that opens a block (after a blank line) beats a row of a numbered list.
  // A contents-row reading ("13 8 Title") yields to a plain one at the same place ("8 Title"): rows
  // are written "item page title" and "page item title" alike.
  // A row with dot leaders and a page number yields to the same run written out in full: the items
  // are where their text is, even when a garbled title no longer matches its contents row.
  return (c.afterBlank ? 0.2 : c.atLineStart ? 0.1 : 0) - (c.toc ? 0.01 : 0) - (c.leader ? 0.05 : 0);
}

/**
 * Best increasing run of one style: each step adds 1, a gap adds less, a jump back breaks the run.
 * The candidates' fields are copied into flat arrays first: the inner loop visits up to WINDOW
 * predecessors of every candidate, and a record of a 50 MB text calls this tens of thousands of times.
 */
function bestChainOf(cands: ItemCandidate[]): Scored {
  const n = cands.length;
  const num = new Float64Array(n);
  const leader = new Uint8Array(n);
  const bon = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = cands[i]!;
    num[i] = c.number;
    leader[i] = c.leader ? 1 : 0;
    bon[i] = bonus(c);
  }
  const score = new Float64Array(n);
  const prev = new Int32Array(n).fill(-1);
  // Where each chain starts: on equal scores the chain that starts earlier wins, so a numbered list
  // inside an item ("4. …  1. 2. 3. 4.  5. …") does not replace the items before it.
  const first = new Float64Array(n);
  let best = -1;
  const EPS = 1e-9;
  for (let i = 0; i < n; i++) {
    const ni = num[i]!;
    const li = leader[i]!;
    const bi = bon[i]!;
    let si = 1 + bi;
    let pi = -1;
    let fi = cands[i]!.start;
    // Candidates between j and i: are they one whole list numbered from 1 (a list inside item j)?
    let run = true;
    let runFirst = Infinity;
    const runLast = i > 0 ? num[i - 1]! : 0;
    for (let j = i - 1, lo = Math.max(0, i - WINDOW); j >= lo; j--) {
      // Once broken the run stays broken, and runFirst is read only while it holds.
      if (run && j < i - 1) {
        const x = num[j + 1]!;
        run = runFirst === Infinity || x + 1 === runFirst;
        runFirst = x;
      }
      const step = ni - num[j]!;
      if (step <= 0 || step > MAX_STEP) continue;
      // A contents or attachment list row (dot leaders, a page number) does not go on a run of items in full.
      if (leader[j] !== li) continue;
      // Stepping over such a list, to the next item after it, is how items go on.
      const overList = step === 1 && run && runFirst <= 2 && ni !== runLast + 1 ? 0.3 : 0;
      const s = score[j]! + (step === 1 ? 1 : 0.5) + bi + overList;
      // j runs backwards: on a tie the earlier predecessor wins (the item, not the list row after it).
      if (s > si + EPS || (Math.abs(s - si) <= EPS && pi >= 0)) {
        si = s;
        pi = j;
        fi = first[j]!;
      }
    }
    score[i] = si;
    prev[i] = pi;
    first[i] = fi;
    if (best < 0 || si > score[best]! + EPS || (Math.abs(si - score[best]!) <= EPS && fi < first[best]!)) best = i;
  }
  const chain: ItemCandidate[] = [];
  for (let i = best; i >= 0; i = prev[i]!) chain.push(cands[i]!);
  chain.reverse();
  return { score: best < 0 ? 0 : score[best]!, chain };
}

/**
 * "3 283 Utredning om … Arbetsutskottet beslutar 1 Utredningen skickas … 2 Yttrandet ska …": on a flattened
 * page line, a run numbered from 1 after an item header at the line's start (same style) is the decision's
 * numbered points, not items. Those points are dropped; the header stays.
 */
function withoutInlinePoints(cands: ItemCandidate[]): ItemCandidate[] {
  const out: ItemCandidate[] = [];
  let header: ItemCandidate | null = null;
  let want = 0;
  for (const c of cands) {
    if (header && c.line.start !== header.line.start) header = null, (want = 0);
    if (header && c.style === header.style && !c.atLineStart && (c.number === 1 || c.number === want) && c.number < header.number) {
      want = c.number + 1;
      continue;
    }
    if (c.atLineStart && c.number > 1 && isFlat(c.line)) header = c, (want = 0);
    out.push(c);
  }
  return out;
}

const heads = new WeakMap<ItemCandidate, string>();
/** The first words of a title, computed once per candidate. */
export const head = (c: ItemCandidate, text: string) => {
  let h = heads.get(c);
  if (h === undefined) {
    // Each word cut to its stem's length: a contents row and the item in full may inflect a word differently
    // ("Godkännande av dagordningen" / "Godkännande av dagordning").
    h = text.slice(c.titleStart, c.titleStart + 60).toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).slice(0, 3).map((w) => w.slice(0, 8)).join(" ");
    heads.set(c, h);
  }
  return h;
};

/**
 * The items of one record: the best-scoring run over all styles. A second pass over the same
 * items (a table of contents, then the items in full) adds the numbers the first pass lost.
 */
export function chooseItems(cands: ItemCandidate[], text: string): ItemCandidate[] {
  const byStyle = new Map<ItemStyle, ItemCandidate[]>();
  for (const c of withoutInlinePoints(cands)) {
    const list = byStyle.get(c.style) ?? [];
    list.push(c);
    byStyle.set(c.style, list);
  }
  const ranked = [...byStyle].map(([style, list]) => ({ style, ...bestChainOf(list) }));
  ranked.sort((a, b) => b.score - a.score || STYLE_RANK(a.style) - STYLE_RANK(b.style));
  let top = ranked[0];
  if (!top) return [];
  // A run that starts inside the last item of an earlier run is a list in that item ("4: …  1. …").
  // So is a run from 1 on the very line of a single item header ("283 Utredning … Arbetsutskottet
  // beslutar 1 Utredningen skickas … 2 Yttrandet ska …"): numbered decision points, not items.
  const outer = ranked.find(
    (r) =>
      r !== top &&
      r.chain[r.chain.length - 1]!.start < top!.chain[0]!.start &&
      (r.chain.length >= 2 || (r.chain[0]!.atLineStart && top!.chain[0]!.number === 1 && top!.chain[0]!.line.start === r.chain[0]!.line.start)),
  );
  if (outer) top = outer;
  const winner: Scored = top;
  const winnerStyle = top.style;
  const chain = winner.chain;
  const numbers = new Set(chain.map((c) => c.number));
  const headOf = new Map(chain.map((c) => [c.number, head(c, text)]));
  const same = byStyle.get(winnerStyle)!.filter((c) => !chain.includes(c));
  const added: ItemCandidate[] = [];
  const later = new Map<number, ItemCandidate>();
  for (let i = 0; i < same.length; i++) {
    const r = same[i]!;
    if (!numbers.has(r.number) || headOf.get(r.number) !== head(r, text) || headOf.get(r.number) === "") continue;
    // r repeats an item (a table of contents, then the item in full): the later one holds the text,
    // and its neighbours in the repeated run are items too.
    const first = chain.find((c) => c.number === r.number)!;
    if (r.start > first.start) later.set(r.number, r);
    for (let j = i - 1, want = r.number - 1; j >= 0 && same[j]!.number === want; j--, want--) {
      if (!numbers.has(want)) added.push(same[j]!);
    }
    for (let j = i + 1, want = r.number + 1; j < same.length && same[j]!.number === want; j++, want++) {
      if (!numbers.has(want)) added.push(same[j]!);
    }
  }
  const kept = chain.map((c) => later.get(c.number) ?? c);
  return [...new Set([...kept, ...added])].sort((a, b) => a.start - b.start);
}
