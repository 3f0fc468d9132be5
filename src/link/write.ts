import { renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { formatRows, type CsvDialect } from "../export/csv.js";
import { csvMetadata, dataDictionary, dictionarySections } from "../export/csvw.js";
import { createStatements, openDatabase, SqliteSink } from "../export/sqlite.js";
import { emptyTables, type Cell, type DocumentEntry, type Table } from "../export/tables.js";
import { casesPage, personsPage } from "./review-pages.js";
import { forEachLinkRow, linkTables, type LinkResult } from "./tables.js";

export const LINK_SQLITE = "protokoll-link.sqlite";

/** The link tables' dictionary: what each column holds, and how the links were made. */
export function linkDictionary(tables: Table[]): string {
  return [
    "# Data dictionary: links across meetings", "",
    "Tables written by `protokoll link` (and `parse --link`). Participant, meeting, item and follow-up ids are the keys of the `parse --format csv|sqlite` tables, " +
      "so the link tables join them directly. Scores run from 0 to 1; `reasons` says in words what the `rules` ids (src/model/rules.ts) found. List columns are joined by `;`.", "",
    ...dictionarySections(tables),
  ].join("\n");
}

/** CSV tables only reference tables beside them: the parse tables may not be in this folder. */
function localKeys(tables: Table[]): Table[] {
  const names = new Set(tables.map((t) => t.name));
  return tables.map((t) => ({ ...t, foreignKeys: Object.fromEntries(Object.entries(t.foreignKeys).filter(([, [tb]]) => names.has(tb))) }));
}

function rowsByTable(result: LinkResult): Map<string, Cell[][]> {
  const rows = new Map<string, Cell[][]>();
  forEachLinkRow(result, (name, row) => {
    const list = rows.get(name);
    if (list) list.push(row);
    else rows.set(name, [row]);
  });
  return rows;
}

/** Writes every file to a temporary name first and renames them only when all are written. */
function writeAll(dir: string, files: Record<string, string>): void {
  const tmp = (name: string) => `${join(dir, name)}.tmp-${process.pid}`;
  try {
    for (const [name, data] of Object.entries(files)) writeFileSync(tmp(name), data);
  } catch (e) {
    for (const name of Object.keys(files)) rmSync(tmp(name), { force: true });
    throw e;
  }
  for (const name of Object.keys(files)) renameSync(tmp(name), join(dir, name));
}

/** persons.csv … case_items.csv with their CSVW metadata (link-metadata.json) and dictionary (LINK_DICTIONARY.md). */
export function writeLinkCsv(dir: string, result: LinkResult, dialect: CsvDialect): string[] {
  const tables = localKeys(linkTables());
  const rows = rowsByTable(result);
  const files: Record<string, string> = {};
  for (const t of tables) files[`${t.name}.csv`] = (dialect === "excel" ? "\ufeff" : "") + formatRows([t.columns, ...(rows.get(t.name) ?? [])], dialect);
  files["link-metadata.json"] = JSON.stringify(csvMetadata(tables, dialect), null, 2) + "\n";
  files["LINK_DICTIONARY.md"] = linkDictionary(linkTables());
  writeAll(dir, files);
  return Object.keys(files);
}

/** Full-text search over item titles, texts and decisions (FTS5: the SQLite build has no FTS4), and views that save analysts the joins. */
const SEARCH_AND_VIEWS = [
  "CREATE VIRTUAL TABLE items_fts USING fts5(item_id UNINDEXED, title, text, decision, tokenize = 'unicode61 remove_diacritics 0')",
  "INSERT INTO items_fts SELECT item_id, title, text, decision FROM items",
  `CREATE VIEW v_attendance AS SELECT a.person_id, p.name, p.organisation, a.body, a.year, a.attended, a.absent, a.unknown,
     ROUND(1.0 * a.attended / NULLIF(a.attended + a.absent, 0), 3) AS attendance_rate
     FROM person_attendance a JOIN persons p ON p.person_id = a.person_id`,
  `CREATE VIEW v_open_follow_ups AS SELECT m.body, m.organisation, f.responsible AS owner, s.due, s.status, s.score, f.text,
     f.item, m.date AS meeting_date, s.follow_up_id, s.meeting_id, s.reasons
     FROM follow_up_status s JOIN follow_ups f ON f.follow_up_id = s.follow_up_id JOIN meetings m ON m.meeting_id = s.meeting_id
     WHERE s.status IN ('open', 'overdue') ORDER BY m.body, owner, s.due`,
  `CREATE VIEW v_case_history AS SELECT c.case_id, c.case_number, c.seq, c.date, c.body, c.number, c.title, i.outcome, i.decision, c.item_id, c.meeting_id
     FROM case_items c JOIN items i ON i.item_id = c.item_id ORDER BY c.case_id, c.seq`,
];

/**
 * One SQLite file with the parse tables of every output (written by the parse sink, so keys and
 * columns are the same) and the link tables beside them, every foreign key indexed, the search
 * index and the views.
 */
export function writeLinkSqlite(dir: string, documents: Iterable<DocumentEntry>, result: LinkResult): string[] {
  const path = join(dir, LINK_SQLITE);
  const sink = new SqliteSink(`${path}.tmp-${process.pid}`);
  sink.open();
  try {
    for (const d of documents) sink.add(d);
    sink.finish();
    const db = openDatabase(sink.path);
    try {
      db.exec("BEGIN");
      const tables = linkTables();
      for (const t of tables) for (const st of createStatements(t)) db.exec(st);
      const rows = rowsByTable(result);
      for (const t of tables) {
        const insert = db.prepare(`INSERT INTO ${t.name} VALUES (${t.columns.map(() => "?").join(", ")})`);
        for (const row of rows.get(t.name) ?? []) insert.run(row.map((c) => (typeof c === "boolean" ? (c ? 1 : 0) : c)));
        insert.finalize();
      }
      for (const st of SEARCH_AND_VIEWS) db.exec(st);
      db.exec("COMMIT");
    } finally {
      db.close();
    }
    writeAll(dir, { "LINK_DICTIONARY.md": linkDictionary(linkTables()) });
    renameSync(sink.path, path);
  } catch (e) {
    sink.abort();
    throw e;
  }
  return [LINK_SQLITE, "LINK_DICTIONARY.md"];
}

/** persons.html (each person's mentions and link reasons, refused links) and cases.html (case histories, follow-up statuses). */
export function writeLinkPages(dir: string, result: LinkResult): string[] {
  const files = { "persons.html": personsPage(result), "cases.html": casesPage(result) };
  writeAll(dir, files);
  return Object.keys(files);
}

/** DATA_DICTIONARY.md of the repository: every table of `parse --format csv|sqlite` and of `protokoll link`. */
export function repositoryDataDictionary(): string {
  const nest = (md: string) => md.replace(/^# .*\n/, "").replace(/^## /gm, "### ");
  return [
    "# Data dictionary", "",
    "Generated by `node scripts/write-data-dictionary.mjs` from the table definitions (src/export/tables.ts, src/link/tables.ts).", "",
    "## Tables of `protokoll parse --format csv|sqlite`", nest(dataDictionary(emptyTables())), "",
    "## Tables of `protokoll link`", nest(linkDictionary(linkTables())),
  ].join("\n");
}
