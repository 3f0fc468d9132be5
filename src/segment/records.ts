import type { Lexicon } from "../lexicon/load.js";
import { squash } from "../text/unicode.js";
import type { Range } from "../types.js";
import { findHeaderBlocks, type HeaderBlock } from "./header-blocks.js";
import { findItemCandidates, type ItemCandidate } from "./item-candidates.js";
import { chooseItems, head as titleHead } from "./item-chain.js";
import { isFlat, splitLines, type Line } from "./lines.js";
import { contentsRowsAsItems } from "./contents-rows.js";
import { lowerBound, sliceByKey } from "../text/sorted.js";

/** One meeting record inside a file: its extent, its front matter and its items' headers. */
export interface RecordSegment extends Range {
  /** Front matter: the part before the first item, and boxes met later (signatures, repeated headers). */
  front: Range[];
  /** Boxes met after the first item (while splitting). */
  later: Range[];
  blocks: HeaderBlock[];
  items: ItemCandidate[];
  rules: string[];
}

export interface RecordContext {
  text: string;
  lex: Lexicon;
  furniture: Range[];
  /** Tables of contents and attachment lists (from the block layer): no header box starts a record in one. */
  listings?: Range[];
  /** splitLines(text), when the caller has it already. */
  lines?: readonly Line[];
}

/** "Paragrafer 84-100", "Justerade paragrafer 132-142", "Protokollet omfattar §63": the record's own § range. */
const DECLARED =
  /(?:paragrafer|paragraf|omfattning|omfattar|avser paragrafer|organ och §§|§§)[ \t:]*(?:§§?[ \t]*)?(\d{1,4})(?:[ \t]*[-–][ \t]*(\d{1,4}))?/giu;

/**
 * The ranges one box declares, kept per box: splitting a record looks again at the boxes of the last
 * few hundred candidates for every box it meets, so one long record would read each box hundreds of times.
 * The text and the bounds are checked on a hit, so a box object reused for other text is read anew.
 */
const declaredOf = new WeakMap<Range, { text: string; start: number; end: number; ranges: Array<[number, number]> }>();

function declaredIn(text: string, r: Range): Array<[number, number]> {
  const hit = declaredOf.get(r);
  if (hit && hit.text === text && hit.start === r.start && hit.end === r.end) return hit.ranges;
  const ranges: Array<[number, number]> = [];
  for (const m of text.slice(r.start, r.end).matchAll(DECLARED)) {
    const lo = Number(m[1]);
    const hi = m[2] ? Number(m[2]) : lo;
    const label = m[0].toLowerCase();
    // A bare "§§ 13–21" beside a name is partial attendance, not the record's range.
    if (label.startsWith("§§")) continue;
    if (hi >= lo && hi - lo < 1000) ranges.push([lo, hi]);
  }
  declaredOf.set(r, { text, start: r.start, end: r.end, ranges });
  return ranges;
}

function declaredRanges(text: string, front: Range[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const r of front) for (const d of declaredIn(text, r)) out.push(d);
  return out;
}

/**
 * Only role lines ("Sekreterare …", "Mötesordförande …", "Justerare …") and no kind word: the
 * signature block that closes the record before it, never the head of a new one.
 */
function signaturesOnly(b: HeaderBlock): boolean {
  return !b.kind && [...b.labels].every((l) => l === "signature" || l === "adjust");
}

function signature(text: string, b: HeaderBlock): string {
  return squash(text.slice(b.start, b.start + 60)).toLowerCase();
}

/** Move a block's start back over the short title lines just above it (the body's name). */
function extendBack(text: string, start: number, floor: number, cands: ItemCandidate[]): number {
  const lines = splitLines(text.slice(floor, start));
  let s = start;
  // The partial line the block starts in belongs to it.
  const lastNl = text.lastIndexOf("\n", start - 1);
  if (lastNl + 1 >= floor && text.slice(lastNl + 1, start).trim() !== "" && text.slice(lastNl + 1, start).length < 80) s = lastNl + 1;
  let taken = 0;
  // lines[0] is the rest of the last item's header line: never part of the box.
  for (let i = lines.length - 2; i >= 1 && taken < 4; i--) {
    const l = lines[i]!;
    const abs = floor + l.start;
    const t = l.text.trim();
    if (t === "") continue;
    if (t.length > 80 || /[.!?]$/.test(t) || cands.some((c) => c.line.start === abs)) break;
    s = abs;
    taken++;
  }
  return s;
}

/** Candidates before a box that decide whether it starts a new record: the last few hundred are enough. */
const SPLIT_WINDOW = 300;

function itemsIn(ctx: RecordContext, cands: ItemCandidate[], range: Range, front: Range[]): ItemCandidate[] {
  const fronts = [...front].sort((a, b) => a.start - b.start);
  let f = 0;
  // Both lists are sorted: one sweep drops the candidates that stand in a front-matter box.
  let inside = sliceByKey(cands, range.start, range.end, (c) => c.start).filter((c) => {
    while (f < fronts.length && fronts[f]!.end <= c.start) f++;
    return !(f < fronts.length && fronts[f]!.start <= c.start);
  });
  const declared = declaredRanges(ctx.text, front.length ? front : [range]);
  if (declared.length) inside = inside.filter((c) => declared.some(([lo, hi]) => c.number >= lo && c.number <= hi));
  return chosenOnce(cands, inside, ctx.text);
}

/**
 * The last choice per file (keyed by the file's candidate list, made once per splitRecords): the next
 * box, or the finished record, often leaves the same candidates, and chooseItems reads nothing but
 * them and the text, so the same candidates in the same order get the same items.
 */
