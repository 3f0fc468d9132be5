import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { repositoryDataDictionary } from "../../src/link/write.js";

it("DATA_DICTIONARY.md lists every parse and link table as the writers define them (node scripts/write-data-dictionary.mjs)", () => {
  expect(readFileSync(new URL("../../DATA_DICTIONARY.md", import.meta.url), "utf8")).toBe(repositoryDataDictionary());
});
