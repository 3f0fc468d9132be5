import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LEXICON_DIR, listLexiconFiles, plainlyValid } from "../src/lexicon/load.js";
import { lexiconFileSchema } from "../src/lexicon/schema.js";

const raw = (name: string) => JSON.parse(readFileSync(new URL(`${name}.json`, LEXICON_DIR), "utf8"));
// Same verdict and, when valid, the same object key for key in the same order (JSON.stringify keeps it).
const agree = (input: unknown) => {
  const fast = plainlyValid(input);
  const z = lexiconFileSchema.safeParse(input);
  if (fast) {
    expect(z.success).toBe(true);
    expect(JSON.stringify(fast)).toBe(JSON.stringify(z.data));
  }
  return { fast: fast !== null, zod: z.success };
};

describe("reading a lexicon file without zod", () => {
  it("gives zod's own result for every file of the lexicon", () => {
    for (const name of listLexiconFiles()) expect(agree(raw(name))).toEqual({ fast: true, zod: true });
  });

  it("leaves every file zod would refuse, and every odd one, to zod", () => {
    const base = () => ({ name: "n", description: "d", source: "s", updated: "2026-01-01", entries: [{ value: "v", forms: ["f"] }] });
    const bad: Array<(f: ReturnType<typeof base> & Record<string, unknown>) => void> = [
      (f) => (f.name = ""),
      (f) => delete (f as Partial<typeof f>).description,
      (f) => (f.updated = "2026-1-1"),
      (f) => (f.entries = []),
      (f) => ((f.entries[0] as Record<string, unknown>).forms = ["ok", ""]),
      (f) => delete (f.entries[0] as Partial<(typeof f.entries)[0]>).forms,
      (f) => ((f.entries[0] as Record<string, unknown>).value = true),
      (f) => ((f.entries[0] as Record<string, unknown>).value = JSON.parse("1e999")),
      (f) => (f.entries as unknown[]).push(null),
      (f) => (f.entries as unknown[]).push(["v"]),
    ];
    for (const spoil of bad) {
      const f = base();
      spoil(f);
      expect(agree(f)).toEqual({ fast: false, zod: false });
    }
    // Valid but odd: zod decides (and the fast path, when it answers, answers the same).
    expect(agree(JSON.parse('{"name":"n","description":"d","source":"s","updated":"2026-01-01","entries":[{"value":1,"forms":["f"],"__proto__":{"x":1}}]}')).zod).toBe(true);
    expect(agree(JSON.parse('{"__proto__":{"x":1},"name":"n","description":"d","source":"s","updated":"2026-01-01","entries":[{"value":1,"forms":["f"]}]}')).zod).toBe(true);
    // Extra keys: the file's own are dropped, an entry's kept after value and forms.
    expect(agree({ extra: 1, ...base(), entries: [{ note: "x", forms: ["f"], value: 2, weight: 0.5 }] })).toEqual({ fast: true, zod: true });
    expect(plainlyValid({ extra: 1, ...base(), entries: [{ note: "x", forms: ["f"], value: 2 }] })).toEqual({ ...base(), entries: [{ value: 2, forms: ["f"], note: "x" }] });
  });
});
