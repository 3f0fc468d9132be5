import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readPdf } from "../../src/ingest/pdf/read.js";
import * as pdf from "../robustness/hostile-pdfs.js";

/**
 * Fault injection over a whole batch (the CLI as a separate process): a real PDF on which pdf.js
 * leaves a rejection unhandled, a worker that dies right after answering (idle), one that dies
 * with a late rejection, and one killed while reading (PROTOKOLL_TEST_FAULT, test only, see
 * src/workers/test-fault.ts). The run finishes, every other file is parsed, each faulty one has
 * its own code, and no temporary file is left.
 */
const BIN = new URL("../../dist/cli/bin.js", import.meta.url).pathname;
const MINUTES = readFileSync(new URL("../fixtures/documents/partial-attendance.txt", import.meta.url), "utf8");

function cli(args: string[], env: Record<string, string>): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, timeout: 120_000 }, (e, _out, stderr) =>
      resolve({ code: e ? (typeof e.code === "number" ? e.code : -1) : 0, stderr }),
    );
  });
}

const allFiles = (d: string): string[] => readdirSync(d, { recursive: true, encoding: "utf8" });

describe("a batch whose readers fail", { timeout: 180_000 }, () => {
  it("pdf.js's stray rejection is caught where the PDF is read (the library does not crash)", async () => {
    await expect(readPdf(pdf.strayRejection())).rejects.toMatchObject({ code: "corrupt-pdf", message: expect.stringMatching(/XRefEntryException/) });
  });

  it("finishes, parses every other file, gives each faulty one its own code, leaves no temporary file", async () => {
    const root = mkdtempSync(join(tmpdir(), "protokoll-faults-"));
    const dir = join(root, "in");
    mkdirSync(dir);
    const names: string[] = [];
    for (let i = 0; i < 12; i++) {
      const name = `${String(i).padStart(2, "0")}-${i === 3 ? "idle-death" : i === 5 ? "late-rejection" : i === 8 ? "busy-death" : "good"}.${i % 3 === 0 ? "pdf" : "txt"}`;
      writeFileSync(join(dir, name), i % 3 === 0 ? pdf.onePage(`Protokoll ${i}`) : MINUTES);
      names.push(name);
    }
    writeFileSync(join(dir, "04-stray.pdf"), pdf.strayRejection());
    const out = join(root, "out");
    const report = join(root, "report.ndjson");
    const faults = "kill-after-answer:idle-death,reject-after-answer:late-rejection,kill-while-reading:busy-death";
    const r = await cli(["parse", dir, "--out", out, "--format", "csv", "--jobs", "2", "--report", report, "--no-cache"], { PROTOKOLL_TEST_FAULT: faults });
    expect(r.stderr).not.toMatch(/ERR_IPC|EPIPE/);
    expect(r.code).toBe(0);
    const lines = readFileSync(report, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { path: string; status: string; code?: string; message?: string });
    const byName = new Map(lines.map((l) => [l.path.split("/").pop()!, l]));
    expect(byName.size).toBe(13);
    expect(byName.get("04-stray.pdf")).toMatchObject({ status: "error", code: "corrupt-pdf" });
    expect(byName.get("08-busy-death.txt")).toMatchObject({ status: "error", code: "worker-crashed" });
    expect(byName.get("08-busy-death.txt")!.message).toMatch(/killing myself while reading/);
    for (const name of names.filter((n) => !n.includes("busy-death"))) expect(byName.get(name)?.status, name).not.toBe("error");
    expect(allFiles(out).filter((f) => f.includes(".tmp-"))).toEqual([]);
    expect(allFiles(out)).toContain("meetings.csv");

    const strict = await cli(["parse", dir, "--out", join(root, "strict"), "--format", "csv", "--jobs", "2", "--no-cache", "--strict", "-q"], { PROTOKOLL_TEST_FAULT: faults });
    expect(strict.code).toBe(1);
  });
});
