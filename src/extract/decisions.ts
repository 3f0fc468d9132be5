import type { ItemSegment } from "../segment/index.js";
import type { SectionSegment } from "../segment/sections.js";
import { sliceWithout } from "../segment/lines.js";
import { escapeRegExp, squash } from "../text/unicode.js";
import type { Range } from "../types.js";
import type { ExtractContext } from "./context.js";
import { sentences } from "./sentences.js";
import { continuesDecision } from "./decision-verbs.js";
import { BACKGROUND, proposalToBody, sentenceCandidate, type DecisionCandidate } from "./decision-candidates.js";

export interface ItemDecision {
  proposal: string | null;
  proposalRange: Range | null;
  decision: string | null;
  decisionRange: Range | null;
  /** The ids of the rules behind each field (PREAMBLE evidence convention). */
  rules: { proposal: string[]; decision: string[] };
}

const SHORT_ITEM = 700;

/** A line of underscores closes a decision ("Stadsdirektörens förslag godkändes.\n_____"): what follows is the next page or item. */
const RULE_LINE = /\n[ \t]*_{4,}[ \t]*(?:\n|$)/u;
/** "… förslag till kommunfullmäktige", "Förslag till kommunstyrelsen": a heading that proposes to another body. */
const TO_BODY_HEADING = /förslag[ \t]+till[ \t]+(?!beslut$)\p{L}/iu;
const LIST_ITEM = /^[ \t]*[•●▪-][ \t]/u;
/**
 * "Mötet beslutar att lägga protokollet från sektionsmöte 1\tBeslut\ntill handlingarna.": the margin
 * word "Beslut" beside the first line of a decision that goes on below it (or ends the sentence). A
 * sentence that runs up to the margin gets the label glued to its full stop ("… för dHack
 * 2017/2018.Beslut"): still the mark, not a word of the sentence.
 */
