import type { ItemCandidate } from "./item-candidates.js";

/** Largest step between two consecutive items (numbers lost by text extraction make small gaps). */
const MAX_STEP = 10;
/** How far back a chain may look for its previous item (keeps long documents linear). */
const WINDOW = 300;

export interface Scored {
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

/** bonus() in hundredths, exactly: every weight of a chain is a whole number of hundredths. */
function bonusHundredths(c: ItemCandidate): number {
  return (c.afterBlank ? 20 : c.atLineStart ? 10 : 0) - (c.toc ? 1 : 0) - (c.leader ? 5 : 0);
}

/**
 * The reference reading of bestChainOf: every candidate looks at each of its WINDOW predecessors in
 * turn, from the nearest back, with scores compared to within EPS. Kept for item numbers that are
 * not whole (bestChainOf needs them whole) and as the property test's oracle.
 */
export function bestChainScan(cands: ItemCandidate[]): Scored {
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

/** Indices of one bucket (one number, one leader flag) by falling score, the earlier first on equal scores. */
interface Queue {
  at: number[];
  head: number;
}

/**
 * Best increasing run of one style: each step adds 1, a gap adds less, a jump back breaks the run;
 * on equal scores the earlier predecessor wins, and the chain that starts earlier.
 *
 * The same chain and score as bestChainScan, without looking at every predecessor: scores are kept
 * in whole hundredths (all weights are), so "within EPS" is plain equality, and the best predecessor
 * with a given number is the front of that number's queue over the window (a sliding-window
 * maximum). A candidate asks at most MAX_STEP queues, plus the two or three list rows that may
 * step over a list (overList). A record of a 50 MB text called the scan with a billion pairs per 10 MB.
 * The score returned is the float the scan adds up along the same chain.
 */
export function bestChainOf(cands: ItemCandidate[]): Scored {
  const n = cands.length;
  if (!cands.every((c) => Number.isSafeInteger(c.number))) return bestChainScan(cands);
  const num = new Float64Array(n);
  const leader = new Uint8Array(n);
  const score = new Float64Array(n); // hundredths, whole
  const scoreF = new Float64Array(n); // as bestChainScan adds it up
  const prev = new Int32Array(n).fill(-1);
  const first = new Float64Array(n);
  // runStart[m]: where the run of consecutive numbers (…, k, k+1, …) that ends at m starts.
  const runStart = new Int32Array(n);
  const queues = new Map<number, Queue>();
  const key = (number: number, lead: number) => number * 2 + lead;
  let best = -1;
  for (let i = 0; i < n; i++) {
    const c = cands[i]!;
    num[i] = c.number;
    leader[i] = c.leader ? 1 : 0;
    runStart[i] = i > 0 && num[i - 1]! + 1 === num[i] ? runStart[i - 1]! : i;
    const ni = num[i]!;
    const li = leader[i]!;
    const bh = bonusHundredths(c);
    const lo = Math.max(0, i - WINDOW);
    let bestVal = -Infinity;
    let bestJ = -1;
    let over = false;
    for (let step = 1; step <= MAX_STEP; step++) {
      const q = queues.get(key(ni - step, li));
      if (!q) continue;
      while (q.head < q.at.length && q.at[q.head]! < lo) q.head++;
      if (q.head === q.at.length) continue;
      const j = q.at[q.head]!;
      const val = score[j]! + (step === 1 ? 100 : 50) + bh;
      if (val > bestVal || (val === bestVal && j < bestJ)) (bestVal = val), (bestJ = j), (over = false);
    }
    // Stepping over a list numbered from 1 (the candidates between j and i, up to i - 1, count 1, 2, …)
    // to the next item after it: j + 1 is the list's first row, numbered at most 2, inside the run ending at i - 1.
    if (i >= 2 && ni !== num[i - 1]! + 1) {
      for (let p = Math.max(runStart[i - 1]!, lo + 1); p <= i - 1 && num[p]! <= 2; p++) {
        const j = p - 1;
        if (leader[j] !== li || num[j] !== ni - 1) continue;
        const val = score[j]! + 100 + bh + 30;
        if (val > bestVal || (val === bestVal && j < bestJ)) (bestVal = val), (bestJ = j), (over = true);
      }
    }
    const base = 100 + bh;
    if (bestJ >= 0 && bestVal > base) {
      const step = ni - num[bestJ]!;
      score[i] = bestVal;
      scoreF[i] = scoreF[bestJ]! + (step === 1 ? 1 : 0.5) + bonus(c) + (over ? 0.3 : 0);
      prev[i] = bestJ;
      first[i] = first[bestJ]!;
    } else {
      score[i] = base;
      scoreF[i] = 1 + bonus(c);
      first[i] = c.start;
    }
    if (best < 0 || score[i]! > score[best]! || (score[i] === score[best] && first[i]! < first[best]!)) best = i;
    // i joins its bucket's queue: the entries it outscores can no longer be anyone's best in the window.
    const k = key(ni, li);
    let q = queues.get(k);
    if (!q) queues.set(k, (q = { at: [], head: 0 }));
    while (q.at.length > q.head && score[q.at[q.at.length - 1]!]! < score[i]!) q.at.pop();
    q.at.push(i);
  }
  const chain: ItemCandidate[] = [];
  for (let i = best; i >= 0; i = prev[i]!) chain.push(cands[i]!);
  chain.reverse();
  return { score: best < 0 ? 0 : scoreF[best]!, chain };
}
