import { closeSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "csv-stringify/sync";
import { emptyTables, forEachRow, type Cell, type DocumentEntry, type Table, type TableOptions } from "./tables.js";

/** rfc: RFC 4180 (comma, LF). excel: what Swedish Excel opens directly (semicolon, UTF-8 BOM, CRLF). */
export type CsvDialect = "rfc" | "excel";

/** Excel keeps at most this many characters in a cell; LibreOffice opens longer ones but Excel cuts them silently. */
export const EXCEL_CELL_LIMIT = 32_767;
/** Ends a text cut to EXCEL_CELL_LIMIT, so a reader knows the rest is in the JSON or the rfc dialect. */
export const TRUNCATION_MARKER = " [… cut at the 32,767 characters Excel keeps in a cell: full text in the JSON or --csv-dialect rfc]";

/** A text cell Excel would read as a formula (= + - @) gets a leading apostrophe. */
function neutralise(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** Cuts a cell to Excel's limit, marker included, never inside a surrogate pair. */
export function fitExcelCell(cell: string): string {
  if (cell.length <= EXCEL_CELL_LIMIT) return cell;
  let cut = EXCEL_CELL_LIMIT - TRUNCATION_MARKER.length;
  if (/[\ud800-\udbff]/.test(cell[cut - 1]!)) cut--;
  return cell.slice(0, cut) + TRUNCATION_MARKER;
}

/**
 * A code of digits with a leading zero (SCB 0180, region 01) or more digits than a spreadsheet
 * number keeps is written as the formula ="0180": Excel and LibreOffice show it as the text 0180,
 * where the bare digits would become the number 180. Only digit strings are wrapped, so no other
 * text can become a formula.
 */
function keepDigitsText(cell: string): string | null {
  return /^(?:0\d+|\d{16,})$/.test(cell) ? `="${cell}"` : null;
}

function excelCell(cell: Cell): Cell {
  if (typeof cell !== "string") return cell;
  return keepDigitsText(cell) ?? neutralise(fitExcelCell(cell));
}

export function formatRows(rows: Cell[][], dialect: CsvDialect): string {
  const excel = dialect === "excel";
  return stringify(excel ? rows.map((r) => r.map(excelCell)) : rows, {
    delimiter: excel ? ";" : ",",
    record_delimiter: excel ? "windows" : "unix",
    // A line break inside a cell is quoted whatever the record delimiter, or Excel splits the row.
    quoted_match: /[\r\n]/,
    cast: { boolean: (b) => (b ? "true" : "false") },
  });
}

/** Rows are written out in chunks of this many, so no table of a document is held whole. */
const CHUNK_ROWS = 512;

interface TempFile {
  fd: number | null;
  tmp: string;
  path: string;
}

/**
 * CSV tables for a whole run, written as documents arrive: rows go to temporary files in chunks,
 * so memory stays flat however large a table grows (a person × item attendance matrix). At the
 * end every table and the metadata are complete on disk before the first is renamed into place:
 * a failed write (a full disk) leaves no table of the run, and the previous run's tables intact.
 */
export class CsvSink {
  readonly tables: Table[];
  private readonly files = new Map<string, TempFile>();
  private readonly pending = new Map<string, Cell[][]>();

  constructor(private readonly dir: string, private readonly dialect: CsvDialect, private readonly options: TableOptions = {}) {
    this.tables = emptyTables(options);
    try {
      for (const t of this.tables) {
        const file = this.temp(`${t.name}.csv`);
        this.files.set(t.name, file);
        file.fd = openSync(file.tmp, "w");
        writeSync(file.fd, (dialect === "excel" ? "\ufeff" : "") + formatRows([t.columns], dialect));
      }
    } catch (e) {
      this.abort();
      throw e;
    }
  }

  private temp(name: string): TempFile {
    const path = join(this.dir, name);
    return { fd: null, tmp: `${path}.tmp-${process.pid}`, path };
  }

  add(doc: DocumentEntry): void {
    forEachRow(doc, (name, row) => {
      const rows = this.pending.get(name) ?? [];
      rows.push(row);
      this.pending.set(name, rows);
      if (rows.length >= CHUNK_ROWS) this.flush(name);
    }, this.options);
    for (const name of [...this.pending.keys()]) this.flush(name);
  }

  private flush(name: string): void {
    const rows = this.pending.get(name);
    this.pending.delete(name);
    if (rows?.length) writeSync(this.files.get(name)!.fd!, formatRows(rows, this.dialect));
  }

  /** Writes the extra files (metadata, dictionary) beside the tables, then renames everything into place. */
  finish(extra: Record<string, string>): void {
    try {
      for (const [name, data] of Object.entries(extra)) {
        const file = this.temp(name);
        this.files.set(name, file);
        writeFileSync(file.tmp, data);
      }
      for (const file of this.files.values()) {
        if (file.fd !== null) closeSync(file.fd);
        file.fd = null;
      }
    } catch (e) {
      this.abort();
      throw e;
    }
    for (const { tmp, path } of this.files.values()) renameSync(tmp, path);
    this.files.clear();
  }

  abort(): void {
    for (const file of this.files.values()) {
      try {
        if (file.fd !== null) closeSync(file.fd);
      } catch {
        // Closing after a failed write may fail again; the temporary file is removed all the same.
      }
      rmSync(file.tmp, { force: true });
    }
    this.files.clear();
    this.pending.clear();
  }
}

export { emptyTables };
