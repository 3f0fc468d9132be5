import { createRequire } from "node:module";
import type { Database, SqlJsStatic } from "sql.js";
import { emptyTables, forEachRow, type Cell, type DocumentEntry, type Table, type TableOptions } from "./tables.js";

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

/**
 * Table and column names are written unquoted on purpose: a name that needed quoting (a keyword
 * such as `group`) would fail here, so every query an analyst writes needs no quotes either.
 */
function createStatements(t: Table): string[] {
  const single = t.primaryKey.length === 1 ? t.primaryKey[0] : null;
  const cols = t.columns.map((c) => `${c} ${SQL_TYPE[t.types[c] ?? "string"]}${c === single ? " PRIMARY KEY" : ""}`);
  const pk = t.primaryKey.length > 1 ? [`PRIMARY KEY (${t.primaryKey.join(", ")})`] : [];
  const fks = Object.entries(t.foreignKeys).map(([c, [tb, ref]]) => `FOREIGN KEY (${c}) REFERENCES ${tb}(${ref})`);
  const indexes = Object.keys(t.foreignKeys).map((c) => `CREATE INDEX ${t.name}_${c} ON ${t.name}(${c});`);
  return [`CREATE TABLE ${t.name} (${[...cols, ...pk, ...fks].join(", ")});`, ...indexes];
}

/** Documents are committed together once this many rows are pending (a document is never split). */
const COMMIT_ROWS = 20_000;

/**
 * The same tables and keys as the CSV output, in one SQLite file (ready for DuckDB or Datasette).
 * sql.js keeps the database in memory until finish() exports its bytes: rows are inserted as each
 * document arrives and committed in batches, but the database itself is held whole.
 */
export class SqliteSink {
  readonly tables: Table[];
  private db: Database | null = null;
  private inserts = new Map<string, ReturnType<Database["prepare"]>>();
  private uncommitted = 0;

  constructor(private readonly options: TableOptions = {}) {
    this.tables = emptyTables(options);
  }

  async open(): Promise<void> {
    const SQL = await load();
    this.db = new SQL.Database();
    this.db.run("BEGIN");
    for (const t of this.tables) {
      for (const st of createStatements(t)) this.db.run(st);
      this.inserts.set(t.name, this.db.prepare(`INSERT INTO ${t.name} VALUES (${t.columns.map(() => "?").join(", ")})`));
    }
  }

  private insert(doc: DocumentEntry): void {
    forEachRow(doc, (name, row) => {
      this.inserts.get(name)!.run(row.map((c: Cell) => (typeof c === "boolean" ? (c ? 1 : 0) : c)));
      this.uncommitted++;
    }, this.options);
  }

  /** Inserts one document's rows, all or none. A failure is returned as a warning, never thrown: one document never aborts a run. */
  add(doc: DocumentEntry): string | null {
    const db = this.db!;
    if (this.uncommitted >= COMMIT_ROWS) {
      db.run("COMMIT");
      db.run("BEGIN");
      this.uncommitted = 0;
    }
    const attempt = (entry: DocumentEntry): string | null => {
      db.run("SAVEPOINT document");
      try {
        this.insert(entry);
        db.run("RELEASE document");
        return null;
      } catch (e) {
        db.run("ROLLBACK TO document");
        db.run("RELEASE document");
        return (e as Error).message;
      }
    };
    const failure = attempt(doc);
    if (failure === null) return null;
    const message = `not written to SQLite: ${failure}`;
    // The document is still listed, with the reason, so file counts reconcile.
    attempt({ ...doc, status: "warning", code: "sqlite-insert-failed", message, output: null, warnings: [...doc.warnings, { code: "sqlite-insert-failed", message }] });
    return message;
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
