import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { run } from "./run.js";

// A generated archive: 2,000 text and Markdown variants of the fixtures in nested folders, three broken files in the middle.
const root = mkdtempSync(join(tmpdir(), "protokoll-archive-"));
const archive = join(root, "arkiv");
const out = join(root, "out");
const BROKEN = { "2015/kf/tom.txt": "empty-file", "2016/ks/trasig.pdf": "corrupt-pdf", "2017/sn/skannad.pdf": "no-text-layer" } as const;

function sources(): Array<{ name: string; text: string }> {
  const dirs = [new URL("../../fixtures/real/", import.meta.url), new URL("../fixtures/segment/", import.meta.url), new URL("../fixtures/documents/", import.meta.url)];
  return dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith(".txt")).map((f) => ({ name: f.replace(/\.txt$/, ""), text: readFileSync(new URL(f, d), "utf8") })));
}

function build() {
  const src = sources();
  let n = 0;
  for (let i = 0; n < 2000; i++) {
    const s = src[i % src.length]!;
    const folder = `${2010 + (i % 10)}/${["kf", "ks", "sn", "bn"][i % 4]}`;
    mkdirSync(join(archive, folder), { recursive: true });
    const md = i % 3 === 0;
    // Each variant differs by a line, so no two files share content.
    const text = `${s.text}\n\nArkivnummer ${i}.\n`;
    writeFileSync(join(archive, folder, `${s.name}-${i}.${md ? "md" : "txt"}`), text);
    n++;
    // Real archives hold the same file twice: the same bytes under the same name in another folder.
    if (i % 50 === 7) {
      mkdirSync(join(archive, "kopior", folder), { recursive: true });
      writeFileSync(join(archive, "kopior", folder, `${s.name}-${i}.${md ? "md" : "txt"}`), text);
      n++;
    }
    // A .txt and a .md with the same bytes side by side: two inputs, two formats, two outputs.
    if (i === 11) {
      writeFileSync(join(archive, folder, "tvilling.txt"), text);
      writeFileSync(join(archive, folder, "tvilling.md"), text);
      n += 2;
    }
    const broken = (rel: string) => {
      mkdirSync(join(archive, rel, ".."), { recursive: true });
      return join(archive, rel);
    };
    if (n === 700) writeFileSync(broken("2015/kf/tom.txt"), "");
    if (n === 1000) writeFileSync(broken("2016/ks/trasig.pdf"), "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n");
    if (n === 1300) copyFileSync(new URL("../fixtures/pdf/image-only.pdf", import.meta.url), broken("2017/sn/skannad.pdf"));
  }
}

/**
 * A new --out that starts with the first run's parse cache: the run under test writes its tables from
 * the same parsed outputs without parsing 2,000 files again (fresh parses are checked by --jobs 1).
 */
function outWithCache(dir: string): string {
  mkdirSync(dir, { recursive: true });
  cpSync(join(out, ".protokoll-cache"), join(dir, ".protokoll-cache"), { recursive: true });
  return dir;
}

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (f === ".protokoll-cache") return [];
    return statSync(p).isDirectory() ? files(p) : [p];
  });
// Tables are read once per folder and shared by the assertions (the folders are not written again after their run).
const tables = new Map<string, Array<Record<string, string>>>();
const readTable = (dir: string, t: string, delimiter = ",") => {
  const key = `${dir}\u0000${t}\u0000${delimiter}`;
  if (!tables.has(key)) tables.set(key, parseCsv(readFileSync(join(dir, `${t}.csv`), "utf8").replace(/^\ufeff/, ""), { columns: true, delimiter, record_delimiter: ["\n", "\r\n"] }) as Array<Record<string, string>>);
  return tables.get(key)!;
};
const TABLES = ["documents", "warnings", "meetings", "participants", "items", "dates", "follow_ups", "decisions", "motions", "vote_results", "votes", "reservations", "attendance"];

