import { addDays, addWeeks, getDaysInMonth, isValid, setISOWeek, startOfISOWeek } from "date-fns";
import type { DateMention, DateParts, Grain, RawMention } from "./types.js";

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

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
    case "month-day": return `--${pad(p.m!)}-${pad(p.d!)}`;
    default: return `${y}-${pad(p.m!)}-${pad(p.d!)}`;
  }
}

function validDay(p: DateParts): boolean {
  if (p.y === undefined || p.m === undefined || p.d === undefined) return true;
  return isValid(new Date(p.y, p.m - 1, p.d)) && p.d <= getDaysInMonth(new Date(p.y, p.m - 1, 1));
}

/**
 * Places a raw mention on the calendar: relative expressions from the reference, missing years
 * from the year context or, failing that, the year nearest the reference. Returns null when a
 * relative expression has no reference to count from.
 */
export function resolve(text: string, m: RawMention, ref: Reference | null, contextYear: number | null): DateMention | null {
  const inferred: string[] = [];
  let grain = m.grain;
  let start: DateParts = { ...m.start };
  let end: DateParts | undefined = m.end ? { ...m.end } : undefined;
  const rel = m.relative;
  if (rel) {
    if (rel.week !== undefined) {
      const y = start.y ?? contextYear ?? ref?.y;
      if (y === undefined) return null;
      if (start.y === undefined) inferred.push("year");
      const mon = isoWeekMonday(y, rel.week);
      start = partsOf(mon);
      end = partsOf(addDays(mon, 6));
    } else {
      if (!ref) return null;
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
    } else if (grain === "day") {
      grain = "month-day";
    }
  }
  if (!validDay(start) || (end && !validDay(end))) return null;
  return {
    text: text.slice(m.index, m.lastIndex),
    value: format(start, grain),
    end: end ? format(end, grain) : null,
    grain,
    index: m.index,
    lastIndex: m.lastIndex,
    rule: m.rule,
    inferred,
  };
}
