import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { readInputFile } from "../../src/cli/batch/read.js";
import { run } from "./run.js";

const MIN = "Protokoll\nPlats och tid Rådhuset kl 9\nBeslutande Eva Ek (S)\n\n§ 1 Öppnande\nText.\n";
const tmp = () => mkdtempSync(join(tmpdir(), "protokoll-ll-"));
const lines = (p: string) => readFileSync(p, "utf8").trim().split("\n").filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
const tree = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    if (f.startsWith(".protokoll")) return [];
    const p = join(dir, f);
    return statSync(p).isDirectory() ? tree(p).map((x) => `${f}/${x}`) : [f];
  }).sort();

describe("output names", () => {
  it("files with the same name in two folders, given as files, get two outputs", async () => {
    const d = tmp();
    for (const [dir, who] of [["a", "Eva Ek"], ["b", "Bo Berg"]] as const) {
      mkdirSync(join(d, dir));
      writeFileSync(join(d, dir, "protokoll.txt"), MIN.replace("Eva Ek", who));
    }
    const out = tmp();
    expect((await run(["parse", join(d, "a", "protokoll.txt"), join(d, "b", "protokoll.txt"), "--out", out, "-q"])).code).toBe(0);
    expect(tree(out)).toEqual(["a/protokoll.json", "b/protokoll.json"]);
    expect(JSON.parse(readFileSync(join(out, "b", "protokoll.json"), "utf8")).meetings[0].participants[0].name).toBe("Bo Berg");
  });

  it("a collision still possible (names that differ only in case) fails the second input, never overwrites", async () => {
    const d = tmp();
    writeFileSync(join(d, "KS.txt"), MIN);
    writeFileSync(join(d, "ks.txt"), MIN.replace("Eva Ek", "Bo Berg"));
    const out = tmp();
    const r = await run(["parse", d, "--out", out, "--report", join(d, "r.ndjson")]);
    expect(lines(join(d, "r.ndjson")).map((l) => [relative(d, String(l.path)), l.code])).toEqual([["KS.txt", "name-collision"], ["ks.txt", "name-collision"]]);
    expect(lines(join(d, "r.ndjson")).map((l) => l.status)).toEqual(["warning", "error"]);
    expect(r.stderr).toContain("not written");
    expect(tree(out)).toEqual(["KS.txt.json"]);
  });

  it("several folder roots are mirrored below their common ancestor", async () => {
    const d = tmp();
    for (const dir of ["2019", "2020"]) {
      mkdirSync(join(d, dir));
      writeFileSync(join(d, dir, "ks.txt"), MIN);
    }
    const out = tmp();
    expect((await run(["parse", join(d, "2019"), join(d, "2020"), "--out", out, "-q"])).code).toBe(0);
    expect(tree(out)).toEqual(["2019/ks.json", "2020/ks.json"]);
  });

  it("globs with .. never write outside --out; --files-from lines are paths, not globs", async () => {
    const d = tmp();
    mkdirSync(join(d, "x", "y"), { recursive: true });
    writeFileSync(join(d, "top.txt"), MIN);
    writeFileSync(join(d, "x", "a[1].txt"), MIN);
    writeFileSync(join(d, "x", "a1.txt"), MIN);
    const out = join(d, "x", "y", "out");
    expect((await run(["parse", join(d, "x", "y", "..", "..", "*.txt"), "--out", out, "-q"])).code).toBe(0);
    expect(tree(out)).toEqual(["top.json"]);
    expect(readdirSync(d).sort()).toEqual(["top.txt", "x"]);
    const list = join(d, "list.txt");
    writeFileSync(list, join(d, "x", "a[1].txt") + "\n");
    const out2 = tmp();
    expect((await run(["parse", "--files-from", list, "--out", out2, "-q"])).code).toBe(0);
    expect(tree(out2)).toEqual(["a[1].json"]);
  });

  it("--shard splits by a path that does not depend on how the archive was spelled", async () => {
    const d = tmp();
    for (let i = 0; i < 12; i++) writeFileSync(join(d, `f${i}.txt`), MIN + `Rad ${i}.\n`);
    const spellings = [d, "./" + relative(process.cwd(), d), relative(process.cwd(), d) + "/"];
    const parts: string[][][] = [];
    for (const s of spellings) {
      const mine: string[][] = [];
      for (const k of [1, 2, 3]) {
        const out = tmp();
        // One worker per run: nine runs, each starting a pool (test/cli/shard.test.ts checks more spellings without parsing).
        await run(["parse", s, "--out", out, "--shard", `${k}/3`, "--jobs", "1", "-q"]);
        mine.push(tree(out));
      }
      parts.push(mine);
    }
    expect(parts[1]).toEqual(parts[0]);
    expect(parts[2]).toEqual(parts[0]);
    expect(parts[0]!.flat().sort()).toEqual(Array.from({ length: 12 }, (_, i) => `f${i}.json`).sort());
  }, 60_000);
});

