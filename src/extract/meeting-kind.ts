import type { MeetingKind } from "../model/schema.js";
import { compoundWords } from "../text/compound.js";
import { anyOf, wordsOf } from "../text/unicode.js";
import { testAnywhere } from "../text/scan.js";
import { runningHeaderOf, type ExtractContext, type RecordView } from "./context.js";
import type { Lexicon } from "../lexicon/load.js";
import { perLexicon } from "./per-lexicon.js";
import type { Block } from "../blocks/index.js";

/**
 * Decision verbs in the past ("beslutade", "godkändes", "valdes"): what was done, so a held meeting.
 * Not when a date follows: "Kommunfullmäktige beslutade den 18 april 2022 att …" tells an earlier
 * decision, the background an agenda's item summary gives.
 */
const pastPattern = perLexicon((lex: Lexicon): RegExp => {
  const forms = [...lex.forms("decision-verbs", "past"), ...lex.forms("decision-verbs", "passive").filter((f) => /(?:des|gs|ts)$/u.test(f))];
  return new RegExp(`${wordsOf(forms)}(?![ \\t]+(?:den[ \\t]+)?\\d)`, "giu");
});

const kindPattern = perLexicon((lex: Lexicon): RegExp => new RegExp(`(?:${anyOf(lex.forms("meeting-kinds"))})(?![\\p{L}])`, "giu"));

/**
 * A record the blocks show as announced, not held: items without any decision, no attendance list,
 * signature or adjustment box, and no decision told in the past (a web page's agenda, an "Ärendelista").
 * One or two named persons with no group heading are not an attendance list: an agenda names the
 * proposed adjuster ("Förslag: Anna Berg (S)") or who presents an item.
 */
function announcedOnly(ctx: ExtractContext, view: RecordView, hasDecision: boolean): boolean {
  if (hasDecision || view.rec.items.length < 2) return false;
  const held = new Set(["signature", "adjustment"]);
  const inside = ctx.seg.blocks.filter((b) => b.start >= view.rec.start && b.start < view.rec.end);
  if (inside.some((b) => held.has(b.kind) || listsAttendance(b))) return false;
  const past = ctx.doc.text.slice(view.rec.start, view.rec.end).match(pastPattern(ctx.lex)) ?? [];
  return past.length < 2;
}

/** An attendance block under a group heading ("Övriga närvarande", even when its names were lost), or of three names. */
function listsAttendance(b: Block): boolean {
  if (b.kind !== "attendance") return false;
  return b.lines.some((l) => l.label === "attendance-heading") || b.lines.filter((l) => l.label === "person").length >= 3;
}

/**
 * protocol | minutes | agenda | extract, from the kind word that heads the record (or its
 * compound: Sammanträdesprotokoll), and from what the items hold when no word says it.
 */
