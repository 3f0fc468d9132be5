import type { Position } from "./entry.js";
import type { ExtractContext, RecordView } from "../context.js";
import { namesIn, type NameVocabulary } from "./names.js";
import { sentences } from "../sentences.js";

const ROLE_BY_WORD: Array<[RegExp, Position]> = [
  [/justera|justerare|protokolljusterare|protokollsjusterare/iu, "adjuster"],
  [/sekreterare/iu, "secretary"],
  [/vice[ \t]+(?:mötes)?ordförande/iu, "vice-chair"],
  [/mötesordförande|ordförande/iu, "chair"],
];

/** "X utses att jämte ordföranden justera", "Till sekreterare valdes X": positions given in the opening items. */
const ELECTED_VERB = /(?<![\p{L}])(?:utses|utsågs|valdes|väljs|utsedd)(?![\p{L}])/u;
const ROLE_WORD = /(?<![\p{L}])(?:justera|justerare|sekreterare|ordförande|mötesordförande|protokolljusterare)(?![\p{L}])/u;

export function positionsFromItems(ctx: ExtractContext, view: RecordView, nv: NameVocabulary): Array<{ name: string; position: Position }> {
  const { text } = ctx.doc;
  const out: Array<{ name: string; position: Position }> = [];
  // The opening points: the first six numbers, with their decimal sub-points ("1.5 Val av justerare").
  const opening = new Set([...new Set(view.rec.items.map((i) => i.number.split(".")[0]))].slice(0, 6));
  for (const item of view.rec.items.filter((i) => opening.has(i.number.split(".")[0]))) {
    const range = { start: item.titleRange.start, end: Math.min(item.end, item.titleRange.start + 1500) };
    for (const sr of sentences(text, range)) {
      const sentence = text.slice(sr.start, sr.end);
      if (!ELECTED_VERB.test(sentence) || !ROLE_WORD.test(sentence)) continue;
      // "xxx och yyy utses" in a notice: placeholders, no one yet.
      const role = ROLE_BY_WORD.find(([re]) => re.test(sentence.replace(/ordföranden?\s+justera/iu, "justera")));
      if (!role) continue;
      for (const n of namesIn(text, sr, nv)) out.push({ name: n.name, position: role[1] });
    }
  }
  return out;
}
