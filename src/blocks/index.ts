import type { LabelledLine } from "../lines/index.js";
import type { Range } from "../types.js";
import { BLOCK_KINDS, emitCosts, transitionCost, TRANSITIONS, type BlockKind, type State } from "./costs.js";

export type { BlockKind } from "./costs.js";

/** A run of lines of one kind: a header box, an item, a table of contents … */
export interface Block extends Range {
  kind: BlockKind;
  lines: LabelledLine[];
  /** Rule ids behind the block: the sequence model and the line rules of its opening line. */
  rules: string[];
}

/** The cheapest sequence of states over the lines (Viterbi over emission and transition costs). */
function bestStates(lines: readonly LabelledLine[]): State[] {
  const n = lines.length;
  const S = BLOCK_KINDS.length;
  if (n === 0) return [];
  const cost = new Float64Array(n * S);
  const back = new Int16Array(n * S);
  const emit = new Float64Array(S);
  emitCosts(lines[0]!, emit, 0);
  for (let s = 0; s < S; s++) cost[s] = transitionCost(null, BLOCK_KINDS[s]!) + emit[s]!;
  for (let i = 1; i < n; i++) {
    emitCosts(lines[i]!, emit, 0);
    for (let s = 0; s < S; s++) {
      let best = Infinity;
      let arg = 0;
      for (let p = 0; p < S; p++) {
        const c = cost[(i - 1) * S + p]! + TRANSITIONS[p * S + s]!;
        if (c < best) {
          best = c;
          arg = p;
        }
      }
      cost[i * S + s] = best + emit[s]!;
      back[i * S + s] = arg;
    }
  }
  let s = 0;
  for (let k = 1; k < S; k++) if (cost[(n - 1) * S + k]! < cost[(n - 1) * S + s]!) s = k;
  const out: State[] = new Array(n);
  for (let i = n - 1; i >= 0; i--) {
    out[i] = BLOCK_KINDS[s]!;
    s = back[i * S + s]!;
  }
  return out;
}

/** Whether a line opens a new block of its state: an item header opens an item, a section heading a section. */
function opens(state: State, l: LabelledLine, paragraphStyle: boolean): boolean {
  if (state === "item") return l.label === "item-header" && (l.features.paragraphStart || !paragraphStyle);
  if (state === "section") return l.label === "section-heading";
  if (state === "header-box") return l.label === "title" && l.features.kindWord;
  return false;
}

/**
 * Labelled lines → blocks in reading order. Furniture lines are set aside as their own blocks; the
 * rest is read as one sequence. In a document whose items carry §, a numbered line ("1. Att …",
 * a decision point) never opens an item.
 */
export function findBlocks(lines: readonly LabelledLine[]): Block[] {
  const content = lines.filter((l) => l.label !== "furniture");
  const states = bestStates(content);
  const paragraphStyle = content.filter((l, i) => states[i] === "item" && l.features.paragraphStart).length >= 2;
  const out: Block[] = [];
  let cur: Block | null = null;
  content.forEach((l, i) => {
    const s = states[i]!;
    if (!cur || cur.kind !== s || opens(s, l, paragraphStyle)) {
      cur = { start: l.start, end: l.end, kind: s, lines: [l], rules: [`block/${s}`, ...l.rules] };
      out.push(cur);
    } else {
      cur.lines.push(l);
      cur.end = l.end;
    }
  });
  // A run of dates or values with no label and no kind word is a list (meeting dates), not a front-matter box.
  for (const b of out) {
    if (b.kind === "header-box" && !b.lines.some((l) => l.label === "label" || (l.label === "title" && l.features.kindWord))) {
      b.kind = "prose";
      b.rules = ["block/header-box-needs-label", ...b.rules];
    }
  }
  // A box without a title begins at its first label: the lines before it are the page's, not the box's.
  for (let i = 0; i < out.length; i++) {
    const b = out[i]!;
    if (b.kind !== "header-box" || b.lines.some((l) => l.label === "title")) continue;
    const first = b.lines.findIndex((l) => l.label === "label");
    if (first <= 0) continue;
    const lead = b.lines.splice(0, first);
    b.start = b.lines[0]!.start;
    out.splice(i, 0, { start: lead[0]!.start, end: lead[lead.length - 1]!.end, kind: "prose", lines: lead, rules: ["block/box-starts-at-label", "block/prose"] });
    i++;
  }
  // An item begins at an item header: body lines before one continue the item or section above, or are prose.
  for (const b of out) {
    if (b.kind !== "item" || b.lines[0]!.label === "item-header") continue;
    b.kind = "prose";
    b.rules = ["block/item-needs-header", ...b.rules];
  }
  const merged: Block[] = [];
  for (const b of out) {
    const last = merged[merged.length - 1];
    const continues = last && b.rules[0] === "block/item-needs-header" && (last.kind === "item" || last.kind === "section");
    // Neighbouring prose blocks (one of them a box that lost its kind) are one block.
    if (last && (continues || (last.kind === "prose" && b.kind === "prose"))) {
      // One at a time: spreading a block of 100,000 lines into push() overflows the stack.
      for (const l of b.lines) last.lines.push(l);
      last.end = b.end;
    } else merged.push(b);
  }
  for (const l of lines) if (l.label === "furniture") merged.push({ start: l.start, end: l.end, kind: "furniture", lines: [l], rules: ["block/furniture", ...l.rules] });
  return merged.sort((a, b) => a.start - b.start);
}
