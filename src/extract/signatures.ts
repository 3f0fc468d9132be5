import type { Signatures } from "../model/schema.js";
import type { ExtractContext, RecordView } from "./context.js";
import { calendarDay } from "./dates/index.js";
import type { DateMention } from "./dates/types.js";
import { valueAfter, type LabelHit } from "./labels.js";
import { cleanPlace } from "./place.js";
import { coverage, lowerBound } from "../text/sorted.js";
import type { RawParticipant } from "./participants/index.js";

const ADJUSTED = /justering|justerat|justeras/iu;
const POSTED = /(?:uppsättande|sätts[ \t]+upp|sattes[ \t]+upp|uppsatt|uppsättes|upprättande|anslaget[ \t]+uppsatt|anslag[ \t]+uppsatt)/iu;
const REMOVED = /(?:nedtagande|tas[ \t]+ned|tas[ \t]+ner|nedtages|nedtaget|nedtas)/iu;

/** Who signed and when the minutes were adjusted, posted and taken down. */
export function extractSignatures(ctx: ExtractContext, view: RecordView, labels: LabelHit[], dates: DateMention[], people: RawParticipant[]): Signatures {
  const { text } = ctx.doc;
  const withRole = (pos: string) => people.filter((p) => p.positions.includes(pos as never)).map((p) => p.name);
  const out: Signatures = {
    secretary: withRole("secretary")[0] ?? null,
    chair: withRole("chair")[0] ?? null,
    adjusters: withRole("adjuster"),
    adjustedOn: null,
    adjustedAt: null,
    postedOn: null,
    removedOn: null,
  };
  const inFront = coverage(view.front);
  const front = dates.filter((d) => inFront(d.index));
  for (const d of front) {
    const before = text.slice(Math.max(0, d.index - 90), d.index);
    const li = lowerBound(labels, d.index + 1, (l) => l.end) - 1;
    const label = li >= 0 && d.index - labels[li]!.end < 200 ? labels[li] : undefined;
    const cue = before.slice(Math.max(0, before.length - 60));
    if (!out.removedOn && REMOVED.test(cue)) out.removedOn = calendarDay(d);
    else if (!out.postedOn && POSTED.test(cue)) out.postedOn = calendarDay(d);
    else if (!out.adjustedOn && (label?.kind === "adjust" || ADJUSTED.test(cue)) && !POSTED.test(cue)) out.adjustedOn = calendarDay(d);
  }
  // "Justeringens plats och tid   Kommunhuset, Henån måndag 7 mars 2011": the place before the date.
  for (const l of labels.filter((x) => x.kind === "adjust" && /plats/.test(x.label))) {
    const v = valueAfter(text, l, labels, l.end + 160);
    const value = text.slice(v.start, v.end);
    const inValue = dates.filter((d) => d.index >= v.start && d.index < v.end);
    const firstDate = inValue[0];
    const before = firstDate ? value.slice(0, firstDate.index - v.start) : value;
    const lastDate = inValue[inValue.length - 1];
    const source = /\p{L}{2}/u.test(before) || !lastDate ? before : value.slice(lastDate.lastIndex - v.start);
    const place = cleanPlace(source);
    if (place && /\p{L}{2}/u.test(place)) { out.adjustedAt = place; break; }
  }
  return out;
}