describe("an archive of 2,000 files", { timeout: 600_000 }, () => {
  let first: Awaited<ReturnType<typeof run>>;
  const snapshot = new Map<string, Buffer>();
  beforeAll(async () => {
    build();
    first = await run(["parse", archive, "--jobs", "2", "--out", out, "--format", "csv", "--report", join(root, "r.ndjson"), "-q"]);
    for (const f of files(out)) snapshot.set(f, readFileSync(f));
  }, 600_000);

  const report = () => readFileSync(join(root, "r.ndjson"), "utf8").trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);

  it("completes with exit 0 and reports the three broken files with their codes", () => {
    expect(first.code).toBe(0);
    const lines = report();
    expect(lines).toHaveLength(files(archive).length);
    const errors = lines.filter((l) => l.status === "error").map((l) => [relative(archive, String(l.path)), l.code]);
    expect(Object.fromEntries(errors)).toEqual(BROKEN);
    // Within one run only a repeat of the same bytes in the same format comes from the cache (the
    // .txt/.md twin does not: the format is part of the key).
    const groups = new Map<string, number>();
    for (const l of lines.filter((x) => x.status !== "error")) {
      const p = String(l.path);
      const key = `${p.endsWith(".md") ? "md" : "txt"}:${createHash("sha256").update(readFileSync(p)).digest("hex")}`;
      groups.set(key, (groups.get(key) ?? 0) + 1);
    }
    const repeats = [...groups.values()].reduce((a, n) => a + n - 1, 0);
    expect(repeats).toBeGreaterThan(30);
    expect(lines.filter((l) => l.cached === true)).toHaveLength(repeats);
  });

  it("writes every good file: each input with a meeting has its rows", () => {
    const withMeetings = new Set(report().filter((l) => Number(l.meetings) > 0).map((l) => String(l.path)));
    expect(withMeetings.size).toBeGreaterThan(1500);
    const sources = new Set(readTable(out, "meetings").map((m) => m.source));
    expect(sources).toEqual(withMeetings);
    // Every input, the broken ones too, is one row of documents.
    const documents = readTable(out, "documents");
    expect(documents).toHaveLength(report().length);
    expect(new Set(documents.map((d) => d.path))).toEqual(new Set(report().map((l) => String(l.path))));
  });

  it("accounts for every input in `documents`, and no table has a duplicate key", () => {
    const inputs = files(archive).map((f) => relative(archive, f)).sort();
    const documents = readTable(out, "documents");
    expect(documents.map((d) => relative(archive, d.path!)).sort()).toEqual(inputs);
    const meta = JSON.parse(readFileSync(join(out, "csv-metadata.json"), "utf8"));
    for (const t of TABLES) {
      const pk = meta.tables.find((x: { url: string }) => x.url === `${t}.csv`).tableSchema.primaryKey as string | string[] | undefined;
      if (!pk) continue;
      const cols = Array.isArray(pk) ? pk : [pk];
      const rows = readTable(out, t);
      expect({ t, unique: new Set(rows.map((r) => cols.map((c) => r[c]).join("\u0000"))).size }).toEqual({ t, unique: rows.length });
    }
  });

  it("--jobs 1 without the cache writes the same bytes as --jobs 2", async () => {
    const one = join(root, "one");
    await run(["parse", archive, "--jobs", "1", "--out", one, "--format", "csv", "--no-cache", "-q"]);
    const mine = files(one).map((f) => relative(one, f)).sort();
    expect(mine).toEqual([...snapshot.keys()].map((f) => relative(out, f)).sort());
    for (const f of mine) expect({ f, same: readFileSync(join(one, f)).equals(snapshot.get(join(out, f))!) }).toEqual({ f, same: true });
  });

  it("CSV: every foreign key resolves, and csv-metadata.json lists every column", () => {
    const meta = JSON.parse(readFileSync(join(out, "csv-metadata.json"), "utf8"));
    const keys = new Map<string, Set<string>>();
    for (const t of TABLES) {
      const header = readFileSync(join(out, `${t}.csv`), "utf8").split("\n")[0]!.split(",");
      const described = meta.tables.find((x: { url: string }) => x.url === `${t}.csv`).tableSchema;
      expect(described.columns.map((c: { name: string }) => c.name)).toEqual(header);
      if (typeof described.primaryKey === "string") keys.set(t, new Set(readTable(out, t).map((r) => r[described.primaryKey]!)));
    }
    for (const t of TABLES) {
      const fks = meta.tables.find((x: { url: string }) => x.url === `${t}.csv`).tableSchema.foreignKeys as Array<{ columnReference: string; reference: { resource: string } }>;
      for (const row of readTable(out, t)) {
        for (const fk of fks) {
          const target = keys.get(fk.reference.resource.replace(/\.csv$/, ""))!;
          // An empty reference is allowed (a date in the front matter has no item).
          if (row[fk.columnReference] !== "") expect(target.has(row[fk.columnReference]!), `${t}.${fk.columnReference}`).toBe(true);
        }
      }
    }
  });

  it("a re-run parses nothing and writes byte-identical output; --strict exits 1", async () => {
    const again = await run(["parse", archive, "--jobs", "2", "--out", out, "--format", "csv", "--report", join(root, "r.ndjson"), "--strict", "-q"]);
    expect(again.code).toBe(1);
    expect(report().filter((l) => l.status !== "error").every((l) => l.cached === true)).toBe(true);
    const now = files(out);
    expect(now.sort()).toEqual([...snapshot.keys()].sort());
    for (const f of now) expect(readFileSync(f).equals(snapshot.get(f)!)).toBe(true);
  });

  it("the Excel dialect opens with the right columns (read back with ; and a BOM)", async () => {
    const xl = outWithCache(join(root, "excel"));
    expect((await run(["parse", archive, "--jobs", "2", "--out", xl, "--format", "csv", "--csv-dialect", "excel", "-q"])).code).toBe(0);
    const raw = readFileSync(join(xl, "participants.csv"), "utf8");
    expect(raw.startsWith("\ufeff")).toBe(true);
    expect(raw.split("\r\n")[0]).toBe("\ufeff" + readFileSync(join(out, "participants.csv"), "utf8").split("\n")[0]!.replace(/,/g, ";"));
    for (const t of TABLES) expect(readTable(xl, t, ";").length).toBe(readTable(out, t).length);
    expect(readTable(xl, "items", ";").some((r) => Object.values(r).some((v) => /^[=+@]/.test(v) && !/^="\d+"$/.test(v)))).toBe(false);
  });

  it("SQLite: the sqlite3 tool opens the file and every table has the CSV's row count", async () => {
    const db = outWithCache(join(root, "db"));
    expect((await run(["parse", archive, "--jobs", "2", "--out", db, "--format", "sqlite", "-q"])).code).toBe(0);
    for (const t of TABLES) {
      const n = execFileSync("sqlite3", [join(db, "protokoll.sqlite"), `SELECT count(*) FROM "${t}";`], { encoding: "utf8" }).trim();
      expect({ t, n: Number(n) }).toEqual({ t, n: readTable(out, t).length });
    }
    expect(execFileSync("sqlite3", [join(db, "protokoll.sqlite"), "PRAGMA foreign_key_check;"], { encoding: "utf8" }).trim()).toBe("");
  });
});