describe("cache, output folder and stale outputs", () => {
  it("a .txt and a .md with the same bytes do not share a cache entry", async () => {
    const d = tmp();
    const md = "# Protokoll\n\nPlats och tid Rådhuset kl 9\n\nBeslutande Eva Ek (S)\n\n## § 1 Öppnande\n\nText.\n";
    writeFileSync(join(d, "a.md"), md);
    writeFileSync(join(d, "b.txt"), md);
    const out = tmp();
    expect((await run(["parse", d, "--out", out, "--jobs", "1", "-q"])).code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, "a.json"), "utf8")).source.format).toBe("markdown");
    expect(JSON.parse(readFileSync(join(out, "b.json"), "utf8")).source.format).toBe("text");
  });

  it("skips the output folder inside the input folder, and --exclude globs", async () => {
    const d = tmp();
    writeFileSync(join(d, "ks.txt"), MIN);
    mkdirSync(join(d, "drafts"));
    writeFileSync(join(d, "drafts", "utkast.txt"), MIN);
    writeFileSync(join(d, "old.md"), MIN);
    const out = join(d, "out");
    for (let i = 0; i < 2; i++) {
      const r = await run(["parse", d, "--out", out, "--emit-text", "--exclude", "drafts", "--exclude", "*.md", "--report", join(d, "r.ndjson"), "-q"]);
      expect(r.code).toBe(0);
    }
    expect(lines(join(d, "r.ndjson")).map((l) => relative(d, String(l.path)))).toEqual(["ks.txt"]);
    expect(tree(out)).toEqual(["ks.json", "ks.txt"]);
  });

  it("says when outputs belong to inputs no longer there, and --prune removes them", async () => {
    const d = tmp();
    mkdirSync(join(d, "2020"));
    writeFileSync(join(d, "2020", "gone.txt"), MIN);
    writeFileSync(join(d, "kept.txt"), MIN);
    const out = tmp();
    await run(["parse", d, "--out", out]);
    unlinkSync(join(d, "2020", "gone.txt"));
    const r = await run(["parse", d, "--out", out]);
    expect(r.stderr).toMatch(/1 output in .* belong to no input of this run \(e\.g\. 2020\/gone\.json\); --prune removes them/);
    expect(existsSync(join(out, "2020", "gone.json"))).toBe(true);
    await run(["parse", d, "--out", out, "--prune", "-q"]);
    expect(tree(out)).toEqual(["kept.json"]);
  });
});

