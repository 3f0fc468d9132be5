import { describe, expect, it } from "vitest";
import { joinLines } from "../../src/ingest/pdf/hyphen.js";
import type { PdfLine } from "../../src/ingest/pdf/types.js";

const lines = (...texts: string[]): PdfLine[] => texts.map((text, i) => ({ text, x: 56, y: 700 - 14 * i, size: 10, block: 0, gapBefore: false }));

describe("line-end hyphens", () => {
  it("joins a word broken at a line end", () => {
    expect(joinLines(lines("beslutar om omställ-", "ningen av vården"))).toBe("beslutar om omställningen\nav vården");
  });

  it("keeps the hyphen before och, eller, till", () => {
    expect(joinLines(lines("lägenheter om två-", "och trerum"))).toBe("lägenheter om två-\noch trerum");
    expect(joinLines(lines("för-", "eller eftermiddag"))).toBe("för-\neller eftermiddag");
    expect(joinLines(lines("mellan sex-", "till åttatiden"))).toBe("mellan sex-\ntill åttatiden");
  });

  it("does not join into a list item on the next line", () => {
    expect(joinLines(lines("Bostäderna ska vara två-", "b) trerum i markplan"))).toBe("Bostäderna ska vara två-\nb) trerum i markplan");
    expect(joinLines(lines("Förslag om två-", "(ii) tre lägenheter"))).toBe("Förslag om två-\n(ii) tre lägenheter");
  });
});
