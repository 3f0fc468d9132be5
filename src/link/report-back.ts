import type { Lexicon } from "../lexicon/load.js";
import { perLexicon } from "../extract/per-lexicon.js";
import { escapeRegExp } from "../text/unicode.js";

const lower = (s: string) => s.normalize("NFC").toLocaleLowerCase("sv");
const escape = (s: string) => escapeRegExp(s).replace(/\s+/g, "\\s+");
/** A form standing as words: no letter right before or after it (\b is ASCII-only). */
const asWords = (forms: string[]) =>
  new RegExp(`(?<!\\p{L})(?:${[...forms].sort((a, b) => b.length - a.length).map(escape).join("|")})(?!\\p{L})`, "iu");

const patterns = perLexicon((lex: Lexicon) => ({
  report: asWords(lex.forms("report-back", "report")),
  closure: asWords(lex.forms("report-back", "closure")),
  /** Words of the report-back phrases themselves: they say nothing about the subject. */
  phraseWords: new Set(lex.forms("report-back").flatMap((f) => lower(f).split(/\s+/))),
}));

/** Short words and the commonest function words carry no subject. */
const FUNCTION_WORDS = new Set(["och", "samt", "eller", "för", "till", "från", "inom", "över", "under", "efter", "med", "mot", "kring", "gällande", "avseende", "angående", "inför", "enligt", "detta", "denna", "dessa", "ska", "skall", "att", "som", "den", "det", "har", "kommer"]);
/** Swedish inflects at the end: the first letters of a word stand for the word (förskolan, förskolor → försko). */
const STEM = 6;

/** Words of a title or text that name a subject, as stems (a Set: each counts once). */
export function subjectStems(text: string, lex: Lexicon): Set<string> {
  const { phraseWords } = patterns(lex);
  const out = new Set<string>();
  for (const w of lower(text).match(/\p{L}+/gu) ?? []) {
    if (w.length < 4 || FUNCTION_WORDS.has(w) || phraseWords.has(w)) continue;
    out.add(w.slice(0, STEM));
  }
  return out;
}

/** Share of the smaller set's stems found in the other (0 when either is empty). */
export function overlap(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return shared / small.size;
}

export interface ReportBackWords {
  /** The report-back phrase as written ("Återrapportering av uppdrag om"), or null. */
  report: string | null;
  /** What follows the phrase in the title: the subject reported on. */
  subject: string;
  /** A closing phrase in the decision ("uppdraget anses slutfört"), or null. */
  closure: string | null;
}

/** Whether an item reports back: a report phrase in its title (or decision lead), a closing phrase in its decision. */
export function reportBackWords(title: string, decision: string, lex: Lexicon): ReportBackWords {
  const { report, closure } = patterns(lex);
  const inTitle = report.exec(title);
  const inDecision = inTitle ? null : report.exec(decision.slice(0, 200));
  const hit = inTitle ?? inDecision;
  const subject = inTitle ? title.slice(inTitle.index + inTitle[0].length) : hit ? decision.slice(hit.index + hit[0].length, hit.index + hit[0].length + 160) : "";
  return { report: hit?.[0] ?? null, subject, closure: closure.exec(decision)?.[0] ?? null };
}
