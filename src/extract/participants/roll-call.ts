import type { Range } from "../../types.js";
import type { NameVocabulary } from "./names.js";
import { scanAll, scanner } from "../../text/scan.js";
import { classesOf, isBlank, UPPER_BIT } from "../../text/unicode.js";

/** One row of a flattened "Ledamot | Parti | Tjänstgörande ersättare" table. */
export interface PartyRow {
  /** The member, turned to first name first ("Andersson Jens" → "Jens Andersson"). */
  member: Range & { name: string };
  party: string;
  /** The serving substitute written in the row before the next member ("Niklas Lauden"), if any. */
  substitute: (Range & { name: string }) | null;
}

interface Word extends Range {
  word: string;
}

const WORD = /\S+/gu;
const NAME_WORD = /^\p{Lu}[\p{Ll}’']*\p{Ll}(?:-\p{Lu}[\p{Ll}’']*\p{Ll})?$|^\p{Lu}\.?$/u;
/** Rows needed before a run counts as a table and not a sentence naming parties. */
const MIN_ROWS = 4;

/**
 * A roll call flattened to one run, each row "Surname Firstname PARTY [Substitute Name]"
 * ("Andersson Jens SD Niklas Lauden Bagan Thord S Berger Dan S …"): the party codes close the
 * rows, and a run between two codes is the previous row's substitute (first name first) and the
 * next member (surname first). Null when the run is not shaped so: most stretches between codes
 * must end in a known first name.
 */
export function partyDelimitedRows(text: string, seg: Range, nv: NameVocabulary, isKnownParty: (t: string) => boolean): PartyRow[] | null {
  const s = text.slice(seg.start, seg.end);
  // Each row is closed by a party code: without MIN_ROWS codes no run is a table (most segments, a
  // line of prose, have none; splitting each into words first was 1 % of parsing).
  if (!hasCodes(s, isKnownParty, MIN_ROWS)) return null;
  const words: Word[] = [...s.matchAll(WORD)].map((m) => ({ word: m[0], start: seg.start + m.index, end: seg.start + m.index + m[0].length }));
  const isCode = (w: string) => /^\p{Lu}{1,3}$/u.test(w) && isKnownParty(w);
  const stretches: Array<{ words: Word[]; party: string }> = [];
  let chunk: Word[] = [];
  for (const w of words) {
    if (/^\d{1,3}$/u.test(w.word)) continue; // a page number where the table goes on
    if (!isCode(w.word)) { chunk.push(w); continue; }
    stretches.push({ words: chunk, party: w.word });
    chunk = [];
  }
  // Most rows must end in a known first name before the shape is trusted; then a row whose first
  // name the vocabulary lacks ("Dayib Qalinle") is read the same way.
  const strict = stretches.filter((x) => splitStretch(x.words, nv, true)).length;
  if (strict < MIN_ROWS || strict * 2 < stretches.length) return null;
  const rows: PartyRow[] = [];
  let pending: PartyRow | null = null;
  for (const x of stretches) {
    const split = splitStretch(x.words, nv, false);
    if (!split) { pending = null; continue; }
    if (pending && split.substitute) pending.substitute = split.substitute;
    const row: PartyRow = { member: split.member, party: x.party, substitute: null };
    rows.push(row);
    pending = row;
  }
  // What follows the last code is that row's substitute ("… Larsson Anna-Kerstin L Sonny Modig").
  if (pending && chunk.length === 2 && chunk.every((w) => NAME_WORD.test(w.word)) && nv.isFirstName(chunk[0]!.word)) pending.substitute = nameOf(chunk);
  return rows;
}

/**
 * Whether s holds at least n words that isCode takes for party codes: words of one to three capitals,
 * whole between blanks (what /(?<!\S)\p{Lu}{1,3}(?!\S)/gu finds). By hand, word by word: the regex
 * tried every capital of every segment asked (most of them prose or list lines), and \p{Lu} on the
 * mostly two-byte texts is slow to test.
 */
export function hasCodes(s: string, isKnownParty: (t: string) => boolean, n: number): boolean {
  let found = 0;
  let i = 0;
  while (i < s.length) {
    if (isBlank(s.charCodeAt(i))) { i++; continue; }
    // A word: its code points up to the next blank; it is code-shaped while its first ones are capitals.
    const start = i;
    let points = 0;
    let capitals = true;
    while (i < s.length) {
      const c = s.charCodeAt(i);
      if (isBlank(c)) break;
      if (capitals && points < 3) {
        const cp = s.codePointAt(i)!;
        if (!(classesOf(cp) & UPPER_BIT)) capitals = false;
        i += cp > 0xffff ? 2 : 1;
      } else {
        capitals = false;
        i += 1;
      }
      points++;
    }
    if (capitals && isKnownParty(s.slice(start, i)) && ++found >= n) return true;
  }
  return false;
}

