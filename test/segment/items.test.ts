import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { segmentText } from "../helpers.js";

interface ItemCase {
  name: string;
  text: string;
  items: Array<[string, string]>;
  /** Rule ids at least one item must carry. */
  rules?: string[];
}

const spec = JSON.parse(readFileSync(new URL("../specs/items.json", import.meta.url), "utf8")) as { cases: ItemCase[] };

describe("item headers and titles (test/specs/items.json)", () => {
  for (const c of spec.cases) {
    it(c.name, () => {
      const { seg } = segmentText(c.text);
      const items = seg.records.flatMap((r) => r.items);
      expect(items.map((i) => [i.number, i.title])).toEqual(c.items);
      for (const rule of c.rules ?? []) expect(items.some((i) => Object.values(i.rules).flat().includes(rule))).toBe(true);
    });
  }
});

describe("the last item", () => {
  it("ends where the signature block starts", () => {
    const text = "PROTOKOLL\nStyrelsemöte\nDatum: 2024-05-02\n\n1. Mötets öppnande\nOrdföranden öppnar mötet.\n2. Mötets avslutande\nMötet avslutas.\n\nVid protokollet\tJusteras\n\nEva Ek\tPer Al\n";
    const { records } = segmentText(text);
    const last = records[0]!.items.at(-1)!;
    expect(last.number).toBe("2");
    expect(last.text).toContain("Mötet avslutas.");
    expect(last.text).not.toContain("Vid protokollet");
  });
});
