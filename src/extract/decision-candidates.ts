import type { Lexicon } from "../lexicon/load.js";
import type { Range } from "../types.js";
import { scanAll, scanner, testAnywhere } from "../text/scan.js";
import { charBefore, wordTestOf } from "../text/unicode.js";
import { activeDecision, beslutLead, hasPassiveDecision, impersonalDecision, proposingSubject, subjectlessDecision } from "./decision-verbs.js";

/** One reading of a sentence as the item's decision or proposal, with the rule behind it and how much it is trusted. */
export interface DecisionCandidate {
  kind: "decision" | "proposal";
  value: string;
  span: Range;
  rule: string;
  /** 3: a decision wherever it stands; 2: a proposal or an own-body proposal; 1: trusted in short items only. */
  weight: number;
}

/** Verbs that make a sentence a decision wherever it stands. */
const STRONG = /(?<![\p{L}])(?:beslutar|beslutade|beslöt|finner[ \t]+att[ \t]+\p{L}+[ \t]+(?:antar|avslår|bifaller|beslutar))(?![\p{L}])/iu;
/** "att godkänna budgeten": an att-clause opening a sentence is a decision clause. */
const ATT_CLAUSE = /^att[ \t]+\p{Ll}/iu;
/**
 * Passive decision forms, trusted in short items ("Informationen noteras.", "Dagordningen godkändes.",
 * "Lagd till handlingarna", "… lades utan erinringar till handlingarna").
 */
const WEAK = /(?<![\p{L}])(?:godkänns|godkändes|godkänd|fastställs|fastställdes|noteras|noterades|antas|antogs|(?:läggs|lades|lagts|lagda?)(?:[ \t]+\p{L}+){0,3}[ \t]+till[ \t]+handlingarna|lägga[ \t]+\p{L}+(?:[ \t]+\p{L}+){0,3}[ \t]+till[ \t]+handlingarna|utses|utsågs|valdes|väljs|bifalls|avslås|beviljas|beviljades|ställer[ \t]+sig[ \t]+bakom)(?![\p{L}])/iu;
/**
 * Whole words (a space stands for a run of blanks), case-insensitive, as a trie (wordTestOf): these
 * patterns are only tested, and NOT_A_DECISION, asked of every sentence first, 3.6 → 2.5 ms over
 * the bench corpus's sentences.
 */
const wordPattern = (words: readonly string[]) => new RegExp(wordTestOf(words, "(?<![\\p{L}])", "(?![\\p{L}])"), "iu");
const MOTION_WORDS = ["yrkar", "yrkade"];
const PROPOSAL_WORDS = ["föreslår", "föreslås"];
const MODAL_WORDS = ["ska", "skall", "kommer att", "kan", "bör", "behöver"];
/**
 * Sentences that move or announce rather than decide. Made of the words of PROPOSAL_SENTENCE, MOTION
 * and MODAL and a few more: a sentence it does not match matches none of those three.
 */
const NOT_A_DECISION = wordPattern([...MOTION_WORDS, ...PROPOSAL_WORDS, "föreslagit", "föreslog", ...MODAL_WORDS, "om att"]);
const PROPOSAL_SENTENCE = wordPattern(PROPOSAL_WORDS);
/** "Utred möjligheten att bygga ett kulturhus ... 23": a table-of-contents line, with its leader dots and page. */
const CONTENTS_LINE = /(?:\.[ \t]?){3,}[ \t]*\d+[ \t]*$|…[ \t]*\d+[ \t]*$/u;
/** "1. Preliminära sammanträdesdagar enligt ovan fastställs.", "2) Anhållan beviljas.": a numbered decision clause. */
const NUMBERED = /^(?:\d{1,2}|\p{Ll})[.)][ \t]+\p{L}/u;
/** "Beslut återbäring laddning.": a short note that starts with the noun "Beslut" and ends with a full stop. */
const BESLUT_NOTE = /^Beslut[ \t]+\p{Ll}[^.!?]{0,60}\.$/u;
/**
 * "Beslut om påminnelse av samfällighetsavgift med dröjsmålsränta\noch påminnelseavgift (…)": a sentence
 * wrapped over lines that each go on in lower case is running text, not a heading ("Beslut om budget 2023").
 */
