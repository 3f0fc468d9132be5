import type { Lexicon } from "../../lexicon/load.js";
import type { Range } from "../../types.js";
import { perLexicon } from "../per-lexicon.js";
import { classesOf, codePointBefore, LETTER_BIT, NUMBER_BIT, UPPER_BIT } from "../../text/unicode.js";

/** A capitalised word of a name ("Anna-Karin", "Öberg"), an initial ("W", "W."), or a particle with its word ("von Alten"). */
const TOKEN = /(?:(?:von|van|af|de|der|la|du)\s+)?\p{Lu}[\p{Ll}’'´]+(?:-\p{Lu}[\p{Ll}’']+)?|\p{Lu}\.?(?=[ \t]+(?:\p{Lu}\.?[ \t]+)?\p{Lu}\p{Ll})/gu;
/** A run of such words separated only by blanks; it may start with one or two initials ("A. Berg", "C E Thörngren"). */
const RUN = /(?<![\p{L}\p{N}-])(?:\p{Lu}\.?[ \t]+(?:\p{Lu}\.?[ \t]+)?(?=\p{Lu}\p{Ll}))?(?:(?:von|van|af|de|der|la|du)[ \t]+)?\p{Lu}[\p{Ll}’'´]+(?:-\p{Lu}[\p{Ll}’']+)?(?:(?:[ \t]+|[ \t]*\n[ \t]*)(?:(?:(?:von|van|af|de|der|la|du)[ \t]+)?\p{Lu}[\p{Ll}’'´]+(?:-\p{Lu}[\p{Ll}’']+)?|\p{Lu}\.?(?=[ \t]+\p{Lu}\p{Ll})))*(?![\p{L}])/gu;

/** RUN without its look-behind, tried at one offset: at the offsets where nextNameRun finds that a run may start. */
const RUN_AT = new RegExp(RUN.source.slice(String.raw`(?<![\p{L}\p{N}-])`.length), "uy");
/** A particle and the blank after it, as a run may open with ("von Alten"). */
const PARTICLE_AT = /(?:von|van|af|de|der|la|du)[ \t]/y;

/** RUN's look-behind at i: the code point before is no letter, number or hyphen. */
function freeBefore(s: string, i: number): boolean {
  const cp = codePointBefore(s, 0, i);
  return cp < 0 || (cp !== 45 && !(classesOf(cp) & (LETTER_BIT | NUMBER_BIT)));
}

/**
 * Whether a RUN match may start at i: every one opens with a capital (an initial or a name word) or
 * with a particle and a blank, after no letter, number or hyphen. Most offsets of a segment fail
 * the first test on a table read of their character.
 */
function mayStartRun(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c >= 65 && c <= 90) return freeBefore(s, i);
  if (c === 97 || c === 100 || c === 108 || c === 118) {
    if (!freeBefore(s, i)) return false;
    PARTICLE_AT.lastIndex = i;
    return PARTICLE_AT.test(s);
  }
  return c >= 128 && (classesOf(s.codePointAt(i)!) & UPPER_BIT) !== 0 && freeBefore(s, i);
}

/**
 * The first RUN match in s at or after `from` (what scanAll(scanner(RUN)) gives next), or null. The
 * pattern is tried only where a run may start: the engine, trying it at every offset, tested \p{Lu}
 * on each character of the mostly two-byte texts.
 */
export function nextNameRun(s: string, from: number): RegExpExecArray | null {
  return firstMatchWhere(s, from, mayStartRun, RUN_AT);
}

/** The first match of the sticky `at` in s at or after `from`, tried only at the offsets `mayStart` lets through. */
function firstMatchWhere(s: string, from: number, mayStart: (s: string, i: number) => boolean, at: RegExp): RegExpExecArray | null {
  for (let i = from; i < s.length; i++) {
    if (!mayStart(s, i)) continue;
    at.lastIndex = i;
    const m = at.exec(s);
    if (m) return m;
  }
  return null;
}

