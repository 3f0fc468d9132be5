import type { Lexicon } from "../lexicon/load.js";
import { cuedLineFrom } from "../text/scan.js";
import { cueOf, wordsOf } from "../text/unicode.js";
import type { Range } from "../types.js";
import type { DateParts, RawMention } from "./dates/types.js";
import { perLexicon } from "./per-lexicon.js";

/** A clock time read from the minutes, with the rule that read it. */
export interface ClockHit {
  at: number;
  lastIndex: number;
  time: DateParts;
  rule: string;
}

interface ClockPatterns {
  meeting: RegExp;
  /** What every meeting word contains (cueOf, global): the lines that may name the meeting are found by it. */
  meetingCue: RegExp;
  open: RegExp;
  close: RegExp;
}

const patterns = perLexicon((lex: Lexicon): ClockPatterns => {
  return {
    meeting: new RegExp(wordsOf(lex.forms("meeting-clock", "meeting")), "iu"),
    meetingCue: new RegExp(cueOf(lex.forms("meeting-clock", "meeting"), "iu").source, "giu"),
    open: new RegExp(wordsOf(lex.forms("meeting-clock", "open")), "iu"),
    close: new RegExp(wordsOf(lex.forms("meeting-clock", "close")), "iu"),
  };
});

/** "17:54", "kl 17.30", "klockan 12:09": a clock time not part of a date or a larger number. */
const CLOCK = /(?<![\p{L}\p{N}.:/-])(?:(?:kl\.?|klockan)[ \t]*)?([01]?\d|2[0-4])[.:]([0-5]\d)(?![\p{N}]|[.:]\d)/giu;

/**
 * The times the minutes give for opening and closing the meeting: a short line naming the meeting,
 * an opening or closing verb and a clock time ("Elis Hirwing öppnar mötet 19:08.", "Mötet avslutas
 * 18:37", "1. Mötets öppnande 17:54"). The first opening and the last closing count: a meeting
 * adjourned and resumed is opened once and closed once.
 */
export function openingAndClosing(text: string, range: Range, lex: Lexicon): { open: ClockHit | null; close: ClockHit | null } {
  const p = patterns(lex);
  let open: ClockHit | null = null;
  let close: ClockHit | null = null;
  for (const at of linesNamingTheMeeting(text, range, p.meetingCue)) {
    let end = text.indexOf("\n", at);
    if (end === -1 || end > range.end) end = range.end;
    const line = text.slice(at, end);
    if (line.length <= 160 && p.meeting.test(line)) {
      const isOpen = p.open.test(line);
      const isClose = p.close.test(line);
      if (isOpen !== isClose) {
        CLOCK.lastIndex = 0;
        const m = CLOCK.exec(line);
        if (m) {
          const hit: ClockHit = {
            at: at + m.index, lastIndex: at + m.index + m[0].length, time: { h: Number(m[1]), min: Number(m[2]) },
            rule: isOpen ? "header/opening-sentence" : "header/closing-sentence",
          };
          if (isOpen) open ??= hit;
          else close = hit;
        }
      }
    }
  }
  return { open, close };
}

/**
 * The starts of the lines of the range that may name the meeting, in order: each line holding the
 * cue of the meeting words (every meeting word contains a cue word, and the words never span lines),
 * and the first and last lines. A line the cue finds without a meeting word fails the line's own
 * test (p.meeting), which every line given here still passes through: the lines kept are the same as
 * with the lines of the meeting words' own matches, found at a tenth of the cost (whole records are
 * scanned; the twelve words with their look-behind were tried at every letter).
 */
function linesNamingTheMeeting(text: string, range: Range, cue: RegExp): number[] {
  if (range.end <= range.start) return [];
  const starts = [range.start];
  for (let at = range.start; at < range.end; ) {
    const q = cuedLineFrom(cue, text, at);
    if (q < 0 || q >= range.end) break;
    if (q !== starts[starts.length - 1]) starts.push(q);
    const nl = text.indexOf("\n", cue.lastIndex);
    if (nl < 0) break;
    at = nl + 1;
  }
  const last = range.end - 1 > range.start ? Math.max(range.start, text.lastIndexOf("\n", range.end - 2) + 1) : range.start;
  if (last !== starts[starts.length - 1]) starts.push(last);
  return starts;
}

/**
 * Times standing right after the meeting's time in a header value: further sessions ("kl
 * 09.00-12.00, 13.00–14.50", "08.30–12.00 och 13.00–16.00") or the end written without a dash
 * ("13:00 17:30"). The last of them ends the meeting.
 */
const FOLLOWING = /^(?:[ \t]*(?:,|;|&|och|samt)?[ \t]*(?:kl\.?[ \t]*)?\d{1,2}[.:]\d{2}(?:[ \t]*[-\u2010-\u2015\u2212][ \t]*\d{1,2}[.:-]\d{2})?(?![\p{N}]))+/iu;

export function laterSessionEnd(text: string, from: number, limit: number): DateParts | null {
  const m = FOLLOWING.exec(text.slice(from, Math.min(limit, from + 80)));
  if (!m) return null;
  const last = /(\d{1,2})[.:-](\d{2})[^\d]*$/u.exec(m[0]);
  if (!last) return null;
  const h = Number(last[1]);
  const min = Number(last[2]);
  return h <= 24 && min <= 59 ? { h, min } : null;
}

/** "Plats och tid Sessionssalen … 13:00 17:30": bare clock times in a header value no date rule reads. */
export function bareTimes(text: string, value: Range): RawMention | null {
  CLOCK.lastIndex = 0;
  const s = text.slice(value.start, value.end);
  const m = CLOCK.exec(s);
  if (!m) return null;
  const start = { h: Number(m[1]), min: Number(m[2]) };
  const lastIndex = value.start + m.index + m[0].length;
  const end = laterSessionEnd(text, lastIndex, value.end);
  return {
    rule: "header-bare-time", index: value.start + m.index, lastIndex, grain: "time", start,
    ...(end ? { end } : {}),
  };
}

/** A time mention for the meeting built from a start and an end read by different rules. */
export function clockMention(start: DateParts, end: DateParts | undefined, at: number, lastIndex: number, rule: string): RawMention {
  return { rule, index: at, lastIndex, grain: "time", start, ...(end ? { end } : {}) };
}
