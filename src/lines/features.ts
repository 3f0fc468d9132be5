import { countAll, testAnywhere } from "../text/scan.js";
import { classesOf, isAsciiDigit, isBlank, LETTER_BIT, LOWER_BIT, UPPER_BIT } from "../text/unicode.js";
import type { LineRecord } from "./record.js";
import type { LineVocabulary } from "./vocabulary.js";

/** What one line looks like, computed once: shape, layout and vocabulary hits. */
export interface LineFeatures {
  blank: boolean;
  length: number;
  words: number;
  /** Share of letters in capitals. */
  caps: number;
  startsCapital: boolean;
  endsColon: boolean;
  /** Ends in sentence punctuation. */
  endsSentence: boolean;
  /** "§ 12", "12 §", "KS § 12", "Ks 51 Title". */
  paragraphStart: boolean;
  /** "12. Title", "3) Title", "Punkt 5". */
  numberStart: boolean;
  bulletStart: boolean;
  flat: boolean;
  /** Dot leaders or a page number after a title: a contents row. */
  dotLeader: boolean;
  trailingPage: boolean;
  /** A page mark: "Sida 3 av 12", "3 (12)", a lone number. */
  pageMark: boolean;
  /** "Bilaga 1", "Bilagor", "Bilaga 3–12". */
  attachmentCue: boolean;
  /** "Innehållsförteckning", "Innehåll", "Ärendeförteckning". */
  tocCue: boolean;
  /** "Justerare", "Underskrifter", "Vid protokollet", "Ordförande" alone, signature lines. */
  signatureCue: boolean;
  /** The header label kind at the line start, if any. */
  labelKind: string | null;
  /** A label followed by its value on the same line. */
  labelValue: boolean;
  /** A short capitalised phrase ending in a colon or a tab: a label by shape, known word or not. */
  labelShape: boolean;
  /** One to three words, capitalised, a colon, then a value: "Mötesledare: Karin Ek". */
  colonLabel: boolean;
  groupHeading: boolean;
  /** A first name right after a leading number or §: "§ 42 Anna Berg", a note, not a title. */
  nameAfterNumber: boolean;
  roles: number;
  kindWord: boolean;
  sectionHeading: boolean;
  firstNames: number;
  parties: number;
  dates: number;
  /** "kl. 18.00–20.30", "Tid 13.15": a time of day. */
  timeValue: boolean;
  headingDepth: number | null;
  listItem: boolean;
  boldRunIn: boolean;
  gapBefore: boolean | null;
  /** Font size against the document's usual size (1 = body text), null without layout. */
  sizeRatio: number | null;
}

/**
 * Features no line keeps: a rule asks for one only once its other conditions hold on the line
 * (rules.ts tests them last). Each scans the whole line for few lines' sake: the web chrome words,
 * read by one rule for short lines only, were an eighth of computing a line's features.
 */
export interface LineQuestions {
  web(): boolean;
}

/** The names of LineQuestions, for the rules (which may name them as features). */
export const QUESTION_NAMES: ReadonlyArray<keyof LineQuestions> = ["web"];

/**
 * The questions about one line, one object for all lines: `of(t)` points it at a trimmed line (no
 * object or closure per line).
 */
export class LineQuestionsOf implements LineQuestions {
  private text = "";
  constructor(private readonly vocab: LineVocabulary) {}
  of(t: string): this {
    this.text = t;
    return this;
  }
  /** Web page chrome words ("cookies", "Läs mer"): the cue first, the words where it is. */
  web(): boolean {
    return this.vocab.webCue.test(this.text) && testAnywhere(this.vocab.web, this.text);
  }
}

export type FeatureName = keyof LineFeatures | keyof LineQuestions;

