import type { ItemSegment } from "../../segment/index.js";
import type { ExtractContext } from "../context.js";
import type { NameVocabulary } from "../participants/names.js";
import { sentences, squashedText } from "../sentences.js";
import { peopleIn } from "./people.js";
import type { MotionType, RawMotion } from "./types.js";

const MOTION_VERB = /(?<![\p{L}])(?:yrkar|yrkade|yrkande[ \t]+om)(?![\p{L}])/iu;
/** "Pär Löfstrand, fp: Motionen bifalls." — a motion written as "Name, party: text" under Yrkanden. */
const COLON_STYLE = /^((?:\p{Lu}[\p{L}-]+[ \t]+){1,3}?\p{Lu}[\p{L}-]+)(?:[ \t]*\(([\p{L}]{1,5})\)|,[ \t]*([\p{L}]{1,5}))?[ \t]*:[ \t]*(.+)$/u;

export function motionType(text: string): MotionType {
  const t = text.toLowerCase();
  if (/återremi/.test(t)) return "återremiss";
  if (/bordlägg/.test(t)) return "bordläggning";
  if (/avslag|avslå|avslås/.test(t)) return "avslag";
  if (/tillägg/.test(t)) return "tillägg";
  if (/ändring|ändra|ändras/.test(t)) return "ändring";
  if (/bifall|bifalls|bifaller|i enlighet med|enligt .*förslag|anse .* besvarad|godkänn|anta/.test(t)) return "bifall";
  return "other";
}

/**
 * What every motion verb holds (MOTION_VERB's forms all start so), with the same case folding: a
 * body without it and without a motions section has no motion, and its sentences need not be read.
 */
const MOTION_STEM = /yrka/iu;

/** Yrkanden: who moved what ("Samuel Godrén (SD) yrkar bifall till motionen"). */
export function itemMotions(ctx: ExtractContext, item: ItemSegment, nv: NameVocabulary): RawMotion[] {
  const { text } = ctx.doc;
  const out: RawMotion[] = [];
  const inMotionSection = (at: number) => item.sections.some((s) => s.role === "motions" && at >= s.textStart && at < s.end);
  // (Squashing a sentence only collapses its blanks: the verb of a squashed sentence stands so in the body.)
  if (!item.sections.some((s) => s.role === "motions") && !MOTION_STEM.test(text.slice(item.bodyStart, item.end))) return out;
  const all = sentences(text, { start: item.bodyStart, end: item.end });
  for (let i = 0; i < all.length; i++) {
    let s = all[i]!;
    // "X yrkade att fullmäktige beslutar" + "• att bifalla motionen": the att-clause belongs to the motion.
    const next = all[i + 1];
    if (next && /^[•●▪-]?[ \t]*att[ \t]/u.test(text.slice(next.start, next.end)) && /beslutar|besluta|:$/u.test(text.slice(s.start, s.end))) {
      s = { start: s.start, end: next.end };
      i++;
    }
    const t = squashedText(text, s);
    const verb = MOTION_VERB.exec(t);
    if (verb) {
      const people = peopleIn(text, { start: s.start, end: s.start + Math.max(0, text.slice(s.start, s.end).search(MOTION_VERB)) }, nv);
      const by = people[people.length - 1] ?? null;
      const what = t.slice(verb.index + verb[0].length).trim();
      out.push({ by: by?.name ?? null, party: by?.party ?? null, type: motionType(what), text: t, range: s });
      continue;
    }
    if (inMotionSection(s.start)) {
      const m = COLON_STYLE.exec(t);
      if (m) out.push({ by: m[1]!, party: (m[2] ?? m[3])?.toUpperCase() ?? null, type: motionType(m[4]!), text: t, range: s });
    }
  }
  return out;
}
