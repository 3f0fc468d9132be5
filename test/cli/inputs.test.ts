import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expandInputs, inShard } from "../../src/cli/batch/inputs.js";
import { run } from "./run.js";

const MIN = "Protokoll\nPlats och tid Rådhuset kl 9\nBeslutande Eva Ek (S)\n\n§ 1 Öppnande\nText.\n";
const tmp = () => mkdtempSync(join(tmpdir(), "protokoll-in-"));
const report = (p: string) => readFileSync(p, "utf8").trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);

describe("inputs", () => {
  it("walks folders, matches extensions in any case, skips pipes, survives link loops and dangling links", () => {
    const d = tmp();
    mkdirSync(join(d, "a", "b"), { recursive: true });
    writeFileSync(join(d, "a", "x.TXT"), MIN);
    writeFileSync(join(d, "a", "b", "y.Md"), MIN);
    writeFileSync(join(d, "a", "notes.docx"), "ignored");
    mkdirSync(join(d, "a", "folder.pdf"));
    writeFileSync(join(d, "a", "folder.pdf", "z.txt"), MIN);
    symlinkSync(join(d, "a"), join(d, "a", "b", "loop"));
    symlinkSync(join(d, "nowhere.txt"), join(d, "a", "dangling.txt"));
    execFileSync("mkfifo", [join(d, "a", "pipe.pdf")]);
    const { files, skipped } = expandInputs([d]);
    expect(files.map((f) => f.path.slice(d.length + 1))).toEqual(["a/b/y.Md", "a/folder.pdf/z.txt", "a/x.TXT"]);
    expect(skipped.map((s) => [s.path.slice(d.length + 1), s.code]).sort()).toEqual([
      ["a/b/loop", "symlink-loop"], ["a/dangling.txt", "dangling-link"], ["a/pipe.pdf", "not-a-regular-file"],
    ]);
  });

  it("expands globs and reads --files-from, NUL-separated with -0", async () => {
    const d = tmp();
    for (const n of ["a.txt", "b.txt", "c.md", "name with spaces å.txt", "-dash.txt"]) writeFileSync(join(d, n), MIN);
    expect(expandInputs([join(d, "*.txt")]).files.map((f) => f.path.slice(d.length + 1)).sort()).toEqual(["-dash.txt", "a.txt", "b.txt", "name with spaces å.txt"]);
    const list = join(d, "list");
    writeFileSync(list, [join(d, "name with spaces å.txt"), join(d, "-dash.txt"), ""].join("\0"));
    const out = tmp();
    const r = await run(["parse", "--files-from", list, "-0", "--out", out, "-q"]);
    expect(r.code).toBe(0);
    expect(readdirSync(out).filter((f) => !f.startsWith(".")).sort()).toEqual(["-dash.json", "name with spaces å.json"]);
  });

  it("mirrors folders under --out so equal names in different folders never overwrite each other", async () => {
    const d = tmp();
    mkdirSync(join(d, "2023"));
    mkdirSync(join(d, "2024"));
    writeFileSync(join(d, "2023", "ks.txt"), MIN);
    writeFileSync(join(d, "2024", "ks.txt"), MIN.replace("Eva Ek", "Bo Berg"));
    const out = tmp();
    expect((await run(["parse", d, "--out", out, "-q"])).code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, "2023", "ks.json"), "utf8")).meetings[0].participants[0].name).toBe("Eva Ek");
    expect(JSON.parse(readFileSync(join(out, "2024", "ks.json"), "utf8")).meetings[0].participants[0].name).toBe("Bo Berg");
  });

  it("--shard K/N splits the inputs into disjoint parts that cover them all", async () => {
    const paths = Array.from({ length: 200 }, (_, i) => `arkiv/${i}.txt`);
    const parts = [1, 2, 3].map((k) => paths.filter((p) => inShard(p, { k, n: 3 })));
    expect(parts.flat().sort()).toEqual([...paths].sort());
    for (const p of parts) expect(p.length).toBeGreaterThan(40);
    expect((await run(["parse", "x.txt", "--shard", "4/3"])).code).toBe(2);
  });
});