const PARAGRAPH = /^[ \t]*(?:(?:\p{Lu}\p{L}{0,5}[ \t]+)?§[ \t]*\d{1,4}|\d{1,4}[ \t]*§|(?!(?:Sida|Sid|Kl|Nr|Dnr|Den|Bilaga|Punkt)[ \t])\p{Lu}\p{L}{0,3}[ \t]+\d{1,4}(?:[ \t]+\p{Lu}\p{L}{0,3}[ \t]+\d{1,4})*[ \t]+\p{Lu})/u;
const NUMBER = /^[ \t]*(?:\d{1,3}(?:\.\d{1,2})*[.)][ \t]+\S|\d{1,3}[ \t]+\p{Lu}|Punkt[ \t]+\d)/u;
const BULLET = /^[ \t]*(?:[-–—•·▪◦*●][ \t]|\p{Ll}[.)][ \t])/u;
const DOTS = /(?:\.[ \t]?){4,}|\p{L}(?:\.{3}|…)[ \t]*\d{1,3}(?!\d)|…{2,}|\t\d{1,3}[ \t]*$/u;
/** What every branch of DOTS contains, found by a fast scan: most lines fail here (DOTS tries its letter branch at every letter). */
const MAY_HAVE_DOTS = /\.[ \t]?\.|…|\t/;
const TRAILING_PAGE = /\p{L}[^\d]{3,}[ \t]+\d{1,3}[ \t]*$/u;
/** The end TRAILING_PAGE needs, cheap to test: most lines fail here before the backtracking pattern runs. */
const ENDS_IN_NUMBER = /[ \t]\d{1,3}[ \t]*$/;
const PAGE_MARK = /^[ \t]*(?:(?:Sida|Sid|Blad)[ \t.]*\d{1,4}(?:[ \t]*(?:av|\/|\()[ \t]*\d{1,4}\)?)?|\d{1,4}[ \t]*\(\d{1,4}\)|\d{1,4}[ \t]*\/[ \t]*\d{1,4}|\d{1,4})[ \t]*$/iu;
const ATTACHMENT = /^[ \t]*(?:Bilag(?:a|or|orna)|BILAG(?:A|OR))(?![\p{L}])/u;
const TOC = /^[ \t]*(?:Innehållsförteckning|INNEHÅLLSFÖRTECKNING|Innehåll|INNEHÅLL|Ärendeförteckning|Ärendelista|Förteckning över ärenden)[ \t]*:?[ \t]*$/u;
const SIGNATURE = /^[ \t]*(?:Justerare|Justerande|Justeras|Underskrifter|Vid protokollet|Sekreterare|Ordförande|Ordf\.?|Justeringsperson(?:er)?|Protokollförare|Mötesordförande|Mötessekreterare|Justerat|Underskrift|Namnförtydligande)[ \t]*:?[ \t]*(?:\p{Lu}[\p{L}-]+(?:[ \t]+\p{Lu}[\p{L}-]+){0,2})?[ \t]*$|^[ \t]*[_.]{6,}/u;
const TIME = /(?<![\d.])(?:kl\.?[ \t]*)?\d{1,2}[.:]\d{2}(?:[ \t]*[-–][ \t]*\d{1,2}[.:]\d{2})?(?![\d.])/u;
const COLON_LABEL = /^[ \t]*\p{Lu}\p{Ll}+(?:[ \t]+\p{Ll}+){0,2}[ \t]*:[ \t]*\S/u;
const LABEL_SHAPE = /^[ \t]*\p{Lu}[\p{L}/ ,-]{1,30}(?::[ \t]*(?:$|\S)|\t)/u;

// Compiled once here: lineFeatures runs on every line of every document.
const STARTS_CAPITAL = /^\p{Lu}/u;
const BLANKS = /\s+/g;
const LABEL_SEPARATOR = /^[ \t]*:?[ \t]*/;
const ENDS_SENTENCE = /[.!?]$/;
const HAS_LETTER = /\p{L}/u;
/** What follows a group word in a heading: a colon, a tab, the end, a capital, or one or two words and a colon. */
const AFTER_GROUP_WORD = /^(?:[ \t]*(?::|\t|$|[ \t]+\p{Lu})|(?:[ \t]+\p{Ll}+){1,2}[ \t]*:)/u;

