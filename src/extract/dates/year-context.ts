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
