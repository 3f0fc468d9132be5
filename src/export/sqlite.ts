import { createRequire } from "node:module";
import type { Database, SqlJsStatic } from "sql.js";
import type { Output } from "../model/schema.js";
import { emptyTables, forEachRow, type Cell, type Table } from "./tables.js";

const require = createRequire(import.meta.url);
let sql: Promise<SqlJsStatic> | null = null;

// sql.js: SQLite compiled to WebAssembly, so no native build step at install time.
function load(): Promise<SqlJsStatic> {
  if (!sql) {
    const init = require("sql.js") as (config?: unknown) => Promise<SqlJsStatic>;
    sql = init({ locateFile: (f: string) => require.resolve(`sql.js/dist/${f}`) });
  }
  return sql;
}

const SQL_TYPE = { string: "TEXT", integer: "INTEGER", boolean: "INTEGER", date: "TEXT" } as const;
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function createStatements(t: Table): string {
  const cols = t.columns.map((c) => `${quote(c)} ${SQL_TYPE[t.types[c] ?? "string"]}${c === t.primaryKey ? " PRIMARY KEY" : ""}`);
  const fks = Object.entries(t.foreignKeys).map(([c, [tb, ref]]) => `FOREIGN KEY (${quote(c)}) REFERENCES ${quote(tb)}(${quote(ref)})`);
  return `CREATE TABLE ${quote(t.name)} (${[...cols, ...fks].join(", ")});`;
}

/** The same tables and keys as the CSV output, in one SQLite file (ready for DuckDB or Datasette). */
export class SqliteSink {
  readonly tables: Table[] = emptyTables();
  private db: Database | null = null;
  private inserts = new Map<string, ReturnType<Database["prepare"]>>();

  async open(): Promise<void> {
    const SQL = await load();
    this.db = new SQL.Database();
    this.db.run("BEGIN");
    for (const t of this.tables) {
      this.db.run(createStatements(t));
      this.inserts.set(t.name, this.db.prepare(`INSERT INTO ${quote(t.name)} VALUES (${t.columns.map(() => "?").join(", ")})`));
    }
  }

  add(output: Output): void {
    forEachRow(output, (name, row) => this.inserts.get(name)!.run(row.map((c: Cell) => (typeof c === "boolean" ? (c ? 1 : 0) : c))));
  }

  /** The database file's bytes. */
  finish(): Uint8Array {
    for (const st of this.inserts.values()) st.free();
    this.inserts.clear();
    this.db!.run("COMMIT");
    const bytes = this.db!.export();
    this.db!.close();
    this.db = null;
    return bytes;
  }
}
