import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findFurniture, firstWords, leadingNumberEnd, sharedPrefixes, wordsEnd } from "../../src/segment/furniture.js";
import { loadLexicon } from "../../src/lexicon/load.js";
import { lexiconWith } from "../helpers.js";

/** The shipped lexicon with one more signature-box label. */
const extendedLexicon = () => lexiconWith(["furniture", "signature-box", "kontrasignation"]);


const lex = loadLexicon();
const kinds = (text: string) => findFurniture(text, lex).map((f) => [f.kind, f.text.trim()]);

describe("page furniture", () => {
  it("recognises page numbers in their common shapes", () => {
    expect(kinds("Text\n3\n2 (41)\nSida 3 av 10\n(2)\n1[25]\nMer text 3\n")).toEqual([
      ["page-number", "3"], ["page-number", "2 (41)"], ["page-number", "Sida 3 av 10"], ["page-number", "(2)"], ["page-number", "1[25]"],
    ]);
  });
  it("recognises signature boxes but not sentences that mention them", () => {
    expect(kinds("Justerandes sign\nUtdragsbestyrkande\nJusterandes signatur   Utdragsbestyrkande\nJusterandes sign saknas i protokollet.\n")).toEqual([
      ["signature-box", "Justerandes sign"], ["signature-box", "Utdragsbestyrkande"], ["signature-box", "Justerandes signatur   Utdragsbestyrkande"],
    ]);
  });
  it("marks a web transcript's page title and viewer buttons", () => {
    const f = findFurniture("Protokoll KS\n\nStorlek: px\nStarta visningen från sidan:\n\nTranskript\n\n1 PROTOKOLL …\n", lex);
    expect(f.some((x) => x.kind === "transcript-chrome" && x.start === 0 && x.text.endsWith("Transkript"))).toBe(true);
  });
  it("is compiled per lexicon: a second lexicon's signature-box labels are its own", () => {
    const text = "Text\nKontrasignation\n";
    expect(kinds(text)).toEqual([]);
    expect(findFurniture(text, extendedLexicon()).map((f) => f.kind)).toEqual(["signature-box"]);
    expect(kinds(text)).toEqual([]);
  });
});

describe("firstWords", () => {
  it("gives what slice and split(/\\s+/, limit) give", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "Ö", "1", " ", "\t", "\n", "\u00a0", "\u2028", "§") }), fc.nat(12), fc.integer({ min: 1, max: 9 }), (s, from, limit) => {
        const at = Math.min(from, s.length);
        expect(firstWords(s, at, limit)).toEqual(s.slice(at).split(/\s+/, limit));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("leadingNumberEnd", () => {
  it("ends where /^\\s*\\d+\\s+/u ends, 0 without a match", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "1", "0", "9", "٣", "１", " ", "\t", "\n", "\u00a0", "\u2028", "\ufeff", "§") }), (s) => {
        expect(leadingNumberEnd(s)).toBe(/^\s*\d+\s+/u.exec(s)?.[0].length ?? 0);
      }),
      { numRuns: 5000 },
    );
  });
});

describe("wordsEnd", () => {
  // What runningPrefixes found with a regex built for each header line: the line's own first words
  // (after a leading number) joined by \s+, after ^\s*(?:\d+\s+)?.
  const LEADING_NUMBER = /^\s*\d+\s+/u;
  const byRegex = (s: string, count: number): number | null => {
    const words = firstWords(s, LEADING_NUMBER.exec(s)?.[0].length ?? 0, 8).slice(0, count);
    const m = new RegExp(`^\\s*(?:\\d+\\s+)?${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("\\s+")}`, "u").exec(s);
    return m ? m[0].length : null;
  };
  it("ends where the regex of a line's own first words ends", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "Ö", "1", "12", " ", "\t", "\u00a0", "\u2028", "§", ".", "(", "*", "Protokoll") }), fc.integer({ min: 2, max: 8 }), (s, count) => {
        const words = firstWords(s, LEADING_NUMBER.exec(s)?.[0].length ?? 0, 8);
        fc.pre(count <= words.length);
        expect(wordsEnd(s, LEADING_NUMBER.exec(s)?.[0].length ?? 0, count)).toBe(byRegex(s, count));
      }),
      { numRuns: 5000 },
    );
  });
});

describe("sharedPrefixes", () => {
  // What runningPrefixes counted before: every line's first words (digits as "#") in a trie of
  // words, each node counting the lines through it; a line's best is its deepest node (2 or more
  // words down) that another line passes too.
  const LEADING_NUMBER = /^\s*\d+\s+/u;
  const from = (s: string) => LEADING_NUMBER.exec(s)?.[0].length ?? 0;
  const byTrie = (lines: string[], limit: number) => {
    type Node = { n: number; next: Map<string, Node> };
    const root: Node = { n: 0, next: new Map() };
    const norm = (w: string) => w.replace(/\d+/gu, "#");
    const all = lines.map((s) => firstWords(s, from(s), limit));
    const paths = all.map((ws) => {
      const path: Node[] = [];
      let node = root;
      for (const w of ws) {
        let child = node.next.get(norm(w));
        if (!child) node.next.set(norm(w), (child = { n: 0, next: new Map() }));
        child.n++;
        path.push((node = child));
      }
      return path;
    });
    return all.map((a, i) => {
      let best = 0;
      for (let k = 2; k <= a.length && paths[i]![k - 1]!.n >= 2; k++) best = k;
      return { best, words: best >= 2 ? a.slice(0, best + 1) : undefined };
    });
  };
  const word = fc.constantFrom("Protokoll", "KS", "1", "12", "2", "(3)", "§", "Sida", "a", "");
  const line = fc.array(fc.tuple(word, fc.constantFrom(" ", "  ", "\t", "\u00a0")), { maxLength: 10 }).map((ws) => ws.map(([w, b]) => w + b).join(""));
  it("gives the trie's shared-prefix lengths, and the words up to one past the shared ones", () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.integer({ min: 2, max: 9 }), (lines, limit) => {
        const got = sharedPrefixes(lines, from, limit);
        const want = byTrie(lines, limit);
        expect(got.best).toEqual(want.map((w) => w.best));
        expect(lines.map((_, i) => (got.best[i]! >= 2 ? got.words[i] : undefined))).toEqual(want.map((w) => w.words));
      }),
      { numRuns: 3000 },
    );
  });
  it("gives the trie's answer when lines repeat (each text walks the trie once for all its copies)", () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), fc.array(fc.nat(), { maxLength: 12 }), fc.integer({ min: 2, max: 9 }), (texts, picks, limit) => {
        const lines = [...texts, ...picks.map((p) => texts[p % texts.length]!)];
        const got = sharedPrefixes(lines, from, limit);
        const want = byTrie(lines, limit);
        expect(got.best).toEqual(want.map((w) => w.best));
        expect(lines.map((_, i) => (got.best[i]! >= 2 ? got.words[i] : undefined))).toEqual(want.map((w) => w.words));
      }),
      { numRuns: 3000 },
    );
  });
  it("counts lines that share a start only as far as they share it", () => {
    const lines = ["1 Kommunstyrelsen Protokoll 2019 Sida 1 Text", "2 Kommunstyrelsen Protokoll 2020 Sida 2 Annat", "3 Kommunstyrelsen Kallelse", "Helt annan rad"];
    // "Kommunstyrelsen Protokoll # Sida #" after the leading number; the third line shares one word only.
    expect(sharedPrefixes(lines, from, 8).best).toEqual([5, 5, 0, 0]);
  });
});