describe("run report and exit codes", () => {
  it("writes one report line per input with status, code, cached, counts and time", async () => {
    const d = tmp();
    writeFileSync(join(d, "ok.txt"), MIN);
    writeFileSync(join(d, "empty.txt"), "");
    execFileSync("mkfifo", [join(d, "pipe.txt")]);
    const out = tmp();
    const r = await run(["parse", d, "--out", out, "--report", join(out, "report.ndjson")]);
    expect(r.code).toBe(0);
    const lines = report(join(out, "report.ndjson"));
    expect(lines.map((l) => [String(l.path).slice(d.length + 1), l.status, l.code ?? null]).sort()).toEqual([
      ["empty.txt", "error", "empty-file"], ["ok.txt", "ok", null], ["pipe.txt", "skipped", "not-a-regular-file"],
    ]);
    const ok = lines.find((l) => l.status === "ok")!;
    expect(ok).toMatchObject({ cached: false, meetings: 1, participants: 1, items: 1 });
    expect(typeof ok.ms).toBe("number");
    expect(r.stderr).toMatch(/3 inputs: 1 parsed \(0 from the cache\), 1 failed, 1 skipped/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("exits 3 when the output folder cannot be written", async () => {
    const d = tmp();
    writeFileSync(join(d, "ok.txt"), MIN);
    const file = join(d, "not-a-folder");
    writeFileSync(file, "");
    const r = await run(["parse", join(d, "ok.txt"), "--out", join(file, "out")]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("cannot write");
    const ro = join(d, "ro");
    mkdirSync(ro);
    chmodSync(ro, 0o500);
    if (process.getuid?.() !== 0) expect((await run(["parse", join(d, "ok.txt"), "--out", ro])).code).toBe(3);
  });

  it("exits 130 when interrupted, writing no table", async () => {
    const d = tmp();
    for (let i = 0; i < 30; i++) writeFileSync(join(d, `f${i}.txt`), MIN + `\nRad ${i}.\n`);
    const out = tmp();
    const stop = new AbortController();
    const pending = run(["parse", d, "--out", out, "--format", "csv", "--jobs", "1", "-q"], "", stop.signal);
    setTimeout(() => stop.abort(), 50);
    expect((await pending).code).toBe(130);
    expect(readdirSync(out).filter((f) => f.endsWith(".csv") || f.includes(".tmp-"))).toEqual([]);
  });

  it("marks every --out folder and skips an earlier run's output folder inside the archive as output-folder", async () => {
    const d = tmp();
    mkdirSync(join(d, "2024"));
    writeFileSync(join(d, "2024", "ks.txt"), MIN);
    // An earlier run wrote its output (CSV tables, DATA_DICTIONARY.md, emitted texts) into the archive.
    const old = join(d, "gammal-körning");
    expect((await run(["parse", join(d, "2024"), "--out", old, "--format", "csv", "-q"])).code).toBe(0);
    expect(readFileSync(join(old, ".protokoll-output"), "utf8")).toContain("protokoll");
    writeFileSync(join(old, "ks.txt"), MIN.replace("Eva Ek", "Kopia Kopiasson"));
    writeFileSync(join(old, "ks.md"), MIN);

    const out = tmp();
    const rep = join(out, "..", `report-${Date.now()}.ndjson`);
    const r = await run(["parse", d, "--out", out, "--report", rep, "-q"]);
    expect(r.code).toBe(0);
    const lines = report(rep);
    expect(lines.filter((l) => l.status === "ok").map((l) => l.path)).toEqual([join(d, "2024", "ks.txt")]);
    expect(lines.find((l) => l.code === "output-folder")).toMatchObject({ path: old, status: "skipped" });
    expect(existsSync(join(out, "gammal-körning"))).toBe(false);

    // The same under a glob, reported once for the folder.
    const g = expandInputs([join(d, "**/*.{txt,md}")]);
    expect(g.files.map((f) => f.path)).toEqual([join(d, "2024", "ks.txt")]);
    expect(g.skipped).toEqual([expect.objectContaining({ path: old, code: "output-folder" })]);
  });
});

