import type { Lexicon } from "../lexicon/load.js";
import { perLexicon } from "./per-lexicon.js";
import { keptScanner, scanAll } from "../text/scan.js";
import { capitalisedAnyOf, squash } from "../text/unicode.js";
import type { Range } from "../types.js";
import type { ExtractContext, RecordView } from "./context.js";
import type { LabelHit } from "./labels.js";
import { valueAfter } from "./labels.js";

/** Abbreviated body names ("KS"), each compiled once. */

function compile(lex: Lexicon) {
  const suffixes = lex.forms("bodies", "suffix").sort((a, b) => b.length - a.length).join("|");
  // "Kommunstyrelsens arbetsutskott", "Miljö-, bygg- och hälsoskyddsnämnden", "Socialnämnden", "Samverkansgrupp Nära vård".
  return new RegExp(
    `(?<![\\p{L}])(?:\\p{L}+s[ \\t]+(?:allmänna[ \\t]+|särskilda[ \\t]+)?(?:arbets)?utskott(?:et)?|\\p{L}+-,[ \\t]+(?:\\p{Ll}+-,?[ \\t]+)*och[ \\t]+\\p{Ll}*(?:${suffixes})|\\p{L}*(?:${suffixes})s?)(?![\\p{L}])`,
    "giu",
  );
}

/** The body patterns of a lexicon: body-word endings, abbreviations ("KS"), the header labels a flattened line runs into. */
const bodyPatterns = perLexicon((lex: Lexicon) => ({
  suffix: compile(lex),
  abbrevs: lex.entries("bodies").filter((e) => e.abbreviation)
    .flatMap((e) => e.forms.map((f) => ({ value: String(e.value), re: new RegExp(`(?<![\\p{L}])${f}(?![\\p{L}])`, "u") }))),
  labelWords: new RegExp(`[ \\t]+(?=\\p{Lu})(?:${capitalisedAnyOf([...lex.entries("header-labels").flatMap((e) => e.forms), "förvaringsplats", "sammanträdes"])})(?![\\p{L}]).*$`, "su"),
}));

/** Body words that name no body by themselves ("Rådet", "Nämnden"). */
const GENERIC_BODY = /^(?:råd|rådet|nämnd|nämnden|beredning|beredningen|grupp|gruppen|delegation|delegationen)$/iu;

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The body's name inside a longer phrase: from its start to the end of its body word, plus a
 * qualifying "mellan X och Y" / "för X" that names who it serves ("Samrådsorgan mellan VästKom och …").
 */
function bodyPhrase(phrase: string, suffixRe: RegExp): string | null {
  suffixRe.lastIndex = 0;
  const m = suffixRe.exec(phrase);
  if (!m) return null;
  let end = m.index + m[0].length;
  const rest = phrase.slice(end);
  const q = /^[ \t]+(?:mellan|för|i|inom)[ \t]+\p{Lu}[\p{L}-]*(?:[ \t]+(?:och[ \t]+)?\p{Lu}[\p{L}-]*)*/u.exec(rest) ??
    // A bare council word is named by what it is for: "Rådet för funktionshinderfrågor", "Nämnden för teknik och fritid".
    (GENERIC_BODY.test(m[0]) ? /^[ \t]+för[ \t]+\p{Ll}[\p{L}-]{3,}(?:[ \t]+och[ \t]+\p{Ll}[\p{L}-]{3,})?/u.exec(rest) : null);
  const named = /^(?:[ \t]+\p{Lu}[\p{Ll}-]+|[ \t]+\p{Ll}+){0,2}/u.exec(rest);
  if (q) end += q[0].length;
  else if (named && /^[ \t]+\p{Lu}/u.test(rest) && !/[ \t]+(?:Sammanträdesdatum|Datum|Plats|Tid)/u.test(named[0])) end += named[0].length;
  return phrase.slice(0, end);
}

/** A body's name as written, without a genitive -s and all-capitals. */
function tidy(raw: string): string {
  let s = squash(raw).replace(/[,:;.\s]+$/u, "");
  if (s === s.toUpperCase()) s = s.toLowerCase();
  if (/(?:fullmäktiges|styrelsens|nämndens|utskottets|direktionens|beredningens)$/iu.test(s) && !/\s/.test(s)) s = s.slice(0, -1);
  return cap(s);
}

function firstBodyWord(ctx: ExtractContext, ranges: Range[], skipCaps: boolean): string | null {
  const { suffix: suffixRe, abbrevs: abbrevRes } = bodyPatterns(ctx.lex);
  for (const r of ranges) {
    const s = ctx.doc.text.slice(r.start, Math.min(r.end, r.start + 1500));
    for (const m of scanAll(keptScanner(suffixRe), s)) {
      const w = m[0];
      if (skipCaps && w === w.toUpperCase()) continue;
      if (/^(?:styrelse|förbund|råd|rådet|nämnd|utskott|beredning)$/iu.test(w)) continue;
      return tidy(w);
    }
    for (const a of abbrevRes) if (a.re.test(s)) return a.value;
  }
  return null;
}


/**
 * A body name without the header words a flattened line runs into it: a leading kind word
 * ("PROTOKOLL Kommunstyrelsen") and a trailing front-matter label ("Kommunstyrelsen Förvaringsplats").
 * A value that is nothing but such words is no body.
 */
function withoutHeaderWords(ctx: ExtractContext, body: string | null): string | null {
  if (!body) return null;
  // From the first capitalised label on: "Kommunstyrelsen Förvaringsplats Kanslienheten".
  const { labelWords } = bodyPatterns(ctx.lex);
  const s = body.replace(/^(?:sammanträdes|justerat[ \t]+)?(?:protokoll|PROTOKOLL|Protokoll)[ \t]+(?=\p{Lu})/u, "").replace(labelWords, "").trim();
  if (s === "" || /^(?:Sammanträdes|Är|Datum|Plats|Tid)(?![\p{L}])/u.test(s)) return null;
  return cap(s);
}

