/**
 * Fonts whose ToUnicode map names the wrong character for some glyphs (MS Word exports of subset
 * fonts): "protokojjet" (the l glyph mapped to "j"), "förgdrggnnngslnsagn" (e, a, i, t shifted),
 * "tll" (the "ti" ligature mapped to its first letter only). pdf.js and poppler both trust the map.
 *
 * The font's own data shows which entries are wrong: every glyph has an advance width, and a
 * document sets the same typeface (the base name without its subset tag, "Calibri") in many subset
 * fonts, most of them mapped correctly. A glyph whose width disagrees with the width the typeface
 * gives its mapped character everywhere else is not that character ("j" at 229 where every other
 * "j" of Calibri is 239; "t" at 557 where "t" is 334 — the "ti" ligature). Its candidates are the
 * characters (or the mapped letter plus one more, for a ligature) whose widths in the same typeface
 * match, and among them the one that turns the most of its words into words the document spells
 * with sound glyphs wins. A glyph whose width agrees is never touched; nothing changes unless the
 * document's own words confirm it.
 */

import { hasLetterRun } from "../../text/unicode.js";
import { looksSpaceless } from "./lost-spaces.js";

export interface Glyph {
  code: number;
  unicode: string;
  width: number;
}

/** A text-showing operation: the glyphs shown with one font. */
export interface GlyphRun {
  font: string;
  /** The font's name ("BAAAAA+Calibri-Bold"). */
  name: string;
  glyphs: Glyph[];
}

/** A page: its text items (as the text layer reads them) and its glyph runs, both in content order. */
export interface PageGlyphs {
  items: Array<{ str: string; font: string }>;
  runs: GlyphRun[];
}

export interface GlyphMapRepair {
  /** Per page, the repaired strings of its items, or null when nothing on the page changed. */
  strs: Array<string[] | null>;
  /** Pages (1-based) with repaired text. */
  pages: number[];
  /** "font code: mapped → repaired", for the report. */
  changes: string[];
}

/** Lower-case words of three letters or more without a vowel ("tll", "fnns", "protokojjjusterare" has vowels): rare in Swedish text. */
const VOWELLESS = /(?<![\p{L}./@])[b-df-hj-np-tv-xz]{3,}(?![\p{L}.:/@])/gu;
/** How many such words (not parts of addresses: "www.", "https:") a document needs before its glyphs are examined. */
const VOWELLESS_SEEN = 4;
/**
 * …in how many different forms: a wrong map garbles many words ("tll", "fnns", "tjj", "frsn": 4 to
 * 25 forms in the broken wild PDFs), while an abbreviation repeats one form ("tjg" for tjänstgörande
 * in 30 of the real and wild openings, "pkt", "dvs"), which alone is no sign.
 */
const VOWELLESS_FORMS = 3;

/** Letters without a space this long: longer than most Swedish compounds. */
const LETTER_RUN = 25;
/**
 * How many different lines must look space-less: a lost space glyph shows on every line set in its
 * font (46 and 92 lines in the broken wild PDFs), while a line holding one long compound
 * ("Kommunstyrelseförvaltningen, Henån", "4.5. Momsredovisningsskyldighet") comes one to three times.
 */
const SPACELESS_LINES = 4;

/**
 * Whether a document's text shows the signs of glyphs mapped to the wrong letters: words with no
 * vowel in several forms ("tll", "fnns": a ligature read as its first letter), or lines that lost
 * their spaces (a space glyph read as a letter). Only then are its glyphs read and checked (a
 * second pass over its pages, which reads the whole PDF again when poppler read it first).
 */
export function mayHaveWrongGlyphs(strs: string[]): boolean {
  let n = 0;
  const forms = new Set<string>();
  const spaceless = new Set<string>();
  for (const s of strs) {
    // The engine's own scan, not a scanner: without the look-behind the rest would be retried at
    // every letter of a long consonant run (quadratic on a line that lost its spaces).
    const words = s.match(VOWELLESS);
    if (words) {
      n += words.length;
      for (const w of words) forms.add(w);
      if (n >= VOWELLESS_SEEN && forms.size >= VOWELLESS_FORMS) return true;
    }
    if (hasLetterRun(s, LETTER_RUN) && looksSpaceless(s)) spaceless.add(s);
    if (spaceless.size >= SPACELESS_LINES) return true;
  }
  return false;
}

