import type { Lexicon } from "../lexicon/load.js";
import { perLexicon } from "./per-lexicon.js";
import type { DateFact } from "../model/schema.js";
import type { ItemSegment } from "../segment/index.js";
import { wordsOf } from "../text/unicode.js";
import type { Range } from "../types.js";
import type { ExtractContext } from "./context.js";
import type { DateMention } from "./dates/types.js";
import { sentences } from "./sentences.js";
import { lowerBound } from "../text/sorted.js";

export type DateRole = DateFact["role"];

const cues = perLexicon((lex: Lexicon) => ({
  next: new RegExp(wordsOf(lex.forms("schedule-cues", "next")), "iu"),
  scheduled: new RegExp(wordsOf(lex.forms("schedule-cues", "scheduled")), "iu"),
}));
const EFFECTIVE = /(?:gäller|gälla|gällande|träder[ \t]+i[ \t]+kraft|från[ \t]+och[ \t]+med|fr\.?[ \t]?o\.?[ \t]?m\.?)[ \t]+(?:från[ \t]+)?(?:den[ \t]+)?$/iu;
const REFERENCE = /^[ \t]*,?[ \t]*§[ \t]*\d/u;

/**
 * "11. | Kommande möte\n21 nov — hos Jens\n17 dec — hos Emil": the short line heading a list of
 * dated lines the date starts one of, when the segmenter made no item of it.
 */
function listHeading(text: string, at: number): string | null {
  // The date must start its line (after blanks or a bullet): walk back over those only, never the
  // whole line (a flattened transcript is one line of megabytes, and every date would scan it).
  let ls = at;
  while (ls > 0 && /[ \t\-•–]/u.test(text[ls - 1]!)) ls--;
  if (ls > 0 && text[ls - 1] !== "\n") return null;
  for (let n = 0; n < 8 && ls > 0; n++) {
    const prev = text.lastIndexOf("\n", ls - 2) + 1;
    const line = text.slice(prev, ls - 1).trim();
    ls = prev;
    if (line === "" || /^[\-•–]?[ \t]*\d{1,4}(?:[ \t]+\p{Ll}|[./-]\d)/u.test(line)) continue;
    return line.length <= 60 ? line : null;
  }
  return null;
}

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
  const { next: nextRe, scheduled: scheduledRe } = cues(ctx.lex);
  const { text } = ctx.doc;
  const roles = dates.map<DateRole>(() => "mention");
  // Every date finds its item and sentence by binary search: no pass over all pairs.
  const all = items.flatMap((it) => sentences(text, { start: it.titleRange.start, end: it.end }));
  const containing = <T extends Range>(list: readonly T[], at: number): T | undefined => {
    const x = list[lowerBound(list, at + 1, (r) => r.start) - 1];
    return x && at < x.end ? x : undefined;
  };
  // Under a "Kommande möte" heading the first date is the next meeting and the later ones are
  // announced meetings ("21 nov — hos Jens", "17 dec — hos Emil").
  const titledNext = new Set<string>();
  dates.forEach((d, i) => {
    if (meetingMention && d.index === meetingMention.start) { roles[i] = "meeting"; return; }
    if (deadlines.has(d.index)) { roles[i] = "deadline"; return; }
    const item = containing(items, d.index);
    const s = containing(all, d.index);
    // The title is no part of the sentence: "Kommande möte\n21 nov" is a date under the heading.
    const sentence = s ? text.slice(item && d.index >= item.titleRange.end ? Math.max(s.start, item.titleRange.end) : s.start, s.end) : "";
    // A list heading outside any item counts only as a next-meeting cue: label lines ("Mötesdatum")
    // head dates too.
    const heading = item ? null : listHeading(text, d.index);
    const title = item?.title ?? (heading && nextRe.test(heading) ? heading : "");
    const day = d.grain === "day" || d.grain === "minute";
    const nextByTitle = !nextRe.test(sentence) && nextRe.test(title) && !scheduledRe.test(sentence);
    const list = item?.number ?? title;
    if (day && nextByTitle && titledNext.has(list)) roles[i] = "scheduled-meeting";
    else if (day && (nextRe.test(sentence) || nextByTitle)) {
      roles[i] = "next-meeting";
      if (nextByTitle) titledNext.add(list);
    }
    else if (day && (scheduledRe.test(sentence) || (scheduledRe.test(title) && !/(?:utbildning|seminari|konferens|workshop)/iu.test(sentence)))) roles[i] = "scheduled-meeting";
    else if (EFFECTIVE.test(text.slice(Math.max(0, d.index - 40), d.index))) roles[i] = "effective";
    else if (REFERENCE.test(text.slice(d.lastIndex, d.lastIndex + 8))) roles[i] = "reference";
  });
  return roles;
}
