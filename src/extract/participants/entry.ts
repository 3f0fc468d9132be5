import type { Lexicon } from "../../lexicon/load.js";
import { hasAsciiDigit, squash } from "../../text/unicode.js";
import type { Geo } from "../geo.js";
import { perLexicon } from "../per-lexicon.js";

export type Position = "chair" | "vice-chair" | "secretary" | "adjuster";

export interface EntryAttributes {
  party: string | null;
  represents: string | null;
  representsCode: string | null;
  title: string | null;
  positions: Position[];
  items: string | null;
  substitutesFor: string | null;
  serving: boolean;
  /** Items attended only in part or not at all, and presence read from a roll-call table. */
  notItems: string | null;
  note: string | null;
  present: boolean | null;
}

export interface EntryVocabulary {
  roleOf(word: string): Position | null;
  isParty(token: string): boolean;
  isKnownParty(token: string): boolean;
  geo: Geo;
}

/** Role forms and party codes of a lexicon, compiled once per lexicon instance. */
const entryIndexes = perLexicon((lex: Lexicon) => {
  const roleIndex = new Map<string, Position>();
  for (const e of lex.entries("roles")) for (const f of e.forms) roleIndex.set(f.toLowerCase(), e.value as Position);
  const partyIndex = new Set(lex.entries("parties").map((e) => String(e.value).toLowerCase()));
  return { roleIndex, partyIndex };
});

export function entryVocabulary(lex: Lexicon, geo: Geo): EntryVocabulary {
  const { roleIndex, partyIndex } = entryIndexes(lex);
  return {
    roleOf: (w) => roleIndex.get(squash(w).toLowerCase().replace(/[.:]$/, "").replace(/\s+/g, " ")) ?? roleIndex.get(squash(w).toLowerCase()) ?? null,
    isKnownParty: (t) => partyIndex.has(t.toLowerCase()),
    isParty: (t) =>
      partyIndex.has(t.toLowerCase()) ||
      /^(?:\p{Lu}{1,4}|\p{Ll}{1,4}|\p{Lu}\p{Ll}?\p{Lu}|\p{Lu}\p{Ll}\p{Lu}\p{Ll}?)$/u.test(t),
    geo,
  };
}

const ITEMS = /(?:§§?|paragraf(?:erna)?|ärende(?:na)?|punkt(?:erna)?|pkt)[ \t.]*(\d{1,4}(?:[ \t]*[-–][ \t]*\d{1,4})?(?:[ \t]*(?:,|och)[ \t]*\d{1,4}(?:[ \t]*[-–][ \t]*\d{1,4})?)*)/iu;
const SUBSTITUTE = /(?:tjänstgörande[ \t]+ersättare[ \t]+för|tjänstgör[ \t]+för|tjg\.?[ \t]+för|tjg\.?|ersättare[ \t]+för|ersätter|i[ \t]+stället[ \t]+för)[ \t]*$/iu;

/** Does the text between a name and the next end in "tjg för" — the next name is whom this one replaces? */
export function endsWithSubstituteCue(attr: string): boolean {
  return SUBSTITUTE.test(attr);
}

const UNTIL = /till[ \t]+och[ \t]+med[ \t]+(?:§§?|paragraf(?:erna)?|ärende|punkt)[ \t]*(\d{1,4})/iu;
const CLOCK = /\d{1,2}[:.]\d{2}(?:[ \t]*[-–][ \t]*(?:\d{1,2}[:.]?\d{0,2})?)?|[:.]\d{2}\b/gu;
/** Bare item numbers closing an entry: ", 49,", "59, 62, 64", "50-56, 58, del av 60-61", "VD Malungshem AB 132". */
const TRAILING_ITEMS = /(?:^|[\s,])((?:del[ \t]+av[ \t]+)?\d{1,3}(?:[ \t]*[-–][ \t]*\d{1,3})?(?:[ \t]*,[ \t]*(?:del[ \t]+av[ \t]+)?\d{1,3}(?:[ \t]*[-–][ \t]*\d{1,3})?)*)[ \t,.]*$/u;

const TITLE_WORD = /^[\p{L}-]*(?:chef|ledare|sekreterare|ansvarig|direktör|strateg|handläggare|samordnare|inspektör|ingenjör|arkitekt|läkare|ekonom|controller|utredare|konsult|kanslist|assistent|sakkunnig|rådgivare|revisor|jurist|kommunikatör|förvaltare|tekniker|föreståndare|ombudsman)(?![\p{L}])/iu;

