import type { Lexicon } from "../lexicon/load.js";
import { firstMatch, testAnywhere } from "../text/scan.js";
import { anyOf, classesOf, isBlank, UPPER_BIT, wordTestOf } from "../text/unicode.js";
import { perLexicon } from "./per-lexicon.js";

export type DecisionTense = "present" | "past" | "passive";

interface Cues {
  /** Whether a lower-cased word ends in a deciding subject ("mötet", "styrelsen", "årsmötet"). */
  subjectEnd: (lower: string) => boolean;
  /** Whole words that are deciding subjects ("Vi väljer ingen suppleant"). */
  subjectWords: string[];
  /** Indefinite body words after a genitive ("Kommunstyrelsens arbetsutskott", "Region Västmanlands styrelse"). */
  afterGenitive: (lower: string) => boolean;
  /** The last UTF-16 units of the subject forms and subject words, and of the words after a genitive (see mayEndIn). */
  subjectLast: ReadonlySet<number> | null;
  genitiveLast: ReadonlySet<number> | null;
  /** The present and past decision verbs, sticky: tried where a subject ends, in the sentence itself (no slice of its rest), or at its start. */
  presentAt: RegExp;
  pastAt: RegExp;
  passive: RegExp;
  /** An impersonal decision form followed by "att" ("bestämdes att", "enades man om att"). */
  impersonal: RegExp;
  /** "Beslut om …", "Beslut tas om …": the words after a leading "Beslut". */
  besLead: RegExp;
  /** "Detta …", "Beslutet …": a sentence that goes on about the decision before it. */
  continuation: RegExp;
}
/**
 * Whether a word ends in one of `forms`, asking only the forms that end in its last UTF-16 unit (two
 * dozen endsWith per word of every sentence's opening before; most words end in none of their letters).
 */
function endsInAny(forms: readonly string[]): (word: string) => boolean {
  if (forms.includes("")) return () => true;
  const byLast = new Map<number, string[]>();
  for (const f of forms) {
    const c = f.charCodeAt(f.length - 1);
    byLast.set(c, [...(byLast.get(c) ?? []), f]);
  }
  return (word) => {
    const list = byLast.get(word.charCodeAt(word.length - 1));
    return list !== undefined && list.some((f) => word.endsWith(f));
  };
}

/** The last UTF-16 units of forms, or null when one is empty (then every word ends in it). */
function lastUnits(forms: readonly string[]): ReadonlySet<number> | null {
  return forms.includes("") ? null : new Set(forms.map((f) => f.charCodeAt(f.length - 1)));
}

/** Compiled once per lexicon instance (a second lexicon gets its own cues). */
const compiled = perLexicon((lex: Lexicon): Cues => {
  const verbsAt = (tense: string) => new RegExp(`${anyOf(lex.forms("decision-verbs", tense))}(?![\\p{L}])`, "iuy");
  // Only tested (hasPassiveDecision): a trie of the forms (wordTestOf).
  const passive = new RegExp(wordTestOf(lex.forms("decision-verbs", "passive"), "(?<![\\p{L}])", "(?![\\p{L}])"), "iu");
  const impersonal = new RegExp(`(?<![\\p{L}])${anyOf(lex.forms("decision-verbs", "impersonal"))}[ \\t]+(?:om[ \\t]+)?att(?![\\p{L}])`, "iu");
  const besLead = new RegExp(`^Beslut(?:et)?[ \\t]+${anyOf(lex.forms("decision-verbs", "beslut-lead"))}[ \\t]+\\p{L}`, "u");
  const continuation = new RegExp(`^${anyOf(lex.forms("decision-verbs", "continuation"))}(?![\\p{L}])`, "iu");
  return {
    subjectEnd: endsInAny(lex.forms("decision-verbs", "subject")), subjectWords: lex.forms("decision-verbs", "subject-word"),
    afterGenitive: endsInAny(lex.forms("decision-verbs", "subject-after-genitive")), passive,
    presentAt: verbsAt("present"), pastAt: verbsAt("past"),
    subjectLast: lastUnits([...lex.forms("decision-verbs", "subject"), ...lex.forms("decision-verbs", "subject-word")]),
    genitiveLast: lastUnits(lex.forms("decision-verbs", "subject-after-genitive")),
    impersonal, besLead, continuation,
  };
});

/**
 * Whether the word s[start, end), lower-cased, may end in one of the forms whose last units are
 * `last`: false only when its last unit is ASCII, as that unit lower-cased ends the lower-cased
 * word whatever comes before it, and no form ends so. The word is then neither cut nor lower-cased
 * (most words of every sentence's opening end in no form's letter).
 */