const NAME_AFTER_NUMBER = /^[ \t]*(?:§[ \t]*)?\d{1,4}[ \t]*(?:§[ \t]*)?(?:(?:och|,|-|–)[ \t]*\d{1,4}[ \t]*)*(?:\(del\)[ \t]*)?(\p{Lu}\p{Ll}+)/u;

function nameAfterNumber(t: string, names: Set<string>): boolean {
  const m = NAME_AFTER_NUMBER.exec(t);
  return !!m && names.has(m[1]!.toLowerCase());
}

/** A code point's case as capsShare counts it: 0 uncased, 1 a lower-case letter, 2 an upper-case one. */
function caseOf(cp: number): number {
  const ch = String.fromCodePoint(cp);
  if (ch.toLowerCase() === ch.toUpperCase()) return 0;
  return ch === ch.toUpperCase() ? 2 : 1;
}

/** caseOf for the Latin blocks (å, ä, ö, é, ü …), made once from caseOf itself: no strings per letter. */
const LATIN_CASE = Uint8Array.from({ length: 0x250 }, (_, cp) => caseOf(cp));

export function capsShare(s: string): number {
  readLine(s, null);
  return read.letters ? read.up / read.letters : 0;
}

/**
 * What readLine found in a line: its capitals and letters (capsShare), words (wordCount), marks
 * (lineMarks) and, when asked, first names (the capitalised words forEachCapitalisedWord visits
 * whose small-letter form is in the set).
 */
const read = { up: 0, letters: 0, words: 0, marks: 0, firstNames: 0 };

/**
 * One pass over a line for its case, its words, its marks and its first names (four loops over every
 * line before). Case and letter classes by code point; words and marks by UTF-16 unit, which an astral
 * pair's low half, skipped with its high half, never changes (it is neither a blank nor a marked
 * character). A capitalised word is one capital then small letters, a whole run of letters (\p{L}),
 * read as forEachCapitalisedWord reads it. Fills `read`.
 */
function readLine(s: string, names: ReadonlySet<string> | null): void {
  let up = 0;
  let letters = 0;
  let marks = 0;
  // What `t.split(/\s+/).length` counts, without making the parts: one word, and one more at each blank run.
  let words = s === "" ? 0 : 1;
  let inBlank = false;
  // The run of letters being read: where it starts (-1 outside one), how many code points, whether it is capitalised so far.
  let run = -1;
  let runLength = 0;
  let shaped = false;
  let firstNames = 0;
  for (let i = 0; i < s.length; i++) {
    const at = i;
    const c = s.charCodeAt(i);
    let info: number;
    // The Latin blocks (most of every line) by table; anything else by its case forms, a code point at a time.
    if (c < 0x250) info = LATIN_INFO[c]!;
    else {
      const cp = s.codePointAt(i)!;
      if (cp > 0xffff) i++;
      info = unitInfo(c, cp);
    }
    const blank = (info & BLANK) !== 0;
    if (blank && !inBlank) words++;
    inBlank = blank;
    marks |= info & MARKS;
    if ((info & CASED) !== 0) {
      letters++;
      if ((info & UPCASE) !== 0) up++;
    }
    if (names === null) continue;
    if ((info & IS_LETTER) !== 0) {
      if (run < 0) {
        run = at;
        runLength = 1;
        shaped = (info & IS_UPPER) !== 0;
      } else {
        runLength++;
        if ((info & IS_LOWER) === 0) shaped = false;
      }
    } else if (run >= 0) {
      if (shaped && runLength >= 2 && names.has(s.slice(run, at).toLowerCase())) firstNames++;
      run = -1;
    }
  }
  if (run >= 0 && shaped && runLength >= 2 && names!.has(s.slice(run).toLowerCase())) firstNames++;
  read.up = up;
  read.letters = letters;
  read.words = words;
  read.marks = marks;
  read.firstNames = firstNames;
}