/** TOKEN tried at one offset: at the offsets where nextNameToken finds that a word of a name may start. */
const TOKEN_AT = new RegExp(TOKEN.source, "uy");
/** A particle and the blank after it, as a TOKEN may open with. */
const TOKEN_PARTICLE_AT = /(?:von|van|af|de|der|la|du)\s/uy;

/** Whether a TOKEN match may start at i: every one opens with a capital or with a particle and a blank. */
function mayStartToken(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c >= 65 && c <= 90) return true;
  if (c === 97 || c === 100 || c === 108 || c === 118) {
    TOKEN_PARTICLE_AT.lastIndex = i;
    return TOKEN_PARTICLE_AT.test(s);
  }
  return c >= 128 && (classesOf(s.codePointAt(i)!) & UPPER_BIT) !== 0;
}

/** The first TOKEN match in s at or after `from` (what scanAll(scanner(TOKEN)) gives next), or null; tried only where one may start, as nextNameRun. */
export function nextNameToken(s: string, from: number): RegExpExecArray | null {
  return firstMatchWhere(s, from, mayStartToken, TOKEN_AT);
}

/** The TOKEN matches of a run, in order. */
function tokensOf(run: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  for (let t = nextNameToken(run, 0); t; t = nextNameToken(run, t.index + t[0].length)) out.push(t);
  return out;
}

/** Words that start organisations, places and labels, never people. */
const NOT_A_FIRST_WORD = new Set([
  "region", "regionen", "landstinget", "kommun", "kommunen", "länsstyrelsen", "se", "enligt", "protokollet", "justeringens",
  "plats", "tid", "datum", "organ", "ordförande", "sekreterare", "justerare", "justerande", "beslutande", "ersättare",
  "övriga", "närvarande", "frånvarande", "tjänstgörande", "underskrifter", "paragrafer", "sammanträdesdatum", "anslag",
  "förvaringsplats", "utses", "kommunstyrelsen", "kommunfullmäktige", "västra", "norra", "södra", "östra", "stora",
  "folkets", "mälardalens", "sveriges", "vice", "förvaltningsbyggnaden", "kommunhuset", "stadshuset", "regionhuset",
  "hälso", "nära", "för", "från", "vid", "med", "och", "samt", "information", "beslut", "dagordning", "mötets", "bevis",
  "justeras", "intygar", "underskrift", "paragraf", "sammanträdesdag", "kansli", "privata", "kommunal",
  "parti", "närvaro", "kassör", "namn", "ja", "nej", "avstår", "funktion", "roll", "ledamot", "ersättare", "närvarolista",
  "anmält", "meddelat", "förhindrad", "förhinder",
]);

/** Job titles written with a capital in lists ("Samordnare", "Förbundschef"): never part of a name. */
export const TITLE_WORD = /(?:chef|ledare|sekreterare|ansvarig|direktör|strateg|handläggare|samordnare|inspektör|ingenjör|arkitekt|läkare|ekonom|controller|utredare|konsult|kanslist|assistent|sakkunnig|rådgivare|revisor|jurist|kommunikatör|förvaltare|tekniker|skötare|sjuksköterska|lärare|rektor|föreståndare|ombudsman|ordförande|ledamot|ersättare)$/iu;

/** Words naming a unit of an organisation ("Kommunledningssektorn", "Sektor", "Miljökontoret"): a name ends before them. */
const UNIT_WORD = /(?:sektorn?|kontoret|kansliet|sektionen|staben|byrån|enheten|förvaltningen|avdelningen)$/iu;

const notName = (w: string) => NOT_A_FIRST_WORD.has(w.toLowerCase()) || TITLE_WORD.test(w) || UNIT_WORD.test(w) || w === "VD";

export function plausibleName(name: string): boolean {
  const words = name.split(/[ \t]+/);
  if (words.length < 2) return false;
  if (NOT_A_FIRST_WORD.has(words[0]!.toLowerCase())) return false;
  if (words.some((w) => /(?:nämnden|styrelsen|fullmäktige|utskottet|förvaltningen|regionen|kommun|förbundet|avdelningen|enheten|huset|gatan|vägen|torget|protokollet)$/iu.test(w))) return false;
  return true;
}

export interface NameHit extends Range {
  name: string;
}