export function meetingKind(ctx: ExtractContext, view: RecordView, rules: string[] = []): MeetingKind {
  const { text } = ctx.doc;
  const kindRe = kindPattern(ctx.lex);
  const index = ctx.lex.index("meeting-kinds");
  const votes = new Map<string, number>();
  let first: { kind: string; at: number } | null = null;
  // The record's own front matter speaks first, with its first page's running header ("KALLELSE 1 (32)",
  // cut from the front as furniture, but the kind word a reader sees on every page); a web page title
  // only when neither says anything.
  const header = runningHeaderOf(ctx, view.rec);
  const own = header ? [...view.front, { start: header.start, end: header.end }] : view.front;
  for (const r of [...own, ...(own.some((f) => hasKindWord(text, f)) ? [] : view.chrome)]) {
    const s = text.slice(r.start, Math.min(r.end, r.start + 4000));
    for (const m of compoundWords(s, kindRe)) {
      const word = m.form.toLowerCase().replace(/\s+/g, " ");
      // A kind word heads a record when capitalised or compounded; "justera dagens protokoll" is prose.
      if (!m.prefix && !/^\p{Lu}/u.test(m.form)) continue;
      const kind = String(index.get(word)?.value ?? "");
      if (!kind) continue;
      // "Dagordning" heads agendas, but minutes list their dagordning too.
      if (word === "dagordning" || word === "anteckningar") continue;
      const prefix = m.prefix.toLowerCase();
      if (prefix && !/(?:s|e|ts|rings)$/.test(prefix) && word === "protokoll") continue;
      const at = r.start + m.index;
      votes.set(kind, (votes.get(kind) ?? 0) + 1);
      if (!first || at < first.at) first = { kind, at };
    }
  }
  if (votes.get("extract")) { rules.push("kind/title-word"); return "extract"; }
  // A certified extract says so at its foot ("Paragrafen är justerad", "Rätt utdraget").
  const whole = text.slice(view.rec.start, view.rec.end);
  if (testAnywhere(EXTRACT_FOOT, whole)) { rules.push("kind/extract-foot"); return "extract"; }
  if (first) { rules.push("kind/title-word"); return first.kind as MeetingKind; }
  const items = view.rec.items;
  const hasProposal = items.some((i) => i.sections.some((s) => s.role === "proposal"));
  const hasDecision = items.some((i) => i.sections.some((s) => s.role === "decision" || s.role === "position"));
  if (hasProposal && !hasDecision) { rules.push("kind/proposals-only"); return "agenda"; }
  if (announcedOnly(ctx, view, hasDecision)) { rules.push("kind/announced-only"); return "agenda"; }
  const paragraphs = /§[ \t]*\d/u.test(text.slice(view.rec.start, view.rec.end));
  if (!paragraphs && protocolCue(ctx.lex).test(whole)) { rules.push("kind/adjusted-record"); return "protocol"; }
  // Justering, anslag and signatures belong to a protocol; notes are not adjusted.
  const formal = view.front.some((r) => /(?<![\p{L}])(?:Justeringens|Justerade paragrafer|Utses att justera|Anslag|ANSLAG|BEVIS|Paragraf(?:er)?)(?![\p{L}])/u.test(text.slice(r.start, r.end)));
  rules.push(paragraphs || formal ? "kind/formal-protocol" : "kind/notes-default");
  return paragraphs || formal ? "protocol" : "minutes";
}

/** A certified extract's foot ("Paragrafen är justerad", "Rätt utdraget"): searched through a scanner, over the whole record. */
const EXTRACT_FOOT = /(?<![\p{L}])(?:paragrafen är justerad|rätt utdraget|utdraget bestyrkes|protokollsutdrag|utdrag ur)(?![\p{L}])/iu;

/** An adjuster elected or the protocol adjusted or kept ("Val av justerare", "Protokollet föres av"). */
const protocolCue = perLexicon((lex: Lexicon): RegExp => new RegExp(wordsOf(lex.forms("protocol-cues")), "iu"));

/**
 * A kind word standing as a word of its own: a word ending in "protokoll", or one of the others.
 * Written as one pattern, (?<!\p{L})(?:\p{L}*protokoll|PROTOKOLL|…)(?!\p{L}), which the engine
 * tried at every offset, running \p{L}* over each word and back. The first alternative asks for the
 * same without its look-behind and \p{L}*: "protokoll" and then no letter. Both say "a maximal run of
 * letters ends in protokoll", since \p{L}* can always reach back to the run's start; the others are
 * whole words, searched through a scanner (the look-behind tested by hand).
 */
const ENDS_IN_PROTOKOLL = /protokoll(?![\p{L}])/u;
const OTHER_KIND_WORDS = /(?<![\p{L}])(?:PROTOKOLL|Minnesanteckningar|MINNESANTECKNINGAR|Mötesanteckningar?|Kallelse|KALLELSE|Föredragningslista|FÖREDRAGNINGSLISTA|Ärendelista)(?![\p{L}])/u;

export function hasKindWord(text: string, r: { start: number; end: number }): boolean {
  const s = text.slice(r.start, Math.min(r.end, r.start + 4000));
  return ENDS_IN_PROTOKOLL.test(s) || testAnywhere(OTHER_KIND_WORDS, s);
}

