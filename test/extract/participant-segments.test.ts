import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { segments } from "../../src/extract/participants/index.js";
import type { NameVocabulary } from "../../src/extract/participants/names.js";
import type { Range } from "../../src/types.js";

/** segments as it was before its separators and capitals were read by hand: matchAll and anchored regexes on slices. */
function segmentsByPattern(text: string, block: Range, nv: NameVocabulary): Range[] {
  const out: Range[] = [];
  let at = block.start;
  const s = text.slice(block.start, block.end);
  for (const m of s.matchAll(/\n|\t|[ \t]{3,}/g)) {
    if (m[0] === "\n" && /^[ \t]*\p{Lu}\p{Ll}/u.test(s.slice(m.index + 1))) {
      const lineStart = s.lastIndexOf("\n", m.index - 1) + 1;
      const lastWord = /(\p{Lu}[\p{Ll}-]+)[ \t]*$/u.exec(s.slice(Math.max(lineStart, m.index - 40), m.index))?.[1];
      if (lastWord && nv.isFirstName(lastWord)) {
        const surnameFirst = /^[ \t]*(\p{Lu}[\p{Ll}-]+)[ \t]+\p{Lu}[\p{Ll}-]+[ \t]*$/u.exec(s.slice(lineStart, m.index));
        if (!(surnameFirst && !nv.isFirstName(surnameFirst[1]!))) continue;
      }
    }
    out.push({ start: at, end: block.start + m.index });
    at = block.start + m.index + m[0].length;
  }
  out.push({ start: at, end: block.end });
  return out.filter((r) => r.end > r.start);
}

describe("list segments", () => {
  const firstNames = new Set(["Kenneth", "Anna", "Anna-Karin", "Mattias", "É\u{10428}", "Öjvind", "Bo"]);
  // Anything shaped as a capitalised word counts as a first name too, so the last-word test is reached often.
  const nvs: NameVocabulary[] = [{ isFirstName: (w) => firstNames.has(w) }, { isFirstName: () => true }];
  const piece = fc.constantFrom(
    "Kenneth", "Östberg (S)", "Anna", "Anna-Karin", "Lind Mattias", "Lind", "Mattias", "Bo", "anna", "BO", "A", "Ö", "Öjvind", "É\u{10428}", "\u{10400}\u{10428}",
    "\ud801", "\udc28", "x-", "-", "Kenneth-", "(M)", ",", "1", "ordförande", "a".repeat(45), "Berg" + " ".repeat(38), "Kenneth" + " ".repeat(26), "Anna" + " ".repeat(36), "Anna" + " ".repeat(37),
  );
  const gap = fc.constantFrom(" ", "  ", "   ", "\t", " \t", "  \t ", "\n", " \n", "\n ", "\n\t", "\n\n", "");
  it("are the entries the patterns cut", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(piece, gap), { maxLength: 14 }), fc.nat(), fc.nat(), fc.constantFrom(0, 1), (parts, a, b, k) => {
        const text = parts.map(([p, g]) => p + g).join("");
        const lo = Math.min(a, b) % (text.length + 1);
        const hi = lo + (Math.max(a, b) % (text.length - lo + 1));
        const block = { start: lo, end: hi };
        expect(segments(text, block, nvs[k]!)).toEqual(segmentsByPattern(text, block, nvs[k]!));
      }),
      { numRuns: 30000 },
    );
  });
});
