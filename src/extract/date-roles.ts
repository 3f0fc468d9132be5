import type { DateFact } from "../model/schema.js";
import type { ItemSegment } from "../segment/index.js";
import { wordsOf } from "../text/unicode.js";
import type { Range } from "../types.js";
import type { ExtractContext } from "./context.js";
import type { DateMention } from "./dates/types.js";
import { sentences } from "./sentences.js";
import { lowerBound } from "../text/sorted.js";

export type DateRole = DateFact["role"];

let nextRe: RegExp | null = null;
let scheduledRe: RegExp | null = null;
const EFFECTIVE = /(?:gäller|gälla|gällande|träder[ \t]+i[ \t]+kraft|från[ \t]+och[ \t]+med|fr\.?[ \t]?o\.?[ \t]?m\.?)[ \t]+(?:från[ \t]+)?(?:den[ \t]+)?$/iu;
const REFERENCE = /^[ \t]*,?[ \t]*§[ \t]*\d/u;

/**
 * Roles of the dates in a record: the meeting's own, the next meeting, announced meeting dates,
 * deadlines (set by follow-ups), dates from which something applies, references to other minutes.
 */
export function assignRoles(
  ctx: ExtractContext,
  dates: DateMention[],
  items: ItemSegment[],
  meetingMention: Range | null,
  deadlines: Set<number>,
): DateRole[] {
  nextRe ??= new RegExp(wordsOf(ctx.lex.forms("schedule-cues", "next")), "iu");
  scheduledRe ??= new RegExp(wordsOf(ctx.lex.forms("schedule-cues", "scheduled")), "iu");
  const { text } = ctx.doc;
  const roles = dates.map<DateRole>(() => "mention");
  // Every date finds its item and sentence by binary search: no pass over all pairs.
  const all = items.flatMap((it) => sentences(text, { start: it.titleRange.start, end: it.end }));
  const containing = <T extends Range>(list: readonly T[], at: number): T | undefined => {
    const x = list[lowerBound(list, at + 1, (r) => r.start) - 1];
    return x && at < x.end ? x : undefined;
  };
  dates.forEach((d, i) => {
    if (meetingMention && d.index === meetingMention.start) { roles[i] = "meeting"; return; }
    if (deadlines.has(d.index)) { roles[i] = "deadline"; return; }
    const item = containing(items, d.index);
    const s = containing(all, d.index);
    const sentence = s ? text.slice(s.start, s.end) : "";
    const title = item?.title ?? "";
    const day = d.grain === "day" || d.grain === "minute";
    if (day && (nextRe!.test(sentence) || (nextRe!.test(title) && !scheduledRe!.test(sentence)))) roles[i] = "next-meeting";
    else if (day && (scheduledRe!.test(sentence) || (scheduledRe!.test(title) && !/(?:utbildning|seminari|konferens|workshop)/iu.test(sentence)))) roles[i] = "scheduled-meeting";
    else if (EFFECTIVE.test(text.slice(Math.max(0, d.index - 40), d.index))) roles[i] = "effective";
    else if (REFERENCE.test(text.slice(d.lastIndex, d.lastIndex + 8))) roles[i] = "reference";
  });
  return roles;
}