/**
 * What readLine needs of one code unit c (the code point cp starting there): above the mark bits,
 * whether c is a blank, cp's case by caseOf (a letter with case, a capital), and cp's letter classes.
 */
const BLANK = 1 << 7;
const CASED = 1 << 8;
const UPCASE = 1 << 9;
const IS_LETTER = 1 << 10;
const IS_UPPER = 1 << 11;
const IS_LOWER = 1 << 12;
const MARKS = (1 << 7) - 1;

function unitInfo(c: number, cp: number): number {
  const k = c < 0x250 ? LATIN_CASE[c]! : caseOf(cp);
  const classes = classesOf(cp);
  return (isBlank(c) ? BLANK : 0) |
    (c < 0x250 ? LATIN_MARK[c]! : c === 0x2026 ? ELLIPSIS | MAY_BE_CAPITAL : MAY_BE_CAPITAL) |
    (k !== 0 ? CASED : 0) | (k === 2 ? UPCASE : 0) |
    (classes & LETTER_BIT ? IS_LETTER : 0) | (classes & UPPER_BIT ? IS_UPPER : 0) | (classes & LOWER_BIT ? IS_LOWER : 0);
}

/**
 * Matches of a global pattern in s, counted without collecting them. Through a scanner (text/scan):
 * the same matches, but a leading word-boundary look-behind no longer stops the engine skipping
 * ahead to the pattern's first characters (role words: 45 → 22 ms over the bench corpus's lines).
 */
function countMatches(re: RegExp, s: string): number {
  return countAll(re, s);
}

/** Words of a line: what `t.split(/\s+/).length` counts for a trimmed line. */
export function wordCount(t: string): number {
  readLine(t, null);
  return read.words;
}

/** The usual font size of a document's lines (the most common rounded size), or null without layout. */
export function bodySize(lines: readonly LineRecord[]): number | null {
  const counts = new Map<number, number>();
  for (const l of lines) if (l.layout.size) counts.set(Math.round(l.layout.size), (counts.get(Math.round(l.layout.size)) ?? 0) + 1);
  let best: number | null = null;
  for (const [s, c] of counts) if (best === null || c > counts.get(best)!) best = s;
  return best;
}

/**
 * Characters that some patterns need, gathered in one pass over a line: each pattern below runs only
 * on lines holding a character every one of its matches holds (most lines hold no digit, colon or
 * parenthesis, and a regex call costs more than reading the line's characters once).
 */
const DIGIT = 1;
const COLON = 2;
const PAREN = 4;
const TAB = 8;
const DOT = 16;
const ELLIPSIS = 32;
/** A capital (\p{Lu}) may be in the line: one of the Latin blocks, or any unit past them (not looked at closer). */
const MAY_BE_CAPITAL = 64;
/** The mark of each code unit of the Latin blocks (`\d` is ASCII digits only, with the u and i flags too). */
const LATIN_MARK = Uint8Array.from({ length: 0x250 }, (_, c) =>
  (isAsciiDigit(c) ? DIGIT : c === 58 ? COLON : c === 40 ? PAREN : c === 9 ? TAB : c === 46 ? DOT : 0) |
  (/^\p{Lu}$/u.test(String.fromCharCode(c)) ? MAY_BE_CAPITAL : 0),
);
/** unitInfo for each code unit of the Latin blocks (none is half of a pair), made once from unitInfo itself. */
const LATIN_INFO = Uint16Array.from({ length: 0x250 }, (_, c) => unitInfo(c, c));

/** The marks of a line: bits for digit, colon, "(", tab, "." and "…", and for a capital that may be there. */
export function lineMarks(t: string): number {
  readLine(t, null);
  return read.marks;
}


