import type { ItemSegment } from "../../segment/index.js";
import { squash } from "../../text/unicode.js";
import type { ExtractContext } from "../context.js";
import type { NameVocabulary } from "../participants/names.js";
import { sentences, squashedText } from "../sentences.js";
import { peopleIn } from "./people.js";
import type { RawReservation, ReservationKind } from "./types.js";

const KINDS: Array<[ReservationKind, RegExp]> = [
  ["särskilt yttrande", /särskil(?:t|da)[ \t]+yttrande/iu],
  ["protokollsanteckning", /protokollsanteckning|anteckning[ \t]+till[ \t]+protokollet/iu],
  ["jäv", /(?<![\p{L}])jäv(?![\p{L}])|anmäler[ \t]+jäv/iu],
  ["reservation", /reserv(?:ation|erar|erade)/iu],
];

/**
 * A word that each pattern of KINDS holds in every match, with the same case folding: a body
 * without any of them and without a reservation heading has no reservation, and its sentences
 * need not be read (squashing a sentence only collapses its blanks, so the word stands so in the body).
 */
const KIND_STEMS = /särskil|anteckning|jäv|reserv/iu;

/** Reservations, särskilda yttranden, protokollsanteckningar and jäv, with who (and party). */
export function itemReservations(ctx: ExtractContext, item: ItemSegment, nv: NameVocabulary): RawReservation[] {
  const { text } = ctx.doc;
  const out: RawReservation[] = [];
  const headed = item.sections.filter((s) => s.role === "reservation");
  if (headed.length === 0 && !KIND_STEMS.test(text.slice(item.bodyStart, item.end))) return out;
  // Under a heading, each sentence naming people is a reservation of its own ("X reserverar sig …. Y reserverar sig ….").
  const underHeading = headed.flatMap((h) => {
    const parts = sentences(text, { start: h.textStart, end: h.end }).filter((x) => peopleIn(text, x, nv).length > 0);
    return parts.length > 1 ? parts.map((x) => ({ ...x, heading: h.heading })) : [{ start: h.start, end: h.end, heading: h.heading }];
  });
  const spans = [
    ...underHeading,
    ...sentences(text, { start: item.bodyStart, end: item.end })
      .filter((s) => !headed.some((h) => s.start >= h.start && s.start < h.end))
      .map((s) => ({ ...s, heading: "" })),
  ];
  for (const s of spans) {
    const t = squashedText(text, s);
    const kind = KINDS.find(([, re]) => re.test(s.heading) || re.test(t))?.[0];
    if (!kind) continue;
    // "ska kunna reservera sig" or a heading with nothing under it says nobody reserved.
    const by = peopleIn(text, s, nv);
    if (by.length === 0 && !s.heading) continue;
    const favour = /till[ \t]+förmån[ \t]+för[ \t]+(.+?)(?=[ \t]+(?:lämnades|lämnas|av|från|och[ \t]+\p{Lu})(?![\p{L}])|[.,;]|$)/iu.exec(t);
    out.push({ kind, by, inFavourOf: favour ? squash(favour[1]!) : null, text: t, range: { start: s.start, end: s.end } });
  }
  return out;
}
