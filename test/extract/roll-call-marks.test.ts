import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { markedRows } from "../../src/extract/participants/roll-call.js";

/** The rows as the pattern alone finds them, without the count of marks asked first. */
const NAME_PART = String.raw`\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?`;
const MARKED_ROW = new RegExp(String.raw`(?<![\p{L}\p{N}])(\p{Lu}{1,4})[ \t]+(${NAME_PART}(?:[ \t]+${NAME_PART}){1,2})((?:[ \t]+\p{Ll}+)?)[ \t]+(I|X|x|1|-|–|0)(?=[ \t]|$)`, "gu");
function rowsByPattern(s: string): number | null {
  let rows = 0;
  let covered = 0;
  for (const m of s.matchAll(MARKED_ROW)) { rows++; covered += m[0].length; }
  return rows < 4 || covered * 2 < s.trim().length ? null : rows;
}

describe("marked roll-call rows", () => {
  it("reads a flattened list", () => {
    const s = "S Kristina Zakrisson I M Bo Berg X KIP Margareta Haapalahti I justerare V Anna Ek -";
    expect(markedRows(s, { start: 0, end: s.length })?.map((r) => [r.party, r.name.name, r.present])).toEqual([
      ["S", "Kristina Zakrisson", true], ["M", "Bo Berg", true], ["KIP", "Margareta Haapalahti", true], ["V", "Anna Ek", false],
    ]);
  });

  it("finds rows exactly when the pattern alone does", () => {
    // Whole rows, rows missing a part, and loose words and marks, in any order.
    const row = fc.tuple(fc.constantFrom("S", "KIP", "M"), fc.constantFrom("Anna Berg", "Bo Ek-Lund", "Eva Li Ek", "anna Berg"), fc.constantFrom("", " justerare"), fc.constantFrom("I", "X", "x", "1", "-", "–", "0", "Y"))
      .map(([p, n, r, m]) => `${p} ${n}${r} ${m}`);
    const noise = fc.constantFrom(" ", "\t", "\n", "I", "-", "Anna", "(S)", "S", "1 ");
    let found = 0;
    fc.assert(fc.property(fc.array(fc.oneof(row, noise), { maxLength: 12 }), fc.constantFrom(" ", "\t", ""), (parts, sep) => {
      const s = parts.join(sep);
      const want = rowsByPattern(s);
      if (want !== null) found++;
      expect(markedRows(s, { start: 0, end: s.length })?.length ?? null).toBe(want);
    }), { numRuns: 5000 });
    // (Lists of rows were among the cases.)
    expect(found).toBeGreaterThan(100);
  });
});
