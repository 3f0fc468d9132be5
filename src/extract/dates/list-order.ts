import type { DateMention } from "./types.js";

/** Only separators between two members of a list of days ("26 januari kl. 13-14 1 mars", "3 maj, 8 juni och"). */
const LIST_SEP = /^(?:[\s,;•·*–-]|och|samt)*$/u;
const MAX_GAP = 16;

const isDayValue = (d: DateMention) => (d.grain === "day" || d.grain === "minute") && /^\d{4}-/.test(d.value);
const shiftYear = (v: string, by: number) => `${String(Number(v.slice(0, 4)) + by).padStart(4, "0")}${v.slice(4)}`;

/**
 * A run of year-less days placed each by itself on the year nearest the meeting ("26 januari,
 * 1 mars, 30 augusti, 18 oktober" under an October meeting: 2016, 2016, 2015, 2015) is a list in
 * the order of the calendar: a member that would fall before the one listed just before it is in
 * the next year. `placed` holds the offsets of the mentions whose year was guessed that way (a
 * year written or taken from a heading is never moved). Works in place; linear.
 */
export function keepListsInOrder(text: string, ds: DateMention[], placed: ReadonlySet<number>): void {
  for (let i = 1; i < ds.length; i++) {
    const prev = ds[i - 1]!;
    const cur = ds[i]!;
    if (!placed.has(prev.index) || !placed.has(cur.index) || !isDayValue(prev) || !isDayValue(cur)) continue;
    if (cur.index - prev.lastIndex > MAX_GAP || !LIST_SEP.test(text.slice(prev.lastIndex, cur.index))) continue;
    if (cur.value.slice(0, 10) >= prev.value.slice(0, 10)) continue;
    const moved = shiftYear(cur.value, 1);
    // 29 February has no next year to move to.
    if (moved.slice(5, 10) === "02-29") continue;
    cur.value = moved;
    if (cur.end && /^\d{4}-/.test(cur.end)) cur.end = shiftYear(cur.end, 1);
  }
}
