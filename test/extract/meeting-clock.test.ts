import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { openingAndClosing } from "../../src/extract/meeting-clock.js";
import { loadLexicon } from "../../src/lexicon/load.js";
import { wordsOf } from "../../src/text/unicode.js";
import type { Range } from "../../src/types.js";

const lex = loadLexicon();

describe("opening and closing times", () => {
  it.each([
    ["Elis Hirwing öppnar mötet 19:08.\nBla bla.\nMötet avslutas 20:37", "19:08", "20:37"],
    ["1. Mötets öppnande 17:54\n2. Val av justerare", "17:54", null],
    ["Mötet ajourneras.\nOrdföranden förklarar sammanträdet avslutat kl. 21.15", null, "21:15"],
    ["Årsmötet öppnades 18:00 och avslutades 19:00.", null, null],
  ])("%j", (text, open, close) => {
    const got = openingAndClosing(text, { start: 0, end: text.length }, lex);
    const hhmm = (h: { time: { h?: number; min?: number } } | null) => (h ? `${String(h.time.h).padStart(2, "0")}:${String(h.time.min).padStart(2, "0")}` : null);
    expect([hhmm(got.open), hhmm(got.close)]).toEqual([open, close]);
  });

  // The lines are chosen by one scan for the cue of the meeting words; every line tested on its own finds the same.
  const meeting = new RegExp(wordsOf(lex.forms("meeting-clock", "meeting")), "iu");
  const open = new RegExp(wordsOf(lex.forms("meeting-clock", "open")), "iu");
  const close = new RegExp(wordsOf(lex.forms("meeting-clock", "close")), "iu");
  const CLOCK = /(?<![\p{L}\p{N}.:/-])(?:(?:kl\.?|klockan)[ \t]*)?([01]?\d|2[0-4])[.:]([0-5]\d)(?![\p{N}]|[.:]\d)/iu;
  function lineByLine(text: string, range: Range) {
    let first: number | null = null;
    let last: number | null = null;
    for (let at = range.start; at < range.end; ) {
      let end = text.indexOf("\n", at);
      if (end === -1 || end > range.end) end = range.end;
      const line = text.slice(at, end);
      if (line.length <= 160 && meeting.test(line) && open.test(line) !== close.test(line)) {
        const m = CLOCK.exec(line);
        if (m && open.test(line)) first ??= at + m.index;
        else if (m) last = at + m.index;
      }
      at = end + 1;
    }
    return [first, last];
  }
  it.each([
    ["smötet öppnar 17:54\nslut", { start: 1, end: 24 }],
    ["Ja\nöppnar 17:54 mötetx\nNej", { start: 0, end: 21 }],
    ["mötet öppnar 17:54\nmötet avslutas 18:00", { start: 0, end: 38 }],
  ])("%j %j: a range that cuts a word reads as the line-by-line test", (text, range) => {
    const got = openingAndClosing(text, range, lex);
    expect([got.open?.at ?? null, got.close?.at ?? null]).toEqual(lineByLine(text, range));
  });
  it("reads the same lines as a line-by-line test, whatever the range", () => {
    const unit = fc.constantFrom("mötet", "Sammanträdet", "s", "år", "STÄMMAN", "förenings", "tid", "öppnar", "avslutas", "avslutade", " ", "\n", "kl ", "17:54", "9.30", "x", ".");
    fc.assert(fc.property(fc.string({ unit, maxLength: 12 }), fc.nat(), fc.nat(), (text, a, b) => {
      const [x, y] = [a % (text.length + 1), b % (text.length + 1)];
      const range = { start: Math.min(x, y), end: Math.max(x, y) };
      const got = openingAndClosing(text, range, lex);
      expect([got.open?.at ?? null, got.close?.at ?? null]).toEqual(lineByLine(text, range));
    }), { numRuns: 3000 });
  });
});
