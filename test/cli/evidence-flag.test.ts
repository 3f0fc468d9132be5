import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { run } from "./run.js";

const seed = new URL("../../fixtures/seeds/003_74c830d27da07c61.txt", import.meta.url).pathname;
const tmp = () => mkdtempSync(join(tmpdir(), "protokoll-evidence-"));

describe("protokoll parse --evidence", () => {
  it("adds the evidence column to the CSV tables and declares it in csv-metadata.json", async () => {
    const dir = tmp();
    const r = await run(["parse", seed, "--out", dir, "--format", "csv", "--evidence", "-q", "--no-cache"]);
    expect(r.code).toBe(0);
    const rows = parseCsv(readFileSync(join(dir, "participants.csv"), "utf8"), { columns: true }) as Array<Record<string, string>>;
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows) expect(row.evidence).toMatch(/^found=attendance\//);
    const meta = JSON.parse(readFileSync(join(dir, "csv-metadata.json"), "utf8"));
    const meetings = meta.tables.find((t: { url: string }) => t.url === "meetings.csv");
    expect(meetings.tableSchema.columns.map((c: { name: string }) => c.name)).toContain("evidence");
  });

  it("leaves the CSV without it by default", async () => {
    const dir = tmp();
    expect((await run(["parse", seed, "--out", dir, "--format", "csv", "-q", "--no-cache"])).code).toBe(0);
    expect(readFileSync(join(dir, "items.csv"), "utf8").split("\n")[0]).not.toMatch(/evidence/);
  });

  it("is a usage error for JSON output, which always carries evidence", async () => {
    const r = await run(["parse", seed, "--evidence"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--evidence/);
  });
});
