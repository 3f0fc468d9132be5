import { keptScanner, scanAll } from "../text/scan.js";
import { capitalisedAnyOf, squash } from "../text/unicode.js";
import type { Range } from "../types.js";
import type { ExtractContext, RecordView } from "./context.js";
import type { LabelHit } from "./labels.js";
import { valueAfter } from "./labels.js";

let suffixRe: RegExp | null = null;
/** Abbreviated body names ("KS"), each compiled once. */
let abbrevRes: Array<{ value: string; re: RegExp }> | null = null;

function compile(ctx: ExtractContext) {
  const suffixes = ctx.lex.forms("bodies", "suffix").sort((a, b) => b.length - a.length).join("|");
  // "Kommunstyrelsens arbetsutskott", "Miljö-, bygg- och hälsoskyddsnämnden", "Socialnämnden", "Samverkansgrupp Nära vård".
  return new RegExp(
    `(?<![\\p{L}])(?:\\p{L}+s[ \\t]+(?:allmänna[ \\t]+|särskilda[ \\t]+)?(?:arbets)?utskott(?:et)?|\\p{L}+-,[ \\t]+(?:\\p{Ll}+-,?[ \\t]+)*och[ \\t]+\\p{Ll}*(?:${suffixes})|\\p{L}*(?:${suffixes})s?)(?![\\p{L}])`,
    "giu",
  );
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The body's name inside a longer phrase: from its start to the end of its body word, plus a
 * qualifying "mellan X och Y" / "för X" that names who it serves ("Samrådsorgan mellan VästKom och …").
 */
function bodyPhrase(phrase: string): string | null {
  suffixRe!.lastIndex = 0;
  const m = suffixRe!.exec(phrase);
  if (!m) return null;
  let end = m.index + m[0].length;
  const rest = phrase.slice(end);
  const q = /^[ \t]+(?:mellan|för|i|inom)[ \t]+\p{Lu}[\p{L}-]*(?:[ \t]+(?:och[ \t]+)?\p{Lu}[\p{L}-]*)*/u.exec(rest);
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
  suffixRe ??= compile(ctx);
  abbrevRes ??= ctx.lex.entries("bodies").filter((e) => e.abbreviation)
    .flatMap((e) => e.forms.map((f) => ({ value: String(e.value), re: new RegExp(`(?<![\\p{L}])${f}(?![\\p{L}])`, "u") })));
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

let labelWords: RegExp | null = null;

/**
 * A body name without the header words a flattened line runs into it: a leading kind word
 * ("PROTOKOLL Kommunstyrelsen") and a trailing front-matter label ("Kommunstyrelsen Förvaringsplats").
 * A value that is nothing but such words is no body.
 */
function withoutHeaderWords(ctx: ExtractContext, body: string | null): string | null {
  if (!body) return null;
  // From the first capitalised label on: "Kommunstyrelsen Förvaringsplats Kanslienheten".
  labelWords ??= new RegExp(`[ \\t]+(?=\\p{Lu})(?:${capitalisedAnyOf([...ctx.lex.entries("header-labels").flatMap((e) => e.forms), "förvaringsplats", "sammanträdes"])})(?![\\p{L}]).*$`, "su");
  const s = body.replace(/^(?:sammanträdes|justerat[ \t]+)?(?:protokoll|PROTOKOLL|Protokoll)[ \t]+(?=\p{Lu})/u, "").replace(labelWords, "").trim();
  if (s === "" || /^(?:Sammanträdes|Är|Datum|Plats|Tid)(?![\p{L}])/u.test(s)) return null;
  return cap(s);
}

/** The deciding body: Organ label, the title after the kind word, the name beside the date, a body word. */
export function findBody(ctx: ExtractContext, view: RecordView, labels: LabelHit[], dateLine: Range | null, rules: string[] = []): string | null {
  const raw = findBodyCandidate(ctx, view, labels, dateLine, rules);
  const body = withoutHeaderWords(ctx, raw) ?? (raw ? withoutHeaderWords(ctx, firstBodyWord(ctx, view.front, true)) : null);
  // "Halmstads kommun, Kommunala handikapprådet": the organisation is a field of its own.
  return body?.replace(/^\p{Lu}[\p{L}-]+(?:[ \t]+\p{Lu}[\p{L}-]+)?s?[ \t]+(?:kommun|stad|region|landsting)[ \t]*,[ \t]*(?=\p{Lu})/u, "") ?? null;
}

/** The candidate and, pushed into `rules`, the id of the rule that gave it (issue 15). */
function findBodyCandidate(ctx: ExtractContext, view: RecordView, labels: LabelHit[], dateLine: Range | null, rules: string[]): string | null {
  const { text } = ctx.doc;
  suffixRe ??= compile(ctx);
  for (const l of labels.filter((x) => x.kind === "body")) {
    const v = valueAfter(text, l, labels, l.end + 200);
    const value = text.slice(v.start, v.end).replace(/\d{4}-\d{2}-\d{2}.*$/su, "");
    if (value.trim().length <= 2 || labels.some((x) => x.start === v.start)) continue;
    // "Organ Kommunstyrelsens allmänna utskott Sammanträdesdatum för …": up to the body word.
    const phrase = bodyPhrase(value);
    if (phrase || (value.trim().split(/\s+/).length >= 2 && !/\d/.test(value))) rules.push("header/body-label");
    if (phrase) return tidy(phrase);
    if (value.trim().split(/\s+/).length >= 2 && !/\d/.test(value)) return tidy(value);
  }
  // The title after the kind word: "Mötesanteckning politiskt Samrådsorgan mellan VästKom och …".
  const head = view.front[0];
  if (head) {
    const s = text.slice(head.start, Math.min(head.end, head.start + 600));
    const m = /(?<![\p{L}])(?:mötesanteckningar|mötesanteckning|minnesanteckningar|protokoll(?:[ \t]+utdrag)?|protokollsutdrag)[ \t]+(?:(?:från|för|vid)[ \t]+)?((?:[^\n]|\n(?![ \t]*\n))+?)(?=[ \t]*(?:\n[ \t]*\n|\d|Plats|Tid|Datum|Sammanträdesdatum|$))/iu.exec(s);
    if (m) {
      const title = squash(m[1]!);
      const phrase = title.length < 160 ? bodyPhrase(title) : null;
      if (phrase) { rules.push("header/body-after-kind-word"); return tidy(title.slice(0, title.indexOf(phrase) + phrase.length)); }
    }
  }
  if (dateLine) {
    // "Samverkansgrupp Nära vård   2023-09-22", "fe?l fl Kommunfullmäktige 2017-10-23": from the body word on.
    const line = text.slice(dateLine.start, dateLine.end).trim();
    suffixRe.lastIndex = 0;
    const m = line.length < 100 && !/[.!?]$/.test(line) ? suffixRe.exec(line) : null;
    if (m) {
      const from = line.slice(0, m.index).search(/(?:\p{Lu}[\p{Ll}-]*[ \t]*)*$/u);
      const phrase = bodyPhrase(line.slice(Math.min(from, m.index)));
      if (phrase) { rules.push("header/body-date-line"); return tidy(phrase); }
    }
  }
  const word = firstBodyWord(ctx, view.front, true) ?? firstBodyWord(ctx, view.chrome, true) ?? compoundBody(ctx, view);
  if (word) { rules.push("header/body-word"); return word; }
  // "Ordförande hälsar samverkansgrupp nära vård välkomna": the body named in the greeting.
  const first = view.rec.items[0];
  if (first) {
    const g = /hälsa(?:r|de)[ \t]+(?:\p{L}+[ \t]+)?(.{3,60}?)[ \t]+välkomn/u.exec(text.slice(first.start, first.end));
    suffixRe.lastIndex = 0;
    if (g && suffixRe.test(g[1]!)) { rules.push("header/body-greeting"); return tidy(g[1]!); }
  }
  return null;
}

/** "Direktionsprotokoll", "Styrelseprotokoll": the body named in the compound of the kind word. */
function compoundBody(ctx: ExtractContext, view: RecordView): string | null {
  const suffixes = ctx.lex.forms("bodies", "suffix");
  for (const r of [...view.front, ...view.chrome]) {
    const m = /(?<![\p{L}])(\p{Lu}\p{Ll}+?)s?(?:protokoll|sammanträde|möte)(?![\p{L}])/u.exec(ctx.doc.text.slice(r.start, Math.min(r.end, r.start + 1500)));
    if (!m) continue;
    for (const ending of ["en", "n", ""]) {
      const w = (m[1]! + ending).toLowerCase();
      if (suffixes.some((s) => w.endsWith(s) && w.length > s.length - 1)) return cap(w);
    }
  }
  return null;
}

/** The organisation: a municipality, region or named association in the front matter. */
export function findOrganisation(ctx: ExtractContext, view: RecordView): string | null {
  const { text } = ctx.doc;
  const re = /(?<![\p{L}])(\p{Lu}[\p{L}-]+(?:[ \t]+\p{Lu}[\p{L}-]+)?s?[ \t]+(?:kommun|stad|kommunalförbund)|Region[ \t]+\p{Lu}[\p{L}-]+(?:[ \t]+län)?|Landstinget[ \t]+(?:i[ \t]+)?\p{Lu}[\p{L}-]+|Samordningsförbundet[ \t]+\p{Lu}[\p{L}-]+|\p{Lu}[\p{L}-]+[ \t]+(?:AB|kommunalförbund))(?![\p{L}])/u;
  for (const r of [...view.front, ...view.chrome]) {
    const m = re.exec(text.slice(r.start, Math.min(r.end, r.start + 2000)));
    if (m) return tidy(m[1]!);
    const caps = /(?<![\p{L}])(\p{Lu}{3,}[ \t]+KOMMUN)(?![\p{L}])/u.exec(text.slice(r.start, Math.min(r.end, r.start + 2000)));
    if (caps) return tidy(caps[1]!);
  }
  return null;
}