/** The typeface of a font: its name without the subset tag. */
export function typeface(name: string): string {
  return name.replace(/^[A-Z]{6}\+/u, "");
}

/** A width another width stands for (rounding). */
function near(a: number, b: number, rel: number): boolean {
  return Math.abs(a - b) <= Math.max(2, b * rel);
}

/** One glyph of one typeface has one width: only rounding separates two readings of it. */
const SINGLE_TOLERANCE = 0;
/** A ligature is narrower than its letters side by side (the kerning inside it). */
const LIGATURE_TOLERANCE = 0.1;
/** How many fonts must give a character its usual width before a disagreeing glyph is suspect. */
const MIN_FONTS = 3;
const WORD = /[\p{L}]+/gu;
const SHORT_WORD_SEEN = 3;
const ROUNDS = 3;
/** Readings tried for one run of letters (its suspect glyphs' candidates multiplied). */
const MAX_READINGS = 4096;

type Unit = string | { key: string; unicode: string };

interface FontInfo {
  face: string;
  codes: Map<number, { unicode: string; width: number }>;
}

/** Per typeface and character, the widths it is drawn with and in how many fonts. */
function referenceWidths(fonts: Map<string, FontInfo>): Map<string, Map<string, Map<number, number>>> {
  const ref = new Map<string, Map<string, Map<number, number>>>();
  for (const f of fonts.values()) {
    const byChar = ref.get(f.face) ?? new Map<string, Map<number, number>>();
    ref.set(f.face, byChar);
    for (const g of f.codes.values()) {
      if ([...g.unicode].length !== 1) continue;
      const w = Math.round(g.width);
      const m = byChar.get(g.unicode) ?? new Map<number, number>();
      m.set(w, (m.get(w) ?? 0) + 1);
      byChar.set(g.unicode, m);
    }
  }
  return ref;
}

/** The width most fonts give a character, when enough of them agree. */
function usualWidth(widths: Map<number, number> | undefined): { width: number; fonts: number } | null {
  if (!widths) return null;
  let best: { width: number; fonts: number } | null = null;
  for (const [width, fonts] of widths) if (!best || fonts > best.fonts) best = { width, fonts };
  return best && best.fonts >= MIN_FONTS ? best : null;
}

/** Aligns a page's items with its glyphs: each item's characters become glyph units (or literal characters the text layer added). */
function align(page: PageGlyphs): Unit[][] | null {
  const queues = new Map<string, Glyph[]>();
  for (const r of page.runs) {
    const q = queues.get(r.font) ?? [];
    queues.set(r.font, q);
    for (const g of r.glyphs) if (g.unicode !== "") q.push(g);
  }
  const at = new Map<string, number>();
  const out: Unit[][] = [];
  for (const it of page.items) {
    const q = queues.get(it.font) ?? [];
    let i = at.get(it.font) ?? 0;
    const units: Unit[] = [];
    let p = 0;
    while (p < it.str.length) {
      const g = q[i];
      if (g && it.str.startsWith(g.unicode, p)) {
        units.push({ key: `${it.font}\u0000${g.code}`, unicode: g.unicode });
        p += g.unicode.length;
        i++;
      } else if (g && g.unicode.trim() === "") {
        // The text layer drops space glyphs (and puts its own spaces where the gaps are).
        i++;
      } else if (/\s/u.test(it.str[p]!)) {
        units.push(it.str[p]!);
        p++;
      } else {
        return null;
      }
    }
    at.set(it.font, i);
    out.push(units);
  }
  return out;
}

