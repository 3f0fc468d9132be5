import { hasNonBlankRun } from "../../text/unicode.js";
import type { PdfLine } from "./types.js";

/**
 * A broken ToUnicode map can give the space glyph the code of a letter: pdf.js and poppler alike read
 * "Stadsdirektörensnförslagngodkändes." (an "n" for each space). Such a line is recognised by its
 * statistics — long runs without a space, and one letter far more frequent than in running text —
 * and its words are then restored by splitting at that letter only where the pieces are words the
 * same document spells correctly elsewhere (its clean lines are the dictionary). Real letters stay:
 * "Stadsdirektörens" is not cut at its "n" because the whole word is known.
 */

/** A run this long without a space is rare in running text (Swedish compounds included). */
const LONG_RUN = 20;
/** A line whose spaces are fewer than one per this many letters is a candidate. */
const LETTERS_PER_SPACE = 12;
/** How many letter boundaries one restored word may span (bounds the search: linear in the line). */
const MAX_SPAN = 6;
const WORD = /\p{L}+/gu;
/** How often a word of up to three letters must occur in the clean lines to count as known. */
const SHORT_WORD_SEEN = 4;

/** Word-shaped key of a piece: its letters, lower case ("förslag." → "förslag"). */
function key(piece: string): string {
  return (piece.match(WORD) ?? []).join("").toLowerCase();
}

function letterCount(s: string): number {
  let n = 0;
  for (const _ of s.matchAll(WORD)) n += _[0].length;
  return n;
}

/** A line that may have lost its spaces: a long space-less run, and few spaces for its letters. */
export function looksSpaceless(text: string): boolean {
  // The long run first: it is the cheap test, and almost every line of every PDF fails it.
  if (!hasNonBlankRun(text, LONG_RUN)) return false;
  const letters = letterCount(text);
  if (letters < LONG_RUN) return false;
  const spaces = (text.match(/\s/g) ?? []).length;
  return letters / (spaces + 1) >= LETTERS_PER_SPACE;
}

/** The words of the lines that read normally, lower case: the document's own dictionary. */
export function documentWords(lines: Iterable<string>): Set<string> {
  const counts = new Map<string, number>();
  for (const l of lines) {
    if (looksSpaceless(l)) continue;
    for (const m of l.matchAll(WORD)) {
      const w = m[0].toLowerCase();
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  // A short piece ("lö", "en") is a word only when the document uses it often; a chance word form seen once is no evidence.
  const words = new Set<string>();
  for (const [w, n] of counts) if (n >= (w.length <= 3 ? SHORT_WORD_SEEN : 1)) words.add(w);
  return words;
}

/** Cost of a piece as a word: known words are free; unknown ones cost more the longer (or shorter than a word) they are. */
function pieceCost(piece: string, words: Set<string>): number {
  const k = key(piece);
  if (k === "") return 0;
  if (words.has(k)) return 0;
  // A lost space leaves words, not fragments: an unknown piece of one or two letters is unlikely.
  if (k.length <= 2) return 5;
  return 2 + k.length / 10;
}

const SPLIT_COST = 0.75;
/** One split may be a compound read as two words ("arbetsplat utredningar"); a lost space shows in more than one place. */
const MIN_SPLITS = 2;

interface Segmentation {
  cost: number;
  text: string;
  known: number;
  pieces: number;
}

/** Best split of one space-less run at `letter` (dynamic programme over that letter's positions). */
function segmentRun(run: string, letter: string, words: Set<string>): Segmentation {
  const parts = run.split(letter);
  const n = parts.length;
  const best: Array<Segmentation | null> = new Array(n + 1).fill(null);
  best[0] = { cost: 0, text: "", known: 0, pieces: 0 };
  for (let j = 1; j <= n; j++) {
    for (let i = Math.max(0, j - MAX_SPAN); i < j; i++) {
      const prev = best[i];
      if (!prev) continue;
      const piece = parts.slice(i, j).join(letter);
      const c = pieceCost(piece, words);
      const cost = prev.cost + c + (i > 0 ? SPLIT_COST : 0);
      if (!best[j] || cost < best[j]!.cost) {
        best[j] = { cost, text: i > 0 ? `${prev.text} ${piece}` : piece, known: prev.known + (c === 0 ? 1 : 0), pieces: prev.pieces + 1 };
      }
    }
  }
  return best[n]!;
}

/** The line with its spaces restored at `letter`, and how well its pieces read. */
function segmentLine(text: string, letter: string, words: Set<string>): Segmentation {
  const out: string[] = [];
  let cost = 0;
  let known = 0;
  let pieces = 0;
  for (const run of text.split(" ")) {
    const s = run.includes(letter) ? segmentRun(run, letter, words) : { cost: pieceCost(run, words), text: run, known: words.has(key(run)) ? 1 : 0, pieces: 1 };
    out.push(s.text);
    cost += s.cost;
    known += s.known;
    pieces += s.pieces;
  }
  return { cost, text: out.join(" "), known, pieces };
}

/** The line with its spaces restored at `letter` when that reads clearly better; otherwise null. */
function restoredAt(text: string, letter: string, words: Set<string>): string | null {
  const unchanged = segmentLine(text, "\u0000", words);
  const s = segmentLine(text, letter, words);
  // Only a clear gain counts, read mostly as known words: otherwise the line is left alone.
  if (s.pieces < unchanged.pieces + MIN_SPLITS || s.cost >= unchanged.cost / 2 || s.known < s.pieces * 0.6) return null;
  return s.text;
}

/** A letter standing for the space is among a line's most frequent ones (the space is the commonest character of text). */
const CANDIDATE_LETTERS = 3;

function frequentLetters(text: string): string[] {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/\p{Ll}/gu)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, CANDIDATE_LETTERS).map(([l]) => l);
}

/**
 * The letter that stands for the space in this document: the one whose restoration reads best on
 * most space-less lines (a broken map is one font's, so one letter). Null when none restores two lines.
 */
export function spaceLetter(lines: string[], words: Set<string>): string | null {
  const votes = new Map<string, number>();
  for (const text of lines) {
    for (const letter of frequentLetters(text)) {
      if (restoredAt(text, letter, words) !== null) votes.set(letter, (votes.get(letter) ?? 0) + 1);
    }
  }
  let best: string | null = null;
  for (const [letter, n] of votes) if (n >= 2 && (best === null || n > votes.get(best)!)) best = letter;
  return best;
}

/**
 * Restores the spaces of a line that lost them to `letter`; any other line is returned as it is.
 * Once the document's letter is known from clear lines, a line with other damage too ("u" for "t")
 * is split wherever the split reads better than the run (the programme splits only around known words).
 */
export function restoreSpaces(text: string, letter: string, words: Set<string>): string {
  if (!looksSpaceless(text)) return text;
  const unchanged = segmentLine(text, "\u0000", words);
  const s = segmentLine(text, letter, words);
  return s.pieces > unchanged.pieces && s.cost < unchanged.cost ? s.text : text;
}

/** Each page's lines with lost spaces restored, the dictionary taken from the whole document. */
export function restoreLostSpaces(pages: PdfLine[][]): PdfLine[][] {
  const suspects = pages.flatMap((p) => p.map((l) => l.text).filter(looksSpaceless));
  if (suspects.length === 0) return pages;
  const words = documentWords(pages.flatMap((p) => p.map((l) => l.text)));
  const letter = spaceLetter(suspects, words);
  if (letter === null) return pages;
  return pages.map((p) => p.map((l) => (looksSpaceless(l.text) ? { ...l, text: restoreSpaces(l.text, letter, words) } : l)));
}
