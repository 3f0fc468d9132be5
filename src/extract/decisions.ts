import type { ItemSegment } from "../segment/index.js";
import { sliceWithout } from "../segment/lines.js";
import { squash } from "../text/unicode.js";
import type { Range } from "../types.js";
import type { ExtractContext } from "./context.js";
import { sentences } from "./sentences.js";
import { activeDecision, hasPassiveDecision } from "./decision-verbs.js";

export interface ItemDecision {
  proposal: string | null;
  proposalRange: Range | null;
  decision: string | null;
  decisionRange: Range | null;
  /** Rule ids by output field (proposal, decision), issue 15. */
  rules?: Record<string, string[]>;
}

/** Verbs that make a sentence a decision wherever it stands. */
const STRONG = /(?<![\p{L}])(?:beslutar|beslutade|beslöt|finner[ \t]+att[ \t]+\p{L}+[ \t]+(?:antar|avslår|bifaller|beslutar))(?![\p{L}])|^att[ \t]+\p{Ll}/iu;
/** Passive decision forms, trusted in short items ("Informationen noteras.", "Dagordningen godkändes."). */
const WEAK = /(?<![\p{L}])(?:godkänns|godkändes|godkänd|fastställs|fastställdes|noteras|noterades|antas|antogs|läggs[ \t]+till[ \t]+handlingarna|lades[ \t]+till[ \t]+handlingarna|lägga[ \t]+\p{L}+(?:[ \t]+\p{L}+){0,3}[ \t]+till[ \t]+handlingarna|utses|utsågs|valdes|väljs|bifalls|avslås|beviljas|beviljades|ställer[ \t]+sig[ \t]+bakom)(?![\p{L}])/iu;
/** Sentences that move or announce rather than decide. */
const NOT_A_DECISION = /(?<![\p{L}])(?:yrkar|yrkade|föreslår|föreslås|föreslagit|föreslog|ska|skall|kommer[ \t]+att|kan|bör|om[ \t]+att|behöver)(?![\p{L}])/iu;
const PROPOSAL_SENTENCE = /(?<![\p{L}])(?:föreslår|föreslås)(?![\p{L}])/iu;
const SHORT_ITEM = 700;

/** A line of underscores closes a decision ("Stadsdirektörens förslag godkändes.\n_____"): what follows is the next page or item. */
const RULE_LINE = /\n[ \t]*_{4,}[ \t]*(?:\n|$)/u;

function sectionText(ctx: ExtractContext, start: number, end: number): string {
  const rule = RULE_LINE.exec(ctx.doc.text.slice(start, end));
  return squash(sliceWithout(ctx.doc.text, start, rule ? start + rule.index : end, ctx.seg.skip));
}

/** Proposal and decision of one item: from their headings, else from decision sentences. */
export function itemDecision(ctx: ExtractContext, item: ItemSegment, agenda: boolean): ItemDecision {
  const out: ItemDecision = { proposal: null, proposalRange: null, decision: null, decisionRange: null, rules: {} };
  const rules = out.rules!;
  const join = (roles: string[]) => {
    const secs = item.sections.filter((s) => roles.includes(s.role));
    if (secs.length === 0) return null;
    const text = secs.map((s) => sectionText(ctx, s.textStart, s.end)).filter(Boolean).join("\n");
    return text ? { text, range: { start: secs[0]!.textStart, end: secs[secs.length - 1]!.end } } : null;
  };
  const p = join(["proposal"]);
  const d = join(["decision", "position"]);
  if (p) { out.proposal = p.text; out.proposalRange = p.range; rules.proposal = ["decision/proposal-heading"]; }
  if (d) { out.decision = d.text; out.decisionRange = d.range; rules.decision = [headingRule(item, ["decision", "position"])]; }
  if (d || (p && !agenda)) return out;
  // No heading: decision sentences in the title or the body.
  const { text } = ctx.doc;
  const short = item.end - item.titleRange.start <= SHORT_ITEM;
  const picked: Range[] = [];
  const why = new Set<string>();
  // The title is a sentence of its own ("Dagens agenda godkänns."); the body's sentences follow it.
  const title = { start: item.titleRange.start, end: item.titleRange.end };
  let listOpen = false;
  for (const s of [title, ...sentences(text, { start: item.titleRange.end, end: item.end })]) {
    const t = sliceWithout(text, s.start, s.end, ctx.seg.skip);
    // "Mötet beslutar om följande verksamhetsplan: • Tömma … • Byta …": the bullets after a picked
    // sentence that opens a list belong to the decision.
    if (listOpen && /^[ \t]*[•●▪-][ \t]/u.test(t)) { picked.push(s); why.add("decision/bullet-list"); continue; }
    listOpen = false;
    const proposalLike = agenda && PROPOSAL_SENTENCE.test(t) && !/(?:yrkar|yrkade)/iu.test(t);
    if (proposalLike) { picked.push(s); why.add("decision/proposal-sentence"); continue; }
    if (NOT_A_DECISION.test(t)) continue;
    const active = activeDecision(ctx.lex, t.trim());
    const rule = STRONG.test(t.trim()) ? "decision/strong-verb" : active === "present" ? "decision/active-verb"
      : !short ? null : WEAK.test(t) ? "decision/passive-verb" : hasPassiveDecision(ctx.lex, t) ? "decision/passive-lexicon" : active !== null ? "decision/active-verb-past" : null;
    if (rule) {
      picked.push(s);
      why.add(rule);
      if (s === title) why.add("decision/title-sentence");
      listOpen = /:[ \t]*(?:\n|[•●▪-][ \t])/u.test(t) || /:[ \t]*$/u.test(t);
    }
  }
  if (picked.length === 0) return out;
  const joined = picked.map((r) => squash(sliceWithout(text, r.start, r.end, ctx.seg.skip))).join(" ");
  const range = { start: picked[0]!.start, end: picked[picked.length - 1]!.end };
  if (agenda) { if (out.proposal === null) { out.proposal = joined; out.proposalRange = range; rules.proposal = [...why]; } }
  else { out.decision = joined; out.decisionRange = range; rules.decision = [...why]; }
  return out;
}

/** "Beslut" heading vs a "ställningstagande" (position) heading: which section gave the decision. */
function headingRule(item: ItemSegment, roles: string[]): string {
  const first = item.sections.find((s) => roles.includes(s.role));
  return first?.role === "position" ? "decision/position-heading" : "decision/labelled-heading";
}
