import { closeSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "csv-stringify/sync";
import type { Output } from "../model/schema.js";
import { emptyTables, forEachRow, type Cell, type Table } from "./tables.js";

/** rfc: RFC 4180 (comma, LF). excel: what Swedish Excel opens directly (semicolon, UTF-8 BOM, CRLF). */
export type CsvDialect = "rfc" | "excel";

/** A text cell Excel would read as a formula (= + - @) gets a leading apostrophe. */
function neutralise(cell: Cell): Cell {
  return typeof cell === "string" && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export function formatRows(rows: Cell[][], dialect: CsvDialect): string {
  const excel = dialect === "excel";
  return stringify(excel ? rows.map((r) => r.map(neutralise)) : rows, {
    delimiter: excel ? ";" : ",",
    record_delimiter: excel ? "windows" : "unix",
    // A line break inside a cell is quoted whatever the record delimiter, or Excel splits the row.
    quoted_match: /[\r\n]/,
    cast: { boolean: (b) => (b ? "true" : "false") },
  });
}

export function tableToCsv(table: Table, dialect: CsvDialect = "rfc"): string {
  return (dialect === "excel" ? "\ufeff" : "") + formatRows([table.columns, ...table.rows], dialect);
}

/**
 * CSV tables for a whole run, written as documents arrive: rows go to temporary files that are
 * renamed into place at the end, so memory stays flat and an interrupted run leaves no half table.
 */
export class CsvSink {
  readonly tables: Table[] = emptyTables();
  private readonly fds = new Map<string, { fd: number; tmp: string; path: string }>();

  constructor(private readonly dir: string, private readonly dialect: CsvDialect) {
    for (const t of this.tables) {
      const path = join(dir, `${t.name}.csv`);
      const tmp = `${path}.tmp-${process.pid}`;
      const fd = openSync(tmp, "w");
      writeSync(fd, (dialect === "excel" ? "\ufeff" : "") + formatRows([t.columns], dialect));
      this.fds.set(t.name, { fd, tmp, path });
    }
  }

  add(output: Output): void {
    const pending = new Map<string, Cell[][]>();
    forEachRow(output, (name, row) => {
      const rows = pending.get(name) ?? [];
      rows.push(row);
      pending.set(name, rows);
    });
    for (const [name, rows] of pending) writeSync(this.fds.get(name)!.fd, formatRows(rows, this.dialect));
  }

  finish(): void {
    for (const { fd, tmp, path } of this.fds.values()) {
      closeSync(fd);
      renameSync(tmp, path);
    }
    this.fds.clear();
  }

  abort(): void {
    for (const { fd, tmp } of this.fds.values()) {
      closeSync(fd);
      rmSync(tmp, { force: true });
    }
    this.fds.clear();
  }
}

export { emptyTables };
