import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "./run.js";
import { MINUTES } from "../review/fixture.js";

describe("protokoll review and stats", () => {
  const tmp = mkdtempSync(join(tmpdir(), "protokoll-review-cli-"));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const input = join(tmp, "in");
  const setup = () => {
    if (existsSync(input)) return;
    mkdirSync(join(input, "2024"), { recursive: true });
    writeFileSync(join(input, "2024", "kultur.txt"), MINUTES);
    writeFileSync(join(input, "2024", "empty.txt"), "Inget protokoll här.\n");
  };

  it("reviews inputs parsed now: a page per input in pages/ and an index linking them", async () => {
    setup();
    const out = join(tmp, "review-now");
    const r = await run(["review", input, "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/2 review pages/);
    const index = readFileSync(join(out, "index.html"), "utf8");
    expect(index).toContain(`href="pages/2024/kultur.html"`);
    const page = readFileSync(join(out, "pages", "2024", "kultur.html"), "utf8");
    expect(page).toContain(`href="../../index.html"`);
    expect(page.match(/class="m k-participant"/g)?.length).toBe(3);
  });

  it("reviews a past run from its JSON and --emit-text files, with the failed inputs of its report", async () => {
    setup();
    const runDir = join(tmp, "run");
    const report = join(tmp, "run.ndjson");
    writeFileSync(join(input, "broken.pdf"), "not a pdf");
    const p = await run(["parse", input, "--out", runDir, "--emit-text", "--report", report, "-q", "--jobs", "1"]);
    expect(p.code).toBe(0);
    const lines = readFileSync(report, "utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.find((l) => l.path.endsWith("empty.txt")).quality).toEqual({});
    const out = join(tmp, "review-from");
    const r = await run(["review", "--from", runDir, "--report", report, "--out", out, "-q"]);
    expect(r.code).toBe(0);
    const index = readFileSync(join(out, "index.html"), "utf8");
    expect(index).toMatch(/broken\.pdf<\/td>.*error <small>/s);
    expect(readFileSync(join(out, "pages", "2024", "kultur.html"), "utf8")).toContain("k-decision");
    rmSync(join(input, "broken.pdf"));

    const s = await run(["stats", runDir, "--json"]);
    expect(s.code).toBe(0);
    const stats = JSON.parse(s.stdout);
    expect(stats.files).toBe(2);
    expect(stats.meetingsByBodyYear).toEqual({ Kulturnämnden: { "2024": 1 } });
    const t = await run(["stats", runDir, "--report", report]);
    expect(t.stdout).toContain("Files by status");
    expect(t.stdout).toMatch(/Failed or skipped, by code\n\s+\S+\s+1/);
  });

  it("refuses inputs together with --from, and --report without --from", async () => {
    expect((await run(["review", "a.txt", "--from", tmp, "--out", join(tmp, "x")])).code).toBe(2);
    expect((await run(["review", "a.txt", "--report", "r", "--out", join(tmp, "x")])).code).toBe(2);
    expect((await run(["review", "--out", join(tmp, "x")])).code).toBe(2);
  });
});
