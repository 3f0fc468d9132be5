import { readFileSync, readdirSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { parseTextSync as parseMinutes } from "../src/pipeline.js";

const schema = JSON.parse(readFileSync(new URL("../schema/output.schema.json", import.meta.url), "utf8"));
const seeds = new URL("../fixtures/seeds/", import.meta.url);

describe("published JSON Schema", () => {
  const ajv = new Ajv2020.default({ allErrors: true, strict: false });
  const validate = ajv.compile(schema);
  for (const name of readdirSync(seeds).sort()) {
    it(`validates the output for ${name}`, () => {
      const out = parseMinutes(readFileSync(new URL(name, seeds)), { path: name }).output;
      const ok = validate(JSON.parse(JSON.stringify(out)));
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    });
  }
  it("rejects output missing a contract field", () => {
    const out = parseMinutes(readFileSync(new URL("000_da45560c6fbeb122.txt", seeds)), { path: "x" }).output;
    const broken = JSON.parse(JSON.stringify(out));
    delete broken.meetings[0].participants[0].span;
    expect(validate(broken)).toBe(false);
  });
});