export interface NameVocabulary {
  isFirstName(word: string): boolean;
}

/** The first names of a lexicon, compiled once per lexicon instance. */
export const nameVocabulary = perLexicon((lex: Lexicon): NameVocabulary => {
  const names = new Set(lex.forms("first-names").map((f) => f.toLowerCase()));
  // The same words are asked about again and again (every capitalised word of every list line).
  const known = new Map<string, boolean>();
  const look = (w: string) => {
    const lower = w.toLowerCase();
    if (names.has(lower)) return true;
    // "Anna-Karin", "Bror-Erik": each part a first name.
    const parts = lower.split("-");
    return parts.length === 2 && parts.every((p) => names.has(p));
  };
  return {
    isFirstName: (w) => {
      let hit = known.get(w);
      if (hit === undefined) {
        hit = look(w);
        if (known.size > 50_000) known.clear();
        known.set(w, hit);
      }
      return hit;
    },
  };
});

interface Token extends Range {
  word: string;
}

const isInitial = (w: string) => /^\p{Lu}\.?$/u.test(w);

/**
 * "A. Berg (M)", "C E Thörngren (S)": one or two initials and one or two surnames make a name
 * only where the entry has a person's shape; before a first name they are something else.
 */
function leadingInitials(tokens: Token[], first: (t: Token | undefined) => boolean, personShape: boolean): Token[] | null {
  let lead = 0;
  while (lead < tokens.length && isInitial(tokens[lead]!.word)) lead++;
  const surnames = tokens.length - lead;
  if (!personShape || lead === 0 || lead > 2 || surnames < 1 || surnames > 2) return null;
  if (tokens.slice(lead).some((t) => first(t) || notName(t.word))) return null;
  // One bare letter before two words is mostly the party of the entry before ("Ralph Rodin, S Maria Gerdin, S …").
  if (lead === 1 && !tokens[0]!.word.endsWith(".") && surnames === 2) return null;
  return tokens;
}

/**
 * Splits a run of capitalised words into names: each starts at a known first name (one or two,
 * or one and an initial) and takes up to two surnames. A run with no known first name is one
 * name only when its shape says "person" (a party or a title follows).
 */
function splitRun(tokens: Token[], v: NameVocabulary, personShapeAfter: boolean): Token[][] {
  const out: Token[][] = [];
  const first = (t: Token | undefined) => !!t && v.isFirstName(t.word);
  const initialsFirst = leadingInitials(tokens, first, personShapeAfter);
  if (initialsFirst) return [initialsFirst];
  // Initials without a person's shape (or before a first name: a party letter, "S Anna Andersson") are not the name.
  while (tokens.length && isInitial(tokens[0]!.word)) tokens = tokens.slice(1);
  // A title or label after a name ends the run: "Helena Karlsson Samordnare".
  const cut = tokens.findIndex((t, i) => i >= 2 && notName(t.word));
  if (cut > 0) tokens = tokens.slice(0, cut);
  if (!tokens.some((t) => first(t))) {
    if (personShapeAfter && tokens.length >= 2 && tokens.length <= 3) out.push(tokens);
    return out;
  }
  // "Lindvall Mikael" alone in a list cell: a name written surname first (turned round by the list, see index).
  if (personShapeAfter && tokens.length === 2 && !first(tokens[0]) && first(tokens[1])) return [tokens];
  const used = new Array<boolean>(tokens.length).fill(false);
  let i = 0;
  while (i < tokens.length) {
    if (!first(tokens[i])) { i++; continue; }
    let j = i + 1;
    // A second first name or an initial: "Bo Lennart Danielsson", "Jan W Kjellberg".
    if (j < tokens.length && (isInitial(tokens[j]!.word) || first(tokens[j])) && j + 1 < tokens.length && !first(tokens[j + 1])) j++;
    let k = j;
    if (k < tokens.length && !first(tokens[k]) && !isInitial(tokens[k]!.word)) k++;
    // A second surname only where the run ends or another name begins after it ("Mikael Andersson Elfgren").
    if (k > j && k < tokens.length && !first(tokens[k]) && (k + 1 === tokens.length || first(tokens[k + 1]))) k++;
    // "Per Martin" with nothing after: a surname that is also a first name.
    if (k === j && j < tokens.length && (j + 1 === tokens.length || first(tokens[j + 1]))) k = j + 1;
    if (k > i + 1) {
      out.push(tokens.slice(i, k));
      for (let x = i; x < k; x++) used[x] = true;
    }
    i = Math.max(k, i + 1);
  }
  // Two words left between names in a list are a name with an unlisted first name ("Gunder Lindgren").
  for (let a = 0; a < tokens.length; ) {
    if (used[a]) { a++; continue; }
    let b = a;
    while (b < tokens.length && !used[b]) b++;
    if (b - a === 2 && (a > 0 || b < tokens.length)) out.push(tokens.slice(a, b));
    a = b;
  }
  return out.sort((x, y) => x[0]!.start - y[0]!.start);
}

