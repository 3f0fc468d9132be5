import { createRequire } from "node:module";
import { rmSync, writeFileSync } from "node:fs";
import type { Database, Statement } from "node-sqlite3-wasm";
import { emptyTables, forEachRow, type Cell, type DocumentEntry, type Table, type TableOptions } from "./tables.js";

const require = createRequire(import.meta.url);

/**
 * node-sqlite3-wasm: SQLite compiled to WebAssembly with a VFS on Node's fs, so no native build
 * and no download at install, and pages go to the file as SQLite writes them (its page cache is
 * the only part held in memory). Its lock is a folder `<file>.lock`, held from the first write to
 * close (exclusive locking: nobody else writes a temporary file). Loaded on first use: runs without tables never pay for it.
 */
export function openDatabase(path: string): Database {
  const { Database: Db } = require("node-sqlite3-wasm") as typeof import("node-sqlite3-wasm");
  return new Db(path);
}

const SQL_TYPE = { string: "TEXT", integer: "INTEGER", number: "REAL", boolean: "INTEGER", date: "TEXT" } as const;

/**
 * Table and column names are written unquoted on purpose: a name that needed quoting (a keyword
 * such as `group`) would fail here, so every query an analyst writes needs no quotes either.
 */
export function createStatements(t: Table): string[] {
  const single = t.primaryKey.length === 1 ? t.primaryKey[0] : null;
  const cols = t.columns.map((c) => `${c} ${SQL_TYPE[t.types[c] ?? "string"]}${c === single ? " PRIMARY KEY" : ""}`);
  const pk = t.primaryKey.length > 1 ? [`PRIMARY KEY (${t.primaryKey.join(", ")})`] : [];
  const fks = Object.entries(t.foreignKeys).map(([c, [tb, ref]]) => `FOREIGN KEY (${c}) REFERENCES ${tb}(${ref})`);
  const indexes = Object.keys(t.foreignKeys).map((c) => `CREATE INDEX ${t.name}_${c} ON ${t.name}(${c});`);
  return [`CREATE TABLE ${t.name} (${[...cols, ...pk, ...fks].join(", ")});`, ...indexes];
}

/** Rows per INSERT statement (SQLite allows up to 32,766 bound values in one). */
const BATCH = 64;

/** Documents are committed together once this many rows are pending (a document is never split). */
const COMMIT_ROWS = 20_000;

/**
 * The file is a temporary that is renamed into place only when the run is complete, so a crash
 * leaves nothing anyone would read: no fsync per commit. 32 MB of page cache keeps the index
 * inserts of a large table off the disk without letting memory grow with the table. Foreign keys
 * are declared, not enforced while writing (this build enforces them by default; rows arrive in
 * table order, not reference order): the tests check them with `PRAGMA foreign_key_check`.
 */
const PRAGMAS = ["PRAGMA foreign_keys = OFF", "PRAGMA synchronous = OFF", "PRAGMA cache_size = -32768", "PRAGMA locking_mode = EXCLUSIVE"];

/** SQLite's result codes for a database that can no longer be written (full disk, I/O error, read-only, …), not a bad row. */
const DATABASE_FAILURE = /disk is full|disk I\/O error|readonly|unable to open|database is locked|out of memory|malformed/i;

/** A failure of the database itself: the run cannot go on writing it (the disk is full), unlike one document's bad rows. */
export class SqliteWriteError extends Error {
  readonly code: string;
  constructor(message: string) {
    super(message);
    this.code = /disk is full/i.test(message) ? "ENOSPC" : "EIO";
  }
}

/**
 * The same tables and keys as the CSV output, in one SQLite file (ready for DuckDB or Datasette).
 * Rows are inserted as each document arrives and committed in batches straight into a temporary
 * file beside the final one, so memory stays flat however large a table grows (a person × item
 * attendance matrix); finish() closes the file and leaves the rename to the caller.
 */
export class SqliteSink {
  readonly tables: Table[];
  private db: Database | null = null;
  private readonly inserts = new Map<string, Statement>();
  private readonly batchInserts = new Map<string, Statement>();
  private readonly widths = new Map<string, number>();
  private uncommitted = 0;

  /** @param path the temporary file the database is written to (replaced if it exists). */
  constructor(readonly path: string, private readonly options: TableOptions = {}) {
    this.tables = emptyTables(options);
  }

  open(): void {
    this.removeFiles();
    try {
      // Created empty first, so the file gets the usual mode (umask), not the VFS's owner-only one; SQLite takes an empty file as a new database.
      writeFileSync(this.path, "");
      const db = (this.db = openDatabase(this.path));
      for (const p of PRAGMAS) db.exec(p);
      db.exec("BEGIN");
      for (const t of this.tables) for (const st of createStatements(t)) db.exec(st);
      this.prepareInserts();
    } catch (e) {
      this.abort();
      throw asWriteError(e, this.path);
    }
  }