const MARGIN_MARK = /(?:(?<=\S)[ \t]+|(?<=[\p{L}\d)"”][.!?]))Beslut[ \t]*(?=\n|$)/u;
const OPENS_LIST = /:[ \t]*(?:\n|[•●▪-][ \t])|:[ \t]*$/u;

function sectionText(ctx: ExtractContext, start: number, end: number): string {
  const rule = RULE_LINE.exec(ctx.doc.text.slice(start, end));
  return squash(sliceWithout(ctx.doc.text, start, rule ? start + rule.index : end, ctx.seg.skip));
}

interface Joined { text: string; range: Range; headings: string[] }

function joinSections(ctx: ExtractContext, secs: SectionSegment[]): Joined | null {
  if (secs.length === 0) return null;
  const text = secs.map((s) => sectionText(ctx, s.textStart, s.end)).filter(Boolean).join("\n");
  return text ? { text, range: { start: secs[0]!.textStart, end: secs[secs.length - 1]!.end }, headings: secs.map((s) => s.heading) } : null;
}

/**
 * Every sentence of the title and body read as a candidate. The bullets after a picked sentence that
 * opens a list ("Mötet beslutar om följande verksamhetsplan: • Tömma … • Byta …") belong to it.
 */
function sentenceCandidates(ctx: ExtractContext, item: ItemSegment, agenda: boolean, outside: Range[]): DecisionCandidate[] {
  const { text } = ctx.doc;
  const short = item.end - item.titleRange.start <= SHORT_ITEM;
  const title = { start: item.titleRange.start, end: item.titleRange.end };
  const out: DecisionCandidate[] = [];
  let open: DecisionCandidate | null = null;
  // After a heading line "Arbetsutskottets förslag till kommunstyrelsen", what would decide is that
  // body's proposal, until a sentence that decides wherever it stands ("Kommunstyrelsen beslutar …").
  let underProposal = false;
  let prev: Range | null = null;
  // The candidate of the sentence just before, for a sentence that goes on about the same decision.
  let last: DecisionCandidate | null = null;
  // The title, then the body's sentences (without a spread of them into a new array).
  const body = sentences(text, { start: item.titleRange.end, end: item.end });
  for (let i = -1; i < body.length; i++) {
    const s = i < 0 ? title : body[i]!;
    if (outside.some((r) => s.start >= r.start && s.start < r.end)) continue;
    const t = sliceWithout(text, s.start, s.end, ctx.seg.skip);
    if (open && LIST_ITEM.test(t)) { out.push({ ...open, value: t.trim(), span: s }); continue; }
    if (s !== title && isProposalHeading(t)) { underProposal = true; open = null; continue; }
    // "Jacob Jonsson väljs till mötessekreterare.<tab>Beslut": the word "Beslut" in the margin, on the
    // sentence's own line, marks it as a decision.
    // A margin mark is written beside what was decided, so it makes a decision even in a record read as
    // an agenda (itemDecision then reads the item as decided).
    if (t.trim() === "Beslut" && prev && !text.slice(prev.end, s.start).includes("\n")) {
      const at = out.findIndex((c) => c.span === prev);
      const marked = marginDecision(sliceWithout(text, prev.start, prev.end, ctx.seg.skip).trim(), prev);
      if (at >= 0) out[at] = marked; else out.push(marked);
      continue;
    }
    prev = s;
    // The word first: the pattern's look-behinds make the engine try it at every blank of the sentence.
    const mark = t.includes("Beslut") ? MARGIN_MARK.exec(t) : null;
    if (mark && /\S/u.test(t.slice(0, mark.index))) {
      const c = marginDecision((t.slice(0, mark.index) + t.slice(mark.index + mark[0].length)).trim(), s);
      open = OPENS_LIST.test(c.value) ? c : null;
      out.push(c);
      continue;
    }
    let c = sentenceCandidate({ lex: ctx.lex, short, agenda }, t, s);
    // "Beslut återbäring laddning. Detta ska också med i bokslutet.": a sentence that opens with
    // "Detta", "Beslutet" … right after a decision, in the same paragraph, belongs to that decision.
    const before = last as DecisionCandidate | null;
    if (!c && before?.kind === "decision" && !/\n[ \t]*\n/u.test(text.slice(before.span.end, s.start)) && continuesDecision(ctx.lex, t.trim())) {
      c = { ...before, value: t.trim(), span: s, rule: "decision/continued" };
    }
    last = c;
    if (c && underProposal && c.kind === "decision") {
      if (c.weight >= 3 && c.rule !== "decision/numbered-clause" && c.rule !== "decision/att-clause") underProposal = false;
      else c = { ...c, kind: "proposal", rule: "proposal/under-proposal-heading" };
    }
    open = c && OPENS_LIST.test(t) ? c : null;
    if (c) out.push(c);
  }
  return out;
}

const MARGIN_RULE = "decision/margin-label";
const marginDecision = (value: string, span: Range): DecisionCandidate => ({ kind: "decision", value, span, rule: MARGIN_RULE, weight: 3 });

/**
 * How a record marks its decisions, when it marks them: "margin-label" when the word "Beslut" stands in
 * the margin beside the decisions. Under a convention only marked sentences decide.
 */
export type DecisionConvention = "margin-label" | null;

/** Marked decisions a record needs before its marking is read as its convention (and at least half of its decided items). */
const CONVENTION_MIN = 3;

/**
 * The record's own decision-marking convention, counted over its items' first reading: at least
 * three items decided by a margin label, and those at least half of the items that decide anything.
 */
export function decisionConvention(decisions: ItemDecision[]): DecisionConvention {
  const decided = decisions.filter((d) => d.decision !== null).length;
  const marked = decisions.filter((d) => d.rules.decision.includes(MARGIN_RULE)).length;
  return marked >= CONVENTION_MIN && marked * 2 >= decided ? "margin-label" : null;
}

function joinCandidates(picked: DecisionCandidate[]): Joined {
  return {
    text: picked.map((c) => squash(c.value)).join(" "),
    range: { start: picked[0]!.span.start, end: picked[picked.length - 1]!.span.end },
    headings: [],
  };
}

/** A line that is only "⟨body⟩s förslag till ⟨body⟩" (or "Förslag till kommunstyrelsen"): a heading the segmenter did not see. */
function isProposalHeading(t: string): boolean {
  const line = t.trim();
  if (line.length > 80 || /[.!?]$/u.test(line)) return false;
  const hit = proposalToBody(line + " X");
  return hit !== null && hit.start === 0 && line.slice(hit.textStart).trim() === "";
}

/** "… i enlighet härmed", "… i enlighet därmed": a decision that points at the motion the chair's proposition adopted. */
const BY_REFERENCE = /i[ \t]+enlighet[ \t]+(?:härmed|därmed)/iu;
/** "propositionen om bifall till Susanne Sundqvists förslag": whose motion won. */
const ADOPTED = /(?:bifall[ \t]+till|enligt)[ \t]+((?:\p{Lu}[\p{L}-]+[ \t]+){0,2}\p{Lu}[\p{L}-]+?)s?[ \t]+(?:förslag|yrkande)(?![\p{L}])/u;

/**
 * The proposal a by-reference decision adopted: the motion of the person the proposition named
 * ("Susanne Sundqvist yrkade att … • att anse motionen besvarad."), with its att-clauses.
 */
function adoptedMotion(ctx: ExtractContext, item: ItemSegment): Joined | null {
  const { text } = ctx.doc;
  const all = sentences(text, { start: item.bodyStart, end: item.end });
  const flat = all.map((r) => squash(sliceWithout(text, r.start, r.end, ctx.seg.skip)));
  const who = flat.map((t) => ADOPTED.exec(t)?.[1]).find((x) => x !== undefined);
  if (!who) return null;
  // "Under överläggningen framfördes följande yrkanden: Susanne Sundqvist yrkade att …": the motion may run on from a colon.
  const moved = new RegExp(`${who.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&")}(?:[ \t]*\\([\\p{L}]{1,5}\\))?[ \t]+(?:yrkar|yrkade)(?![\\p{L}])`, "u");
  const at = flat.findIndex((t) => moved.test(t));
  if (at < 0) return null;
  let end = at;
  while (end + 1 < flat.length && /^[•●▪-]?[ \t]*att[ \t]/u.test(flat[end + 1]!)) end++;
  const first = flat[at]!;
  const value = [first.slice(first.search(moved)), ...flat.slice(at + 1, end + 1)].join(" ");
  return { text: value, range: { start: all[at]!.start, end: all[end]!.end }, headings: [] };
}

const rulesOf = (cs: DecisionCandidate[]) => [...new Set(cs.map((c) => c.rule))];

/**
 * "Förslag till kommunfullmäktige 1. … 2. …" run into the item's text: the proposal text, up to the
 * first sentence of background ("Kommunstyrelsens arbetsutskott har tidigare beslutat …").
 */
function leadInProposal(ctx: ExtractContext, item: ItemSegment): Joined | null {
  const { text } = ctx.doc;
  const body = { start: item.titleRange.start, end: item.end };
  const hit = proposalToBody(text.slice(body.start, body.end));
  if (!hit) return null;
  const from = body.start + hit.start;
  let end = body.end;
  for (const s of sentences(text, { start: body.start + hit.textStart, end: body.end })) {
    if (BACKGROUND.test(sliceWithout(text, s.start, s.end, ctx.seg.skip).trim())) { end = s.start; break; }
  }
  const value = squash(sliceWithout(text, from, end, ctx.seg.skip));
  return value ? { text: value, range: { start: from, end }, headings: [] } : null;
}

/**
 * Proposal and decision of one item. A labelled section ("Beslut", "⟨body⟩s beslut:", "Förslag till
 * beslut") beats a sentence; among sentences, those that decide wherever they stand beat those trusted
 * only in short items. A proposal is never taken for the decision, except a body's proposal to the body
 * above it when nothing else in the item decides: in its own minutes that proposal is the decision.
 */
export function itemDecision(ctx: ExtractContext, item: ItemSegment, agenda: boolean, convention: DecisionConvention = null): ItemDecision {
  const out: ItemDecision = { proposal: null, proposalRange: null, decision: null, decisionRange: null, rules: { proposal: [], decision: [] } };
  const setProposal = (j: Joined, rules: string[]) => { out.proposal = j.text; out.proposalRange = j.range; out.rules.proposal = rules; };
  const setDecision = (j: Joined, rules: string[]) => { out.decision = j.text; out.decisionRange = j.range; out.rules.decision = rules; };
  const propSecs = item.sections.filter((s) => s.role === "proposal");
  const p = joinSections(ctx, propSecs);
  // An agenda decides nothing: its "⟨body⟩s beslut:" headings are blanks left for the meeting, or the
  // decision of an earlier meeting quoted in the history of the case.
  const d = agenda ? null : joinSections(ctx, item.sections.filter((s) => s.role === "decision" || s.role === "position"));
  if (p) setProposal(p, ["proposal/labelled-heading"]);
  if (d) setDecision(d, [headingRule(item, ["decision", "position"])]);
  if (d || (p && agenda)) return out;

  // No decision heading: the sentences outside the proposal sections.
  const outside = propSecs.map((s) => ({ start: s.start, end: s.end }));
  let cands = sentenceCandidates(ctx, item, agenda, outside);
  // "Beslut" in the margin: the record was read as an agenda, but this item records what was decided.
  if (agenda && cands.some((c) => c.rule === "decision/margin-label")) {
    agenda = false;
    cands = sentenceCandidates(ctx, item, false, outside);
  }
  // The record marks its decisions in the margin: a sentence without the mark decides nothing there
  // ("Inget nytt att redovisa. Frågan bordläggs." under a sub-item, a quoted joke), in this item or any other.
  if (convention === "margin-label") cands = cands.filter((c) => c.kind !== "decision" || c.rule === MARGIN_RULE);
  const decisions = cands.filter((c) => c.kind === "decision");
  const proposals = cands.filter((c) => c.kind === "proposal");
  if (agenda) {
    // An agenda decides nothing: what its sentences would decide is what it proposes.
    if (cands.length) setProposal(joinCandidates(cands), rulesOf(cands).map((r) => r.replace(/^decision\//u, "proposal/")));
    return out;
  }
  if (decisions.length) {
    setDecision(joinCandidates(decisions), rulesOf(decisions));
    if (!p && proposals.length) setProposal(joinCandidates(proposals), rulesOf(proposals));
    if (!out.proposal && BY_REFERENCE.test(out.decision!)) {
      const motion = adoptedMotion(ctx, item);
      if (motion) setProposal(motion, ["proposal/adopted-motion"]);
    }
    return out;
  }
  // Nothing decides: a proposal addressed to another body is this body's decision.
  if (p && p.headings.some((h) => TO_BODY_HEADING.test(h))) {
    setDecision(p, ["decision/proposal-to-body"]);
    out.proposal = null; out.proposalRange = null; out.rules.proposal = [];
    return out;
  }
  if (p) return out;
  // Only a proposal heading's sentences and nothing that decides: that proposal to another body is the decision.
  const headed = proposals.filter((c) => c.rule === "proposal/under-proposal-heading");
  if (headed.length && headed.length === proposals.length) {
    setDecision(joinCandidates(headed), ["decision/proposal-to-body"]);
    return out;
  }
  const lead = leadInProposal(ctx, item);
  if (lead) { setDecision(lead, ["decision/proposal-to-body"]); return out; }
  if (proposals.length) setProposal(joinCandidates(proposals), rulesOf(proposals));
  return out;
}

/** "Beslut" heading vs a "ställningstagande" (position) heading: which section gave the decision. */
function headingRule(item: ItemSegment, roles: string[]): string {
  const first = item.sections.find((s) => roles.includes(s.role));
  return first?.role === "position" ? "decision/position-heading" : "decision/labelled-heading";
}

const JOINT_RULE = "decision/joint-after-sub-items";

/**
 * The nouns of a parent item's title in the plural definite ("Rapporter" → "rapporterna",
 * "Meddelanden" → "meddelandena", "Övriga frågor" → "frågorna") and "samtliga/alla ⟨noun⟩": how a
 * decision after the last sub-item names them all together. Null when the title has no plural noun.
 */
function jointReference(title: string): RegExp | null {
  const nouns = (title.toLocaleLowerCase("sv").match(/\p{L}{4,}/gu) ?? []).filter((w) => /(?:er|ar|or|en)$/u.test(w));
  if (nouns.length === 0) return null;
  const definite = nouns.map((w) => (w.endsWith("en") ? `${w}a` : `${w}na`));
  return new RegExp(`(?<![\\p{L}])(?:(?:${definite.map(escapeRegExp).join("|")})|(?:samtliga|alla)[ \\t]+(?:${nouns.map(escapeRegExp).join("|")}))(?![\\p{L}])`, "iu");
}

/**
 * "3 Rapporter … 3.9 Styret … Mötet beslutar att lägga rapporterna till handlingarna.": a decision at
 * the end of the last sub-item that names the parent's items all together (the plural definite of the
 * parent's title noun, "samtliga/alla ⟨noun⟩") is the parent's decision, when the parent decides nothing
 * itself and the sub-item's own title does not name the same thing.
 */
export function jointDecisions(items: ItemSegment[], decisions: ItemDecision[]): ItemDecision[] {
  const out = decisions.slice();
  for (let i = 0; i < items.length; i++) {
    const sub = items[i]!;
    const dec = out[i]!;
    const dot = sub.number.lastIndexOf(".");
    if (dot <= 0 || dec.decision === null) continue;
    const parentNo = sub.number.slice(0, dot);
    const next = items[i + 1];
    if (next && next.number.startsWith(`${parentNo}.`)) continue;
    let p = i - 1;
    while (p >= 0 && items[p]!.number !== parentNo) p--;
    if (p < 0 || out[p]!.decision !== null) continue;
    const refers = jointReference(items[p]!.title);
    if (!refers || !refers.test(dec.decision) || refers.test(sub.title)) continue;
    out[p] = { ...out[p]!, decision: dec.decision, decisionRange: dec.decisionRange, rules: { ...out[p]!.rules, decision: [...dec.rules.decision, JOINT_RULE] } };
    out[i] = { ...dec, decision: null, decisionRange: null, rules: { ...dec.rules, decision: [] } };
  }
  return out;
}
