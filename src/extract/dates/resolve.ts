// One module per function: the package root loads all of date-fns's 300 modules (150 ms at start-up).
import { addDays } from "date-fns/addDays";
import { addWeeks } from "date-fns/addWeeks";
import { getDaysInMonth } from "date-fns/getDaysInMonth";
import { getISOWeeksInYear } from "date-fns/getISOWeeksInYear";
import { setISOWeek } from "date-fns/setISOWeek";
import { startOfISOWeek } from "date-fns/startOfISOWeek";
import type { DateMention, DateParts, Grain, RawMention } from "./types.js";

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** Four-digit years only: the output's ISO values have room for no others. */
const MIN_YEAR = 1000;
const MAX_YEAR = 9999;

export interface Reference {
  y: number;
  m: number;
  d: number;
}

export function parseReference(ref: string | undefined | null): Reference | null {
  const m = ref ? /^(\d{4})-(\d{2})-(\d{2})/.exec(ref) : null;
  return m ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) } : null;
}

const utc = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);
/** Calendar arithmetic on local dates (date-fns), so a DST change never shifts a day. */
const local = (p: { y: number; m: number; d: number }) => new Date(p.y, p.m - 1, p.d);
const partsOf = (dt: Date): DateParts => ({ y: dt.getFullYear(), m: dt.getMonth() + 1, d: dt.getDate() });

export type Direction = "forward" | "backward" | null;

/** Words before a year-less date that say it lies ahead ("senast", "till den") or behind ("beslutade den"). */
const FORWARD = /(?<![\p{L}])(?:senast|till|t\.?o\.?m\.?|fr\.?o\.?m\.?|från[ \t]+och[ \t]+med|ska|skall|kommer|nästa|kommande|före|inför|förlängning|förlängas|förlängs|planeras|beräknas|preliminärt|äga[ \t]+rum)(?![\p{L}])[^.\n]{0,40}$/iu;
const BACKWARD = /(?<![\p{L}])(?:beslutade|beslöt|fattade|redovisade|hölls|föregående|senaste|sedan|tidigare|inkom|inkommen|daterad|per)(?![\p{L}])[^.\n]{0,40}$/iu;

export function directionBefore(text: string, index: number): Direction {
  const before = text.slice(Math.max(0, index - 60), index);
  if (FORWARD.test(before)) return "forward";
  if (BACKWARD.test(before)) return "backward";
  return null;
}

/** The year that puts a month-day nearest the reference, or next/last in the direction the text gives. */
export function nearestYear(ref: Reference, m: number, d = 15, direction: Direction = null): number {
  const base = utc(ref.y, ref.m, ref.d);
  if (direction === "forward") return utc(ref.y, m, d) >= base ? ref.y : ref.y + 1;
  if (direction === "backward") return utc(ref.y, m, d) <= base ? ref.y : ref.y - 1;
  let best = ref.y;
  for (const y of [ref.y - 1, ref.y + 1]) {
    if (Math.abs(utc(y, m, d) - base) < Math.abs(utc(best, m, d) - base)) best = y;
  }
  return best;
}

/** Monday of ISO week w of year y. */
function isoWeekMonday(y: number, w: number): Date {
  return startOfISOWeek(setISOWeek(new Date(y, 0, 4), w));
}

function format(p: DateParts, grain: Grain): string {
  const y = p.y === undefined ? "" : pad(p.y, 4);
  switch (grain) {
    case "year": return y;
    case "month":
    case "season": return p.y === undefined ? `--${pad(p.m!)}` : `${y}-${pad(p.m!)}`;
    case "time": return `T${pad(p.h!)}:${pad(p.min ?? 0)}`;
    case "minute": return `${y}-${pad(p.m!)}-${pad(p.d!)}T${pad(p.h!)}:${pad(p.min ?? 0)}`;
    case "month-day": return `--${pad(p.m!)}-${pad(p.d!)}${p.h === undefined ? "" : `T${pad(p.h)}:${pad(p.min ?? 0)}`}`;
    default: return `${y}-${pad(p.m!)}-${pad(p.d!)}`;
  }
}

/** Days in a month; without a year, the most it can have (29 February stands). */
function daysIn(y: number | undefined, m: number): number {
  return getDaysInMonth(new Date(y ?? 2024, m - 1, 1));
}

/** Why a placed date cannot be: a day past its month, a year outside four digits, 24:xx. Null when it can. */
function impossible(p: DateParts, isEnd: boolean): string | null {
  if (p.y !== undefined && (p.y < MIN_YEAR || p.y > MAX_YEAR)) return `the year ${p.y} is outside ${MIN_YEAR}–${MAX_YEAR}`;
  if (p.m !== undefined && p.d !== undefined && p.d > daysIn(p.y, p.m)) return `${p.y ?? "no year"}-${pad(p.m)} has no day ${p.d}`;
  // 24:00 is the end of a day: it may end a range, never start one, and 24:30 is no time.
  if (p.h !== undefined && (p.h > 24 || (p.h === 24 && ((p.min ?? 0) > 0 || !isEnd)))) return `${pad(p.h)}:${pad(p.min ?? 0)} is no time of day`;
  return null;
}

