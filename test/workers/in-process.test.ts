import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as pdf from "../robustness/hostile-pdfs.js";

/**
 * Where a file is parsed (issue 18): a lone text input in the CLI's own process, a PDF or a batch
 * in workers. The test-only fault hook (src/workers/test-fault.ts) runs in workers only, so a file
 * it names fails with worker-crashed exactly when a worker read it.
 */
const BIN = new URL("../../dist/cli/bin.js", import.meta.url).pathname;
const MINUTES = readFileSync(new URL("../fixtures/documents/partial-attendance.txt", import.meta.url), "utf8");
const FAULT = { PROTOKOLL_TEST_FAULT: "kill-while-reading:victim" };

interface ReportLine { path: string; status: string; code?: string; ms: number }

function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string; seconds: number }> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, timeout: 120_000 }, (e, stdout, stderr) =>
      resolve({ code: e ? (typeof e.code === "number" ? e.code : -1) : 0, stdout, stderr, seconds: (performance.now() - t0) / 1000 }),
    );
  });
}

const tmp = () => mkdtempSync(join(tmpdir(), "protokoll-inproc-"));
const reportOf = (path: string) => readFileSync(path, "utf8").trim().split("\n").map((l) => JSON.parse(l) as ReportLine);

describe("where inputs are parsed", { timeout: 120_000 }, () => {
  it("a lone text file parses in process: no worker starts", async () => {
    const d = tmp();
    writeFileSync(join(d, "victim.txt"), MINUTES);
    const r = await cli(["parse", join(d, "victim.txt")], FAULT);
    expect(r.stderr).not.toMatch(/test fault/);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).meetings.length).toBeGreaterThan(0);
  });

  it("a lone PDF and the files of a batch go to workers", async () => {
    const d = tmp();
    writeFileSync(join(d, "victim.pdf"), pdf.onePage());
    const one = await cli(["parse", join(d, "victim.pdf"), "--report", join(d, "one.ndjson")], FAULT);
    expect(reportOf(join(d, "one.ndjson"))[0]).toMatchObject({ status: "error", code: "worker-crashed" });
    expect(one.code).toBe(1);
    writeFileSync(join(d, "victim.txt"), MINUTES);
    writeFileSync(join(d, "other.txt"), MINUTES);
    await cli(["parse", join(d, "victim.txt"), join(d, "other.txt"), "--format", "ndjson", "--report", join(d, "two.ndjson")], FAULT);
    const byName = new Map(reportOf(join(d, "two.ndjson")).map((l) => [l.path.split("/").pop(), l]));
    expect(byName.get("victim.txt")).toMatchObject({ status: "error", code: "worker-crashed" });
    expect(byName.get("other.txt")).toMatchObject({ status: "ok" });
  });

  it("--report's ms is each file's own time: in a --jobs 1 run they add up to no more than the wall time", async () => {
    const d = tmp();
    for (let i = 0; i < 8; i++) writeFileSync(join(d, `m${i}.txt`), MINUTES);
    const r = await cli(["parse", d, "--out", join(d, "out"), "--jobs", "1", "--no-cache", "-q", "--report", join(d, "report.ndjson")]);
    expect(r.code).toBe(0);
    const lines = reportOf(join(d, "report.ndjson"));
    expect(lines.map((l) => l.status)).toEqual(Array(8).fill("ok"));
    const sum = lines.reduce((s, l) => s + l.ms, 0);
    expect(sum).toBeGreaterThan(0);
    expect(sum / 1000).toBeLessThanOrEqual(r.seconds);
  });
});