/** The runs of a line that may be one word: letters, and suspect glyphs (which may stand for a space). */
function letterRuns(units: Unit[], candidates: Map<string, string[]>): Unit[][] {
  const runs: Unit[][] = [];
  let cur: Unit[] = [];
  for (const u of units) {
    const inRun = typeof u === "string" ? /\p{L}/u.test(u) : candidates.has(u.key) || /\p{L}/u.test(u.unicode);
    if (inRun) cur.push(u);
    else if (cur.length > 0) {
      runs.push(cur);
      cur = [];
    }
  }
  if (cur.length > 0) runs.push(cur);
  return runs;
}

function decode(units: Unit[], map: Map<string, string>): string {
  let s = "";
  for (const u of units) s += typeof u === "string" ? u : (map.get(u.key) ?? u.unicode);
  return s;
}

function knownLetters(text: string, words: Map<string, number>): number {
  let n = 0;
  for (const m of text.matchAll(WORD)) {
    const w = m[0].toLowerCase();
    const seen = words.get(w) ?? 0;
    if (seen >= (w.length <= 3 ? SHORT_WORD_SEEN : 1)) n += w.length;
  }
  return n;
}

export function repairGlyphMaps(pages: PageGlyphs[]): GlyphMapRepair {
  const none: GlyphMapRepair = { strs: pages.map(() => null), pages: [], changes: [] };
  const fonts = new Map<string, FontInfo>();
  for (const page of pages) {
    for (const r of page.runs) {
      const f = fonts.get(r.font) ?? { face: typeface(r.name), codes: new Map() };
      fonts.set(r.font, f);
      for (const g of r.glyphs) if (!f.codes.has(g.code) && g.unicode !== "") f.codes.set(g.code, { unicode: g.unicode, width: g.width });
    }
  }
  const ref = referenceWidths(fonts);
  const widthOf = (face: string, ch: string) => usualWidth(ref.get(face)?.get(ch))?.width ?? null;

  // Suspect glyphs and their candidates.
  const candidates = new Map<string, string[]>();
  for (const [font, f] of fonts) {
    const byChar = ref.get(f.face)!;
    for (const [code, g] of f.codes) {
      if ([...g.unicode].length !== 1 || !/[\p{L} ]/u.test(g.unicode)) continue;
      const w = Math.round(g.width);
      const usual = usualWidth(byChar.get(g.unicode));
      if (!usual || near(w, usual.width, SINGLE_TOLERANCE)) continue;
      // Fewer fonts draw the letter this wide than at its usual width (a ligature may be nearly as common).
      if (usual.fonts <= (byChar.get(g.unicode)!.get(w) ?? 0)) continue;
      const cands: string[] = [];
      for (const ch of byChar.keys()) {
        if (!/[\p{L} ]/u.test(ch)) continue;
        const cw = widthOf(f.face, ch);
        if (cw !== null && near(w, cw, SINGLE_TOLERANCE)) cands.push(ch);
        // A ligature read as its first letter: the letter and the one after it.
        if (/\p{L}/u.test(ch) && /\p{L}/u.test(g.unicode) && cw !== null && near(w, usual.width + cw, LIGATURE_TOLERANCE)) cands.push(g.unicode + ch);
      }
      const distance = (c: string) => Math.abs(w - [...c].reduce((sum, ch) => sum + (widthOf(f.face, ch) ?? 0), 0));
      if (cands.length > 0) candidates.set(`${font}\u0000${code}`, cands.sort((a, b) => distance(a) - distance(b)));
    }
  }
  if (candidates.size === 0) return none;

  const aligned = pages.map(align);
  // The document's dictionary: words made only of glyphs that are not suspect.
  const words = new Map<string, number>();
  const contexts = new Map<string, Unit[][]>();
  for (const units of aligned.flat()) {
    if (!units) continue;
    const suspects = units.filter((u): u is { key: string; unicode: string } => typeof u !== "string" && candidates.has(u.key));
    if (suspects.length === 0) {
      for (const m of decode(units, new Map()).matchAll(WORD)) words.set(m[0].toLowerCase(), (words.get(m[0].toLowerCase()) ?? 0) + 1);
      continue;
    }
    for (const key of new Set(suspects.map((s) => s.key))) {
      const c = contexts.get(key) ?? [];
      c.push(units);
      contexts.set(key, c);
    }
  }
  // The words of each suspect glyph's contexts read with the sound glyphs only count as dictionary words too: none
  // (those contexts are exactly what is in doubt).

  // Votes: a run of letters with suspect glyphs in it ("förgdrggnnngslnsagn": four of them) votes for
  // every reading of its suspects that makes all of it words the document knows. Two wrong glyphs in
  // one word are only confirmed together, so they are read together here.
  const votes = new Map<string, Map<string, number>>();
  const seenRuns = new Set<string>();
  for (const units of aligned.flat()) {
    if (!units) continue;
    for (const run of letterRuns(units, candidates)) {
      const keys = [...new Set(run.filter((u): u is { key: string; unicode: string } => typeof u !== "string" && candidates.has(u.key)).map((u) => u.key))];
      const sig = run.map((u) => (typeof u === "string" ? u : u.key)).join("\u0001");
      if (keys.length === 0 || seenRuns.has(sig)) continue;
      seenRuns.add(sig);
      const options = keys.map((k) => [undefined, ...candidates.get(k)!]);
      if (options.reduce((n, o) => n * o.length, 1) > MAX_READINGS) continue;
      const trial = new Map<string, string>();
      const visit = (i: number): void => {
        if (i === keys.length) {
          const text = decode(run, trial);
          const letters = [...text.matchAll(WORD)].map((m) => m[0]);
          if (letters.length === 0 || knownLetters(text, words) < letters.join("").length) return;
          for (const k of keys) {
            const v = trial.get(k);
            if (v === undefined) continue;
            const m = votes.get(k) ?? new Map<string, number>();
            m.set(v, (m.get(v) ?? 0) + letters.join("").length);
            votes.set(k, m);
          }
          return;
        }
        for (const o of options[i]!) {
          if (o === undefined) trial.delete(keys[i]!);
          else trial.set(keys[i]!, o);
          visit(i + 1);
        }
        trial.delete(keys[i]!);
      };
      visit(0);
    }
  }
  const map = new Map<string, string>();
  for (const [key, m] of votes) {
    let best: [string, number] | null = null;
    for (const e of m) if (!best || e[1] > best[1]) best = e;
    if (best) map.set(key, best[0]);
  }
  const scoreOf = (key: string) => (contexts.get(key) ?? []).reduce((s, units) => s + knownLetters(decode(units, map), words), 0);
  const choose = (key: string, options: Array<string | undefined>) => {
    let best: { value: string | undefined; score: number } | null = null;
    for (const o of options) {
      if (o === undefined) map.delete(key);
      else map.set(key, o);
      const s = scoreOf(key);
      if (!best || s > best.score) best = { value: o, score: s };
    }
    if (best!.value === undefined) map.delete(key);
    else map.set(key, best!.value);
    return best!.value;
  };
  for (let round = 0; round < ROUNDS; round++) {
    let changed = false;
    for (const [key, cands] of candidates) {
      const before = map.get(key);
      // The mapped letter first: a candidate must do better than it, not as well.
      if (choose(key, [undefined, ...cands]) !== before) changed = true;
    }
    if (!changed) break;
  }
  if (map.size === 0) return none;

  const out: GlyphMapRepair = { strs: [], pages: [], changes: [] };
  for (const [key, value] of map) {
    const [font, code] = key.split("\u0000");
    const f = fonts.get(font!)!;
    out.changes.push(`${f.face} ${code}: ${JSON.stringify(f.codes.get(Number(code))!.unicode)} → ${JSON.stringify(value)}`);
  }
  aligned.forEach((units, i) => {
    const touched = units?.some((u) => u.some((x) => typeof x !== "string" && map.has(x.key)));
    if (!units || !touched) return out.strs.push(null);
    out.pages.push(i + 1);
    out.strs.push(units.map((u) => decode(u, map)));
  });
  return out;
}