const lastChoice = new WeakMap<readonly ItemCandidate[], { inside: ItemCandidate[]; items: ItemCandidate[] }>();

function chosenOnce(all: readonly ItemCandidate[], inside: ItemCandidate[], text: string): ItemCandidate[] {
  const last = lastChoice.get(all);
  if (last && last.inside.length === inside.length && last.inside.every((c, i) => c === inside[i])) return [...last.items];
  const items = chooseItems(inside, text);
  lastChoice.set(all, { inside, items: [...items] });
  return items;
}

/** Splits a file into meeting records: a header box after items starts a new record unless the items go on. */
export function splitRecords(ctx: RecordContext): RecordSegment[] {
  const { text } = ctx;
  const all: Range = { start: 0, end: text.length };
  const cands = findItemCandidates(ctx, all);
  const breaks = cands.filter((c) => c.atLineStart && !isFlat(c.line)).map((c) => c.start);
  // A box wholly inside a running header is the page's; one whose labels run on past it ("PROTOKOLL UTDRAG
  // Regionstyrelsens arbetsutskott … Tid: … Plats:") heads a record.
  const listings = ctx.listings ?? [];
  const blocks = findHeaderBlocks(text, ctx.lex, breaks)
    .filter((b) => !ctx.furniture.some((f) => b.start >= f.start && b.start < f.end && b.end <= f.end))
    .filter((b) => !listings.some((l) => b.start >= l.start && b.start < l.end));
  const records: RecordSegment[] = [];
  let cur: RecordSegment = { start: 0, end: text.length, front: [], later: [], blocks: [], items: [], rules: ["record/file-start"] };
  let prevEnd = 0;
  for (const b of blocks) {
    // The box before this one (a signature block closing the last record) keeps its lines.
    const floor = prevEnd;
    prevEnd = b.end;
    const upto: Range = { start: cur.start, end: b.start };
    const windowStart = Math.max(0, lowerBound(cands, b.start, (c) => c.start) - SPLIT_WINDOW);
    const near: Range = { start: Math.max(cur.start, cands[windowStart]?.start ?? cur.start), end: b.start };
    const items = itemsIn(ctx, cands, near.start < upto.end ? near : upto, cur.later.slice(lowerBound(cur.later, near.start + 1, (l) => l.end)));
    if (items.length === 0) {
      cur.blocks.push(b);
      continue;
    }
    const last = items[items.length - 1]!;
    const next = cands[lowerBound(cands, b.end + 1, (c) => c.start)];
    const continues = !!next && next.style === last.style && next.number > last.number && next.number - last.number <= 3;
    const first = cur.blocks[0];
    const same = !!first && signature(text, first) === signature(text, b);
    const start = extendBack(text, b.start, Math.max(last.titleStart + 1, floor), cands);
    const nextItemStart = next ? next.start : text.length;
    if (!same && next && !continues && !signaturesOnly(b)) {
      cur.end = start;
      records.push(finish(ctx, cands, cur));
      cur = { start, end: text.length, front: [], later: [], blocks: [b], items: [], rules: ["record/header-box"] };
    } else {
      cur.blocks.push(b);
      cur.later.push({ start, end: Math.max(b.end, nextItemStart) });
    }
  }
  records.push(finish(ctx, cands, cur));
  return records;
}

/**
 * Where the record's items are first named: a table of contents row ("71 Rapport … 3") before the
 * items in full, whose place chooseItems gave to the later one. The front matter ends there.
 * Only the candidates before the first chosen item are looked at.
 */
function firstMention(cands: ItemCandidate[], items: ItemCandidate[], from: number, text: string): number {
  const first = items[0];
  if (!first) return Infinity;
  const heads = new Map(items.map((i) => [`${i.style} ${i.number}`, titleHead(i, text)]));
  for (let i = lowerBound(cands, from, (c) => c.start); i < cands.length && cands[i]!.start < first.start; i++) {
    const c = cands[i]!;
    const h = heads.get(`${c.style} ${c.number}`);
    if (h && titleHead(c, text) === h) return c.start;
  }
  return first.start;
}

/**
 * A contents list whose rows lost their § numbers ("Ekonomiskt bistånd... 6") while the front matter
 * declares the record's range ("Paragrafer 155-168"): when the rows are exactly as many as the range,
 * they are its items in order.
 */
function contentsNumberedByRange(ctx: RecordContext, range: Range, front: Range[]): ItemCandidate[] {
  const declared = declaredRanges(ctx.text, front);
  if (declared.length !== 1) return [];
  const [lo, hi] = declared[0]!;
  return contentsRowsAsItems(ctx.text, ctx.lex, range, lo, hi);
}

function finish(ctx: RecordContext, cands: ItemCandidate[], rec: RecordSegment): RecordSegment {
  const range: Range = { start: rec.start, end: rec.end };
  const later = rec.later;
  const items = itemsIn(ctx, cands, range, later);
  const firstItem = Math.min(rec.end, firstMention(cands, items, rec.start, ctx.text));
  const head: Range = { start: rec.start, end: firstItem };
  // Boxes met after the first item stay front matter; the head is everything before it.
  const front = [head, ...later.filter((f) => f.start >= firstItem)];
  let finalItems = itemsIn(ctx, cands, range, front);
  if (finalItems.length === 0) finalItems = contentsNumberedByRange(ctx, range, front);
  const rules = rec.blocks.length && !rec.rules.includes("record/header-box") ? [...rec.rules, "record/header-box"] : rec.rules;
  return { ...rec, front, items: finalItems, rules };
}
