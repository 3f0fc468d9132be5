import type { DateParts, RawMention } from "./types.js";

const RANGE_GAP = /^[ \t]*(?:[-–—‐]|till(?:[ \t]+och[ \t]+med)?|t\.o\.m\.?)[ \t]*$/u;
const TIME_AFTER_DATE = /^[ \t]*,?[ \t]*(?:kl\.?|klockan)?[ \t]*$/u;
const LIST_GAP = /^[ \t]*(?:,|och|samt|,[ \t]*och|;)[ \t]*\n?[ \t]*$/u;

const isDay = (m: RawMention) => m.grain === "day" && !m.relative;
const monthDay = (p: DateParts) => (p.m ?? 0) * 100 + (p.d ?? 0);

/** "15 december – 15 januari 2024": a range that names its year once, at the end, starts a year earlier when it turns the year. */
function startYear(start: DateParts, end: DateParts): number | undefined {
  if (start.y !== undefined || end.y === undefined) return start.y ?? end.y;
  return monthDay(start) > monthDay(end) ? end.y - 1 : end.y;
}

/** "8 aug - 12 aug", "januari–april 2017": two mentions joined by a dash or "till" become one range. */
export function mergeRanges(text: string, ms: RawMention[]): RawMention[] {
  const out: RawMention[] = [];
  for (const m of ms) {
    const prev = out[out.length - 1];
    if (prev && !prev.end && !m.end && prev.grain === m.grain && !prev.relative && !m.relative && prev.grain !== "time" &&
        RANGE_GAP.test(text.slice(prev.lastIndex, m.index))) {
      out[out.length - 1] = { ...prev, lastIndex: m.lastIndex, start: { ...prev.start, y: startYear(prev.start, m.start) }, end: { ...m.start, y: m.start.y ?? prev.start.y }, rule: `${prev.rule}+range` };
      continue;
    }
    out.push(m);
  }
  return out;
}

/** "den 23 april kl 9 – 10.30": a clock time right after a day dates that day. */
export function attachTimes(text: string, ms: RawMention[]): RawMention[] {
  const out: RawMention[] = [];
  for (const m of ms) {
    const prev = out[out.length - 1];
    if (m.grain === "time" && prev && isDay(prev) && !prev.end && TIME_AFTER_DATE.test(text.slice(prev.lastIndex, m.index))) {
      out[out.length - 1] = {
        ...prev,
        lastIndex: m.lastIndex,
        grain: "minute",
        start: { ...prev.start, h: m.start.h, min: m.start.min },
        ...(m.end ? { end: { ...prev.start, h: m.end.h, min: m.end.min } } : {}),
        rule: `${prev.rule}+${m.rule}`,
      };
      continue;
    }
    // A bare hour range ("9 – 10.30") is a time only right after a date.
    if (m.rule === "hour-range") continue;
    out.push(m);
  }
  return out;
}

/** "2 februari, 3 maj och 8 november 2024": a list of days shares the year its last member names. */
export function shareListYears(text: string, ms: RawMention[]): void {
  for (let i = ms.length - 1; i > 0; i--) {
    const last = ms[i]!;
    if (!isDay(last) || last.start.y === undefined) continue;
    for (let j = i - 1; j >= 0; j--) {
      const a = ms[j]!;
      const b = ms[j + 1]!;
      if (!isDay(a) || a.start.y !== undefined || !LIST_GAP.test(text.slice(a.lastIndex, b.index))) break;
      a.start.y = last.start.y;
      if (a.end) a.end.y = last.start.y;
    }
  }
}
