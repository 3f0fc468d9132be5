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
const fromUtc = (t: number): DateParts => {
  const dt = new Date(t);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
};

/** Within this many days a year-less date keeps the reference's year (minutes look both back and ahead). */
const SAME_YEAR_DAYS = 243;

/** The reference's year when the month-day lies within eight months of it, else the nearest year. */
export function nearestYear(ref: Reference, m: number, d = 15): number {
  const base = utc(ref.y, ref.m, ref.d);
  if (Math.abs(utc(ref.y, m, d) - base) <= SAME_YEAR_DAYS * 86400000) return ref.y;
  let best = ref.y;
  for (const y of [ref.y - 1, ref.y + 1]) {
    if (Math.abs(utc(y, m, d) - base) < Math.abs(utc(best, m, d) - base)) best = y;
  }
  return best;
}

/** Monday of ISO week w of year y. */
function isoWeekMonday(y: number, w: number): number {
  const jan4 = utc(y, 1, 4);
  const dow = (new Date(jan4).getUTCDay() + 6) % 7;
  return jan4 - dow * 86400000 + (w - 1) * 7 * 86400000;
}

function isoWeekOf(t: number): { y: number; w: number } {
  const dt = new Date(t);
  const dow = (dt.getUTCDay() + 6) % 7;
  const thursday = t - dow * 86400000 + 3 * 86400000;
  const y = new Date(thursday).getUTCFullYear();
  return { y, w: Math.floor((thursday - isoWeekMonday(y, 1)) / (7 * 86400000)) + 1 };
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
  const t = new Date(utc(p.y, p.m, p.d));
  return t.getUTCMonth() + 1 === p.m && t.getUTCDate() === p.d;
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
      start = fromUtc(mon);
      end = fromUtc(mon + 6 * 86400000);
    } else {
      if (!ref) return null;
      if (rel.days !== undefined) start = fromUtc(utc(ref.y, ref.m, ref.d) + rel.days * 86400000);
      else if (rel.weeks !== undefined) {
        const base = utc(ref.y, ref.m, ref.d) + rel.weeks * 7 * 86400000;
        const wk = isoWeekOf(base);
        const mon = isoWeekMonday(wk.y, wk.w);
        start = fromUtc(mon);
        end = fromUtc(mon + 6 * 86400000);
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
    const y = contextYear ?? (ref ? nearestYear(ref, start.m ?? 6, start.d ?? 15) : undefined);
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