/** Reads party, place, title, role and items from the text after a name. `firstItem` is the record's first item number. */
export function readAttributes(attr: string, v: EntryVocabulary, firstItem = 1): EntryAttributes {
  const out: EntryAttributes = {
    party: null, represents: null, representsCode: null, title: null, positions: [], items: null, substitutesFor: null,
    serving: false, notItems: null, note: null, present: null,
  };
  let rest = attr;
  // Roll-call table row: "Anna Andersson S 1 Ordförande", "Bo Berg M -".
  const roll = ROLL_CALL.exec(rest);
  if (roll && (v.isKnownParty(roll[1]!) || roll[2])) {
    out.party = roll[1]!.toUpperCase();
    if (roll[2]) out.present = /^(?:1|x|j|ja|närv)$/iu.test(roll[2]);
    rest = rest.slice(roll[0].length);
  }
  // "David Langlet anmält förhinder", "GunBritt Henning (S) förhindrad": a note of absence after the name.
  const absent = ABSENCE_NOTE.exec(rest);
  // Only right after the name and its party: "Anna Berg (C) Bo Ek (S) förhindrad" flattened says it of Bo Ek.
  if (absent && NAME_MARKS_ONLY.test(rest.slice(0, absent.index))) {
    out.present = false;
    rest = rest.replace(absent[0], " ");
  }
  // Item numbers, clock times and "ej § 5" all hold an ASCII digit (\d, with the u and i flags too), and
  // what follows only takes text out of rest: without a digit here, none of those patterns can match.
  const digit = hasAsciiDigit(rest);
  const not = digit ? NOT_ITEMS.exec(rest) : null;
  if (not) {
    out.notItems = normaliseItems((not[1] ?? not[2])!);
    rest = rest.replace(not[0], " ");
  }
  const notes: string[] = [];
  rest = rest.replace(/\(?(delvis|jäv)\)?/giu, (_m, w: string) => { notes.push(w.toLowerCase()); return " "; });
  const clock = digit ? rest.match(CLOCK_RANGE) : null;
  if (clock) notes.push(...clock.map((c) => c.trim()));
  const until = digit ? UNTIL.exec(rest) : null;
  const items = until || !digit ? null : ITEMS.exec(rest);
  if (until) {
    out.items = `${Math.min(firstItem, Number(until[1]))}-${until[1]}`;
    rest = rest.replace(until[0], " ");
  } else if (items) {
    out.items = normaliseItems(items[1]!);
    rest = rest.replace(items[0], " ");
  } else if (digit) {
    const trailing = TRAILING_ITEMS.exec(rest.replace(CLOCK, " "));
    if (trailing && !/^(?:19|20)\d{2}$/.test(trailing[1]!)) {
      out.items = trailing[1]!.replace(/[ \t]*[-–][ \t]*/g, "-").replace(/[ \t]*,[ \t]*/g, ", ");
      rest = rest.replace(CLOCK, " ").slice(0, trailing.index + (trailing[0].startsWith(",") || /^\s/.test(trailing[0]) ? 1 : 0));
    }
  }
  if (/(?:tjänstgörande|tjg|ersättare[ \t]+för|ersätter)/iu.test(rest)) {
    out.serving = true;
    rest = rest.replace(/(?:tjänstgörande[ \t]+ersättare[ \t]+för|tjänstgörande|tjg\.?[ \t]+för|tjg|ersättare[ \t]+för|ersätter)/giu, " ");
  }
  // Parenthesised parts: party, role, place or title (none without a "(": most entries have a comma only).
  const parens = rest.includes("(");
  if (parens) for (const m of rest.matchAll(/\(([^()]{1,80})\)/gu)) {
    const inner = squash(m[1]!);
    if (!out.party && v.isParty(inner) && !v.roleOf(inner)) out.party = inner.toUpperCase();
    else if (v.roleOf(inner)) {
      out.positions.push(v.roleOf(inner)!);
      if (isJobTitle(inner)) out.title ??= inner;
    }
    else if (v.geo.isPlace(inner) || /^\p{Lu}/u.test(inner)) setPlace(out, inner, v);
    else {
      out.title ??= inner;
      const r = roleWithin(inner, v);
      if (r) out.positions.push(r);
    }
  }
  if (parens) rest = rest.replace(/\([^()]{1,80}\)/gu, ",");
  for (const raw of rest.split(/[,;]/)) {
    const part = squash(raw).replace(/^[-–:]+|[-–:.]+$/gu, "").trim();
    if (!part) continue;
    if (!out.party && /^\p{Ll}{1,4}$/u.test(part) && !CONJUNCTION.test(part) && v.isParty(part) && !v.roleOf(part)) { out.party = part.toUpperCase(); continue; }
    const role = v.roleOf(part);
    if (role) {
      out.positions.push(role);
      if (isJobTitle(part)) out.title ??= part;
      continue;
    }
    if (TITLE_WORD.test(part) || /^VD(?![\p{L}])/u.test(part)) { out.title ??= part; continue; }
    if (v.geo.isPlace(part) || /^(?:Region|Landstinget)[ \t]/u.test(part) || /^\p{Lu}[\p{L}-]*(?:[ \t]+(?:kommun|stad))?$/u.test(part)) {
      if (!out.represents) { setPlace(out, part, v); continue; }
    }
    if (/^\p{Ll}/u.test(part) || /^\d/.test(part)) {
      out.title ??= part;
      continue;
    }
    if (!out.represents) setPlace(out, part, v);
    else out.title ??= part;
  }
  out.positions = [...new Set(out.positions)];
  out.note = notes.length ? notes.join("; ") : null;
  return out;
}

