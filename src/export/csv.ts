import { stringify } from "csv-stringify/sync";
import type { Table } from "./tables.js";

/** RFC 4180 CSV with a header row; booleans as true/false, nulls as empty cells. */
export function tableToCsv(table: Table): string {
  return stringify([table.columns, ...table.rows], {
    cast: { boolean: (b) => (b ? "true" : "false") },
    record_delimiter: "unix",
  });
}
