import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { segmentText } from "../helpers.js";

interface RecordCase {
  name: string;
  text: string;
  /** Per record, its items as [number, title]. */
  records: Array<Array<[string, string]>>;
}

const spec = JSON.parse(readFileSync(new URL("../specs/pdf-records.json", import.meta.url), "utf8")) as { cases: RecordCase[] };

describe("records and items in PDF layouts (test/specs/pdf-records.json)", () => {
  for (const c of spec.cases) {
    it(c.name, () => {
      const { records } = segmentText(c.text);
      expect(records.map((r) => r.items.map((i) => [i.number, i.title]))).toEqual(c.records);
    });
  }
});
