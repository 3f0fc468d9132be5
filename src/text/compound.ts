import { cuedLineFrom } from "./scan.js";
import { letterRunStart } from "./unicode.js";

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

/**
 * `tail` is `(?:forms)(?![\p{L}])` with flags g, u (and i as needed). `cue` (global, e.g. cueOf the
 * forms) matches in every tail match and the tail never crosses a line break: the search then starts
 * at the line of the next cue, skipping the lines before it, which hold no match.
 */
export function* compoundWords(text: string, tail: RegExp, maxPrefix = 20, from = 0, to = text.length, cue?: RegExp): Generator<CompoundWord> {
  let at = from;
  while (at < to) {
    if (cue) {
      at = cuedLineFrom(cue, text, at);
      if (at < 0 || at >= to) return;
    }
    tail.lastIndex = at;
    const m = tail.exec(text);
    if (m === null || m.index >= to) return;
    const s = letterRunStart(text, m.index, maxPrefix);
    if (s < 0 || m[0].length === 0) {
      at = m.index + 1;
      continue;
    }
    at = m.index + m[0].length;
    yield { index: s, prefix: text.slice(s, m.index), form: m[0], end: at };
  }
}
