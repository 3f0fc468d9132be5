import type { ItemSegment } from "../segment/index.js";
import { sliceWithout } from "../segment/lines.js";
import { squash, wordsOf } from "../text/unicode.js";
import type { Range } from "../types.js";
import type { ExtractContext } from "./context.js";
import type { DateMention } from "./dates/types.js";
import { sentences } from "./sentences.js";
import { sliceByKey } from "../text/sorted.js";

export interface RawFollowUp {
  item: string;
  due: string | null;
  text: string;
  responsible: string | null;
  range: Range;
  /** The date mention that sets the due date. */
  date: DateMention | null;
  /** Rule ids by output field (found, due, responsible), issue 15. */
  rules?: Record<string, string[]>;
}

let dated: RegExp | null = null;
let undated: RegExp | null = null;

/** "X får i uppdrag att", "fick X i uppdrag", "uppdrar åt X", "X återkommer": who must act. */
const RESPONSIBLE = [
  /(?:^|[.:;]\s+|\n)((?:\p{Lu}[\p{L}-]*)(?:[ \t]+[\p{L}-]+){0,6}?)[ \t]+(?:får|fick|ges|gavs)[ \t]+i[ \t]+uppdrag/u,
  /(?:fick|ger|gav|ge)[ \t]+((?:\p{L}[\p{L}-]*)(?:[ \t]+[\p{L}-]+){0,6}?)[ \t]+i[ \t]+uppdrag/u,
  /uppdra(?:r|s|g)?[ \t]+åt[ \t]+((?:\p{L}[\p{L}-]*)(?:[ \t]+[\p{L}-]+){0,5}?)[ \t]+att/u,
  /^((?:\p{Lu}[\p{L}-]*)(?:[ \t]+[\p{L}-]+){0,4}?)[ \t]+(?:återkommer|ska[ \t]+återkomma|kommer[ \t]+(?:att[ \t]+)?(?:göra|ta[ \t]+fram|återkomma))/u,
  /^((?:\p{Lu}[\p{L}-]*)(?:[ \t]+\p{Lu}[\p{L}-]*){1,2})[ \t]+[–-][ \t]+\p{Ll}+[ \t]+kommer/u,
];

/** A word each RESPONSIBLE pattern needs: most items hold none, and the patterns try every line start. */
const RESPONSIBLE_NEEDS = ["uppdrag", "uppdrag", "uppdra", "omm", "kommer"];

/** Rule id of each RESPONSIBLE pattern. */
const RESPONSIBLE_RULES = ["followup/far-i-uppdrag", "followup/ger-i-uppdrag", "followup/uppdrar-at", "followup/aterkommer", "followup/name-dash-kommer"];

function responsibleMatch(s: string): { name: string; rule: string } | null {
  for (let i = 0; i < RESPONSIBLE.length; i++) {
    if (!s.includes(RESPONSIBLE_NEEDS[i]!)) continue;
    const m = RESPONSIBLE[i]!.exec(s);
    if (m) return { name: squash(m[1]!), rule: RESPONSIBLE_RULES[i]! };
  }
  return null;
}

/**
 * The ISO day of a due date. A date without a year ("senast den 30 april", "--04-30") takes the
 * meeting's year, or the next year when that day has passed at the meeting (a deadline lies ahead).
 */
export function dueDay(value: string, meetingDate: string | null): string | null {
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) return value.slice(0, 10);
  const m = /^--(\d{2})-(\d{2})/.exec(value);
  if (!m || !meetingDate) return null;
  const year = Number(meetingDate.slice(0, 4));
  const day = `${year}-${m[1]}-${m[2]}`;
  return day >= meetingDate ? day : `${year + 1}-${m[1]}-${m[2]}`;
}

/** Dated commitments (a deadline cue and a date at or after the meeting) and undated assignments, per item. */
export function itemFollowUps(ctx: ExtractContext, item: ItemSegment, dates: DateMention[], meetingDate: string | null): RawFollowUp[] {
  dated ??= new RegExp(wordsOf(ctx.lex.forms("deadline-cues", "dated")), "iu");
  undated ??= new RegExp(wordsOf(ctx.lex.forms("deadline-cues", "undated")), "iu");
  const { text } = ctx.doc;
  const out: RawFollowUp[] = [];
  const itemText = sliceWithout(text, item.bodyStart, item.end, ctx.seg.skip);
  const itemResponsible = responsibleMatch(itemText);
  for (const s of sentences(text, { start: item.bodyStart, end: item.end })) {
    const t = squash(sliceWithout(text, s.start, s.end, ctx.seg.skip));
    const inSentence = sliceByKey(dates, s.start, s.end, (d) => d.index).filter((d) => d.grain === "day" || d.grain === "minute");
    const due = inSentence.find((d) => { const day = dueDay(d.value, meetingDate); return day !== null && (!meetingDate || day >= meetingDate); });
    if (due && (dated.test(t) || undated.test(t))) {
      const own = responsibleMatch(t);
      const who = own ?? itemResponsible;
      const rules: Record<string, string[]> = {
        found: ["followup/dated-cue"],
        due: [/^\d{4}/.test(due.value) && !due.inferred.includes("year") ? "followup/due-date" : "followup/due-meeting-year"],
      };
      if (who) rules.responsible = own ? [own.rule] : [who.rule, "followup/item-responsible"];
      out.push({ item: item.number, due: dueDay(due.value, meetingDate), text: t, responsible: who?.name ?? null, range: s, date: due, rules });
    } else if (inSentence.length === 0 && undated.test(t)) {
      const own = responsibleMatch(t);
      const rules: Record<string, string[]> = { found: ["followup/undated-cue"] };
      if (own) rules.responsible = [own.rule];
      out.push({ item: item.number, due: null, text: t, responsible: own?.name ?? null, range: s, date: null, rules });
    }
  }
  // The same commitment stated in the proposal and in the decision is one follow-up.
  const seen = new Set<string>();
  return out.filter((f) => {
    const key = `${f.item}|${f.due ?? squash(f.text).toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
