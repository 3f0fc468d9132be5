import type { Position } from "./entry.js";
import type { ExtractContext, RecordView } from "../context.js";
import { namesIn, type NameVocabulary } from "./names.js";
import { sentences } from "../sentences.js";

const ROLE_BY_WORD: Array<[RegExp, Position]> = [
  [/justera|justerare|justering|protokolljusterare|protokollsjusterare/iu, "adjuster"],
  [/sekreterare|protokollförare/iu, "secretary"],
  [/vice[ \t]+(?:mötes)?ordförande/iu, "vice-chair"],
  [/mötesordförande|ordförande/iu, "chair"],
];

/**
 * "X utses att jämte ordföranden justera", "Till sekreterare valdes X", "Mötet väljer X till
 * mötesordförande", "Mötet beslutar att välja X till mötessekreterare": positions given in the opening items.
 */
const ELECTED_WORDS = "utses|utsågs|valdes|väljs|utsedd|väljer|välja|utser";
export const ELECTED_VERB = new RegExp(`(?<![\\p{L}])(?:${ELECTED_WORDS})(?![\\p{L}])`, "u");
const ROLE_WORD = /(?<![\p{L}])(?:justera|justerare|sekreterare|mötessekreterare|protokollförare|ordförande|mötesordförande|protokolljusterare|justeringsperson(?:er)?|justeringsman|justeringsmän)(?![\p{L}])/iu;

/**
 * ELECTED_VERB's words without its boundaries: every sentence that elects holds one, and a sentence
 * lies inside its item's range, so an item without any is not split into sentences at all.
 */
export const ELECTED_VERB_WORD = new RegExp(ELECTED_WORDS, "u");

/** A sub-heading line naming a role: a few words ("Justeringsperson tillika rösträknare"). */
const ROLE_HEADING_MAX = 40;

function roleIn(sentence: string): Position | null {
  if (!ROLE_WORD.test(sentence)) return null;
  return ROLE_BY_WORD.find(([re]) => re.test(sentence.replace(/ordföranden?\s+justera/iu, "justera")))?.[1] ?? null;
}

export interface ElectedOfficial {
  name: string;
  position: Position;
  start: number;
  end: number;
}

export function positionsFromItems(ctx: ExtractContext, view: RecordView, nv: NameVocabulary): ElectedOfficial[] {
  const { text } = ctx.doc;
  const out: ElectedOfficial[] = [];
  // The opening points: the first six numbers, with their decimal sub-points ("1.5 Val av justerare").
  const opening = new Set([...new Set(view.rec.items.map((i) => i.number.split(".")[0]))].slice(0, 6));
  for (const item of view.rec.items.filter((i) => opening.has(i.number.split(".")[0]))) {
    const range = { start: item.titleRange.start, end: Math.min(item.end, item.titleRange.start + 1500) };
    // "a. Mötesordförande" over "Mötet nominerar och väljer X": a sub-heading naming the role.
    if (!ELECTED_VERB_WORD.test(text.slice(range.start, range.end))) continue;
    let heading: Position | null = null;
    for (const sr of sentences(text, range)) {
      const sentence = text.slice(sr.start, sr.end);
      const under = heading;
      const elects = ELECTED_VERB.test(sentence);
      heading = sentence.length <= ROLE_HEADING_MAX && !elects ? roleIn(sentence) : null;
      if (!elects) continue;
      const role = ROLE_WORD.test(sentence) ? roleIn(sentence) : under;
      if (!role) continue;
      for (const n of namesIn(text, sr, nv)) out.push({ name: n.name, position: role, start: n.start, end: n.end });
    }
  }
  return out;
}
