/**
 * Words that end in one of a list of forms, maybe as the tail of a compound ("Sammanträdes|protokoll"):
 * the matches of `(?<![\p{L}])(\p{L}{0,maxPrefix}?)(forms)(?![\p{L}])`, found by the form and
 * extended back to the word start by hand. The regex with the letter prefix tries every prefix
 * length at every word start and was, alone, 6 % of parsing time (bench/).
 */
export interface CompoundWord {
  /** Offset of the word start. */
  index: number;
  /** Letters before the form ("Sammanträdes"), empty for the form alone. */
  prefix: string;
  /** The form as written. */
  form: string;
  end: number;
}

const LETTER = /^\p{L}$/u;

/** Length (1 or 2 code units) of the letter just before `at`, or 0. */
function letterBefore(text: string, at: number): number {
  if (at <= 0) return 0;
  const lo = text.charCodeAt(at - 1);
  if (lo < 0x80) return (lo >= 0x41 && lo <= 0x5a) || (lo >= 0x61 && lo <= 0x7a) ? 1 : 0;
  if (lo >= 0xdc00 && lo <= 0xdfff && at >= 2) return LETTER.test(text.slice(at - 2, at)) ? 2 : 0;
  return LETTER.test(text[at - 1]!) ? 1 : 0;
}

/** `tail` is `(?:forms)(?![\p{L}])` with flags g, u (and i as needed). */
export function* compoundWords(text: string, tail: RegExp, maxPrefix = 20, from = 0, to = text.length): Generator<CompoundWord> {
  let at = from;
  while (at < to) {
    tail.lastIndex = at;
    const m = tail.exec(text);
    if (m === null || m.index >= to) return;
    let s = m.index;
    let letters = 0;
    for (let n = letterBefore(text, s); n > 0 && letters <= maxPrefix; n = letterBefore(text, s)) {
      s -= n;
      letters++;
    }
    if (letters > maxPrefix || m[0].length === 0) {
      at = m.index + 1;
      continue;
    }
    at = m.index + m[0].length;
    yield { index: s, prefix: text.slice(s, m.index), form: m[0], end: at };
  }
}
