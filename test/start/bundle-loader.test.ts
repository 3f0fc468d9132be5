import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, sep } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runBundle } from "../../src/start/bundle-loader.js";
import { openCodeCache } from "../../src/start/code-cache.js";
import { importModule, lendImport } from "../../src/start/import-module.js";

/**
 * The loader of dist/bundle/ (scripts/bundle.mjs): CommonJS files that require each other by
 * relative path, run through the code cache. A bundle of the same shape is written here.
 */
const root = mkdtempSync(join(tmpdir(), "protokoll-bundle-test-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const file = (path: string, text: string) => {
  mkdirSync(join(root, path, ".."), { recursive: true });
  writeFileSync(join(root, path), text);
};

file("cli/bin.cjs", `#!/usr/bin/env node
"use strict";
const shared = require("../chunks/shared-abc.cjs");
const other = require("../chunks/other-def.cjs");
exports.result = { sum: shared.add(2, 3), otherSeesShared: other.viaShared(), sameShared: other.shared === shared, file: __filename, sep: require("node:path").sep, loaded: module.loaded };`);
file("chunks/shared-abc.cjs", `exports.add = (a, b) => a + b; exports.cycle = require("./other-def.cjs").name;`);
file("chunks/other-def.cjs", `exports.name = "other"; const shared = require("./shared-abc.cjs"); exports.shared = shared; exports.viaShared = () => shared.add(1, 1);`);

describe("bundle loader", () => {
  it("runs an entry whose files require each other (a cycle too), each file once, with Node's require for the rest", () => {
    const cache = openCodeCache({ env: { PROTOKOLL_CODE_CACHE: "off" } });
    const exports = runBundle("cli/bin.cjs", { root, cache }) as { result: Record<string, unknown> };
    expect(exports.result).toEqual({ sum: 5, otherSeesShared: 2, sameShared: true, file: join(root, "cli/bin.cjs"), sep, loaded: false });
    expect(cache.stats.misses).toBe(3); // three files compiled, once each
  });

  it("a file that throws stops the run with its own error and line, and runs again when required again", () => {
    file("cli/bad.cjs", `try { require("../chunks/broken.cjs"); } catch {}\nexports.second = require("../chunks/broken.cjs");`);
    file("chunks/broken.cjs", `globalThis.protokollBrokenRuns = (globalThis.protokollBrokenRuns ?? 0) + 1;\nthrow new Error("broken chunk");`);
    const cache = openCodeCache({ env: { PROTOKOLL_CODE_CACHE: "off" } });
    let error: Error | undefined;
    try {
      runBundle("cli/bad.cjs", { root, cache });
    } catch (e) {
      error = e as Error;
    }
    expect(error?.message).toBe("broken chunk");
    expect(error?.stack).toContain(`${join(root, "chunks/broken.cjs")}:2`); // the file's own line numbers
    expect((globalThis as { protokollBrokenRuns?: number }).protokollBrokenRuns).toBe(2); // not half-loaded exports the second time
  });

  it("importModule uses the import() the loader lends, else its own", async () => {
    const seen: string[] = [];
    lendImport(async (specifier) => {
      seen.push(specifier);
      return { lent: true };
    });
    try {
      expect(await importModule("zod")).toEqual({ lent: true });
      expect(seen).toEqual(["zod"]);
    } finally {
      delete (globalThis as Record<symbol, unknown>)[Symbol.for("protokoll.importModule")];
    }
    const zod = await importModule<{ z: { string: unknown } }>("zod");
    expect(typeof zod.z.string).toBe("function");
  });
});
