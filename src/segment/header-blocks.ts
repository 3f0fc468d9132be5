import type { Lexicon } from "../lexicon/load.js";
import { anyOf, capitalisedAnyOf, cueOf, isUpper } from "../text/unicode.js";
import type { Range } from "../types.js";
import { lowerBound } from "../text/sorted.js";
import { compoundWords } from "../text/compound.js";
import { scanAll, scanner } from "../text/scan.js";
import { perLexicon } from "../extract/per-lexicon.js";

/** A record's front matter box: place, time, attendance, signatures. */
export interface HeaderBlock extends Range {
  labels: Set<string>;
  /** The kind word heading it (PROTOKOLL, MINNESANTECKNINGAR …), if any. */
  kind: string | null;
}

interface Hit extends Range {
  label: string | null;
  kind: string | null;
}

function compile(lex: Lexicon) {
  const labels = lex.entries("header-labels");
  const labelOf = new Map<string, string>();
  for (const e of labels) for (const f of e.forms) labelOf.set(f.toLowerCase(), String(e.value));
  const kinds = lex.entries("meeting-kinds");
  const kindOf = new Map<string, string>();
  for (const e of kinds) for (const f of e.forms) kindOf.set(f.toLowerCase(), String(e.value));
  return {
    labelOf,
    kindOf,
    // Labels count only when capitalised (checked below too): see capitalisedAnyOf.
    label: new RegExp(`(?<=^|[\\t ]|\\n)(${capitalisedAnyOf([...labelOf.keys()])})(?![\\p{L}])`, "gu"),
    // A kind word written as a title: at a line start, or in capitals.
    kind: new RegExp(`(?:${anyOf([...kindOf.keys()])})(?![\\p{L}])`, "giu"),
    // What every kind word contains: the text is searched from cue to cue (text/compound).
    kindCue: new RegExp(cueOf([...kindOf.keys()], "iu").source, "giu"),
  };
}
// Built once per lexicon instance: a caller's own vocabulary gets its own patterns.
const compiled = perLexicon(compile);

const CLUSTER_GAP = 300;
/** What follows a label: a colon, a tab, a line end or a capitalised value, never running text. */
export const LABEL_END = /^(?:[ \t]*(?::|\t|\n|$)|[ \t]+[\p{Lu}\d(]|[ \t]{2})/u;

function kindValue(word: string, kindOf: Map<string, string>): string | null {
  const w = word.toLowerCase().replace(/\s+/g, " ");
  if (kindOf.has(w)) return kindOf.get(w)!;
  // Compounds end in the kind word: Sammanträdesprotokoll, Direktionsprotokoll.
  for (const [form, value] of kindOf) if (!form.includes(" ") && w.endsWith(form) && form.length >= 7) return value;
  return null;
}

/**
 * Front-matter boxes anywhere in the text, in order. `breaks` are offsets of item headers
 * at line starts: a box never spans one (a short notice's header and an attached record's).
 */
export function findHeaderBlocks(text: string, lex: Lexicon, breaks: readonly number[] = []): HeaderBlock[] {
  const { label, kind, kindCue, labelOf, kindOf } = compiled(lex);
  const hits: Hit[] = [];
  for (const m of scanAll(scanner(label), text)) {
    if (!isUpper(m[1]![0])) continue;
    // A label is followed by a colon, a tab, a line end or a capitalised value, never by running text.
    if (!LABEL_END.test(text.slice(m.index + m[1]!.length, m.index + m[1]!.length + 3))) continue;
    hits.push({ start: m.index, end: m.index + m[1]!.length, label: labelOf.get(m[1]!.toLowerCase().replace(/\s+/g, " ")) ?? null, kind: null });
  }
  for (const m of compoundWords(text, kind, 20, 0, text.length, kindCue)) {
    const word = m.prefix + m.form;
    const lineStart = m.index === 0 || /\n[ \t]*$/.test(text.slice(Math.max(0, m.index - 20), m.index));
    const caps = word === word.toUpperCase() && word.length >= 6;
    if (!caps && !(lineStart && isUpper(word[0]))) continue;
    const value = kindValue(word, kindOf);
    if (value) hits.push({ start: m.index, end: m.index + word.length, label: null, kind: value });
  }
  hits.sort((a, b) => a.start - b.start);
  const blocks: HeaderBlock[] = [];
  let cur: Hit[] = [];
  const flush = () => {
    if (cur.length === 0) return;
    const labels = new Set(cur.map((h) => h.label).filter((l): l is string => !!l));
    const k = cur.find((h) => h.kind)?.kind ?? null;
    if (labels.size >= 2 || (k && labels.size >= 1)) {
      blocks.push({ start: cur[0]!.start, end: cur[cur.length - 1]!.end, labels, kind: k });
    }
    cur = [];
  };
  for (const h of hits) {
    const last = cur[cur.length - 1];
    // A kind word at a line start opens a new box even right after another one.
    const opens = h.kind !== null && /(?:^|\n)[ \t]*(?:\d{1,4}[ \t]+)?$/u.test(text.slice(Math.max(0, h.start - 12), h.start));
    const bi = last ? lowerBound(breaks, last.end + 1, (b) => b) : 0;
    const itemBetween = !!last && bi < breaks.length && breaks[bi]! < h.start;
    if (last && (h.start - last.end > CLUSTER_GAP || itemBetween || (opens && cur.some((c) => c.label)))) flush();
    cur.push(h);
  }
  flush();
  return blocks;
}
