import { perLexicon } from "../per-lexicon.js";
import { loadLexicon, type Lexicon } from "../../lexicon/load.js";
import { attachTimes, mergeRanges, shareListYears } from "./refine.js";
import { parseReference, resolve } from "./resolve.js";
import { dateRules, type DateRule } from "./rules.js";
import { scan } from "./select.js";
import type { DateMention, ParseDatesOptions, RawMention } from "./types.js";
import { yearContextAt } from "./year-context.js";

export type { DateMention, ParseDatesOptions, Grain } from "./types.js";

/** The ISO day (YYYY-MM-DD) a day or minute mention stands for; null for any other, and for one without a full date. */
export function calendarDay(d: Pick<DateMention, "grain" | "value">): string | null {
  if (d.grain !== "day" && d.grain !== "minute") return null;
  return /^\d{4}-\d{2}-\d{2}(?:T|$)/.test(d.value) ? d.value.slice(0, 10) : null;
}

const rulesOf = perLexicon(dateRules);

/** Date expressions in a text, before any year is inferred. */
export function scanDates(text: string, lex: Lexicon = loadLexicon()): RawMention[] {
  let ms = scan(text, rulesOf(lex));
  ms = attachTimes(text, ms);
  ms = mergeRanges(text, ms);
  shareListYears(text, ms);
  return ms;
}

/**
 * Every date expression in a Swedish text, resolved to local ISO values. With a reference
 * (the meeting date), relative expressions and year-less dates are placed; without one,
 * year-less dates keep grain "month-day" and relative ones are left out.
 */
export function parseDates(text: string, options: ParseDatesOptions = {}): DateMention[] {
  const ref = parseReference(options.reference);
  const out: DateMention[] = [];
  for (const m of scanDates(text)) {
    const ctx = m.start.y === undefined && !m.relative ? yearContextAt(text, m.index) : null;
    const r = resolve(text, m, ref, ctx?.year ?? null);
    if (r) out.push(r);
  }
  return out;
}