  private prepareInserts(): void {
    this.finalizeInserts();
    for (const t of this.tables) {
      const row = `(${t.columns.map(() => "?").join(", ")})`;
      this.widths.set(t.name, t.columns.length);
      this.inserts.set(t.name, this.db!.prepare(`INSERT INTO ${t.name} VALUES ${row}`));
      this.batchInserts.set(t.name, this.db!.prepare(`INSERT INTO ${t.name} VALUES ${Array(BATCH).fill(row).join(", ")}`));
    }
  }

  private insert(doc: DocumentEntry): void {
    // Rows are bound BATCH at a time per table (one statement of BATCH rows): each statement costs a
    // crossing into WebAssembly and a VDBE run of its own. A table's rows keep their order.
    const pending = new Map<string, Cell[]>();
    const flush = (name: string, values: Cell[]) => {
      const width = this.widths.get(name)!;
      const rows = values.length / width;
      if (rows === BATCH) this.batchInserts.get(name)!.run(values);
      else for (let r = 0; r < rows; r++) this.inserts.get(name)!.run(values.slice(r * width, (r + 1) * width));
      this.uncommitted += rows;
    };
    forEachRow(doc, (name, row) => {
      let values = pending.get(name);
      if (!values) pending.set(name, (values = []));
      for (const c of row) values.push(typeof c === "boolean" ? (c ? 1 : 0) : c);
      if (values.length === BATCH * this.widths.get(name)!) {
        flush(name, values);
        pending.set(name, []);
      }
    }, this.options);
    for (const [name, values] of pending) if (values.length) flush(name, values);
  }

  /**
   * Inserts one document's rows, all or none. A document whose rows fail (a key collision) is
   * returned as a warning, never thrown: one document never aborts a run. A database that can no
   * longer be written (a full disk) throws a SqliteWriteError.
   */
  add(doc: DocumentEntry): string | null {
    try {
      return this.addDocument(doc);
    } catch (e) {
      // Only the database itself fails here (a document's own failure was returned): a write error of the run.
      throw asWriteError(e, this.path);
    }
  }

  private addDocument(doc: DocumentEntry): string | null {
    const db = this.db!;
    if (this.uncommitted >= COMMIT_ROWS) {
      this.commit();
      db.exec("BEGIN");
    }
    const attempt = (entry: DocumentEntry): string | null => {
      db.exec("SAVEPOINT document");
      try {
        this.insert(entry);
        db.exec("RELEASE document");
        return null;
      } catch (e) {
        const message = (e as Error).message;
        if (DATABASE_FAILURE.test(message) || !db.inTransaction) throw e;
        db.exec("ROLLBACK TO document");
        db.exec("RELEASE document");
        // A statement whose step failed reports that failure again on its next reset (and this binding throws on it): start afresh.
        this.prepareInserts();
        return message;
      }
    };
    const failure = attempt(doc);
    if (failure === null) return null;
    const message = `not written to SQLite: ${failure}`;
    // The document is still listed, with the reason, so file counts reconcile.
    attempt({ ...doc, status: "warning", code: "sqlite-insert-failed", message, output: null, warnings: [...doc.warnings, { code: "sqlite-insert-failed", message }] });
    return message;
  }

  private commit(): void {
    try {
      this.db!.exec("COMMIT");
    } catch (e) {
      throw asWriteError(e, this.path);
    }
    this.uncommitted = 0;
  }

  /** Commits the last rows and closes the file: the database at `path` is complete. */
  finish(): void {
    try {
      this.commit();
      this.close();
    } catch (e) {
      this.abort();
      throw asWriteError(e, this.path);
    }
  }

  /** Closes the database and removes its temporary file (and SQLite's journal and lock beside it). */
  abort(): void {
    try {
      this.close();
    } catch {
      // Closing a database whose disk is full may fail again; its files are removed all the same.
    }
    this.removeFiles();
  }

  /** Finalizing a statement whose last step failed reports that failure again: it is freed all the same. */
  private finalizeInserts(): void {
    for (const st of [...this.inserts.values(), ...this.batchInserts.values()]) {
      try {
        st.finalize();
      } catch {
        // The failure was already returned for its document.
      }
    }
    this.inserts.clear();
    this.batchInserts.clear();
  }

  private close(): void {
    this.finalizeInserts();
    const db = this.db;
    this.db = null;
    if (db?.isOpen) {
      if (db.inTransaction) db.exec("ROLLBACK");
      db.close();
    }
  }

  private removeFiles(): void {
    for (const f of [this.path, `${this.path}-journal`, `${this.path}.lock`]) rmSync(f, { force: true, recursive: true });
  }
}

function asWriteError(e: unknown, path: string): Error {
  if (e instanceof SqliteWriteError || (e as NodeJS.ErrnoException)?.code) return e as Error;
  return new SqliteWriteError(`${path}: ${(e as Error).message}`);
}
