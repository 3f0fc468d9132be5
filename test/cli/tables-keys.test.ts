import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { run } from "./run.js";

// An archive with the same bytes twice (2019/ and 2020/), another minutes file and an empty file.
const root = mkdtempSync(join(tmpdir(), "protokoll-keys-"));
const archive = join(root, "arkiv");
const fixture = (name: string) => new URL(`../fixtures/documents/${name}`, import.meta.url);
const sql = (db: string, query: string) => execFileSync("sqlite3", ["-separator", "|", db, query], { encoding: "utf8" }).trim();
const readTable = (dir: string, t: string) => parseCsv(readFileSync(join(dir, `${t}.csv`), "utf8"), { columns: true }) as Array<Record<string, string>>;

beforeAll(() => {
  for (const year of ["2019", "2020"]) {
    mkdirSync(join(archive, year), { recursive: true });
    copyFileSync(fixture("partial-attendance.txt"), join(archive, year, "ks.txt"));
  }
  copyFileSync(fixture("motions-vote-reservations.txt"), join(archive, "2020", "kf.txt"));
  writeFileSync(join(archive, "2020", "tom.txt"), "");
});

describe("tables of an archive with the same file twice", () => {
  it("CSV: two documents, two meetings, no key twice in any table (composite keys too)", async () => {
    const out = join(root, "csv");
    expect((await run(["parse", archive, "--out", out, "--format", "csv", "-q"])).code).toBe(0);
    const meta = JSON.parse(readFileSync(join(out, "csv-metadata.json"), "utf8")) as { tables: Array<{ url: string; tableSchema: { primaryKey: string | string[] } }> };
    for (const t of meta.tables) {
      const rows = readTable(out, t.url.replace(/\.csv$/, ""));
      const pk = ([] as string[]).concat(t.tableSchema.primaryKey);
      expect({ t: t.url, n: new Set(rows.map((r) => pk.map((c) => r[c]).join("\u0000"))).size }).toEqual({ t: t.url, n: rows.length });
    }
    const meetings = readTable(out, "meetings");
    expect(meetings.map((m) => m.source).sort()).toEqual([join(archive, "2019/ks.txt"), join(archive, "2020/kf.txt"), join(archive, "2020/ks.txt")]);
    expect(readTable(out, "documents").map((d) => [d.path.slice(archive.length + 1), d.status, d.code])).toEqual([
      ["2019/ks.txt", "ok", ""], ["2020/kf.txt", "ok", ""], ["2020/ks.txt", "ok", ""], ["2020/tom.txt", "error", "empty-file"],
    ]);
    expect(readTable(out, "participants")[0]).toHaveProperty("capacity");
  });

  it("SQLite: the run completes, documents reconcile the file count, and SQLite agrees with the CSV", async () => {
    const out = join(root, "db");
    const r = await run(["parse", archive, "--out", out, "--format", "sqlite", "--report", join(root, "r.ndjson"), "-q"]);
    expect(r.stderr).not.toMatch(/UNIQUE/);
    expect(r.code).toBe(0);
    const db = join(out, "protokoll.sqlite");
    expect(sql(db, "SELECT status, count(*) FROM documents GROUP BY status ORDER BY status")).toBe("error|1\nok|3");
    expect(sql(db, "SELECT count(DISTINCT meeting_id) FROM meetings")).toBe("3");
    expect(sql(db, "SELECT code, severity FROM warnings WHERE code = 'empty-file'")).toBe("empty-file|error");
    // Every document row joins back to its meetings: the two copies are two documents with a meeting each.
    expect(sql(db, "SELECT count(*) FROM documents d JOIN meetings m ON m.document_id = d.document_id")).toBe("3");
    expect(readFileSync(join(root, "r.ndjson"), "utf8").trim().split("\n")).toHaveLength(4);
    const csv = join(root, "csv");
    for (const t of ["documents", "warnings", "meetings", "participants", "items", "attendance", "dates", "decisions"]) {
      expect({ t, n: Number(sql(db, `SELECT count(*) FROM ${t}`)) }).toEqual({ t, n: readTable(csv, t).length });
    }
  });

  it("SQLite: every column is queried without quotes, and every foreign key has an index", async () => {
    const db = join(root, "db", "protokoll.sqlite");
    const tables = sql(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").split("\n");
    expect(tables).toContain("documents");
    for (const t of tables) {
      const cols = sql(db, `SELECT name FROM pragma_table_info('${t}')`).split("\n");
      expect(cols).not.toContain("group");
      // Unquoted in the select list, a WHERE and an ORDER BY: a keyword such as group would be a syntax error.
      for (const c of cols) sql(db, `SELECT ${c} FROM ${t} WHERE ${c} IS NOT NULL ORDER BY ${c} LIMIT 1`);
      const fks = sql(db, `SELECT "from" FROM pragma_foreign_key_list('${t}')`).split("\n").filter(Boolean);
      const indexed = new Set(sql(db, `SELECT ii.name FROM pragma_index_list('${t}') il, pragma_index_info(il.name) ii WHERE ii.seqno = 0`).split("\n"));
      for (const fk of fks) expect({ t, fk, indexed: indexed.has(fk) }).toEqual({ t, fk, indexed: true });
    }
    expect(sql(db, "PRAGMA foreign_key_check;")).toBe("");
  });
});
