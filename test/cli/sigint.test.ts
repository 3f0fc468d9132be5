import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const bin = new URL("../../dist/cli/bin.js", import.meta.url).pathname;
const fixtures = new URL("../../fixtures/", import.meta.url).pathname;

/** A small mixed batch: the seed PDFs and texts, each copied three times under other names. */
function batch(): string {
  const d = mkdtempSync(join(tmpdir(), "protokoll-sigint-in-"));
  const seeds = readdirSync(join(fixtures, "seeds")).filter((f) => f.endsWith(".txt")).slice(0, 5);
  const pdfs = readdirSync(join(fixtures, "pdfs")).filter((f) => /^\d{3}_.*\.pdf$/.test(f));
  for (let copy = 0; copy < 3; copy++) {
    for (const f of seeds) copyFileSync(join(fixtures, "seeds", f), join(d, `${copy}-${f}`));
    for (const f of pdfs) copyFileSync(join(fixtures, "pdfs", f), join(d, `${copy}-${f}`));
  }
  return d;
}

const walk = (d: string): string[] => readdirSync(d, { recursive: true, encoding: "utf8" }).map((f) => join(d, f));

/**
 * Runs the built CLI over the batch as CSV with two workers and sends SIGINT `delay` ms after the
 * run has begun (its --out marker exists). Before that, Node itself is still starting and a
 * signal ends the process as it ends any program (the shell shows 130); that is not measured here.
 */
function interruptAfter(input: string, delay: number): Promise<{ code: number | null; signal: string | null; stderr: string; out: string }> {
  const out = mkdtempSync(join(tmpdir(), "protokoll-sigint-out-"));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, "parse", input, "--out", out, "--jobs", "2", "--format", "csv", "--no-cache", "-q"], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (c) => (stderr += c));
    let timer: NodeJS.Timeout | undefined;
    const poll = setInterval(() => {
      if (!existsSync(join(out, ".protokoll-output"))) return;
      clearInterval(poll);
      timer = setTimeout(() => child.kill("SIGINT"), delay);
    }, 5);
    child.on("close", (code, signal) => {
      clearInterval(poll);
      clearTimeout(timer);
      resolve({ code, signal, stderr, out });
    });
  });
}

describe("Ctrl-C at any moment of a batch", () => {
  // As the run begins, while workers start, and while PDFs are being parsed and tables written.
  for (const delay of [0, 100, 500, 1200]) {
    it(`SIGINT after ${delay} ms: exit 130 (or 0 if it had finished), no temp file, no stack trace`, async () => {
      const r = await interruptAfter(batch(), delay);
      expect(r.signal).toBeNull();
      expect([0, 130]).toContain(r.code);
      expect(walk(r.out).filter((f) => f.includes(".tmp-"))).toEqual([]);
      expect(r.stderr).not.toMatch(/\n\s+at |internal error|Error:/);
      if (r.code === 130) {
        // Interrupted: no table was renamed into place.
        expect(walk(r.out).filter((f) => f.endsWith(".csv"))).toEqual([]);
      } else {
        expect(readFileSync(join(r.out, "documents.csv"), "utf8").split("\n").length).toBeGreaterThan(20);
      }
    }, 60_000);
  }
});
