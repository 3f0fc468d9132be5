import type { Lexicon } from "../lexicon/load.js";
import { keptScanner, scanAll } from "../text/scan.js";
import { anyOf, cueOf } from "../text/unicode.js";
import type { Range } from "../types.js";
import { inRanges } from "./lines.js";

export type SectionRole =
  | "summary" | "proposal" | "decision" | "position" | "basis" | "motions" | "procedure" | "vote" | "reservation";

export interface SectionSegment {
  heading: string;
  role: SectionRole;
  /** Offset of the heading. */
  start: number;
  /** Offset where the section's text begins. */
  textStart: number;
  end: number;
  /** Rule ids that found the heading (issue 15). */
  rules?: string[];
}

/** Headings too common in running text to be trusted in the middle of a flattened line. */
export const WEAK_MIDLINE = new Set(["Information", "Ärendet", "Bakgrund", "Föredragande", "Föredragare", "Handlingar", "Bilagor", "Exp", "Proposition", "Jäv", "Redogörelse", "Dagens sammanträde", "Beslutet", "Reservation"]);

/**
 * "⟨any body, office or name⟩s beslut:" / "…s förslag (till beslut):" alone at a line start, for bodies
 * the lexicon does not list ("Personalsektionens beslut:", "Stadsdirektör Martin Norrgårds förslag:",
 * "Folkhälsorådets beslut", "Samhällsbyggnadsutskottets förslag"): one to five capitalised or
 * lower-case words, the last a genitive in -s, then the heading word and a colon or the line end.
 */
const POSSESSIVE_HEADING =
  /(?<=^|\n)[ \t•*-]*((?:\p{Lu}[\p{L}.-]*[ \t]+){0,4}\p{L}[\p{L}-]*s[ \t]+(?:beslut|förslag(?:[ \t]+till[ \t]+beslut)?|ställningstagande))[ \t]*(?::[ \t]*|(?=\n|$))/gu;

/**
 * The same heading after an office and name written with lower-case or slashed words
 * ("Bildningsdirektör/t välfärdschef Teresia Tötermans förslag:", "Förvaltningschef/rektor Anna Holms
 * förslag:"): the colon is then required, since such a line could otherwise be running text.
 */
const OFFICE_POSSESSIVE_HEADING =
  /(?<=^|\n)[ \t•*-]*(\p{Lu}[\p{L}./-]*[ \t]+(?:\p{L}[\p{L}./-]*[ \t]+){0,3}\p{L}[\p{L}-]*s[ \t]+(?:beslut|förslag(?:[ \t]+till[ \t]+beslut)?|ställningstagande))[ \t]*:[ \t]*/gu;

/** The heading words both possessive patterns require: their lines hold one (neither crosses a line break). */
const POSSESSIVE_CUE = /beslut|förslag|ställningstagande/u;

function possessiveRole(heading: string): SectionRole {
  return /beslut$/u.test(heading) && !/förslag/u.test(heading) ? "decision" : /ställningstagande$/u.test(heading) ? "position" : "proposal";
}

function compile(lex: Lexicon) {
  const roleOf = new Map<string, SectionRole>();
  for (const e of lex.entries("section-headings")) {
    for (const f of e.forms) {
      roleOf.set(f, e.value as SectionRole);
      roleOf.set(f.toUpperCase(), e.value as SectionRole);
    }
  }
  const forms = anyOf([...roleOf.keys()]);
  return {
    roleOf,
    // What every heading's line holds, to skip the lines without one (text/scan keptScanner's cue).
    lineStartCue: cueOf([...roleOf.keys()], "u"),
    // At a line start: alone on the line, or run in after a colon ("Beslut: Styrgruppen …").
    lineStart: new RegExp(`(?<=^|\\n)[ \\t•*-]*(${forms})[ \\t]*(?::[ \\t]*|(?=\\n|$))`, "gu"),
    bold: new RegExp(`\\*\\*(${forms})[ \\t]*:?\\*\\*`, "gu"),
    // Inside a flattened page line: "… Vid protokollet Beslut Regionstyrelsen föreslår …".
    midLine: new RegExp(`(?<=[^\\n][ \\t])(${forms})(?::|(?=[ \\t]+[\\p{Lu}\\d"”•]))`, "gu"),
    possessive: POSSESSIVE_HEADING,
    officePossessive: OFFICE_POSSESSIVE_HEADING,
  };
}
const compiledFor = new WeakMap<Lexicon, ReturnType<typeof compile>>();
/** The headings of one lexicon, compiled once per lexicon instance. */
function compiledOf(lex: Lexicon): ReturnType<typeof compile> {
  let c = compiledFor.get(lex);
  if (!c) compiledFor.set(lex, (c = compile(lex)));
  return c;
}

function isPossessive(heading: string): boolean {
  return /s[ \t]+(?:beslut|förslag(?:[ \t]+till[ \t]+beslut)?|ställningstagande)$/u.test(heading);
}

export function roleOfHeading(lex: Lexicon, heading: string): SectionRole | null {
  return compiledOf(lex).roleOf.get(heading) ?? null;
}

/** Section headings inside one item's body, in order, each running to the next. */
export function findSections(text: string, body: Range, lex: Lexicon, skip: Range[], flat: boolean): SectionSegment[] {
  const compiled = compiledOf(lex);
  const { roleOf, lineStart, bold, midLine } = compiled;
  const s = text.slice(body.start, body.end);
  const found: Array<{ heading: string; start: number; textStart: number; rule: string }> = [];
  const add = (m: RegExpMatchArray, heading: string, rule: string) => {
    const start = body.start + m.index! + m[0].indexOf(heading.startsWith("**") ? heading : heading);
    if (inRanges(skip, start)) return;
    found.push({ heading, start, textStart: body.start + m.index! + m[0].length, rule });
  };
  for (const m of scanAll(keptScanner(lineStart, compiled.lineStartCue), s)) add(m, m[1]!, "section/line-start-heading");
  for (const m of scanAll(keptScanner(compiled.possessive, POSSESSIVE_CUE), s)) if (!roleOf.has(m[1]!) && /^\p{Lu}/u.test(m[1]!)) add(m, m[1]!, "section/possessive-heading");
  for (const m of scanAll(keptScanner(compiled.officePossessive, POSSESSIVE_CUE), s)) if (!roleOf.has(m[1]!)) add(m, m[1]!, "section/possessive-heading");
  if (s.includes("**")) for (const m of scanAll(keptScanner(bold), s)) add(m, m[1]!, "section/bold-heading");
  if (flat) for (const m of scanAll(keptScanner(midLine), s)) if (!WEAK_MIDLINE.has(m[1]!)) add(m, m[1]!, "section/mid-line-heading");
  found.sort((a, b) => a.start - b.start);
  const dedup = found.filter((f, i) => i === 0 || f.start >= found[i - 1]!.textStart);
  return dedup.map((f, i) => ({
    heading: f.heading.replace(/\s+/g, " "),
    role: roleOf.get(f.heading) ?? (isPossessive(f.heading) ? possessiveRole(f.heading) : "summary"),
    start: f.start,
    textStart: f.textStart,
    end: dedup[i + 1]?.start ?? body.end,
    rules: [f.rule],
  }));
}