function mayEndIn(last: ReadonlySet<number> | null, s: string, end: number): boolean {
  if (last === null) return true;
  const c = s.charCodeAt(end - 1);
  if (c >= 128) return true;
  return last.has(c >= 65 && c <= 90 ? c + 32 : c);
}

/** "Mötet", "Årsmötet", "Personalsektionen", "UFM": the word s[start, end) (no blanks in it) is a deciding subject. */
function isDecidingSubject(s: string, start: number, end: number, cues: Cues): boolean {
  // (Two to five code points are 2 to 10 UTF-16 units: the length first, then the first capital.)
  const n = end - start;
  if (n >= 2 && n <= 10 && classesOf(s.codePointAt(start)!) & UPPER_BIT && /^\p{Lu}{2,5}$/u.test(s.slice(start, end))) return true;
  if (!mayEndIn(cues.subjectLast, s, end)) return false;
  const lower = s.slice(start, end).toLowerCase();
  return cues.subjectWords.includes(lower) || cues.subjectEnd(lower);
}

/** Whether the word s[start, end) after a genitive is an indefinite body word ("arbetsutskott", "styrelse"). */
function isBodyAfterGenitive(s: string, start: number, end: number, cues: Cues): boolean {
  return mayEndIn(cues.genitiveLast, s, end) && cues.afterGenitive(s.slice(start, end).toLowerCase());
}

/**
 * Words inside a subject of several words: "och" and a hyphenated first part ("Miljö- och
 * byggnadsnämnden"), a genitive ("Kommunstyrelsens arbetsutskott", "Region Västmanlands styrelse"),
 * a weak adjective ("Kommunstyrelsens allmänna utskott").
 */
const INNER_WORD = /^(?:och|\p{L}[\p{L}-]*-|\p{L}[\p{L}-]*(?::s|s)|\p{Ll}+a)$/u;

/**
 * INNER_WORD of the word s[start, end), asked only of words that end as one of its alternatives
 * must: in "-", "s" or "a" (case-sensitive), or "och". Most words end otherwise, and the pattern
 * read every letter of them.
 */
function isInnerWord(s: string, start: number, end: number): boolean {
  const last = s.charCodeAt(end - 1);
  if (last !== 45 && last !== 115 && last !== 97) return end - start === 3 && s.startsWith("och", start);
  return INNER_WORD.test(s.slice(start, end));
}

/** A genitive: /(?::s|s)$/u, which is a word that ends in "s". */
const isGenitive = (s: string, end: number) => s.charCodeAt(end - 1) === 115;

/** afterSubject's answer for a sentence without a deciding subject at its start (never changed). */
const NO_SUBJECT: readonly number[] = [];
const MAX_SUBJECT_WORDS = 4;

/**
 * The ways a sentence may open with a deciding subject, shortest first: where the text after each
 * subject starts (an offset, not a slice of the rest: the callers try sticky patterns there).
 * The first word is capitalised; the last names a body ("Mötet", "Miljö- och byggnadsnämnden",
 * "Kommunstyrelsens arbetsutskott"); the words between are those of INNER_WORD.
 */
function afterSubject(cues: Cues, sentence: string): readonly number[] {
  // The first word starts at the sentence's start (no word when a blank is there): its capital is
  // asked of the sentence before the words are read.
  if (sentence.length === 0 || !(classesOf(sentence.codePointAt(0)!) & UPPER_BIT)) return NO_SUBJECT;
  let out: number[] | null = null;
  // Whether a word before the k-th is a genitive.
  let owned = false;
  let prevStart = 0;
  let prevEnd = 0;
  // The k-th word is the k-th maximal run of non-blanks (isBlank is \s) with blanks after it, read
  // by char code: the first words that /^(?:\S+\s+){1,4}/u would match.
  for (let k = 1, i = 0; k <= MAX_SUBJECT_WORDS; k++) {
    let end = i;
    while (end < sentence.length && !isBlank(sentence.charCodeAt(end))) end++;
    let next = end;
    while (next < sentence.length && isBlank(sentence.charCodeAt(next))) next++;
    if (end === i || next === end) break;
    if (k > 2 && !isInnerWord(sentence, prevStart, prevEnd)) break;
    // After a genitive only an indefinite body word ends the subject: "Kommunstyrelsens arbetsutskott",
    // not "Borås Stads fullmäktige väljer två ledamöter", which tells how another body is made up.
    const bodyWord = owned ? isBodyAfterGenitive(sentence, i, end, cues) : isDecidingSubject(sentence, i, end, cues);
    if (bodyWord) (out ??= []).push(next);
    owned ||= isGenitive(sentence, end);
    prevStart = i;
    prevEnd = end;
    i = next;
  }
  return out ?? NO_SUBJECT;
}

