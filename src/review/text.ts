import type { Output } from "../model/schema.js";
import type { Span } from "../types.js";
import { anchorId, escapeHtml } from "./escape.js";
import { MARK_KINDS, type Mark } from "./marks.js";

/** A run of the canonical text shown as one block: a PDF page (or pages without facts), or the whole text. */
export interface TextPart {
  label: string | null;
  start: number;
  end: number;
}

function allSpans(out: Output): Span[] {
  const spans: Span[] = [];
  for (const m of out.meetings) {
    spans.push(m.span);
    for (const p of m.participants) spans.push(p.span);
    for (const d of m.dates) spans.push(d.span);
    for (const f of m.followUps) spans.push(f.span);
    for (const it of m.items) {
      spans.push(it.span);
      for (const s of it.sections) spans.push(s.span);
    }
  }
  for (const w of out.warnings) if (w.span) spans.push(w.span);
  return spans;
}

/**
 * Pages of a PDF's canonical text. The output keeps each fact's page but not where pages begin, so
 * a page is taken to begin at the last blank line (pages are joined by one) before its first fact
 * and after the previous page's last fact; pages holding no fact join the page before them.
 */
export function textParts(out: Output, text: string): TextPart[] {
  if (out.source.format !== "pdf" || !out.source.pages) return [{ label: null, start: 0, end: text.length }];
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  for (const s of allSpans(out)) {
    if (s.page === null || s.page !== Math.round(s.page)) continue;
    // A span over several pages (a meeting, an item) tells only where its first page has text.
    first.set(s.page, Math.min(first.get(s.page) ?? Infinity, s.start));
    if (s.end - s.start < 2000) last.set(s.page, Math.max(last.get(s.page) ?? 0, s.end));
  }
  const pages = [...first.keys()].sort((a, b) => a - b);
  const starts: Array<{ page: number; at: number }> = [];
  let floor = 0;
  for (const p of pages) {
    const firstAt = first.get(p)!;
    if (starts.length === 0) {
      starts.push({ page: 1, at: 0 });
      if (p === 1) { floor = last.get(p) ?? firstAt; continue; }
    }
    if (firstAt < floor) continue;
    const blank = text.lastIndexOf("\n\n", firstAt - 1);
    const at = blank >= 0 && blank + 2 >= floor ? blank + 2 : text.lastIndexOf("\n", firstAt - 1) + 1;
    if (at <= starts[starts.length - 1]!.at) continue;
    starts.push({ page: p, at });
    floor = Math.max(firstAt, last.get(p) ?? firstAt);
  }
  if (starts.length === 0) starts.push({ page: 1, at: 0 });
  return starts.map((s, i) => {
    const nextPage = starts[i + 1]?.page ?? out.source.pages! + 1;
    const label = nextPage - 1 > s.page ? `Pages ${s.page}–${nextPage - 1}` : `Page ${s.page}`;
    return { label, start: s.at, end: starts[i + 1]?.at ?? text.length };
  });
}

/** 0-based offsets where each line begins. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

function lineAnchor(n: number): string {
  return `<span class="ln" id="L${n}" data-n="${n}" aria-hidden="true"></span>`;
}

const KIND_ORDER = new Map(MARK_KINDS.map((k, i) => [k, i]));

function byNesting(a: Mark, b: Mark): number {
  return a.start - b.start || b.end - a.end || KIND_ORDER.get(a.kind)! - KIND_ORDER.get(b.kind)!;
}

function shortValue(s: string): string {
  const one = s.replace(/\s+/g, " ").trim();
  return one.length > 240 ? `${one.slice(0, 239)}…` : one;
}

function openMark(m: Mark, anchored: Set<string>): string {
  const id = anchored.has(m.fact) ? "" : ` id="${escapeHtml(anchorId(m.fact))}"`;
  anchored.add(m.fact);
  const value = shortValue(m.value);
  const title = `${m.field}: ${value}${m.rules.length ? `\nrules: ${m.rules.join(", ")}` : ""}`;
  return `<mark${id} class="m k-${m.kind}" tabindex="0" data-fact="${escapeHtml(m.fact)}" data-kind="${m.kind}" data-field="${escapeHtml(m.field)}" data-value="${escapeHtml(value)}" data-rules="${escapeHtml(m.rules.join(" "))}" title="${escapeHtml(title)}">`;
}

/**
 * The text of [start, end) as HTML: escaped, a line anchor (id L<n>) at each line start, and every
 * mark as a <mark> element. Marks nest; one that crosses the end of the mark around it is cut in
 * two (both pieces carry the fact; only the first has the fact's anchor id).
 */
export function renderText(text: string, start: number, end: number, marks: Mark[], starts: number[], anchored: Set<string>): string {
  const html: string[] = [];
  let line = upperBound(starts, start);
  let pos = start;
  const emitTo = (to: number) => {
    while (pos < to) {
      if (starts[line - 1] === pos) html.push(lineAnchor(line));
      const next = starts[line] ?? Infinity;
      const stop = Math.min(to, next);
      html.push(escapeHtml(text.slice(pos, stop)));
      pos = stop;
      if (pos === next) line++;
    }
  };
  const queue = marks
    .filter((m) => m.end > start && m.start < end)
    .map((m) => ({ ...m, start: Math.max(m.start, start), end: Math.min(m.end, end) }))
    .sort(byNesting);
  const stack: Mark[] = [];
  const close = () => {
    emitTo(stack[stack.length - 1]!.end);
    stack.pop();
    html.push("</mark>");
  };
  while (queue.length) {
    const m = queue.shift()!;
    while (stack.length && stack[stack.length - 1]!.end <= m.start) close();
    const top = stack[stack.length - 1];
    if (top && m.end > top.end) {
      const rest = { ...m, start: top.end };
      let i = 0;
      while (i < queue.length && byNesting(queue[i]!, rest) <= 0) i++;
      queue.splice(i, 0, rest);
      m.end = top.end;
    }
    emitTo(m.start);
    html.push(openMark(m, anchored));
    stack.push(m);
  }
  while (stack.length) close();
  emitTo(end);
  return html.join("");
}

/** 1-based number of the line holding offset `at`. */
function upperBound(starts: number[], at: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