const WRAPPED = /^[^\n]+(?:\n[ \t]*[\p{Ll}(][^\n]*)+$/u;
/** "Beslut tas om detta på nästa möte": a decision put off to a later meeting is not taken. */
const LATER = /(?<![\p{L}])(?:(?:till|på|vid|under|inför)[ \t]+(?:nästa|kommande)|senare|längre[ \t]+fram)(?![\p{L}])/iu;
const MODAL = wordPattern(MODAL_WORDS);
const MOTION = wordPattern(MOTION_WORDS);
/** "Mötet förklarades öppnat", "… förklarade mötet avslutat": opening and closing the meeting decide nothing. */
const OPENED_OR_CLOSED = /(?<![\p{L}])(?:öppnat|öppnad|avslutat|avslutad)(?![\p{L}])/iu;

export interface SentenceContext {
  lex: Lexicon;
  /** The item is short: passive and past-tense sentences are trusted there. */
  short: boolean;
  /** The record is an agenda: what it says is proposed, not decided. */
  agenda: boolean;
}

/** What one sentence says about the item's decision, or null when it says nothing. */
export function sentenceCandidate(ctx: SentenceContext, text: string, span: Range): DecisionCandidate | null {
  const t = text.trim();
  if (CONTENTS_LINE.test(t)) return null;
  const make = (kind: DecisionCandidate["kind"], rule: string, weight: number): DecisionCandidate => ({ kind, value: t, span, rule, weight });
  // Asked once, first: most sentences (four in five on the bench texts) have none of its words,
  // and then none of PROPOSAL_SENTENCE's, MOTION's or MODAL's either.
  const announces = testAnywhere(NOT_A_DECISION, t);
  if (announces && testAnywhere(PROPOSAL_SENTENCE, t) && !testAnywhere(MOTION, t)) {
    if (ctx.agenda) return make("proposal", "proposal/proposal-verb", 2);
    // "Allmänna utskottet föreslår fullmäktige besluta att …": a body's proposal in the minutes of another.
    if (proposingSubject(ctx.lex, t)) return make("proposal", "proposal/proposing-body", 2);
    return null;
  }
  if (announces && testAnywhere(MOTION, t)) return null;
  // "Beslutas att gå ut med info om att …", "Mötet beslutar att styrelsen ska …": the decision form at the
  // start outweighs the modal or the "om att" that follows it.
  if (impersonalDecision(ctx.lex, t)) return make("decision", "decision/impersonal-passive", 3);
  // "Beslut om att övergå till ny hemsida.", not the heading "Beslut om budget 2023" nor "Beslut om X ska behandlas".
  if (beslutLead(ctx.lex, t) && (/^Beslut(?:et)?[ \t]+(?:om[ \t]+)?att[ \t]/u.test(t) || /\.$/u.test(t) || WRAPPED.test(t)) && !(announces && testAnywhere(MODAL, t)) && !testAnywhere(LATER, t)) return make("decision", "decision/beslut-lead", 3);
  const active = activeDecision(ctx.lex, t);
  if (active === "present") return make("decision", "decision/active-verb", 3);
  if (announces) return null;
  if (ATT_CLAUSE.test(t)) return make("decision", "decision/att-clause", 3);
  if (testAnywhere(STRONG, t)) return make("decision", "decision/decides-verb", 3);
  // "Skjuter upp denna punkt till nästa stormöte …", "Beslutar att tänka över detta …": the meeting as
  // subject left out; the present tense records this meeting's decision wherever it stands.
  if (subjectlessDecision(ctx.lex, t)) return make("decision", "decision/subjectless-verb", 3);
  // A numbered clause with a passive decision form is one point of a decision list wherever it stands.
  if (NUMBERED.test(t) && (testAnywhere(WEAK, t) || hasPassiveDecision(ctx.lex, t))) return make("decision", "decision/numbered-clause", 3);
  if (!ctx.short) return null;
  // "Arbetsutskottet har tidigare beslutat …": the perfect tense tells of an earlier decision.
  if (BACKGROUND.test(t)) return null;
  if (testAnywhere(OPENED_OR_CLOSED, t) && !testAnywhere(WEAK, t)) return null;
  if (active === "past") return make("decision", "decision/active-verb-past", 1);
  if (testAnywhere(WEAK, t) || hasPassiveDecision(ctx.lex, t)) return make("decision", "decision/passive-verb", 1);
  if (BESLUT_NOTE.test(t) && !testAnywhere(LATER, t)) return make("decision", "decision/beslut-lead", 1);
  return null;
}

/**
 * "Kommunstyrelsens förslag till kommunfullmäktige 1. …", "… s förslag till Kommunstyrelsen Godkänna …",
 * "Förslag till kommunfullmäktige": a body's proposal to the body above it. In that body's own minutes
 * it is what the meeting decided; the offset where its text begins, or -1.
 */
export const TO_BODY = /(?:(?<![\p{L}])\p{L}[\p{L}-]*s[ \t]+)?(?<![\p{L}])förslag[ \t]+till[ \t]+(?:beslut[ \t]+till[ \t]+)?\p{L}*(?:fullmäktige|styrelsen|nämnden|utskottet|direktionen|stämman)(?![\p{L}])[ \t]*:?/giu;

/**
 * TO_BODY without its optional possessive ("Kommunstyrelsens "), searched through a scanner: with
 * the possessive first, the engine tried a word at every letter of the text (1.5 % of parsing).
 * The possessive is then read backwards by hand (possessiveStart): the same matches as TO_BODY.
 */
const TO_BODY_CORE = new RegExp(TO_BODY.source.slice(TO_BODY.source.indexOf(")?") + 2), "giu");
const LETTER = /^\p{L}$/u;
/** The possessive's s, as the case-insensitive pattern matches it (ſ folds to s). */
const ESS = /^s$/iu;

/**
 * Where TO_BODY's match for the core at `core` starts: at the possessive word before it
 * (\p{L}[\p{L}-]*s, a non-letter before it, blanks after it), or at the core. The word starts no
 * earlier than `from`, where the engine's search began.
 */
function possessiveStart(text: string, core: number, from: number): number {
  let blanks = core;
  while (blanks > from && (text[blanks - 1] === " " || text[blanks - 1] === "\t")) blanks--;
  if (blanks === core) return core;
  const s = charBefore(text, blanks);
  if (!s || blanks - s.length < from || !ESS.test(s)) return core;
  const ess = blanks - s.length;
  let run = ess;
  for (let c = charBefore(text, run); c && run - c.length >= from && (c === "-" || LETTER.test(c)); c = charBefore(text, run)) run -= c.length;
  // The first letter of the run that has no letter before it, with at least one character before the s.
  for (let p = run; p < ess; ) {
    const c = String.fromCodePoint(text.codePointAt(p)!);
    if (LETTER.test(c) && !LETTER.test(charBefore(text, p))) return p;
    p += c.length;
  }
  return core;
}

/** What follows the lead-in, past blank space: a capital, a number or an att-clause (tested in place, without a slice). */
const OPENS_TEXT = /[ \t\n]*(?:\p{Lu}|\d|att[ \t])/uy;

export function proposalToBody(text: string): { start: number; textStart: number } | null {
  let from = 0;
  for (const m of scanAll(scanner(TO_BODY_CORE), text)) {
    if (m.index < from) continue;
    const start = possessiveStart(text, m.index, from);
    const end = m.index + m[0].length;
    // The lead-in opens a proposal text: a capital, a number or an att-clause follows, not running prose.
    OPENS_TEXT.lastIndex = end;
    if (OPENS_TEXT.test(text)) return { start, textStart: end };
    from = end;
  }
  return null;
}

/** "Kommunstyrelsens arbetsutskott har tidigare beslutat …": background in the perfect tense ends a proposal text. */
export const BACKGROUND = /^(?:\p{L}[\p{L}-]*[ \t]+){1,4}(?:har|hade)[ \t]+(?:\p{Ll}+[ \t]+)?\p{Ll}+(?:at|it|t)(?![\p{L}])/u;
