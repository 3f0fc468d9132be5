import { describe, expect, it } from "vitest";
import { listLexiconFiles, readLexiconFile } from "../src/lexicon/load.js";

// Case-sensitive files: forms are matched as written (headings, local party letters).
const CASE_SENSITIVE = new Set(["section-headings", "municipalities", "regions", "parties", "bodies", "organisations"]);
const LATIN = /^[\p{Script=Latin}\p{N}\p{P}\p{Zs}\p{S}]+$/u;

describe("lexicon lint", () => {
  for (const name of listLexiconFiles()) {
    it(`${name}.json is valid, NFC, Latin-script, without clashing forms`, () => {
      const file = readLexiconFile(name);
      expect(file.name).toBe(name);
      const seen = new Map<string, unknown>();
      for (const e of file.entries) {
        for (const f of e.forms) {
          expect(f).toBe(f.normalize("NFC"));
          expect(f).toBe(f.trim());
          expect(f).toMatch(LATIN);
          if (!CASE_SENSITIVE.has(name)) expect(f).toBe(f.toLowerCase());
          const key = CASE_SENSITIVE.has(name) ? f : f.toLowerCase();
          if (seen.has(key) && seen.get(key) !== e.value && !e.ambiguous) {
            throw new Error(`${name}.json: form "${f}" stands under ${String(seen.get(key))} and ${String(e.value)}`);
          }
          seen.set(key, e.value);
        }
      }
    });
  }
});
