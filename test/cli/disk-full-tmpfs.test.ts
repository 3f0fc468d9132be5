import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "./run.js";

// A real full disk: .ci/run mounts a small tmpfs when it runs as root and exports its path.
const TMPFS = process.env.PROTOKOLL_TMPFS;
const seeds = new URL("../../fixtures/seeds/", import.meta.url).pathname;

describe("a real full disk (tmpfs from PROTOKOLL_TMPFS)", () => {
  it("finishes the run: outputs that fit are written, the others fail as output-write-failed, no temp file", async () => {
    if (!TMPFS) {
      console.log("PROTOKOLL_TMPFS is not set (.ci/run mounts a small tmpfs when root): real full-disk test skipped");
      return;
    }
    const input = mkdtempSync(join(tmpdir(), "protokoll-tmpfs-in-"));
    const names = readdirSync(seeds).filter((f) => f.endsWith(".txt"));
    for (let copy = 0; copy < 4; copy++) for (const f of names) copyFileSync(join(seeds, f), join(input, `${copy}-${f}`));
    const out = mkdtempSync(join(TMPFS, "out-"));
    const filler = join(TMPFS, `filler-${process.pid}`);
    const report = join(tmpdir(), `protokoll-tmpfs-${process.pid}.ndjson`);
    try {
      // Leave room for a few JSON outputs only (each seed's is tens of KB).
      const free = () => { const s = statfsSync(TMPFS); return Number(s.bavail) * Number(s.bsize); };
      writeFileSync(filler, Buffer.alloc(Math.max(0, free() - 200 * 1024)));
      const r = await run(["parse", input, "--out", out, "--report", report, "--jobs", "2", "--no-cache", "-q"]);
      const lines = readFileSync(report, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { path: string; status: string; code?: string; message?: string });
      expect(lines).toHaveLength(names.length * 4);
      const ok = lines.filter((l) => l.status === "ok" || l.status === "warning");
      const full = lines.filter((l) => l.code === "output-write-failed");
      expect(ok.length).toBeGreaterThan(0);
      expect(full.length).toBeGreaterThan(0);
      expect(ok.length + full.length).toBe(lines.length);
      for (const l of full) expect(l.message).toMatch(/ENOSPC/);
      // Exit 0: the run completed and the failed inputs are reported (README, Exit codes).
      expect(r.code).toBe(0);
      const written = readdirSync(out, { recursive: true, encoding: "utf8" });
      expect(written.filter((f) => f.includes(".tmp-"))).toEqual([]);
      for (const l of ok) JSON.parse(readFileSync(join(out, l.path.slice(input.length + 1).replace(/\.txt$/, ".json")), "utf8"));
    } finally {
      rmSync(filler, { force: true });
      rmSync(out, { recursive: true, force: true });
      rmSync(report, { force: true });
    }
  }, 120_000);
});
