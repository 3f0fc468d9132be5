import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { run } from "./run.js";

const seeds = new URL("../../fixtures/seeds/", import.meta.url).pathname;
const seed1 = join(seeds, "001_a621b5fab89fefd5.txt");
const tmp = () => mkdtempSync(join(tmpdir(), "protokoll-"));

describe("protokoll parse", () => {
  it("prints one input's JSON on stdout", async () => {
    const r = await run(["parse", seed1]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.schemaVersion).toBe("1");
    expect(out.meetings.map((m: { kind: string }) => m.kind)).toEqual(["agenda", "extract"]);
  });

  it("reads standard input with -", async () => {
    const r = await run(["parse", "-"], readFileSync(seed1, "utf8"));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.source.path).toBe("<stdin>");
    expect(out.meetings[0].items).toHaveLength(5);
  });

  it("writes <name>.json per input of a folder with --out, and the canonical text with --emit-text", async () => {
    const dir = tmp();
    const r = await run(["parse", seeds, "--out", dir, "--emit-text", "-q"]);
    expect(r.code).toBe(0);
    const files = readdirSync(dir).sort();
    expect(files.filter((f) => f.endsWith(".json"))).toHaveLength(5);
    expect(files.filter((f) => f.endsWith(".txt"))).toHaveLength(5);
    // Every span points into the emitted canonical text.
    const out = JSON.parse(readFileSync(join(dir, "001_a621b5fab89fefd5.json"), "utf8"));
    const text = readFileSync(join(dir, "001_a621b5fab89fefd5.txt"), "utf8");
    for (const m of out.meetings) {
      for (const d of m.dates) expect(text.slice(d.span.start, d.span.end)).toBe(d.text);
      for (const p of m.participants) expect(text.slice(p.span.start, p.span.end)).toContain(p.name);
      for (const i of m.items) expect(text.slice(i.span.start, i.span.end)).toContain(i.number);
    }
  });

  it("gives inputs that would collide their extension in the output name", async () => {
    const src = tmp();
    writeFileSync(join(src, "x.txt"), "Protokoll\nPlats och tid Rådhuset kl 9\nBeslutande Eva Ek (S)\n§ 1 Öppnande\n");
    writeFileSync(join(src, "x.md"), "Protokoll\n\nPlats och tid Rådhuset kl 9\n\n§ 1 Öppnande\n");
    const dir = tmp();
    expect((await run(["parse", src, "--out", dir, "-q"])).code).toBe(0);
    expect(readdirSync(dir).filter((f) => !f.startsWith(".")).sort()).toEqual(["x.md.json", "x.txt.json"]);
  });

  it("writes CSV tables whose meeting_id keys all resolve", async () => {
    const dir = tmp();
    const r = await run(["parse", seeds, "--out", dir, "--format", "csv", "-q"]);
    expect(r.code).toBe(0);
    const read = (t: string) => parseCsv(readFileSync(join(dir, `${t}.csv`), "utf8"), { columns: true }) as Array<Record<string, string>>;
    const meetings = read("meetings");
    expect(meetings.length).toBe(4);
    const ids = new Set(meetings.map((m) => m.meeting_id));
    for (const t of ["participants", "items", "dates", "follow_ups", "attendance"]) {
      const rows = read(t);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(ids.has(row.meeting_id!)).toBe(true);
    }
    const participants = new Set(read("participants").map((p) => p.participant_id));
    for (const a of read("attendance")) expect(participants.has(a.participant_id!)).toBe(true);
  });

  it("goes on past a bad input, names it and its reason on stderr; exit 0, or 1 with --strict", async () => {
    const src = tmp();
    writeFileSync(join(src, "a.txt"), "Protokoll\nPlats och tid Rådhuset kl 9\n§ 1 Öppnande\n");
    writeFileSync(join(src, "b.pdf"), "%PDF-1.4\n");
    writeFileSync(join(src, "c.txt"), "");
    const dir = tmp();
    const r = await run(["parse", src, "--out", dir]);
    expect(r.code).toBe(0);
    expect((await run(["parse", src, "--out", tmp(), "--strict"])).code).toBe(1);
    expect(r.stderr).toContain("b.pdf");
    expect(r.stderr).toContain("(corrupt-pdf)");
    expect(r.stderr).toContain("c.txt");
    expect(r.stderr).toContain("(empty-file)");
    expect(readdirSync(dir).filter((f) => !f.startsWith("."))).toEqual(["a.json"]);
  });

  it("exits 2 on usage errors", async () => {
    expect((await run(["parse"])).code).toBe(2);
    expect((await run(["parse", seed1, "--format", "xml"])).code).toBe(2);
    const csvWithoutOut = await run(["parse", seed1, "--format", "csv"]);
    expect(csvWithoutOut.code).toBe(2);
    expect(csvWithoutOut.stderr).toContain("--out");
    expect((await run(["nonsense"])).code).toBe(2);
  });

  it("reports a missing input (exit 1 with --strict)", async () => {
    const r = await run(["parse", "/no/such/file.txt", "--strict"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("/no/such/file.txt: no such file or folder (not-found)");
  });

  it("streams NDJSON, one document per line", async () => {
    const r = await run(["parse", seeds, "--format", "ndjson", "-q"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines).toHaveLength(5);
    for (const l of lines) expect(JSON.parse(l).schemaVersion).toBe("1");
  });

  it("shows examples in --help", async () => {
    const r = await run(["parse", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Examples:");
    expect(r.stdout).toContain("--format");
  });
});

describe("protokoll schema", () => {
  it("prints the JSON Schema, the same as the copy in the repository", async () => {
    const r = await run(["schema"]);
    expect(r.code).toBe(0);
    const committed = readFileSync(new URL("../../schema/output.schema.json", import.meta.url), "utf8");
    expect(r.stdout).toBe(committed);
  });
});

