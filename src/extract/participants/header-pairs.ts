import type { Range } from "../../types.js";
import type { AttendanceLabel } from "./labels.js";
import { namesIn, type NameHit, type NameVocabulary } from "./names.js";

export interface PairedRun {
  label: AttendanceLabel;
  names: NameHit[];
}

/**
 * Names joined into one value: only a comma or "och" between them, maybe after a note in parentheses
 * ("Michael Hagström (kom 17:20), Anna Larsson"); "Anna Ek (S), ordförande Bo Berg" is two cells.
 */
const JOINED = /^[ \t]*(?:\([^()]{0,40}\)[ \t]*)?(?:,|och(?![\p{L}]))[ \t]*$/u;
/** Prose values of a flattened header (a place, "Se bifogade uppropslistor") end at a full stop. */
const SENTENCE_END = /\.[ \t]+(?=\p{Lu})/gu;

/**
 * A flattened header row "Plats Beslutande Närvarande ej tjänstgörande ersättare Utses att justera"
 * followed by its values in the same order ("Sessionssalen. Se bifogade uppropslistor Anna A, Bo B och
 * Nils N Lisa L och Tomas T"): the values are cut where a sentence ends or where two names meet with no
 * comma or "och" between, and paired with the labels by position. Null unless the count of values
 * equals the count of labels (a run of names in their own cells has no such cuts: not paired).
 */
export function pairHeaderValues(text: string, block: Range, cells: AttendanceLabel[], nv: NameVocabulary): PairedRun[] | null {
  if (cells.length < 2 || !cells.some((c) => c.type === "group" && c.group !== null)) return null;
  const names = namesIn(text, block, nv, true);
  if (!names.length) return null;
  const runs: NameHit[][] = [[names[0]!]];
  for (let i = 1; i < names.length; i++) {
    if (JOINED.test(text.slice(names[i - 1]!.end, names[i]!.start))) runs[runs.length - 1]!.push(names[i]!);
    else runs.push([names[i]!]);
  }
  const prose = text.slice(block.start, names[0]!.start).trim();
  const proseValues = prose ? prose.split(SENTENCE_END).filter((v) => /\p{L}/u.test(v)).length : 0;
  if (proseValues + runs.length !== cells.length) return null;
  return runs.map((r, i) => ({ label: cells[proseValues + i]!, names: r }));
}
