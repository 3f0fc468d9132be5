import type { Position } from "./entry.js";
import type { ExtractContext, RecordView } from "../context.js";
import { namesIn, type NameVocabulary } from "./names.js";

const ROLE_BY_WORD: Array<[RegExp, Position]> = [
  [/justera|justerare|protokolljusterare|protokollsjusterare/iu, "adjuster"],
  [/sekreterare/iu, "secretary"],
  [/mötesordförande|ordförande/iu, "chair"],
];

/** "X utses att jämte ordföranden justera", "Till sekreterare valdes X": positions given in the opening items. */
const ELECTED = /[^.]*?(?:utses|utsågs|valdes|väljs|utsedd)[^.]*?(?:justera|justerare|sekreterare|ordförande)[^.]*\.?|(?:Till|Som)[ \t]+(?:justerare|sekreterare|mötesordförande|ordförande|protokolljusterare)[^.]*?(?:utses|utsågs|valdes|väljs)[^.]*\.?/gu;

export function positionsFromItems(ctx: ExtractContext, view: RecordView, nv: NameVocabulary): Array<{ name: string; position: Position }> {
  const { text } = ctx.doc;
  const out: Array<{ name: string; position: Position }> = [];
  for (const item of view.rec.items.slice(0, 6)) {
    const s = text.slice(item.titleRange.start, Math.min(item.end, item.titleRange.start + 1500));
    for (const m of s.matchAll(ELECTED)) {
      const sentence = m[0];
      // "xxx och yyy utses" in a notice: placeholders, no one yet.
      const role = ROLE_BY_WORD.find(([re]) => re.test(sentence.replace(/ordföranden?\s+justera/iu, "justera")));
      if (!role) continue;
      const at = item.titleRange.start + m.index;
      for (const n of namesIn(text, { start: at, end: at + sentence.length }, nv)) out.push({ name: n.name, position: role[1] });
    }
  }
  return out;
}
