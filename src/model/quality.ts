import type { Output } from "./schema.js";
import type { Span } from "../types.js";

/**
 * Quality flags (issue 16): cheap signs that a file's facts are worth a person's check before use.
 * Pure: computed from the output JSON and its canonical text alone, so a past run (--from OUTDIR)
 * gets the same flags as a fresh parse. Each flag names its rule (listed in QUALITY_RULES) and the
 * span a reviewer should look at.
 */
export interface QualityFlag {
  rule: string;
  message: string;
  /** The meeting and fact (participant, item, follow-up id) the flag is about; null for the file. */
  meeting: string | null;
  fact: string | null;
  span: Span | null;
}

export interface QualityOptions {
  /** Lower-case words that may stand inside a personal name (lexicon name-particles). */
  nameParticles: readonly string[];
  /** Share of the non-blank text outside every item and front matter above which the file is flagged. */
  maxUncoveredShare?: number;
  /** Fewest words of a decision text that reads as a clause. */
  minDecisionWords?: number;
}

export const QUALITY_RULES: Readonly<Record<string, string>> = {
  "quality/meeting-no-date": "a meeting without a date",
  "quality/meeting-no-body": "a meeting without a body (the board, committee or council that met)",
  "quality/item-numbers-not-increasing": "an item whose number is not greater than the one before it",
  "quality/participant-name-shape": "a participant name with a digit or a lower-case word that is no name particle",
  "quality/decision-short": "a decision text shorter than a clause",
  "quality/followup-unassigned": "a follow-up with neither an owner nor a due date",
  "quality/text-outside-blocks": "much of the text lies in no item and in no front matter",
};

export const DEFAULT_MAX_UNCOVERED_SHARE = 0.4;
// "Informationen noteras." is a clause; "Godkänd." or "Bifall." is not.
export const DEFAULT_MIN_DECISION_WORDS = 2;

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;

/** The leading number of an item number ("§ 12", "12 a", "4.2" → 12, 12, 4.2 read as its first part). */
function leadingNumber(n: string): number | null {
  const m = /\d+/.exec(n);
  return m ? Number(m[0]) : null;
}

function nameProblem(name: string, particles: ReadonlySet<string>): string | null {
  if (/\p{N}/u.test(name)) return "a digit";
  for (const w of name.match(WORD) ?? []) {
    if (/^\p{Ll}/u.test(w) && !particles.has(w.toLowerCase())) return `the lower-case word "${w}"`;
  }
  return null;
}

function flag(rule: string, message: string, meeting: string | null, fact: string | null, span: Span | null): QualityFlag {
  return { rule, message, meeting, fact, span };
}

/** Non-blank characters of text in [start, end). */
function inkIn(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 9 && c !== 13 && c !== 12) n++;
  }
  return n;
}

/** Ranges covered by a block: each meeting's front matter (its start to its first item) and its items. */
function blockRanges(out: Output): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const m of out.meetings) {
    const first = m.items.length ? Math.min(...m.items.map((i) => i.span.start)) : m.span.end;
    ranges.push([m.span.start, first]);
    for (const it of m.items) ranges.push([it.span.start, it.span.end]);
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}

/**
 * The share of the text's ink outside every block, with the widest gap, or null when the share is
 * at most maxShare. The gaps are counted first (on the bench texts a hundredth of the text); then
 * the ink inside the blocks, piece by piece, stopping once outside / (outside + inside so far) is at
 * most maxShare: the whole text's ink is no less than that denominator, and a division by a larger
 * whole number never rounds to a larger quotient, so the share of the whole text is at most maxShare
 * too (counting every character of the text was 1 % of parsing, and answered null on all but one).
 */
