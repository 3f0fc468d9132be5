import { renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CsvSink, type CsvDialect } from "./csv.js";
import { csvMetadata, dataDictionary } from "./csvw.js";
import { SqliteSink } from "./sqlite.js";
import type { DocumentEntry, TableOptions } from "./tables.js";

/** Where a batch hands every input's result (parsed, failed or skipped) when it writes tables. */
export interface TableSink {
  /** Adds one document; returns a warning when the document could not be written whole. */
  add(doc: DocumentEntry): string | null;
  /** Puts every file of the run into place, or none of them. */
  finish(): void;
  /** Removes every temporary file; nothing of the run is left. */
  abort(): void;
}

const SQLITE_FILE = "protokoll.sqlite";
const tempName = (dir: string, name: string) => `${join(dir, name)}.tmp-${process.pid}`;

/**
 * Writes the small files to temporary names, then renames them and the already complete ones
 * (`ready`: name → its temporary file) into place: a failed write leaves none of them in place.
 */
function writeAllOrNone(dir: string, files: Record<string, string>, ready: Record<string, string>): void {
  const written: string[] = [];
  try {
    for (const [name, data] of Object.entries(files)) {
      written.push(tempName(dir, name));
      writeFileSync(tempName(dir, name), data);
    }
  } catch (e) {
    for (const t of written) rmSync(t, { force: true });
    throw e;
  }
  for (const [name, tmp] of Object.entries(ready)) renameSync(tmp, join(dir, name));
  for (const name of Object.keys(files)) renameSync(tempName(dir, name), join(dir, name));
}

export async function openTableSink(format: "csv" | "sqlite", dir: string, dialect: CsvDialect, options: TableOptions = {}): Promise<TableSink> {
  if (format === "csv") {
    const csv = new CsvSink(dir, dialect, options);
    return {
      add: (doc) => (csv.add(doc), null),
      finish: () =>
        csv.finish({
          "csv-metadata.json": JSON.stringify(csvMetadata(csv.tables, dialect), null, 2) + "\n",
          "DATA_DICTIONARY.md": dataDictionary(csv.tables),
        }),
      abort: () => csv.abort(),
    };
  }
  // The database is written straight to a temporary file beside its final name (one file system, so the rename is atomic).
  const sqlite = new SqliteSink(tempName(dir, SQLITE_FILE), options);
  sqlite.open();
  return {
    add: (doc) => sqlite.add(doc),
    finish: () => {
      sqlite.finish();
      try {
        writeAllOrNone(dir, { "DATA_DICTIONARY.md": dataDictionary(sqlite.tables) }, { [SQLITE_FILE]: sqlite.path });
      } catch (e) {
        sqlite.abort();
        throw e;
      }
    },
    abort: () => sqlite.abort(),
  };
}
