import { execFileSync, spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const bin = new URL("../../dist/cli/bin.js", import.meta.url).pathname;
const seed = new URL("../../fixtures/seeds/000_da45560c6fbeb122.txt", import.meta.url).pathname;

// The built program, as `npx protokoll` runs it (npm test builds first).
describe("built bin", () => {
  it("prints help with examples and exits 0", () => {
    const out = execFileSync(process.execPath, [bin, "--help"], { encoding: "utf8" });
    expect(out).toContain("parse");
    expect(out).toContain("Examples:");
  });
  it("parses a file and sets the exit code", () => {
    const ok = spawnSync(process.execPath, [bin, "parse", seed], { encoding: "utf8" });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).meetings[0].items).toHaveLength(12);
    const usage = spawnSync(process.execPath, [bin, "parse", "--format", "xml", seed], { encoding: "utf8" });
    expect(usage.status).toBe(2);
  });
});