function uncoveredShare(out: Output, text: string, maxShare: number): { share: number; widest: [number, number] } | null {
  let at = 0;
  let outside = 0;
  let widest: [number, number] = [0, 0];
  const inside: Array<[number, number]> = [];
  const gap = (s: number, e: number) => {
    if (e <= s) return;
    outside += inkIn(text, s, e);
    if (e - s > widest[1] - widest[0]) widest = [s, e];
  };
  // The text between the gaps, in order: [0, text.length) is the gaps and these, without overlap.
  const block = (s: number, e: number) => {
    if (e > s) inside.push([s, e]);
  };
  const ranges = blockRanges(out);
  for (const [s, e] of ranges) {
    gap(at, s);
    block(Math.max(at, s), e);
    at = Math.max(at, e);
  }
  gap(at, text.length);
  // The gaps and blocks tile the text only when every range lies in it, none reversed (a past
  // run's JSON is read too): else the whole text is counted, as it was.
  if (!ranges.every(([s, e]) => s <= e && e <= text.length)) {
    const total = inkIn(text, 0, text.length);
    return total === 0 || outside / total <= maxShare ? null : { share: outside / total, widest };
  }
  let ink = 0;
  const atMost = () => outside + ink > 0 && outside / (outside + ink) <= maxShare;
  for (const [s, e] of inside) {
    for (let a = s; a < e; a += INK_PIECE) {
      ink += inkIn(text, a, Math.min(e, a + INK_PIECE));
      if (atMost()) return null;
    }
  }
  const total = outside + ink;
  if (total === 0) return null;
  const share = outside / total;
  return share <= maxShare ? null : { share, widest };
}

/** Characters of a block counted between two asks whether the share is already known to be small. */
const INK_PIECE = 4096;

function uncoveredFlag(out: Output, text: string, maxShare: number): QualityFlag | null {
  if (out.meetings.length === 0) return null;
  const found = uncoveredShare(out, text, maxShare);
  if (!found) return null;
  const { share, widest } = found;
  const span = { ...spanOf(text, widest[0], widest[1]), page: pageAt(out, widest[0]) };
  return flag("quality/text-outside-blocks", `${Math.round(share * 100)} % of the text is in no item and no front matter (over ${Math.round(maxShare * 100)} %)`, null, null, span);
}

/** The page of a PDF offset: that of the last fact span starting at or before it (null for text). */
function pageAt(out: Output, at: number): number | null {
  let best: { start: number; page: number | null } = { start: -1, page: null };
  for (const m of out.meetings) {
    for (const s of [m.span, ...m.items.map((i) => i.span), ...m.participants.map((p) => p.span)]) {
      if (s.page !== null && s.start <= at && s.start > best.start) best = s;
    }
  }
  return best.page;
}

/** A span for a range of the text (line numbers counted; the page is unknown here). */
export function spanOf(text: string, start: number, end: number): Span {
  let line = 1;
  for (let i = 0; i < start; i++) if (text.charCodeAt(i) === 10) line++;
  let endLine = line;
  for (let i = start; i < Math.max(start, end - 1); i++) if (text.charCodeAt(i) === 10) endLine++;
  return { page: null, line, endLine, start, end };
}

export function qualityFlags(out: Output, text: string, opts: QualityOptions): QualityFlag[] {
  const particles = new Set(opts.nameParticles.map((p) => p.toLowerCase()));
  const minWords = opts.minDecisionWords ?? DEFAULT_MIN_DECISION_WORDS;
  const flags: QualityFlag[] = [];
  for (const m of out.meetings) {
    if (!m.date) flags.push(flag("quality/meeting-no-date", "the meeting has no date", m.id, null, m.span));
    if (!m.body) flags.push(flag("quality/meeting-no-body", "the meeting has no body", m.id, null, m.span));
    let prev: number | null = null;
    for (const it of m.items) {
      const n = leadingNumber(it.number);
      if (n !== null && prev !== null && n <= prev) {
        flags.push(flag("quality/item-numbers-not-increasing", `item ${it.number} follows item number ${prev}`, m.id, it.id, it.span));
      }
      if (n !== null) prev = n;
      const words = it.decision?.match(WORD)?.length ?? null;
      if (words !== null && words < minWords) {
        flags.push(flag("quality/decision-short", `the decision of item ${it.number} has ${words} word${words === 1 ? "" : "s"}: "${it.decision}"`, m.id, it.id, it.span));
      }
    }
    for (const p of m.participants) {
      const problem = nameProblem(p.name, particles);
      if (problem) flags.push(flag("quality/participant-name-shape", `the name "${p.name}" has ${problem}`, m.id, p.id, p.span));
    }
    for (const f of m.followUps) {
      if (!f.responsible && !f.due) flags.push(flag("quality/followup-unassigned", "the follow-up has neither an owner nor a due date", m.id, f.id, f.span));
    }
  }
  const uncovered = uncoveredFlag(out, text, opts.maxUncoveredShare ?? DEFAULT_MAX_UNCOVERED_SHARE);
  if (uncovered) flags.push(uncovered);
  return flags;
}
