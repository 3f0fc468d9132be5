import type { CsvDialect } from "./csv.js";
import type { Table } from "./tables.js";

const XSD: Record<string, string> = { string: "string", integer: "integer", number: "decimal", boolean: "boolean", date: "date" };

/** CSV on the Web metadata (csv-metadata.json): every table, column, type and key of the run. */
export function csvMetadata(tables: Table[], dialect: CsvDialect): unknown {
  return {
    "@context": "http://www.w3.org/ns/csvw",
    "dc:title": "protokoll: Swedish meeting minutes as tables",
    dialect: dialect === "excel" ? { delimiter: ";", encoding: "utf-8", header: true, lineTerminators: ["\r\n"] } : { delimiter: ",", encoding: "utf-8", header: true },
    tables: tables.map((t) => ({
      url: `${t.name}.csv`,
      tableSchema: {
        columns: t.columns.map((c) => ({
          name: c,
          titles: c,
          datatype: XSD[t.types[c] ?? "string"],
          "dc:description": t.describe[c] ?? "",
          required: t.primaryKey.includes(c),
          ...(t.lists.includes(c) ? { separator: ";" } : {}),
        })),
        ...(t.primaryKey.length ? { primaryKey: t.primaryKey.length === 1 ? t.primaryKey[0] : t.primaryKey } : {}),
        foreignKeys: Object.entries(t.foreignKeys).map(([col, [table, ref]]) => ({
          columnReference: col,
          reference: { resource: `${table}.csv`, columnReference: ref },
        })),
      },
    })),
  };
}

/** A Markdown data dictionary generated from the same table definitions. */
export function dataDictionary(tables: Table[]): string {
  const out = [
    "# Data dictionary", "",
    "Tables written by `protokoll parse --format csv|sqlite`. Keys join the tables; spans point into the canonical text (`--emit-text`).", "",
    "Every input occurrence is one row of `documents` (parsed, failed or skipped), keyed by `document_id`, a hash of the input path as given and the file's sha256. " +
      "Every other key is the JSON output's id prefixed with the document id (`d…:3f2a…-m1`), so the same bytes under two paths are two documents whose keys never collide. " +
      "List columns are joined by `;`. In `--csv-dialect excel`, digit codes with a leading zero are written as `=\"0180\"` so spreadsheets keep them as text, " +
      "and a text longer than Excel's 32,767 characters is cut and ends with a marker (the rfc dialect, the JSON and SQLite keep it whole).", "",
    ...(tables.some((t) => t.columns.includes("evidence"))
      ? ["With `--evidence`, the `evidence` column lists the rules behind each fact as `field=rule` entries joined by `;` (`found=` for the rules that found the fact); every rule id is listed with its meaning in `src/model/rules.ts`.", ""]
      : []),
  ];
  return [...out, ...dictionarySections(tables)].join("\n");
}

/** One section per table: its key, references and columns (shared by the parse and link dictionaries). */
export function dictionarySections(tables: Table[]): string[] {
  const out: string[] = [];
  for (const t of tables) {
    out.push(`## ${t.name}`, "");
    if (t.primaryKey.length) out.push(`Key: ${t.primaryKey.map((c) => `\`${c}\``).join(" + ")}.`);
    const fks = Object.entries(t.foreignKeys).map(([c, [tb, ref]]) => `\`${c}\` → \`${tb}.${ref}\``);
    if (fks.length) out.push(`References: ${fks.join(", ")}.`);
    out.push("", "| column | type | meaning |", "| --- | --- | --- |");
    for (const c of t.columns) out.push(`| \`${c}\` | ${t.types[c]} | ${t.describe[c] ?? ""} |`);
    out.push("");
  }
  return out;
}
