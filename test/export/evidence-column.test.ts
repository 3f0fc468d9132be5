import { statSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CsvSink } from "../../src/export/csv.js";
import { csvMetadata } from "../../src/export/csvw.js";
import { SqliteSink } from "../../src/export/sqlite.js";
import { emptyTables, evidenceCell, forEachRow, type Cell, type DocumentEntry, type TableOptions } from "../../src/export/tables.js";
import { parseTextSync } from "../../src/pipeline.js";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/documents/${name}`, import.meta.url));

function parsed(path: string, name = "motions-vote-reservations.txt"): DocumentEntry {
  const { output } = parseTextSync(fixture(name), { path });
  return { path, sha256: output.source.sha256, status: "ok", code: null, message: null, output, warnings: [] };
}

function rowsOf(doc: DocumentEntry, options: TableOptions): Map<string, Cell[][]> {
  const out = new Map<string, Cell[][]>();
  forEachRow(doc, (t, row) => out.set(t, [...(out.get(t) ?? []), row]), options);
  return out;
}

const WITH_EVIDENCE = ["meetings", "participants", "items", "decisions", "follow_ups"];

describe("the opt-in evidence column", () => {
  it("is absent unless asked", () => {
    for (const t of emptyTables()) expect(t.columns, t.name).not.toContain("evidence");
  });

  it("with { evidence: true } every fact table has it, every row fills it, and rows keep their column count", () => {
    const tables = emptyTables({ evidence: true });
    const rows = rowsOf(parsed("a.txt"), { evidence: true });
    for (const t of tables) {
      expect(t.columns.includes("evidence"), t.name).toBe(WITH_EVIDENCE.includes(t.name));
      for (const r of rows.get(t.name) ?? []) expect(r, t.name).toHaveLength(t.columns.length);
      if (!WITH_EVIDENCE.includes(t.name)) continue;
      const i = t.columns.indexOf("evidence");
      const cells = (rows.get(t.name) ?? []).map((r) => String(r[i]));
      expect(cells.length, t.name).toBeGreaterThan(0);
      for (const c of cells) expect(c, t.name).toMatch(/^[a-zA-Z]+=[a-z]+\/[a-z0-9-]+(?:;[a-zA-Z]+=[a-z]+\/[a-z0-9-]+)*$/);
    }
    const decision = tables.find((t) => t.name === "decisions")!;
    for (const r of rows.get("decisions")!) expect(String(r[decision.columns.indexOf("evidence")])).toMatch(/^(?:decision|proposal)=/);
  });

  it("writes field=rule entries joined by ;, which CSVW declares as a list", () => {
    expect(evidenceCell({ found: ["attendance/heading-list"], group: ["attendance/group-heading", "attendance/serving-label"] }))
      .toBe("found=attendance/heading-list;group=attendance/group-heading;group=attendance/serving-label");
    const meta = csvMetadata(emptyTables({ evidence: true }), "rfc") as { tables: Array<{ url: string; tableSchema: { columns: Array<{ name: string; separator?: string }> } }> };
    const col = meta.tables.find((t) => t.url === "participants.csv")!.tableSchema.columns.find((c) => c.name === "evidence");
    expect(col?.separator).toBe(";");
  });

  it("reaches the CSV files and the SQLite tables", async () => {
    const dir = mkdtempSync(join(tmpdir(), "protokoll-evidence-"));
    const csv = new CsvSink(dir, "rfc", { evidence: true });
    csv.add(parsed("a.txt"));
    csv.finish({});
    const items = readFileSync(join(dir, "items.csv"), "utf8");
    expect(items.split("\n")[0]!.split(",")).toContain("evidence");
    expect(items).toMatch(/,found=item\/[a-z-]+(?:;[a-zA-Z]+=[a-z]+\/[a-z0-9-]+)*,/);
    const sqlite = new SqliteSink(join(dir, "evidence.sqlite"), { evidence: true });
    sqlite.open();
    expect(sqlite.add(parsed("a.txt"))).toBeNull();
    expect(sqlite.tables.find((t) => t.name === "meetings")!.columns).toContain("evidence");
    sqlite.finish();
    expect(statSync(join(dir, "evidence.sqlite")).size).toBeGreaterThan(0);
  });
});
