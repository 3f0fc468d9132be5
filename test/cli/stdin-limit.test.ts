import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";

const bin = new URL("../../dist/cli/bin.js", import.meta.url).pathname;

/** Feeds the built CLI `total` bytes on stdin in 64 KB chunks, as fast as it reads them. */
function feed(args: string[], total: number): Promise<{ code: number | null; stderr: string; stdout: string; written: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ["pipe", "pipe", "pipe"] });
    let stderr = "";
    let stdout = "";
    let written = 0;
    child.stderr.on("data", (c) => (stderr += c));
    child.stdout.on("data", (c) => (stdout += c));
    const chunk = Buffer.alloc(64 * 1024, "Ordförande: Anna Andersson\n");
    // The CLI closes its end once over the limit: the write side then errors, which is expected.
    child.stdin.on("error", () => {});
    const pump = () => {
      while (written < total) {
        written += chunk.length;
        if (!child.stdin.write(chunk)) return void child.stdin.once("drain", pump);
      }
      child.stdin.end();
    };
    pump();
    const timer = setTimeout(() => { child.kill("SIGKILL"); reject(new Error("the CLI hung on stdin")); }, 20_000);
    child.on("exit", (code) => { clearTimeout(timer); resolve({ code, stderr, stdout, written }); });
  });
}

describe("standard input is bounded by --max-size", () => {
  it("stops reading past --max-size and fails the input as limit-exceeded, without waiting for the end", async () => {
    // 200 MB offered, 1 MB allowed: the CLI must stop long before the writer is done.
    const r = await feed(["parse", "-", "--max-size", "1"], 200 * 1024 * 1024);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("limit-exceeded");
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe("");
    expect(r.written).toBeLessThan(50 * 1024 * 1024);
  }, 30_000);

  it("reads standard input under the limit as before", async () => {
    const r = await feed(["parse", "-", "--max-size", "1"], 64 * 1024);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).source.path).toBe("<stdin>");
  }, 30_000);
});
