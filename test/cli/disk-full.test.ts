import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { run } from "./run.js";

// A full disk, injected: writes to paths that match `fault.match` fail with ENOSPC.
const fault = vi.hoisted(() => ({ match: null as RegExp | null }));
vi.mock("node:fs", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs")>();
  const writeFileSync = (path: Parameters<typeof fs.writeFileSync>[0], ...rest: unknown[]) => {
    if (fault.match?.test(String(path))) throw Object.assign(new Error(`ENOSPC: no space left on device, write '${String(path)}'`), { code: "ENOSPC" });
    return (fs.writeFileSync as (...a: unknown[]) => void)(path, ...rest);
  };
  return { ...fs, default: { ...fs, writeFileSync }, writeFileSync };
});

const fixture = (name: string) => new URL(`../fixtures/documents/${name}`, import.meta.url).pathname;
const snapshot = (dir: string) => Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith(".csv")).map((f) => [f, readFileSync(join(dir, f), "utf8")]));

describe("a full disk", () => {
  it("no table is renamed into place unless every table and the metadata were written", async () => {
    const out = mkdtempSync(join(tmpdir(), "protokoll-full-"));
    expect((await run(["parse", fixture("partial-attendance.txt"), "--out", out, "--format", "csv", "--no-cache", "-q"])).code).toBe(0);
    const before = snapshot(out);
    fault.match = /csv-metadata\.json/;
    try {
      const r = await run(["parse", fixture("motions-vote-reservations.txt"), "--out", out, "--format", "csv", "--no-cache", "-q"]);
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/ENOSPC/);
    } finally {
      fault.match = null;
    }
    // The previous run's tables are untouched, and no temporary file is left.
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(out).filter((f) => f.includes(".tmp-"))).toEqual([]);
  });

  it("SQLite: the database, written to its temporary file, is not renamed into place when its dictionary cannot be written", async () => {
    const out = mkdtempSync(join(tmpdir(), "protokoll-full-"));
    expect((await run(["parse", fixture("partial-attendance.txt"), "--out", out, "--format", "sqlite", "--no-cache", "-q"])).code).toBe(0);
    const before = readFileSync(join(out, "protokoll.sqlite"));
    fault.match = /DATA_DICTIONARY\.md/;
    try {
      const r = await run(["parse", fixture("motions-vote-reservations.txt"), "--out", out, "--format", "sqlite", "--no-cache", "-q"]);
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/ENOSPC/);
    } finally {
      fault.match = null;
    }
    expect(readFileSync(join(out, "protokoll.sqlite")).equals(before)).toBe(true);
    expect(readdirSync(out).filter((f) => f !== ".protokoll-output").sort()).toEqual(["DATA_DICTIONARY.md", "protokoll.sqlite"]);
  });

  it("a failed cache write is a warning: every input is still parsed and written", async () => {
    const out = mkdtempSync(join(tmpdir(), "protokoll-full-"));
    const report = join(out, "..", `${out.split("/").pop()}-report.ndjson`);
    fault.match = /\.protokoll-cache/;
    let r: Awaited<ReturnType<typeof run>>;
    try {
      r = await run(["parse", fixture("partial-attendance.txt"), fixture("motions-vote-reservations.txt"), "--out", out, "--format", "csv", "--report", report, "-q"]);
    } finally {
      fault.match = null;
    }
    expect(r.code).toBe(0);
    const lines = readFileSync(report, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { status: string; code?: string });
    expect(lines.map((l) => [l.status, l.code])).toEqual([["warning", "cache-write-failed"], ["warning", "cache-write-failed"]]);
    expect(readFileSync(join(out, "meetings.csv"), "utf8").trim().split("\n")).toHaveLength(3);
    expect(readFileSync(join(out, "warnings.csv"), "utf8")).toMatch(/cache-write-failed/);
  });
});