/** The day after a (possibly year-less) date: a clock range across midnight ends on it. */
function nextDay(p: DateParts): DateParts {
  // Without a year, 28 February is followed by 1 March in three years of four.
  const n = partsOf(addDays(new Date(p.y ?? 2023, p.m! - 1, p.d!), 1));
  return { ...p, y: p.y === undefined ? undefined : n.y, m: n.m, d: n.d };
}

const clockOf = (p: DateParts) => (p.h ?? 0) * 60 + (p.min ?? 0);

/**
 * The end of a clock range on the calendar: "kl 23.00–0.30" ends the next day, and "18.00–24.00"
 * ends at 00:00 of the next day (ISO 8601 no longer has 24:00, and date libraries reject it).
 */
function clockEnd(start: DateParts, end: DateParts): DateParts {
  const midnight = end.h === 24;
  const e = midnight ? { ...end, h: 0, min: 0 } : end;
  const sameDay = start.d !== undefined && e.d === start.d && e.m === start.m && e.y === start.y;
  if (sameDay && (midnight || clockOf(e) < clockOf(start))) return nextDay(e);
  return e;
}

/** A mention placed on the calendar, or why it cannot be placed (null: a relative one with no reference). */
export type Resolution = { mention: DateMention; rejected?: undefined } | { mention?: undefined; rejected: string | null };

/**
 * Places a raw mention on the calendar: relative expressions from the reference, missing years
 * from the year context or, failing that, the year nearest the reference. A day or minute whose
 * year stays unknown becomes "month-day" (--MM-DD, --MM-DDTHH:MM): only full ISO values ever
 * carry the grains "day" and "minute". Impossible values (31 April, week 53 of a year with 52,
 * year 10000, a range ending before it starts) are rejected with the reason.
 */
export function resolveMention(text: string, m: RawMention, ref: Reference | null, contextYear: number | null): Resolution {
  const inferred: string[] = [];
  let grain = m.grain;
  let start: DateParts = { ...m.start };
  let end: DateParts | undefined = m.end ? { ...m.end } : undefined;
  const rel = m.relative;
  if (rel) {
    if (rel.week !== undefined) {
      const y = start.y ?? contextYear ?? ref?.y;
      if (y === undefined) return { rejected: null };
      if (start.y === undefined) inferred.push("year");
      if (y < MIN_YEAR || y > MAX_YEAR) return { rejected: `the year ${y} is outside ${MIN_YEAR}–${MAX_YEAR}` };
      if (rel.week > getISOWeeksInYear(new Date(y, 5, 1))) return { rejected: `${y} has no week ${rel.week}` };
      const mon = isoWeekMonday(y, rel.week);
      start = partsOf(mon);
      end = partsOf(addDays(mon, 6));
    } else {
      if (!ref) return { rejected: null };
      if (rel.days !== undefined) start = partsOf(addDays(local(ref), rel.days));
      else if (rel.weeks !== undefined) {
        const mon = startOfISOWeek(addWeeks(local(ref), rel.weeks));
        start = partsOf(mon);
        end = partsOf(addDays(mon, 6));
      } else if (rel.years !== undefined) {
        if (grain === "year") start = { y: ref.y + rel.years };
        else start = { ...start, y: ref.y + rel.years };
        if (end) end = { ...end, y: ref.y + rel.years };
      }
    }
  } else if (grain === "time") {
    if (ref) {
      start = { y: ref.y, m: ref.m, d: ref.d, h: start.h, min: start.min };
      if (end) end = { y: ref.y, m: ref.m, d: ref.d, h: end.h, min: end.min };
      grain = "minute";
      inferred.push("day");
    }
  } else if (start.y === undefined && grain !== "year") {
    const y = contextYear ?? (ref ? nearestYear(ref, start.m ?? 6, start.d ?? 15, directionBefore(text, m.index)) : undefined);
    if (y !== undefined) {
      start.y = y;
      if (end) end.y = end.y ?? (end.m! < start.m! ? y + 1 : y);
      inferred.push("year");
    } else if (grain === "day" || grain === "minute") {
      grain = "month-day";
    }
  }
  const why = impossible(start, false) ?? (end ? impossible(end, true) : null);
  if (why) return { rejected: why };
  if (end?.h !== undefined) end = clockEnd(start, end);
  const value = format(start, grain);
  const endValue = end ? format(end, grain) : null;
  // Full ISO values on both sides order as strings do; year-less ones ("vintern": --12 to --02) cannot be ordered.
  if (endValue !== null && /^\d/.test(value) && /^\d/.test(endValue) && endValue < value) return { rejected: `the range ends (${endValue}) before it starts (${value})` };
  return {
    mention: {
      text: text.slice(m.index, m.lastIndex),
      value,
      end: endValue,
      grain,
      index: m.index,
      lastIndex: m.lastIndex,
      rule: m.rule,
      inferred,
    },
  };
}

/** resolveMention without the reason: the mention, or null when it cannot be placed. */
export function resolve(text: string, m: RawMention, ref: Reference | null, contextYear: number | null): DateMention | null {
  return resolveMention(text, m, ref, contextYear).mention ?? null;
}