/*
 * The guards: for a trimmed line t with marks m, false only when the pattern cannot match. t is
 * trimmed, so a leading `[ \t]*` matches nothing and t[0] is the pattern's first character; a
 * trailing `[ \t]*$` matches nothing and the last code unit is the one before it.
 */
/** PARAGRAPH, NUMBER, PAGE_MARK, NAME_AFTER_NUMBER, the vocabulary's dates: each branch holds a digit. */
const mayHoldNumber = (_t: string, m: number) => (m & DIGIT) !== 0;
/**
 * BULLET: a bullet (one unit each) then a blank, or a small letter then "." or ")": the second unit
 * is a blank, "." or ")", or the low half of an astral small letter.
 */
const mayBullet = (t: string) => {
  const c = t.charCodeAt(1);
  return c === 32 || c === 9 || c === 46 || c === 41 || (c >= 0xdc00 && c <= 0xdfff);
};
/** MAY_HAVE_DOTS (and so DOTS): each branch holds ".", "…" or a tab. */
const mayDots = (_t: string, m: number) => (m & (DOT | ELLIPSIS | TAB)) !== 0;
/** ENDS_IN_NUMBER (and so the trailing page): a digit right before the trailing blanks, the line's last unit. */
const mayEndInNumber = (t: string) => isAsciiDigit(t.charCodeAt(t.length - 1));
/** TIME: a digit, then "." or ":". */
const mayTime = (_t: string, m: number) => (m & DIGIT) !== 0 && (m & (DOT | COLON)) !== 0;
/** LABEL_SHAPE: ends in a colon or a tab. */
const mayLabelShape = (_t: string, m: number) => (m & (COLON | TAB)) !== 0;
/** COLON_LABEL: a colon. */
const mayColonLabel = (_t: string, m: number) => (m & COLON) !== 0;
/** forEachCapitalisedWord's words (and so first names) start with a capital. */
const mayHoldCapital = (_t: string, m: number) => (m & MAY_BE_CAPITAL) !== 0;
/** ATTACHMENT: "Bilag…" or "BILAG…" at the start. */
const mayBeAttachment = (t: string) => t.charCodeAt(0) === 66;
/** TOC: each of its phrases starts with "I", "Ä" or "F". */
const mayBeToc = (t: string) => {
  const c = t.charCodeAt(0);
  return c === 73 || c === 0xc4 || c === 70;
};
/** SIGNATURE: its words start with J, U, V, S, O, P, M or N; its rule of dots or underscores with "_" or ".". */
const mayBeSignature = (t: string) => SIGNATURE_START.includes(t[0] ?? "\n");
const SIGNATURE_START = "JUVSOPMN_.";
/** The vocabulary's party: in parentheses. */
const mayParty = (_t: string, m: number) => (m & PAREN) !== 0;

/** What forEachCapitalisedWord visits, as a pattern (text/unicode), for the guard tests. */
const CAPITALISED_WORD = /(?<![\p{L}])\p{Lu}\p{Ll}+(?![\p{L}])/u;

/** Each guarded pattern with its guard, for the tests that check a guard never turns a match away. */
export function guardedPatterns(vocab: LineVocabulary): Array<[string, RegExp, (t: string, m: number) => boolean]> {
  return [
    ["PARAGRAPH", PARAGRAPH, mayHoldNumber],
    ["NUMBER", NUMBER, mayHoldNumber],
    ["PAGE_MARK", PAGE_MARK, mayHoldNumber],
    ["NAME_AFTER_NUMBER", NAME_AFTER_NUMBER, mayHoldNumber],
    ["date", vocab.date, mayHoldNumber],
    ["BULLET", BULLET, mayBullet],
    ["MAY_HAVE_DOTS", MAY_HAVE_DOTS, mayDots],
    ["ENDS_IN_NUMBER", ENDS_IN_NUMBER, mayEndInNumber],
    ["TIME", TIME, mayTime],
    ["LABEL_SHAPE", LABEL_SHAPE, mayLabelShape],
    ["COLON_LABEL", COLON_LABEL, mayColonLabel],
    ["party", vocab.party, mayParty],
    ["capitalised word", CAPITALISED_WORD, mayHoldCapital],
    ["ATTACHMENT", ATTACHMENT, mayBeAttachment],
    ["TOC", TOC, mayBeToc],
    ["SIGNATURE", SIGNATURE, mayBeSignature],
  ];
}

