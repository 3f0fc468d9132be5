import type { RawMention } from "./types.js";

/**
 * The year a block of year-less dates sits under: "Sammanträdesdagar 2024:" a line or two
 * above, "Mötestider 2021" as a heading, "under år 2019:" just before a list.
 */
const HEADING_YEAR = /(?<![\p{L}\p{N}/-])((?:19|20)\d{2})[ \t]*:?[ \t]*(?:\n[ \t]*)+$|(?<![\p{L}\p{N}/-])((?:19|20)\d{2})[ \t]*:[ \t]*$/u;
const LOOKBACK = 160;

export interface YearContext {
  year: number;
  /** Offset of the year that gave it. */
  at: number;
}

export function yearContextAt(text: string, offset: number): YearContext | null {
  const from = Math.max(0, offset - LOOKBACK);
  let before = text.slice(from, offset);
  // Skip back over the earlier members of the list ("2 februari, 3 maj, … och").
  // One way only to match each member (no two adjacent optional blank runs): exponential backtracking otherwise.
  before = before.replace(/(?:\d{1,2}(?::[ae])?[ \t]+\p{L}+\.?(?:\s*(?:,|och|samt))?\s*)+$/u, "");
  const m = HEADING_YEAR.exec(before.replace(/\n{3,}/g, "\n\n"));
  if (!m) return null;
  const y = Number(m[1] ?? m[2]);
  return { year: y, at: from + m.index };
}

/**
 * What year-less days of an undated record are read against: the first day it names in full in the
 * year its days name most (the earliest such year on a tie). Null when it names none.
 */
export function recordReference(ms: RawMention[]): string | null {
  const full = ms.filter((m) => !m.relative && (m.grain === "day" || m.grain === "minute") && m.start.y !== undefined && m.start.m !== undefined && m.start.d !== undefined);
  const counts = new Map<number, number>();
  for (const m of full) counts.set(m.start.y!, (counts.get(m.start.y!) ?? 0) + 1);
  let year: number | null = null;
  for (const [y, n] of counts) if (year === null || n > counts.get(year)! || (n === counts.get(year)! && y < year)) year = y;
  const first = full.find((m) => m.start.y === year);
  if (!first) return null;
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${p(first.start.y!, 4)}-${p(first.start.m!)}-${p(first.start.d!)}`;
}
