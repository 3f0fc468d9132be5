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

/** Writes all files to temporary names first, then renames them: a failed write leaves none in place. */
function writeAllOrNone(dir: string, files: Record<string, string | Uint8Array>): void {
  const written: string[] = [];
  const tmp = (name: string) => `${join(dir, name)}.tmp-${process.pid}`;
  try {
    for (const [name, data] of Object.entries(files)) {
      written.push(tmp(name));
      writeFileSync(tmp(name), data);
    }
  } catch (e) {
    for (const t of written) rmSync(t, { force: true });
    throw e;
  }
  for (const name of Object.keys(files)) renameSync(tmp(name), join(dir, name));
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
  const sqlite = new SqliteSink(options);
  await sqlite.open();
  return {
    add: (doc) => sqlite.add(doc),
    finish: () => writeAllOrNone(dir, { "protokoll.sqlite": sqlite.finish(), "DATA_DICTIONARY.md": dataDictionary(sqlite.tables) }),
    abort: () => undefined,
  };
}