/**
 * The tense of an active decision sentence: a deciding subject at the start followed by a decision
 * verb ("Mötet godkänner dagordningen", "Styrelsen uppdrar åt …", "Personalsektionen fastställde …",
 * "Miljö- och byggnadsnämnden beviljar …"). Present tense is how minutes record what the meeting
 * decides; past tense also tells of earlier decisions in background text, so the caller trusts it
 * less. Null when the sentence is not one.
 */
export function activeDecision(lex: Lexicon, sentence: string): "present" | "past" | null {
  const cues = compiled(lex);
  for (const rest of afterSubject(cues, sentence)) {
    // "Mötet nominerar och väljer Frans Skarman": the decision verb may follow a first verb and "och".
    FIRST_VERB_AND.lastIndex = rest;
    const after = FIRST_VERB_AND.test(sentence) ? FIRST_VERB_AND.lastIndex : rest;
    if (testAt(cues.presentAt, sentence, after)) return "present";
    if (testAt(cues.pastAt, sentence, after)) return "past";
  }
  return null;
}

/** A first verb and "och" (what activeDecision reads past), sticky: /^\p{Ll}+[ \t]+och[ \t]+/u at an offset. */
const FIRST_VERB_AND = /\p{Ll}+[ \t]+och[ \t]+/uy;
/** "föreslår" as a whole word, sticky: /^föreslår(?![\p{L}])/u at an offset. */
const PROPOSES_AT = /föreslår(?![\p{L}])/uy;

/**
 * A sticky pattern tried at `at` of s: what its `^` form says of s.slice(at), as the pattern has
 * no look-behind and its look-ahead reads on to the end either way.
 */
function testAt(re: RegExp, s: string, at: number): boolean {
  re.lastIndex = at;
  return re.test(s);
}

/** A passive decision form anywhere in the sentence ("Dagordningen godkändes", "… bordläggs i klump"). */
export function hasPassiveDecision(lex: Lexicon, sentence: string): boolean {
  return testAnywhere(compiled(lex).passive, sentence);
}

/**
 * "Allmänna utskottet föreslår fullmäktige besluta att …", "Arbetsutskottet föreslår kommunstyrelsen …":
 * a deciding subject at the start followed by "föreslår". True when the sentence is one.
 */
export function proposingSubject(lex: Lexicon, sentence: string): boolean {
  return afterSubject(compiled(lex), sentence).some((rest) => testAt(PROPOSES_AT, sentence, rest));
}

/**
 * Cues before an impersonal form that tell of an earlier decision, not this meeting's
 * ("Vid förra mötet beslutades att …", "… som tidigare beslutades att …").
 */
const EARLIER = /(?<![\p{L}])(?:förra|föregående|tidigare|som|har|hade)(?![\p{L}])/iu;

/**
 * "Beslutas att …", "Det beslutades att …", "Bestäms att vi kör …", and after a fronted adverbial
 * ("Eftersom vi är många nya i styrelsen bestämdes att …", "Under förhandlingen enades man om att:"):
 * the impersonal passive (or "man") states this meeting's decision. Not when the words before it tell
 * of an earlier decision.
 */
export function impersonalDecision(lex: Lexicon, sentence: string): boolean {
  const m = firstMatch(compiled(lex).impersonal, sentence);
  if (!m) return false;
  const before = sentence.slice(0, m.index);
  return !testAnywhere(EARLIER, before);
}

/** "Beslut om att övergå …", "Beslut tas om kodstugornas tid & dag.": a decision led by the noun "Beslut". */
export function beslutLead(lex: Lexicon, sentence: string): boolean {
  return compiled(lex).besLead.test(sentence);
}

/** "Skjuter upp denna punkt …", "Beslutar att tänka över detta …": a present decision verb with no subject, opening the sentence. */
export function subjectlessDecision(lex: Lexicon, sentence: string): boolean {
  return /^\p{Lu}/u.test(sentence) && testAt(compiled(lex).presentAt, sentence, 0);
}

/** "Detta ska också med i bokslutet.": a sentence that goes on about the decision right before it. */
export function continuesDecision(lex: Lexicon, sentence: string): boolean {
  return compiled(lex).continuation.test(sentence);
}
