import type { Range } from "../types.js";
import type { LabelledLine } from "../lines/index.js";
import type { Block } from "./index.js";

/** What the blocks of a range say about it being a meeting record. */
export interface RecordEvidence {
  /** Header boxes with two labels, or a kind title and a label. */
  headerBoxes: number;
  /** Attendance blocks with a group heading and a person, or three persons. */
  attendance: number;
  /** Item blocks opened by a § header. */
  paragraphItems: number;
  /** Item blocks opened by any item header. */
  items: number;
  toc: number;
  /** Label lines, and attendance headings over names, anywhere in the range. */
  labelLines: number;
  /** A kind title with a date on it or on the next line: "Utdrag ur … protokoll 28 november 2007 § 174". */
  datedTitles: number;
  /** Lines with a time span ("kl. 16:00-21:11", "14:00 - 17:10"): a sitting's hours. */
  timeSpans: number;
  /** Title lines with a kind word ("Protokoll 2 av 2", "KALLELSE"). */
  kindTitles: number;
  proseLines: number;
  lines: number;
  rules: string[];
}

export const TIME_SPAN = /(?<![\d.:])\d{1,2}[.:]\d{2}[ \t]*[-–][ \t]*\d{1,2}[.:]\d{2}(?![\d.:])/u;

/**
 * TIME_SPAN holds TIME of the line features (lines/features.ts): at a span's offset TIME matches
 * too (its look-behind and look-ahead are TIME_SPAN's, less ":"; its optional span is TIME_SPAN's), on
 * the trimmed text as well (a span starts and ends with a digit). So a line whose timeValue is false
 * holds no span, and most lines are decided without the pattern.
 */
function holdsTimeSpan(l: LabelledLine): boolean {
  return l.features.timeValue && TIME_SPAN.test(l.text);
}

/** What one line adds to the evidence; `next` is the line after it in the range's blocks. */
function addLine(ev: RecordEvidence, l: LabelledLine, next: LabelledLine | undefined): void {
  // A group heading over prose ("Deltagare" on a web page about a council) is not attendance.
  const heads = l.label === "attendance-heading" && (l.features.firstNames >= 2 || next?.label === "person");
  if (l.label === "label" || heads) ev.labelLines++;
  if (l.label === "title" && l.features.kindWord) ev.kindTitles++;
  if (holdsTimeSpan(l)) ev.timeSpans++;
  if (l.label === "title" && l.features.kindWord && (l.features.dates > 0 || (next && next.features.dates > 0 && next.features.words <= 6))) ev.datedTitles++;
}

/** What one block adds to the evidence, its lines counted in one pass. */
function addBlock(ev: RecordEvidence, b: Block): void {
  ev.lines += b.lines.length;
  let labels = 0;
  let persons = 0;
  let headings = 0;
  let kindTitle = false;
  let namedHeading = false;
  for (const l of b.lines) {
    if (l.label === "label") labels++;
    else if (l.label === "person") persons++;
    else if (l.label === "title") kindTitle ||= l.features.kindWord;
    else if (l.label === "attendance-heading") {
      headings++;
      namedHeading ||= l.features.firstNames >= 2;
    }
  }
  if (b.kind === "header-box" && (labels >= 2 || (labels >= 1 && kindTitle))) ev.headerBoxes++;
  // A flattened heading carries its names on the same line: "Närvarande Wanja Wallemyr (C), ordförande …".
  if (b.kind === "attendance" && ((headings && persons >= 1) || persons >= 3 || namedHeading)) ev.attendance++;
  if (b.kind === "item" && b.lines[0]!.label === "item-header") {
    ev.items++;
    if (b.lines[0]!.features.paragraphStart) ev.paragraphItems++;
  }
  if (b.kind === "toc") ev.toc++;
  if (b.kind === "prose") ev.proseLines += b.lines.length;
}

/**
 * The evidence of the blocks starting in the range (furniture aside), read in one pass: no arrays
 * of the blocks or their lines, no pass per label counted (it runs once per record).
 */
export function recordEvidence(blocks: readonly Block[], range: Range): RecordEvidence {
  const ev: RecordEvidence = { headerBoxes: 0, attendance: 0, paragraphItems: 0, items: 0, toc: 0, labelLines: 0, datedTitles: 0, kindTitles: 0, timeSpans: 0, proseLines: 0, lines: 0, rules: [] };
  // Each line is added when the one after it (across blocks) is known.
  let previous: LabelledLine | undefined;
  for (const b of blocks) {
    if (b.start < range.start || b.start >= range.end || b.kind === "furniture") continue;
    for (const l of b.lines) {
      if (previous) addLine(ev, previous, l);
      previous = l;
    }
    addBlock(ev, b);
  }
  if (previous) addLine(ev, previous, undefined);
  if (ev.headerBoxes) ev.rules.push("record/header-box");
  if (ev.attendance) ev.rules.push("record/attendance-block");
  if (ev.paragraphItems >= 2) ev.rules.push("record/paragraph-items");
  return ev;
}

/**
 * No header box, no attendance, no § items, no label, no dated kind title: the blocks say the range is not a meeting record (a web
 * page, a news article, a list of meeting dates, a report). Mostly prose or a table of contents
 * decides it; a bare list of numbered items keeps the benefit of the doubt.
 */
export function blocksDenyMeeting(ev: RecordEvidence, chainItems = 0): boolean {
  if (ev.headerBoxes || ev.attendance || ev.paragraphItems >= 2 || ev.labelLines || ev.datedTitles || ev.timeSpans) return false;
  // Items the chain search found (a contents list of a real record, "Protokoll 2 av 2 Innehåll …") keep the doubt.
  // A table of contents under no kind title is a report's.
  if (ev.toc > 0 && ev.kindTitles === 0) return true;
  if (chainItems >= 2) return false;
  return ev.items < 2 && ev.proseLines * 2 >= ev.lines;
}

/** An attendance block (a group heading over names) says a meeting was held and who came. */
export function blocksAffirmMeeting(ev: RecordEvidence): boolean {
  return ev.attendance > 0;
}