/** The deciding body: Organ label, the title after the kind word, the name beside the date, a body word. */
export function findBody(ctx: ExtractContext, view: RecordView, labels: LabelHit[], dateLine: Range | null): { value: string; rule: string } | null {
  const found = findBodyCandidate(ctx, view, labels, dateLine);
  const raw = found?.value ?? null;
  let rule = found?.rule ?? "";
  let body = withoutHeaderWords(ctx, raw);
  if (!body && raw) { body = withoutHeaderWords(ctx, firstBodyWord(ctx, view.front, true)); rule = "header/body-word"; }
  if (!body) return null;
  // "Halmstads kommun, Kommunala handikapprådet": the organisation is a field of its own.
  const value = body.replace(/^\p{Lu}[\p{L}-]+(?:[ \t]+\p{Lu}[\p{L}-]+)?s?[ \t]+(?:kommun|stad|region|landsting)[ \t]*,[ \t]*(?=\p{Lu})/u, "");
  return { value, rule };
}

type Found = { value: string; rule: string } | null;
const found = (value: string | null, rule: string): Found => (value ? { value, rule } : null);

function findBodyCandidate(ctx: ExtractContext, view: RecordView, labels: LabelHit[], dateLine: Range | null): Found {
  const { text } = ctx.doc;
  const suffixRe = bodyPatterns(ctx.lex).suffix;
  for (const l of labels.filter((x) => x.kind === "body")) {
    const v = valueAfter(text, l, labels, l.end + 200);
    const value = text.slice(v.start, v.end).replace(/\d{4}-\d{2}-\d{2}.*$/su, "");
    if (value.trim().length <= 2 || labels.some((x) => x.start === v.start)) continue;
    // "Organ Kommunstyrelsens allmänna utskott Sammanträdesdatum för …": up to the body word.
    const phrase = bodyPhrase(value, suffixRe);
    if (phrase) return found(tidy(phrase), "header/body-label");
    // "Organ Personalsektionen": one capitalised word in the definite form is the body's name.
    const words = value.trim().split(/\s+/);
    if ((words.length >= 2 || /^\p{Lu}\p{Ll}{3,}(?:en|et|na)$/u.test(words[0]!)) && !/\d/.test(value)) return found(tidy(value), "header/body-label");
  }
  // The title after the kind word: "Mötesanteckning politiskt Samrådsorgan mellan VästKom och …".
  const head = view.front[0];
  if (head) {
    const s = text.slice(head.start, Math.min(head.end, head.start + 600));
    const m = /(?<![\p{L}])(?:mötesanteckningar|mötesanteckning|minnesanteckningar|protokoll(?:[ \t]+utdrag)?|protokollsutdrag)[ \t]+(?:(?:från|för|vid)[ \t]+)?((?:[^\n]|\n(?![ \t]*\n))+?)(?=[ \t]*(?:\n[ \t]*\n|\d|Plats|Tid|Datum|Sammanträdesdatum|$))/iu.exec(s);
    if (m) {
      const title = squash(m[1]!);
      const phrase = title.length < 160 ? bodyPhrase(title, suffixRe) : null;
      if (phrase) return found(tidy(title.slice(0, title.indexOf(phrase) + phrase.length)), "header/title-body");
    }
  }
  if (dateLine) {
    // "Samverkansgrupp Nära vård   2023-09-22", "fe?l fl Kommunfullmäktige 2017-10-23": from the body word on.
    const line = text.slice(dateLine.start, dateLine.end).trim();
    suffixRe.lastIndex = 0;
    const m = line.length < 100 && !/[.!?]$/.test(line) ? suffixRe.exec(line) : null;
    if (m) {
      const from = line.slice(0, m.index).search(/(?:\p{Lu}[\p{Ll}-]*[ \t]*)*$/u);
      const phrase = bodyPhrase(line.slice(Math.min(from, m.index)), suffixRe);
      if (phrase) return found(tidy(phrase), "header/dateline-body");
    }
  }
  const word = found(firstBodyWord(ctx, view.front, true) ?? firstBodyWord(ctx, view.chrome, true), "header/body-word") ?? found(compoundBody(ctx, view), "header/compound-body");
  if (word) return word;
  // "Ordförande hälsar samverkansgrupp nära vård välkomna": the body named in the greeting.
  const first = view.rec.items[0];
  if (first) {
    const g = /hälsa(?:r|de)[ \t]+(?:\p{L}+[ \t]+)?(.{3,60}?)[ \t]+välkomn/u.exec(text.slice(first.start, first.end));
    suffixRe.lastIndex = 0;
    if (g && suffixRe.test(g[1]!)) return found(tidy(g[1]!), "header/greeting-body");
  }
  return null;
}

/** "Direktionsprotokoll", "Styrelseprotokoll": the body named in the compound of the kind word. */
function compoundBody(ctx: ExtractContext, view: RecordView): string | null {
  const suffixes = ctx.lex.forms("bodies", "suffix");
  for (const r of [...view.front, ...view.chrome]) {
    const m = /(?<![\p{L}])(\p{Lu}\p{Ll}+?)s?(?:mötes)?(?:protokoll|sammanträde|möte)(?![\p{L}])/u.exec(ctx.doc.text.slice(r.start, Math.min(r.end, r.start + 1500)));
    if (!m) continue;
    for (const ending of ["en", "n", ""]) {
      const w = (m[1]! + ending).toLowerCase();
      if (suffixes.some((s) => w.endsWith(s) && w.length > s.length - 1)) return cap(w);
    }
  }
  return null;
}

