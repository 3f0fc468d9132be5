import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadLexicon } from "../../src/lexicon/load.js";
import { givenAgreement, normaliseName } from "../../src/link/normalise-name.js";

const spec = JSON.parse(readFileSync(new URL("../specs/link-names.json", import.meta.url), "utf8")) as {
  cases: Array<{ name: string; given: string[]; surname: string; initialsOnly: boolean; surnameFirst: boolean }>;
  agreement: Array<{ a: string; b: string; agree: string }>;
};
const lex = loadLexicon();

describe("normaliseName (spec table test/specs/link-names.json)", () => {
  for (const c of spec.cases) {
    it(c.name, () => {
      const { name: _, ...want } = c;
      expect(normaliseName(c.name, lex)).toEqual(want);
    });
  }
  for (const c of spec.agreement) {
    it(`${c.a} ~ ${c.b}: ${c.agree}`, () => {
      expect(givenAgreement(normaliseName(c.a, lex), normaliseName(c.b, lex))).toBe(c.agree);
    });
  }
});