describe("exits and the report", () => {
  it("a single input that fails exits 1; a folder or glob with no input exits 1 and writes no table", async () => {
    const d = tmp();
    writeFileSync(join(d, "empty.txt"), "");
    const r = await run(["parse", join(d, "empty.txt")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("empty-file");
    mkdirSync(join(d, "none"));
    const out = tmp();
    const r2 = await run(["parse", join(d, "none"), "--out", out, "--format", "csv"]);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toContain("no input to parse");
    expect(tree(out)).toEqual([]);
    const r3 = await run(["parse", join(d, "none", "*.pdf"), "--out", out]);
    expect(r3.code).toBe(1);
    expect(r3.stderr).toContain("matches no input");
  });

  it("writes the report line by line: an interrupted run keeps the lines of the files done", async () => {
    const d = tmp();
    for (let i = 0; i < 40; i++) writeFileSync(join(d, `f${String(i).padStart(2, "0")}.txt`), MIN + `\nRad ${i}.\n`);
    const out = tmp();
    const stop = new AbortController();
    const pending = run(["parse", d, "--out", out, "--jobs", "1", "--report", join(out, "r.ndjson"), "-q"], "", stop.signal);
    const t = setInterval(() => {
      if (existsSync(join(out, "r.ndjson")) && readFileSync(join(out, "r.ndjson"), "utf8").split("\n").length > 3) stop.abort();
    }, 20);
    expect((await pending).code).toBe(130);
    clearInterval(t);
    const got = lines(join(out, "r.ndjson"));
    expect(got.length).toBeGreaterThan(2);
    expect(got.length).toBeLessThan(40);
    for (const l of got) expect(typeof l.ms).toBe("number");
  }, 60_000);

  it("rejects out-of-range --timeout, --max-memory; finds an unwritable --report before parsing", async () => {
    const d = tmp();
    writeFileSync(join(d, "a.txt"), MIN);
    expect((await run(["parse", join(d, "a.txt"), "--timeout", "2147484"])).code).toBe(2);
    expect((await run(["parse", join(d, "a.txt"), "--timeout", "9999999"])).code).toBe(2);
    expect((await run(["parse", join(d, "a.txt"), "--max-memory", "1e300"])).code).toBe(2);
    const out = tmp();
    const r = await run(["parse", join(d, "a.txt"), "--out", out, "--report", join(d, "no", "such", "r.ndjson")]);
    expect(r.code).toBe(3);
    expect(tree(out)).toEqual([]);
  });

  it("--out under /proc fails fast with exit 3", async () => {
    if (!existsSync("/proc/self")) return;
    const d = tmp();
    writeFileSync(join(d, "a.txt"), MIN);
    const r = await run(["parse", join(d, "a.txt"), "--out", "/proc/self/protokoll-out"]);
    expect(r.code).toBe(3);
  });

  it("help and options: PDF and SQLite named, --format in any case, --csv-dialect and --emit-text need their partners", async () => {
    const d = tmp();
    writeFileSync(join(d, "a.txt"), MIN);
    const help = (await run(["parse", "--help"])).stdout;
    expect(help).toMatch(/PDF/);
    expect(help).toMatch(/SQLite/);
    expect(help).toMatch(/any input/);
    expect(help).toMatch(/\/proc/);
    const out = tmp();
    expect((await run(["parse", join(d, "a.txt"), "--format", "NDJSON"])).code).toBe(0);
    expect((await run(["parse", join(d, "a.txt"), "--format", "CSV", "--out", out, "-q"])).code).toBe(0);
    expect((await run(["parse", join(d, "a.txt"), "--csv-dialect", "excel"])).code).toBe(2);
    expect((await run(["parse", join(d, "a.txt"), "--emit-text"])).code).toBe(2);
  });

  it("a .txt whose first KiB mentions %PDF- is read as text", async () => {
    const d = tmp();
    writeFileSync(join(d, "a.txt"), "Om filformatet %PDF-1.7 i arkivet.\n\n" + MIN);
    const r = await run(["parse", join(d, "a.txt")]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).source.format).toBe("text");
  });
});

describe("nothing outside what was asked is read or written", () => {
  it("does not follow links out of the input folder unless --follow-links", async () => {
    const d = tmp();
    const outside = tmp();
    writeFileSync(join(outside, "secret.txt"), MIN);
    mkdirSync(join(d, "arkiv"));
    writeFileSync(join(d, "arkiv", "ks.txt"), MIN);
    symlinkSync(join(outside, "secret.txt"), join(d, "arkiv", "secret.txt"));
    symlinkSync("/etc", join(d, "arkiv", "etc"));
    // A link inside the input folder is followed (and the file it names is parsed once).
    symlinkSync(join(d, "arkiv", "ks.txt"), join(d, "arkiv", "inside.txt"));
    const out = tmp();
    await run(["parse", join(d, "arkiv"), "--out", out, "--report", join(d, "r.ndjson"), "-q"]);
    const got = lines(join(d, "r.ndjson")).map((l) => [relative(d, String(l.path)), l.code ?? null]).sort();
    expect(got).toEqual([["arkiv/etc", "link-outside-input"], ["arkiv/inside.txt", null], ["arkiv/secret.txt", "link-outside-input"]]);
    const out2 = tmp();
    await run(["parse", join(d, "arkiv"), "--out", out2, "--follow-links", "--exclude", "etc", "-q"]);
    expect(tree(out2)).toEqual(["inside.json", "secret.json"]);
  });

  it("never writes over an input: --out an input folder, or --emit-text onto a source, is a usage error", async () => {
    const d = tmp();
    writeFileSync(join(d, "a.txt"), "Protokoll\r\nText\u00a0här.\r\n");
    const before = readFileSync(join(d, "a.txt"));
    expect((await run(["parse", d, "--out", d, "--emit-text"])).code).toBe(2);
    expect((await run(["parse", join(d, "a.txt"), "--out", d, "--emit-text"])).code).toBe(2);
    expect(readFileSync(join(d, "a.txt"))).toEqual(before);
  });

  it("reads non-UTF-8 file names and escapes names in messages", async () => {
    const d = tmp();
    writeFileSync(Buffer.from(join(d, "caf\xe9.txt"), "latin1"), MIN);
    writeFileSync(join(d, "evil\nprotokoll: forged.txt"), "");
    const out = tmp();
    const r = await run(["parse", d, "--out", out, "--report", join(d, "r.ndjson")]);
    const paths = lines(join(d, "r.ndjson")).map((l) => relative(d, String(l.path))).sort();
    expect(paths).toEqual(["caf\\xe9.txt", "evil\\nprotokoll: forged.txt"]);
    expect(tree(out)).toEqual(["caf\\xe9.json"]);
    expect(r.stderr.split("\n").some((l) => l.startsWith("protokoll: forged"))).toBe(false);
  });

  it("opens only regular files, checked on the opened file; a file over --max-size is limit-exceeded unread", async () => {
    const d = tmp();
    execFileSync("mkfifo", [join(d, "swapped.txt")]);
    expect(() => readInputFile(join(d, "swapped.txt"), 1e6)).toThrow(/not a regular file/);
    writeFileSync(join(d, "big.txt"), MIN.repeat(200));
    const r = await run(["parse", join(d, "big.txt"), "--max-size", "0.001"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("limit-exceeded");
  });
});
