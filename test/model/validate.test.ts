import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseTextSync } from "../../src/pipeline.js";
import { compileCheck } from "../../src/model/validate.js";
import { documentSchema } from "../../src/model/schema.js";

const seeds = ["003_74c830d27da07c61", "001_a621b5fab89fefd5"].map((s) => readFileSync(new URL(`../../fixtures/seeds/${s}.txt`, import.meta.url)));
// Each seed parsed once; every case gets its own copy.
const parsed = seeds.map((b) => JSON.stringify(parseTextSync(b, { path: "seed.txt" }).output));
const fresh = (i: number): unknown => JSON.parse(parsed[i % parsed.length]!);
const check = compileCheck(documentSchema);
const zodSays = (v: unknown) => documentSchema.safeParse(v).success;

/** Every [parent, key] of a JSON value, the value itself under the key "" of a holder. */
function places(v: unknown, out: Array<[Record<string, unknown> | unknown[], string | number]> = []): typeof out {
  if (Array.isArray(v)) v.forEach((x, i) => { out.push([v, i]); places(x, out); });
  else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) { out.push([v as Record<string, unknown>, k]); places(x, out); }
  return out;
}

const WRONG: unknown[] = [null, undefined, "", "x", "2024", "2024-05", "2023-01-01", "2030-12-31T23:59", "2024-01-01", "T10:00", "--05-03", "quality/x", "a/b", 0, -1, 1, 1.5, NaN, Infinity, 2 ** 60, true, [], [""], ["a/b"], {}, { found: ["a/b"] }];

describe("the compiled document check", () => {
  it("passes the outputs zod passes", () => {
    for (const i of [0, 1]) {
      const o = fresh(i);
      expect(zodSays(o)).toBe(true);
      expect(check(o)).toBe(true);
    }
  });

  it("answers as zod does for an output with any one field changed, dropped or added", () => {
    fc.assert(fc.property(fc.nat(), fc.nat(), fc.nat(WRONG.length), fc.constantFrom("set", "delete", "extra"), (doc, at, w, how) => {
      const o = fresh(doc);
      const all = places(o);
      const [parent, key] = all[at % all.length]!;
      if (how === "set" || Array.isArray(parent)) (parent as Record<string | number, unknown>)[key] = WRONG[w];
      else if (how === "delete") delete (parent as Record<string, unknown>)[key as string];
      else (parent as Record<string, unknown>).extraKey = WRONG[w];
      expect(check(o)).toBe(zodSays(o));
    }), { numRuns: 2000 });
    // (Each case walks a whole output twice: more than the default five seconds on a busy machine.)
  }, 60_000);

  it("hands what it does not know to zod", () => {
    const s = z.object({ a: z.string().email(), b: z.number().max(3), c: z.string().default("x") });
    const c = compileCheck(s);
    for (const v of [{ a: "x@y.se", b: 2 }, { a: "nej", b: 2 }, { a: "x@y.se", b: 4 }, { a: "x@y.se", b: 2, c: 1 }]) expect(c(v)).toBe(s.safeParse(v).success);
  });

  it("tells an exact optional from an optional: only the first refuses a present undefined", () => {
    const s = z.object({ a: z.string().exactOptional(), b: z.string().optional() });
    const c = compileCheck(s);
    for (const v of [{}, { a: undefined }, { b: undefined }, { a: "x" }, { a: 1 }]) expect(c(v)).toBe(s.safeParse(v).success);
  });
});