/** `t`: the line's text trimmed, when the caller has it already. */
export function lineFeatures(line: LineRecord, vocab: LineVocabulary, body: number | null, t = line.text.trim()): LineFeatures {
  readLine(t, vocab.firstNames);
  const m = read.marks;
  const words = read.words;
  const caps = read.letters ? read.up / read.letters : 0;
  const firstNames = read.firstNames;
  const label = vocab.label.exec(t);
  const labelWord = label?.[1] ?? null;
  const labelKind = labelWord && STARTS_CAPITAL.test(labelWord) ? (vocab.labelKind.get(labelWord.toLowerCase().replace(BLANKS, " ")) ?? null) : null;
  const rest = labelKind ? t.slice(labelWord!.length).replace(LABEL_SEPARATOR, "") : "";
  const group = vocab.group.exec(t);
  const startsCapital = STARTS_CAPITAL.test(t);
  const number = mayHoldNumber(t, m);
  return {
    blank: t === "",
    length: t.length,
    words,
    caps,
    startsCapital,
    endsColon: t.endsWith(":"),
    endsSentence: ENDS_SENTENCE.test(t),
    paragraphStart: number && PARAGRAPH.test(t),
    numberStart: number && NUMBER.test(t),
    bulletStart: mayBullet(t) && BULLET.test(t),
    flat: line.flat,
    dotLeader: mayDots(t, m) && MAY_HAVE_DOTS.test(t) && DOTS.test(t) && HAS_LETTER.test(t),
    // Length first: the unanchored pattern is quadratic on a long line of letters and blanks.
    trailingPage: t.length < 120 && mayEndInNumber(t) && ENDS_IN_NUMBER.test(t) && TRAILING_PAGE.test(t),
    pageMark: number && PAGE_MARK.test(t),
    attachmentCue: mayBeAttachment(t) && ATTACHMENT.test(t),
    tocCue: mayBeToc(t) && TOC.test(t),
    signatureCue: mayBeSignature(t) && SIGNATURE.test(t),
    labelKind,
    labelValue: rest.length > 0,
    // Lengths first: they decide most lines without a regex.
    labelShape: t.length < 80 && mayLabelShape(t, m) && LABEL_SHAPE.test(t),
    colonLabel: t.length < 100 && mayColonLabel(t, m) && COLON_LABEL.test(t),
    nameAfterNumber: number && nameAfterNumber(t, vocab.firstNames),
    groupHeading: !!group && STARTS_CAPITAL.test(group[1]!) && AFTER_GROUP_WORD.test(t.slice(group[0].length)),
    // The cue first: most lines hold no role word, and the cue's few words are found far faster.
    roles: vocab.roleCue.test(t) ? countMatches(vocab.role, t) : 0,
    // The shape first: the kind words' alternation is the dearer test.
    kindWord: (startsCapital || caps > 0.8) && vocab.kindCue.test(t) && vocab.kind.test(t),
    sectionHeading: vocab.section.test(t),
    firstNames,
    parties: mayParty(t, m) ? countMatches(vocab.party, t) : 0,
    dates: number ? countMatches(vocab.date, t) : 0,
    timeValue: mayTime(t, m) && TIME.test(t),
    headingDepth: line.layout.headingDepth,
    listItem: line.layout.listItem,
    boldRunIn: line.layout.boldRunIn,
    gapBefore: line.layout.gapBefore,
    sizeRatio: body && line.layout.size ? line.layout.size / body : null,
  };
}
