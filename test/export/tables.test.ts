import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CsvSink } from "../../src/export/csv.js";
import { csvMetadata } from "../../src/export/csvw.js";
import { SqliteSink } from "../../src/export/sqlite.js";
import { emptyTables, forEachRow, type Cell, type DocumentEntry } from "../../src/export/tables.js";
import { parseTextSync } from "../../src/pipeline.js";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/documents/${name}`, import.meta.url));

function parsed(path: string, name = "partial-attendance.txt"): DocumentEntry {
  const { output } = parseTextSync(fixture(name), { path });
  return { path, sha256: output.source.sha256, status: "ok", code: null, message: null, output, warnings: [] };
}

function rowsOf(docs: DocumentEntry[]): Map<string, Cell[][]> {
  const out = new Map<string, Cell[][]>();
  for (const d of docs) forEachRow(d, (t, row) => out.set(t, [...(out.get(t) ?? []), row]));
  return out;
}

describe("table rows", () => {
  it("the same bytes under two paths are two documents: every primary key stays unique and every foreign key resolves", () => {
    const docs = [parsed("2019/protokoll.txt"), parsed("2020/protokoll.txt"), parsed("2020/annat.txt", "motions-vote-reservations.txt")];
    expect(docs[0]!.sha256).toBe(docs[1]!.sha256);
    const rows = rowsOf(docs);
    const keys = new Map<string, Set<string>>();
    for (const t of emptyTables()) {
      const all = rows.get(t.name) ?? [];
      const pk = t.primaryKey.map((c) => t.columns.indexOf(c));
      expect(pk.length, t.name).toBeGreaterThan(0);
      const seen = new Set(all.map((r) => JSON.stringify(pk.map((i) => r[i]))));
      expect({ t: t.name, unique: seen.size }).toEqual({ t: t.name, unique: all.length });
      if (pk.length === 1) keys.set(t.name, new Set(all.map((r) => String(r[pk[0]!]))));
    }
    expect(rows.get("meetings")).toHaveLength(2 + 1);
    for (const t of emptyTables()) {
      for (const [col, [target]] of Object.entries(t.foreignKeys)) {
        const i = t.columns.indexOf(col);
        for (const r of rows.get(t.name) ?? []) if (r[i] !== null) expect(keys.get(target)!.has(String(r[i])), `${t.name}.${col}`).toBe(true);
      }
    }
  });

  it("lists every input in documents, with failed ones, and every warning in warnings", () => {
    const failed: DocumentEntry = { path: "2021/tom.txt", sha256: null, status: "error", code: "empty-file", message: "the file is empty", output: null, warnings: [] };
    const ok = { ...parsed("a.txt"), warnings: [{ code: "cache-write-failed", message: "not cached: ENOSPC" }] };
    const rows = rowsOf([ok, failed]);
    const docs = emptyTables().find((t) => t.name === "documents")!;
    const col = (r: Cell[], c: string) => r[docs.columns.indexOf(c)];
    expect(rows.get("documents")!.map((r) => [col(r, "path"), col(r, "status"), col(r, "code"), col(r, "format"), col(r, "meetings")])).toEqual([
      ["a.txt", "ok", null, "text", 1],
      ["2021/tom.txt", "error", "empty-file", null, 0],
    ]);
    const codes = rows.get("warnings")!.map((r) => r[2]);
    expect(codes).toContain("cache-write-failed");
    expect(codes).toContain("empty-file");
    expect(codes.length).toBe(ok.output!.warnings.length + 2);
  });

  it("dates and follow-ups carry the id of their item; positions come in one fixed order", () => {
    const doc = parsed("a.txt", "motions-vote-reservations.txt");
    doc.output!.meetings[0]!.participants[0]!.positions = ["adjuster", "chair"];
    const rows = rowsOf([doc]);
    const t = (name: string) => emptyTables().find((x) => x.name === name)!;
    const items = new Map(rows.get("items")!.map((r) => [r[2], r[0]]));
    for (const name of ["dates", "follow_ups"]) {
      const cols = t(name).columns;
      const all = rows.get(name)!;
      expect(all.some((r) => r[cols.indexOf("item")] !== null), name).toBe(true);
      for (const r of all) {
        const item = r[cols.indexOf("item")];
        expect(r[cols.indexOf("item_id")]).toBe(item === null ? null : items.get(item));
      }
      expect(t(name).foreignKeys.item_id).toEqual(["items", "item_id"]);
    }
    expect(rows.get("participants")![0]![t("participants").columns.indexOf("positions")]).toBe("chair;adjuster");
  });
});

describe("CSVW metadata", () => {
  const meta = csvMetadata(emptyTables(), "rfc") as { tables: Array<{ url: string; tableSchema: { columns: Array<{ name: string; separator?: string }>; primaryKey?: string | string[]; foreignKeys: Array<{ columnReference: string; reference: { resource: string } }> } }> };
  const schema = (t: string) => meta.tables.find((x) => x.url === `${t}.csv`)!.tableSchema;

  it("declares ; as the separator of list columns, composite keys, and item_id on dates and follow-ups", () => {
    const sep = (t: string, c: string) => schema(t).columns.find((x) => x.name === c)!.separator;
    expect([sep("participants", "positions"), sep("meetings", "adjusters"), sep("meetings", "scheduled_meetings"), sep("items", "outcomes"), sep("dates", "inferred")]).toEqual([";", ";", ";", ";", ";"]);
    expect(sep("items", "title")).toBeUndefined();
    expect(schema("attendance").primaryKey).toEqual(["participant_id", "item_id"]);
    expect(schema("decisions").primaryKey).toEqual(["item_id", "kind"]);
    expect(schema("votes").primaryKey).toEqual(["vote_id", "seq"]);
    for (const t of ["dates", "follow_ups"]) expect(schema(t).foreignKeys).toContainEqual({ columnReference: "item_id", reference: { resource: "items.csv", columnReference: "item_id" } });
    expect(schema("meetings").foreignKeys).toContainEqual({ columnReference: "document_id", reference: { resource: "documents.csv", columnReference: "document_id" } });
  });
});

describe("SQLite sink", () => {
  const sqlite = (db: string, query: string) => execFileSync("sqlite3", [db, query], { encoding: "utf8" }).trim();

  it("a document whose rows cannot be inserted is a warning for that document, never an aborted run", () => {
    const path = join(mkdtempSync(join(tmpdir(), "protokoll-sqlite-")), "t.sqlite");
    const sink = new SqliteSink(path);
    sink.open();
    const doc = parsed("a.txt");
    expect(sink.add(doc)).toBeNull();
    // The same entry twice: its keys collide.
    expect(sink.add(doc)).toMatch(/UNIQUE constraint failed/);
    // The next document after a failed insert is written whole (the failed statements are not reused).
    expect(sink.add(parsed("b.txt"))).toBeNull();
    sink.finish();
    // The second a.txt is not written at all (its warning row has the same document id): a's rows once, b's whole.
    expect(sqlite(path, "SELECT path || ' ' || status FROM documents ORDER BY rowid").split("\n")).toEqual(["a.txt ok", "b.txt ok"]);
    const attendance = rowsOf([parsed("a.txt")]).get("attendance")!.length;
    expect(Number(sqlite(path, "SELECT count(*) FROM attendance"))).toBe(2 * attendance);
  });

  it("writes through to its file while documents arrive, and abort() leaves no file behind", () => {
    const dir = mkdtempSync(join(tmpdir(), "protokoll-sqlite-"));
    const sink = new SqliteSink(join(dir, "t.sqlite"));
    sink.open();
    const empty = statSync(join(dir, "t.sqlite")).size;
    // More rows than one commit batch: the first batches are on disk before the run ends.
    const doc = parsed("a.txt");
    for (let i = 0; statSync(join(dir, "t.sqlite")).size === empty; i++) {
      expect(i).toBeLessThan(5000);
      expect(sink.add({ ...doc, path: `${i}.txt` })).toBeNull();
    }
    sink.abort();
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("CSV sink", () => {
  it("streams a table larger than one chunk and keeps every row", () => {
    const dir = mkdtempSync(join(tmpdir(), "protokoll-sink-"));
    const sink = new CsvSink(dir, "rfc");
    const docs = Array.from({ length: 40 }, (_, i) => parsed(`${i}.txt`));
    for (const d of docs) sink.add(d);
    sink.finish({});
    const expected = rowsOf(docs).get("attendance")!.length;
    expect(expected).toBeGreaterThan(512);
    expect(readFileSync(join(dir, "attendance.csv"), "utf8").trim().split("\n")).toHaveLength(expected + 1);
  });
});