/** "Birgitta du Rées och Nils Nilsson": the word joining two names is no lower-case party mark. */
const CONJUNCTION = /^(?:och|samt|el|eller)$/u;

const normaliseItems = (s: string) => s.replace(/[ \t]*[-–][ \t]*/g, "-").replace(/[ \t]*(?:,|och)[ \t]*/g, ", ").trim();
const ROLL_CALL = /^[ \t]+(\p{Lu}{1,4}|\p{Lu}\p{Ll}?\p{Lu})(?:[ \t]+(1|x|X|-|–|0|J|N|Ja|Nej))?(?=[ \t]|$)/u;
const NOT_ITEMS = /(?:deltar|närvarar|deltog)[ \t]+(?:ej|inte)[ \t]+(?:i[ \t]+)?(?:§§?|paragraf(?:erna)?|ärende(?:na)?|punkt)?[ \t]*(\d{1,4}(?:[ \t]*[-–][ \t]*\d{1,4})?(?:[ \t]*(?:,|och)[ \t]*\d{1,4}(?:[ \t]*[-–][ \t]*\d{1,4})?)*)|(?<![\p{L}])ej[ \t]+(?:§§?[ \t]*)?(\d{1,3}(?:[ \t]*[-–][ \t]*\d{1,3})?)(?![\d:.])/iu;
/** Absence written after a name; not before items ("ej närvarande § 5" is partial attendance, read as items). */
const ABSENCE_NOTE = /(?<![\p{L}])(?:(?:anmält|meddelat)[ \t]+(?:förhinder|frånvaro)|förhindrad|ej[ \t]+närvarande)(?![\p{L}])(?![ \t]*(?:i[ \t]+)?(?:§|\d|paragraf|punkt|ärende))/iu;
const NAME_MARKS_ONLY = /^[\s,;:–-]*(?:\([^()]{1,20}\)[\s,;:–-]*)?$/u;
/** Arrival and leaving times beside a name ("8:15-11:"): kept as a note. */
const CLOCK_RANGE = /\d{1,2}:\d{2}[ \t]*[-–][ \t]*(?:\d{1,2}:?\d{0,2})?/gu;

/** "mötessekreterare", "nämndsekreterare": a role that is also the person's job. */
function isJobTitle(s: string): boolean {
  return /^\p{L}*sekreterare$/iu.test(s.trim());
}

function roleWithin(s: string, v: EntryVocabulary): Position | null {
  const words = s.toLowerCase().split(/\s+/);
  for (const w of words) {
    if (/sekreterare$/.test(w)) return "secretary";
  }
  return v.roleOf(s);
}

function setPlace(out: EntryAttributes, s: string, v: EntryVocabulary) {
  out.represents = s;
  const place = v.geo.lookup(s);
  out.representsCode = place?.code ?? null;
}

/** The patterns readAttributes asks only of a rest holding an ASCII digit: none of them matches without one. */
export const DIGIT_PATTERNS: readonly RegExp[] = [NOT_ITEMS, CLOCK_RANGE, UNTIL, ITEMS, TRAILING_ITEMS, CLOCK];