/**
 * "Niklas Lauden Bagan Thord" → substitute "Niklas Lauden", member "Thord Bagan"; "Dellios Vukic Ellena" →
 * member only. `known`: the member's first name must be in the vocabulary.
 */
function splitStretch(chunk: Word[], nv: NameVocabulary, known: boolean): { member: Range & { name: string }; substitute: (Range & { name: string }) | null } | null {
  if (chunk.length < 2 || chunk.length > 5 || !chunk.every((w) => NAME_WORD.test(w.word))) return null;
  const last = chunk[chunk.length - 1]!;
  if (known && !nv.isFirstName(last.word)) return null;
  const subLength = chunk.length >= 4 ? (chunk.length === 5 && nv.isFirstName(chunk[1]!.word) ? 3 : 2) : 0;
  if (subLength && known && !nv.isFirstName(chunk[0]!.word)) return null;
  const surname = chunk.slice(subLength, -1);
  if (!surname.length || surname.length > 2) return null;
  const member = { start: surname[0]!.start, end: last.end, name: [last.word, ...surname.map((w) => w.word)].join(" ") };
  return { member, substitute: subLength ? nameOf(chunk.slice(0, subLength)) : null };
}

const nameOf = (ws: Word[]) => ({ start: ws[0]!.start, end: ws[ws.length - 1]!.end, name: ws.map((w) => w.word).join(" ") });

/** One row of a flattened närvaro- och voteringslista: "S Kristina Zakrisson I", "KIP Margareta Haapalahti I justerare". */
export interface MarkedRow {
  name: Range & { name: string };
  party: string;
  present: boolean;
  /** A lowercase role word in the row ("justerare"). */
  role: string | null;
}

const NAME_PART = String.raw`\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?`;
/** Party code, two or three name words (four are two people), maybe a role word, then the presence mark (I, X, 1 present; -, 0 absent). */
const MARKED_ROW = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(\p{Lu}{1,4})[ \t]+(${NAME_PART}(?:[ \t]+${NAME_PART}){1,2})((?:[ \t]+\p{Ll}+)?)[ \t]+(I|X|x|1|-|–|0)(?=[ \t]|$)`,
  "gu",
);

/** A presence mark as MARKED_ROW's row ends in it: a blank, the mark, then a blank or the end. */
const MARK = /[ \t](?:I|X|x|1|-|–|0)(?=[ \t]|$)/gu;

/** Whether s holds at least n presence marks shaped as MARK (rows never share one: their matches do not overlap). */
function hasMarks(s: string, n: number): boolean {
  MARK.lastIndex = 0;
  let found = 0;
  while (MARK.exec(s) !== null) if (++found >= n) return true;
  return false;
}

/**
 * A närvaro- och voteringslista flattened to one run, each row "PARTY Name Surname MARK": the party
 * code opens the row and a presence mark closes it. Null unless several rows stand so in the run and
 * cover most of it (a sentence naming a party and a person is no list).
 */
export function markedRows(text: string, seg: Range): MarkedRow[] | null {
  const s = text.slice(seg.start, seg.end);
  // Every row ends in its own mark, a blank before it and a blank or the end after it: with fewer
  // such marks than MIN_ROWS there are fewer rows (most segments asked hold none).
  if (!hasMarks(s, MIN_ROWS)) return null;
  const rows: MarkedRow[] = [];
  let covered = 0;
  // Through its scanner: matchAll cloned the long pattern at every one of the many segments asked.
  for (const m of scanAll(scanner(MARKED_ROW), s)) {
    const nameAt = seg.start + m.index + m[0].indexOf(m[2]!, m[1]!.length);
    // (A role word after the mark stands in another column: it is not this row's.)
    const role = m[3]!.trim() || null;
    rows.push({ name: { start: nameAt, end: nameAt + m[2]!.length, name: m[2]!.replace(/[ \t]+/gu, " ") }, party: m[1]!, present: /^[IXx1]$/u.test(m[4]!), role });
    covered += m[0].length;
  }
  if (rows.length < MIN_ROWS || covered * 2 < s.trim().length) return null;
  return rows;
}
