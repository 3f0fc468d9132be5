import type { Lexicon } from "../../lexicon/load.js";
import { anyOf, capitalisedAnyOf, isUpper } from "../../text/unicode.js";
import { keptScanner, scanAll, scanner } from "../../text/scan.js";
import type { Range } from "../../types.js";
import type { Position } from "./entry.js";
import { FLAT_LINE } from "../../segment/lines.js";
import { perLexicon } from "../per-lexicon.js";

export type AttendanceLabel =
  | { type: "group"; group: "member" | "substitute" | "other" | null; present: boolean; serving: boolean }
  | { type: "role"; position: Position }
  | { type: "stop" };

export interface AttendanceLabelHit extends Range {
  label: AttendanceLabel;
  text: string;
  /** The block ends at the first blank line (a column heading governs its table only). */
  paragraphOnly?: boolean;
}

/** "För VGK   För VGR": column headings naming the parties a joint body's members sit for. */
const FOR_COLUMNS = /(?<=^|\n)[ \t]*För[ \t]+\p{Lu}[\p{L}-]*(?:[ \t]+För[ \t]+\p{Lu}[\p{L}-]*)*[ \t]*(?=\n)/gu;
/** In the line of every FOR_COLUMNS match: lines without it are not tried. */
const FOR_COLUMNS_CUE = /För/u;

/**
 * "Beslutande" cut by OCR or a text layer to its end ("ande Miguel Odhner (S)"): a lowercase tail of
 * the word standing alone before a capitalised name is still the heading of the members.
 */
const TRUNCATED_MEMBERS = /(?<=^|[ \t\n])(?:(?:(?:(?:e?s)?l)?u)?t)?ande(?=[ \t]*:?[ \t]+\p{Lu}\p{Ll})/gu;
/** TRUNCATED_MEMBERS tried at one offset. */
const TRUNCATED_MEMBERS_AT = new RegExp(TRUNCATED_MEMBERS.source, "uy");
/** The longest tail of "Beslut" TRUNCATED_MEMBERS takes before "ande" ("eslut"). */
const LONGEST_TAIL = 5;

/**
 * TRUNCATED_MEMBERS' matches in s, as matchAll gives them. Each holds "ande" at most LONGEST_TAIL
 * characters after its start (the tail's letters are none of a, n, d), so the pattern is tried only
 * at the offsets up to each "ande" that indexOf finds: the engine tried it, look-behind first, at
 * every offset of every range.
 */
export function truncatedMembersIn(s: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  // Offsets below `tried` were tried, or lie inside a match.
  let tried = 0;
  for (let q = s.indexOf("ande"); q !== -1; q = s.indexOf("ande", q + 1)) {
    for (let p = Math.max(tried, q - LONGEST_TAIL); p <= q; p++) {
      TRUNCATED_MEMBERS_AT.lastIndex = p;
      const m = TRUNCATED_MEMBERS_AT.exec(s);
      if (m) {
        out.push(m);
        tried = p + m[0].length;
        break;
      }
    }
    tried = Math.max(tried, q + 1);
  }
  return out;
}

const ROLE_LABELS: Record<string, Position> = {
  "utses att justera": "adjuster", "utses att justera protokollet": "adjuster", justerare: "adjuster", justerande: "adjuster",
  "justerare/justerande": "adjuster", protokolljusterare: "adjuster", sekreterare: "secretary", "mötessekreterare": "secretary",
  ordförande: "chair", "mötesordförande": "chair", "vice ordförande": "vice-chair", "vice mötesordförande": "vice-chair",
  justeras: "adjuster", "justeras av": "adjuster", "protokolljustering": "adjuster", "elektronisk protokolljustering": "adjuster", "vid protokollet": "secretary", "protokollförare": "secretary",
};
const STOP_LABELS = [
  "plats och tid", "tid och plats", "plats", "tid", "datum", "justeringens plats och tid", "plats och tid för justering",
  "tid och plats för justering", "justeringens tid och plats", "paragrafer", "paragraf", "underskrifter", "underskrift",
  "anslag/bevis", "bevis om anslag", "anslagsbevis", "anslag", "organ", "sammanträdesdatum", "förvaringsplats för protokollet",
  "protokollet omfattar", "justerade paragrafer", "omfattning", "dag", "mötesform", "dagordning", "ärenden", "bilagor", "avser paragrafer",
  "protokollet är justerat", "justering",
];