/** A nickname quoted between first name and surname ("Andreas “Equeroot” Ekeroot"). */
const NICKNAME = /(?<=\p{Lu}[\p{Ll}-]+[ \t]+)[“"‘'][\p{L}\p{N} .-]{1,24}[”"’'](?=[ \t]+\p{Lu})/gu;

/** The quotes a NICKNAME match opens with. */
const QUOTE = /[“"‘']/;

/**
 * The text with quoted nicknames blanked (same length, so spans stay): the name is read without them.
 * A text without a quote has none to blank (every match opens with one): NICKNAME's look-behind made
 * the engine try it at every offset of every segment, most of which hold no quote at all.
 */
function withoutNicknames(s: string): string {
  return QUOTE.test(s) ? s.replace(NICKNAME, (m) => " ".repeat(m.length)) : s;
}

/** Names in one stretch of an attendance list. In a list, a bare "Unni Livengård" on its own line is a name too. */
export function namesIn(text: string, seg: Range, v: NameVocabulary, inList = false): NameHit[] {
  const s = withoutNicknames(text.slice(seg.start, seg.end));
  // A checkbox before the name ("[X] Lindvall Mikael") is part of the row's lead.
  const lead = /^\s*(?:\[[ \txX✓]?\][ \t]*)?/u.exec(s)![0].length;
  const hits: NameHit[] = [];
  for (let m = nextNameRun(s, 0); m; m = nextNameRun(s, m.index + m[0].length)) {
    const tokens: Token[] = tokensOf(m[0]).map((t) => ({
      word: t[0].replace(/^(?:von|van|af|de|der|la|du)\s+/u, ""),
      start: seg.start + m.index + t.index,
      end: seg.start + m.index + t.index + t[0].length,
    }));
    // In a list, a name between separators is a name whatever its first name: "…, Chris Bales" at the end of a list.
    const end = m.index + m[0].length;
    const before = s.slice(Math.max(0, m.index - 8), m.index);
    const after = s.slice(end, end + 44);
    const startsSegment = m.index === lead;
    const endsSegment = after.trim() === "" && end + after.length >= s.length;
    const alone = inList && (startsSegment || /(?:[,;]|(?<![\p{L}])och)[ \t]*$/u.test(before)) && (endsSegment || /^[ \t]*(?:[,;(]|och(?![\p{L}]))/u.test(after));
    const personShape = alone || /^[ \t]*(?:\((?:\p{Lu}{1,4}|\p{Ll}{1,4}|\p{Lu}\p{Ll}?\p{Lu}|[\p{L} ]{3,40})\)|,)/u.test(after);
    for (const name of splitRun(tokens, v, personShape)) {
      const start = name[0]!.start;
      const end = name[name.length - 1]!.end;
      const text2 = s.slice(start - seg.start, end - seg.start).replace(/\s+/g, " ");
      // A name never spans two lines unless the first ends in its first name ("Kenneth" + "Östberg").
      const nl = text.slice(start, end).indexOf("\n");
      if (nl >= 0 && !v.isFirstName(text.slice(start, start + nl).trim().split(/\s+/).pop() ?? "")) continue;
      if (plausibleName(text2)) hits.push({ start, end, name: text2 });
    }
  }
  return hits;
}
