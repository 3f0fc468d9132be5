import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { toJson } from "../src/export/json.js";
import { parseTextSync as parseMinutes } from "../src/pipeline.js";

// Whole-pipeline output for the seeds, checked in. After an intended change:
//   UPDATE_GOLDEN=1 npx vitest run test/golden.test.ts   (then review the diff)
const seeds = new URL("../fixtures/seeds/", import.meta.url);
const golden = new URL("./golden/", import.meta.url);

describe("golden output for the seed documents", () => {
  for (const name of readdirSync(seeds).filter((f) => f.endsWith(".txt")).sort()) {
    it(name, () => {
      const out = toJson(parseMinutes(readFileSync(new URL(name, seeds)), { path: `fixtures/seeds/${name}` }).output);
      const file = new URL(name.replace(/\.txt$/, ".json"), golden);
      if (process.env.UPDATE_GOLDEN || !existsSync(file)) {
        mkdirSync(golden, { recursive: true });
        writeFileSync(file, out);
      }
      expect(out).toBe(readFileSync(file, "utf8"));
    });
  }
});
