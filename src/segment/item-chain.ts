import { isFlat } from "./lines.js";
import type { ItemCandidate, ItemStyle } from "./item-candidates.js";
import { bestChainOf, type Scored } from "./chain-score.js";
import { classesOf, LETTER_BIT, NUMBER_BIT } from "../text/unicode.js";

const STYLE_RANK = (s: ItemStyle) => (s === "para" ? 0 : s.startsWith("prefix:") ? 1 : s === "bare" ? 3 : 2);

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
    h = firstStems(text.slice(c.titleStart, c.titleStart + 60).toLowerCase(), 3, 8);
    heads.set(c, h);
  }
  return h;
};

const isWordCode = (cp: number) => (classesOf(cp) & (LETTER_BIT | NUMBER_BIT)) !== 0;

/**
 * `s.split(/[^\p{L}\p{N}]+/u).filter(Boolean).slice(0, words).map((w) => w.slice(0, units)).join(" ")`
 * by hand, by code point as the regex reads (a lone surrogate separates): the split, its filter and
 * its map were most of choosing items, once per candidate. Only the first `words` runs are read.
 */
export function firstStems(s: string, words: number, units: number): string {
  let out = "";
  let n = 0;
  let i = 0;
  while (i < s.length && n < words) {
    let cp = s.codePointAt(i)!;
    if (!isWordCode(cp)) {
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    do {
      i += cp > 0xffff ? 2 : 1;
      if (i >= s.length) break;
      cp = s.codePointAt(i)!;
    } while (isWordCode(cp));
    out += (n++ === 0 ? "" : " ") + s.slice(start, Math.min(i, start + units));
  }
  return out;
}

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
