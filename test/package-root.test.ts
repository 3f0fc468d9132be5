import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PACKAGE_ROOT, packageUrl } from "../src/package-root.js";

describe("package root", () => {
  it("is the folder of package.json and lexicon/, from src/ as from dist/ and the bundles", () => {
    expect(JSON.parse(readFileSync(packageUrl("package.json"), "utf8")).name).toBe("protokoll");
    expect(existsSync(packageUrl("lexicon/sv/"))).toBe(true);
    expect(PACKAGE_ROOT.href).toBe(new URL("../", import.meta.url).href);
  });
});
