import type { Lexicon } from "../lexicon/load.js";
import { cuedLineFrom } from "../text/scan.js";
import { anyOf, squash } from "../text/unicode.js";
import { runningHeaderOf, type ExtractContext, type RecordView } from "./context.js";
import { perLexicon } from "./per-lexicon.js";

/** The organisation holding the meeting, how it was read, and whether it is a public authority. */
export interface Organisation {
  value: string;
  rule: string;
  /** A municipality, region or county council: its bodies are named without it ("Kommunstyrelsen"). */
  public: boolean;
  /** A meeting word of the title line ("Årsmöte Trollhättans Judoklubb"): the body when no other names it. */
  meetingWord: string | null;
}

interface Patterns {
  association: RegExp;
  generic: RegExp;
  meetingWord: RegExp;
}
const patterns = perLexicon((lex: Lexicon): Patterns => {
  const ends = anyOf(lex.forms("organisations", "ending"));
  const generic = anyOf(lex.forms("organisations", "generic-body"));
  return {
    // "Stenålderns samfällighet", "Trollhättans Judoklubb", "Datateknologsektionen", "Nora Fastigheter AB":
    // up to three capitalised words, then a word ending in an organisation word.
    association: new RegExp(`(?<![\\p{L}])((?:\\p{Lu}[\\p{L}-]*[ \\t]+){0,3}(?:\\p{Lu}[\\p{L}-]*)?${ends})(?![\\p{L}])`, "u"),
    generic: new RegExp(`^${generic}$`, "iu"),
    meetingWord: new RegExp(`(?<![\\p{L}])(${generic}|\\p{L}+möte)(?![\\p{L}])`, "iu"),
  };
});

const PUBLIC = /(?<![\p{L}])(\p{Lu}[\p{L}-]+(?:[ \t]+\p{Lu}[\p{L}-]+)?s?[ \t]+(?:kommun|stad|kommunalförbund)|Region[ \t]+\p{Lu}[\p{L}-]+(?:[ \t]+län)?|Landstinget[ \t]+(?:i[ \t]+)?\p{Lu}[\p{L}-]+|Samordningsförbundet[ \t]+\p{Lu}[\p{L}-]+)(?![\p{L}])/u;
/** A word every PUBLIC match holds (kommunalförbund holds kommun), as PUBLIC writes it (global, for cuedLineFrom). */
const PUBLIC_CUE = /kommun|stad|Region|Landstinget|Samordningsförbundet/gu;
const PUBLIC_CAPS = /(?<![\p{L}])(\p{Lu}{3,}[ \t]+KOMMUN)(?![\p{L}])/u;

/**
 * PUBLIC.exec(s), asked only of the lines that hold its cue. A match stays on its line (only blanks
 * and tabs between its words) and sees the same at a line's ends as in s (a line break or nothing,
 * neither a letter), so the first cued line that has a match holds the first match of s. PUBLIC's
 * capitals and look-behind were tried at every offset of every front range (68 ms over the bench
 * texts, the cue scan a few).
 */
export function firstPublic(s: string): RegExpExecArray | null {
  for (let at = 0; at < s.length; ) {
    const line = cuedLineFrom(PUBLIC_CUE, s, at);
    if (line < 0) return null;
    const nl = s.indexOf("\n", PUBLIC_CUE.lastIndex);
    const end = nl < 0 ? s.length : nl;
    const m = PUBLIC.exec(s.slice(line, end));
    if (m) return m;
    at = end + 1;
  }
  return null;
}

/** PUBLIC_CAPS.exec(s): every match holds "KOMMUN", looked for first (the pattern's capitals were tried at every offset). */
const firstPublicCaps = (s: string) => (s.includes("KOMMUN") ? PUBLIC_CAPS.exec(s) : null);

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const tidyPublic = (s: string) => {
  const t = squash(s);
  return t === t.toUpperCase() ? t.split(" ").map((w) => cap(w.toLowerCase())).join(" ").replace(/ Kommun$/u, " kommun") : t;
};

/** The first lines of the record (its title), at most three non-empty ones. */
function titleLines(ctx: ExtractContext, view: RecordView): string[] {
  const head = view.front[0] ?? view.chrome[0];
  if (!head) return [];
  return ctx.doc.text.slice(head.start, Math.min(head.end, head.start + 400)).split("\n").map((l) => squash(l)).filter(Boolean).slice(0, 3);
}

/**
 * The organisation: a municipality, region or county council named in the front matter
 * (`header/public-organisation`), else an association or company named on a title line
 * (`header/title-organisation`: "Stenålderns samfällighet", "Årsmöte Trollhättans Judoklubb").
 */
export function findOrganisation(ctx: ExtractContext, view: RecordView): Organisation | null {
  const { text } = ctx.doc;
  const p = patterns(ctx.lex);
  const lines = titleLines(ctx, view);
  const word = lines.map((l) => p.meetingWord.exec(l)?.[1]).find((w) => w !== undefined);
  const meetingWord = word ? cap(word.toLowerCase()) : null;
  // A flattened transcript's running header is furniture, and often the only line naming the kommun.
  const header = runningHeaderOf(ctx, view.rec);
  for (const r of [...view.front, ...(header ? [header] : []), ...view.chrome]) {
    const s = text.slice(r.start, Math.min(r.end, r.start + 2000));
    const m = firstPublic(s) ?? firstPublicCaps(s);
    if (m) return { value: tidyPublic(m[1]!), rule: "header/public-organisation", public: true, meetingWord };
  }
  // A record later in a document (an attached negotiation, the next meeting of a bundle) is held by
  // the organisation the document's own title names.
  const docLines = ctx.doc.text.slice(0, 400).split("\n").map((l) => squash(l)).filter(Boolean).slice(0, 3);
  for (const [line, rule] of [...lines.map((l) => [l, "header/title-organisation"] as const), ...docLines.map((l) => [l, "header/document-title-organisation"] as const)]) {
    // A title line is short and no sentence; the kind word and the meeting word are not part of the name.
    if (line.length > 80 || /[.!?]$/u.test(line)) continue;
    const m = p.association.exec(line);
    if (!m) continue;
    const name = m[1]!.split(/[ \t]+/u).filter((w) => !p.generic.test(w) && !/^(?:protokoll|kallelse|dagordning)$/iu.test(w) && !p.meetingWord.test(w)).join(" ");
    if (name.length >= 3) return { value: name, rule, public: false, meetingWord };
  }
  return null;
}

/** "Styrelsemöte" is a meeting of "Styrelsen": a meeting word whose first part is a generic body names that body. */
function boardOf(word: string | null, p: Patterns): string | null {
  const m = word ? /^(\p{L}+?)s?(?:möte|sammanträde)$/iu.exec(word) : null;
  if (m && p.generic.test(`${m[1]}n`)) return cap(`${m[1]!.toLowerCase()}n`);
  return word;
}

/**
 * "Styrelsen" alone names no one: the board of an association is named with the association
 * ("Styrelsen, Stenålderns samfällighet"), and a meeting with no body word by its title's meeting
 * word ("Årsmöte, Trollhättans Judoklubb"). Bodies of public authorities are named without them.
 */
export function qualifyBody(body: string | null, org: Organisation | null, lex: Lexicon): string | null {
  if (!org || org.public) return body;
  const p = patterns(lex);
  const base = body ?? boardOf(org.meetingWord, p);
  if (!base || (body && !p.generic.test(body))) return body;
  if (base.toLowerCase().includes(org.value.toLowerCase())) return base;
  return `${base}, ${org.value}`;
}