/** Header-label kinds whose forms end an attendance block (lexicon/sv/header-labels.json). */
const HEADER_STOPS = new Set(["place-time", "place", "date", "time"]);

const LABEL_END = /^(?:[ \t]*(?::|\t|\n|$)|[ \t]+[\p{Lu}\d(.…]|[ \t]{2}|\.{2,}|…)/u;
/** The label forms of a lexicon and the pattern finding them, compiled once per lexicon instance. */
const compiledLabels = perLexicon((lex: Lexicon) => {
  const byForm = new Map<string, AttendanceLabel>();
  for (const e of lex.entries("groups")) {
    const group = e.value === "unknown" ? null : (e.value as "member" | "substitute" | "other");
    for (const f of e.forms) byForm.set(f, { type: "group", group, present: e.present !== false, serving: e.serving === true });
  }
  for (const [f, position] of Object.entries(ROLE_LABELS)) if (!byForm.has(f)) byForm.set(f, { type: "role", position });
  for (const f of STOP_LABELS) if (!byForm.has(f)) byForm.set(f, { type: "stop" });
  // The header box's place, time and date labels ("Sammanträdesplats", "Mötesdag") end a list as well.
  for (const e of lex.entries("header-labels")) {
    if (HEADER_STOPS.has(String(e.value))) for (const f of e.forms) if (!byForm.has(f)) byForm.set(f, { type: "stop" });
  }
  const re = new RegExp(`(?<=^|[\\t ]|\\n|\\.)(${capitalisedAnyOf([...byForm.keys()])})(?![\\p{L}])`, "gu");
  return { re, byForm };
});

/** Attendance headings, role labels and the labels that end an attendance block. */
interface LineBounds {
  start: number;
  end: number;
  /** First and last non-blank character of the line (end when none, start - 1 when none). */
  firstText: number;
  lastText: number;
}

const NON_BLANK = /\S/g;

function lineAround(s: string, at: number): LineBounds {
  const start = s.lastIndexOf("\n", at - 1) + 1;
  const nl = s.indexOf("\n", at);
  const end = nl === -1 ? s.length : nl;
  NON_BLANK.lastIndex = start;
  const first = NON_BLANK.exec(s);
  const firstText = first && first.index < end ? first.index : end;
  let lastText = end - 1;
  while (lastText >= start && /\s/.test(s[lastText]!)) lastText--;
  return { start, end, firstText, lastText };
}

/** Text before `at` on its line ends in a tab, two spaces or a leader of dots (then maybe blanks): a column gap. */
function endsInGap(s: string, lineStart: number, at: number): boolean {
  if (at > lineStart && s[at - 1] === "\t") return true;
  if (at - 2 >= lineStart && s[at - 1] === " " && s[at - 2] === " ") return true;
  let i = at;
  while (i > lineStart && (s[i - 1] === " " || s[i - 1] === "\t")) i--;
  const dot = (c: string | undefined) => c === "." || c === "…";
  return i - 2 >= lineStart && dot(s[i - 1]) && dot(s[i - 2]);
}

/** Line bounds once per line: a line of thousands of labels would otherwise be rescanned for each (quadratic). */
function lineFor(s: string, at: number, line: LineBounds | null): LineBounds {
  return line && at < line.end ? line : lineAround(s, at);
}

/** A word closing an ordinary (not flattened) line after other text, with no column gap before it: a value of that line. */
function closesEntryLine(s: string, at: number, length: number, line: LineBounds): boolean {
  const flat = line.end - line.start >= FLAT_LINE;
  const textBefore = line.firstText < at;
  const textAfter = line.lastText >= at + length;
  return !flat && textBefore && !textAfter && !endsInGap(s, line.start, at);
}

export function findAttendanceLabels(text: string, range: Range, lex: Lexicon): AttendanceLabelHit[] {
  const { re, byForm } = compiledLabels(lex);
  const out: AttendanceLabelHit[] = [];
  const s = text.slice(range.start, range.end);
  let line: LineBounds | null = null;
  for (const m of scanAll(scanner(re), s)) {
    const word = m[1]!;
    if (!isUpper(word[0])) continue;
    const after = s.slice(m.index + word.length, m.index + word.length + 4);
    if (!LABEL_END.test(after)) continue;
    const label = byForm.get(word.toLowerCase().replace(/\s+/g, " "));
    if (!label) continue;
    // "Ordförande DAG": a short word in capitals right after another word names a body, not a label.
    if (word.length <= 4 && word === word.toUpperCase() && /\p{L}[ ]$/u.test(s.slice(Math.max(0, m.index - 2), m.index))) continue;
    // A role word closing an ordinary line after other text ("Anna Andersson S 1 Ordförande") is a value, not a heading.
    if (label.type === "role") {
      line = lineFor(s, m.index, line);
      if (closesEntryLine(s, m.index, word.length, line)) continue;
      // "Miguel Odhner (S) Ordförande Maria Kjellberg (MP)" in a flattened list: the role of the entry before it.
      // (Not "Justerande": a flattened signature table puts it after the chair's name as the next column's heading.)
      if ((label.position === "chair" || label.position === "vice-chair") && /\([\p{L}]{1,4}\)[ \t]*$/u.test(s.slice(Math.max(line.start, m.index - 8), m.index))) continue;
      // "Ingvar Smedlund, Ordförande (M) Ulrika Ornbrant": a role after a name and its comma is that entry's role.
      if (/\p{Ll}[ \t]*,[ \t]*$/u.test(s.slice(Math.max(line.start, m.index - 4), m.index))) continue;
    }
    // "Jörgen Qwist Anmält förhinder" closing an ordinary line after a name: that entry's absence, not a heading.
    if (label.type === "group" && !label.present) {
      line = lineFor(s, m.index, line);
      if (closesEntryLine(s, m.index, word.length, line)) continue;
    }
    // "Elektronisk protokolljustering" heads the names below it up to the blank line (dated signatures follow).
    const paragraphOnly = /protokolljustering$/iu.test(word) || undefined;
    out.push({ start: range.start + m.index, end: range.start + m.index + word.length, label, text: word, ...(paragraphOnly ? { paragraphOnly } : {}) });
  }
  for (const m of truncatedMembersIn(s)) {
    out.push({ start: range.start + m.index, end: range.start + m.index + m[0].length, label: { type: "group", group: "member", present: true, serving: false }, text: m[0] });
  }
  for (const m of scanAll(keptScanner(FOR_COLUMNS, FOR_COLUMNS_CUE), s)) {
    out.push({ start: range.start + m.index, end: range.start + m.index + m[0].length, label: { type: "group", group: "member", present: true, serving: false }, text: m[0].trim(), paragraphOnly: true });
  }
  out.sort((a, b) => a.start - b.start);
  // A longer label that covers a shorter one wins ("Ej tjänstgörande ersättare" over "ersättare"): a sweep, as hits are sorted.
  const kept: AttendanceLabelHit[] = [];
  for (const h of out) {
    const last = kept[kept.length - 1];
    if (last && last.start <= h.start && last.end >= h.end) continue;
    while (kept.length && h.start <= kept[kept.length - 1]!.start && h.end >= kept[kept.length - 1]!.end) kept.pop();
    kept.push(h);
  }
  return kept;
}
