import type { CsvDialect } from "./csv.js";
import type { Table } from "./tables.js";

const XSD: Record<string, string> = { string: "string", integer: "integer", boolean: "boolean", date: "date" };

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
          required: c === t.primaryKey,
        })),
        ...(t.primaryKey ? { primaryKey: t.primaryKey } : {}),
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
  const out = ["# Data dictionary", "", "Tables written by `protokoll parse --format csv|sqlite`. Keys join the tables; spans point into the canonical text (`--emit-text`).", ""];
  for (const t of tables) {
    out.push(`## ${t.name}`, "");
    if (t.primaryKey) out.push(`Key: \`${t.primaryKey}\`.`);
    const fks = Object.entries(t.foreignKeys).map(([c, [tb, ref]]) => `\`${c}\` → \`${tb}.${ref}\``);
    if (fks.length) out.push(`References: ${fks.join(", ")}.`);
    out.push("", "| column | type | meaning |", "| --- | --- | --- |");
    for (const c of t.columns) out.push(`| \`${c}\` | ${t.types[c]} | ${t.describe[c] ?? ""} |`);
    out.push("");
  }
  return out.join("\n");
}
