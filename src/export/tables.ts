import type { Output, Warning } from "../model/schema.js";
import type { Span } from "../types.js";
import { documentId, tableKey } from "../model/ids.js";

export type Cell = string | number | boolean | null;

/** Options of the table output. */
export interface TableOptions {
  /** Add an `evidence` column (the rule ids behind each fact) to meetings, participants, items, decisions and follow_ups. */
  evidence?: boolean;
}

/** The tables that get the opt-in `evidence` column. */
const EVIDENCE_TABLES = new Set(["meetings", "participants", "items", "decisions", "follow_ups"]);
const EVIDENCE_DOC = "rule ids behind the fact as field=rule entries separated by ; (found= the rules that found it); ids are listed in src/model/rules.ts";

export type ColumnType = "string" | "integer" | "number" | "boolean" | "date";

export interface Table {
  name: string;
  /** Column names, in order; the first is the row's own id where it has one. */
  columns: string[];
  /** What each column holds, for the data dictionary. */
  describe: Record<string, string>;
  types: Record<string, ColumnType>;
  /** The columns that together identify a row (one for tables with their own id). */
  primaryKey: string[];
  /** column → [table, column] it refers to. */
  foreignKeys: Record<string, [string, string]>;
  /** Columns holding a list, joined by `;` (CSVW `separator`). */
  lists: string[];
}

/** What happened to one input, as the tables record it: parsed (with its output), failed or skipped. */
export interface DocumentEntry {
  /** The input path as given (the label of the report). */
  path: string;
  sha256: string | null;
  status: "ok" | "warning" | "error" | "skipped";
  code: string | null;
  message: string | null;
  output: Output | null;
  /** Warnings raised outside the parse (a name collision, a failed cache write). */
  warnings: Array<{ code: string; message: string }>;
}

const INTEGER = new Set(["page", "line", "end_line", "start", "end", "participants", "items", "yes", "no", "abstain", "absent", "pages", "meetings", "seq"]);
const BOOLEAN = new Set(["present", "verified"]);
const DATE = new Set(["date", "next_meeting", "adjusted_on", "posted_on", "removed_on", "due"]);
const LIST = new Set(["scheduled_meetings", "adjusters", "positions", "outcomes", "inferred", "evidence"]);
const typeOf = (table: string, c: string): ColumnType =>
  BOOLEAN.has(c) ? "boolean" : DATE.has(c) ? "date" : INTEGER.has(c) && !(table === "participants" && c === "items") ? "integer" : "string";
const OWN_KEY: Record<string, string> = {
  documents: "document_id", warnings: "warning_id",
  meetings: "meeting_id", participants: "participant_id", items: "item_id", dates: "date_id", follow_ups: "follow_up_id",
  motions: "motion_id", vote_results: "vote_id", reservations: "reservation_id",
};
/** Tables without an id of their own: the columns that identify a row. */
const COMPOSITE_KEY: Record<string, string[]> = {
  attendance: ["participant_id", "item_id"], decisions: ["item_id", "kind"], votes: ["vote_id", "seq"],
};
const REFERS: Record<string, [string, string]> = {
  document_id: ["documents", "document_id"],
  meeting_id: ["meetings", "meeting_id"], participant_id: ["participants", "participant_id"], item_id: ["items", "item_id"], vote_id: ["vote_results", "vote_id"],
};

const spanCols = ["page", "line", "end_line", "start", "end"];
const spanCells = (s: Span): Cell[] => [s.page, s.line, s.endLine, s.start, s.end];
const spanDocs: Record<string, string> = {
  page: "1-based PDF page of the evidence (empty for text)",
  line: "1-based first line of the evidence in the canonical text",
  end_line: "1-based last line of the evidence",
  start: "0-based start offset (UTF-16 code units) in the canonical text",
  end: "exclusive end offset",
};

function tableOf(name: string, given: Array<[string, string]>, withSpan: boolean, options: TableOptions): Table {
  const cols: Array<[string, string]> = options.evidence && EVIDENCE_TABLES.has(name) ? [...given, ["evidence", EVIDENCE_DOC]] : given;
  const columns = cols.map((c) => c[0]).concat(withSpan ? spanCols : []);
  const describe = Object.fromEntries([...cols, ...(withSpan ? Object.entries(spanDocs) : [])]);
  const own = OWN_KEY[name] && columns.includes(OWN_KEY[name]!) ? OWN_KEY[name]! : null;
  const primaryKey = own ? [own] : (COMPOSITE_KEY[name] ?? []);
  const foreignKeys = Object.fromEntries(
    columns.filter((c) => REFERS[c] && c !== own && REFERS[c]![0] !== name).map((c) => [c, REFERS[c]!]),
  );
  const types = Object.fromEntries(columns.map((c) => [c, typeOf(name, c)]));
  return { name, columns, describe, types, primaryKey, foreignKeys, lists: columns.filter((c) => LIST.has(c)) };
}

/** One table per entity, joined by ids: documents ← meetings ← participants, items, dates, follow_ups, attendance. */
export function emptyTables(options: TableOptions = {}): Table[] {
  const table = (name: string, cols: Array<[string, string]>, withSpan: boolean) => tableOf(name, cols, withSpan, options);
  return [
    table("documents", [
      ["document_id", "id of this input occurrence: a hash of its path and content"], ["path", "input path as given"],
      ["sha256", "sha256 of the input file (empty when it could not be read)"], ["format", "pdf | text | markdown (empty when not parsed)"],
      ["status", "ok | warning | error | skipped"], ["code", "error, skip or first warning code"], ["message", "what went wrong"],
      ["kind", "kind of the whole file"], ["pages", "PDF pages"], ["encoding", "text encoding read"], ["meetings", "number of meeting records"],
    ], false),
    table("warnings", [
      ["warning_id", "stable id"], ["document_id", "→ documents.document_id"], ["code", "warning code"],
      ["severity", "info | warning | error"], ["message", "the warning"],
    ], true),
    table("meetings", [
      ["meeting_id", "stable id of the meeting record"], ["document_id", "→ documents.document_id"], ["source", "input path"], ["sha256", "sha256 of the input file"],
      ["file_kind", "kind of the whole file"], ["kind", "protocol | minutes | agenda | extract"], ["body", "deciding body"],
      ["organisation", "municipality, region or association"], ["date", "meeting date, YYYY-MM-DD"], ["start_time", "start time HH:MM"],
      ["end_time", "end time HH:MM"], ["location", "place of the meeting"], ["next_meeting", "date of the next meeting"],
      ["scheduled_meetings", "meeting dates the record sets, separated by ;"], ["secretary", "secretary who signed"],
      ["chair", "chair who signed"], ["adjusters", "adjusters, separated by ;"], ["adjusted_on", "date of justering"], ["adjusted_at", "place of justering"],
      ["posted_on", "date the notice was posted"], ["removed_on", "date the notice was taken down"],
      ["participants", "number of participants"], ["items", "number of items"],
    ], true),
    table("participants", [
      ["participant_id", "stable id"], ["meeting_id", "→ meetings.meeting_id"], ["name", "person's name"], ["party", "party abbreviation"],
      ["represents", "municipality, region or organisation represented"], ["represents_code", "SCB code of `represents`"],
      ["capacity", "member | substitute | other (ledamot | ersättare | övriga)"], ["positions", "chair; vice-chair; secretary; adjuster, in this order (separated by ;)"],
      ["title", "title written beside the name"], ["present", "true, false, or empty when unknown"], ["items", "attended only these items"],
      ["not_items", "items not attended"], ["note", "attendance remarks"],
      ["substitutes_for", "member this serving substitute replaces"],
    ], true),
    table("items", [
      ["item_id", "stable id"], ["meeting_id", "→ meetings.meeting_id"], ["number", "§ or agenda number"], ["title", "item title"],
      ["case_number", "diarienummer"], ["outcome", "first outcome code"], ["outcomes", "all outcome codes (;)"],
      ["proposal", "förslag till beslut"], ["decision", "beslut / ställningstagande"], ["text", "the item's whole text"],
    ], true),
    table("dates", [
      ["date_id", "stable id"], ["meeting_id", "→ meetings.meeting_id"], ["item_id", "→ items.item_id, empty in the front matter"],
      ["item", "item number, empty in the front matter"],
      ["text", "the date as written"], ["value", "ISO value"], ["end_value", "ISO end of a range"], ["grain", "year … minute"],
      ["role", "meeting | next-meeting | scheduled-meeting | deadline | effective | reference | mention"],
      ["inferred", "parts filled from context (;)"],
    ], true),
    table("follow_ups", [
      ["follow_up_id", "stable id"], ["meeting_id", "→ meetings.meeting_id"], ["item_id", "→ items.item_id, empty when no item"], ["item", "item number"], ["due", "due date, YYYY-MM-DD"],
      ["responsible", "who must act"], ["text", "the commitment as written"],
    ], true),
    table("decisions", [
      ["item_id", "→ items.item_id"], ["meeting_id", "→ meetings.meeting_id"], ["item", "item number"],
      ["kind", "proposal | decision"], ["outcome", "first outcome code"], ["outcomes", "all outcome codes (;)"], ["text", "the text"],
    ], false),
    table("motions", [
      ["motion_id", "stable id"], ["item_id", "→ items.item_id"], ["meeting_id", "→ meetings.meeting_id"], ["by", "who moved it"],
      ["party", "their party"], ["type", "bifall | avslag | återremiss | bordläggning | ändring | tillägg | other"], ["text", "the motion as written"],
    ], true),
    table("vote_results", [
      ["vote_id", "stable id"], ["item_id", "→ items.item_id"], ["meeting_id", "→ meetings.meeting_id"], ["yes", "Ja votes"], ["no", "Nej votes"],
      ["abstain", "abstentions"], ["absent", "absent"], ["yes_for", "what Ja stands for"], ["no_for", "what Nej stands for"],
      ["verified", "counts, named votes and attendance agree"],
    ], true),
    table("votes", [
      ["vote_id", "→ vote_results.vote_id"], ["seq", "1-based place in the roll call"], ["item_id", "→ items.item_id"], ["meeting_id", "→ meetings.meeting_id"], ["name", "voter"],
      ["party", "voter's party"], ["vote", "ja | nej | avstår | frånvarande"],
    ], false),
    table("reservations", [
      ["reservation_id", "stable id"], ["item_id", "→ items.item_id"], ["meeting_id", "→ meetings.meeting_id"],
      ["kind", "reservation | särskilt yttrande | protokollsanteckning | jäv"], ["name", "who (one row per person; empty when unnamed)"],
      ["party", "their party"], ["in_favour_of", "what the reservation favours"], ["text", "the text"],
    ], true),
    table("attendance", [
      ["participant_id", "→ participants.participant_id"], ["meeting_id", "→ meetings.meeting_id"], ["item_id", "→ items.item_id"],
      ["item", "item number"], ["present", "whether the person took part in this item"], ["capacity", "member | substitute | other"],
    ], false),
  ];
}

/** Item numbers a range string covers: "13-21", "1-5, 7-30". */
export function expandItems(spec: string): Set<number> {
  const out = new Set<number>();
  for (const part of spec.split(/[,;]|och/)) {
    const m = /(\d+)(?:\s*-\s*(\d+))?/.exec(part);
    if (!m) continue;
    const a = Number(m[1]);
    const b = m[2] ? Number(m[2]) : a;
    for (let i = a; i <= b && i - a < 2000; i++) out.add(i);
  }
  return out;
}

const list = (xs: string[]) => xs.join(";");

/** A fact's evidence as one list cell: "found=attendance/heading-list;group=attendance/group-heading". */
export function evidenceCell(evidence: Record<string, string[]> | undefined): string {
  return Object.entries(evidence ?? {}).flatMap(([field, ids]) => ids.map((id) => `${field}=${id}`)).join(";");
}

/** Pick the parts of a fact's evidence that concern the given fields (a decision row of an item). */
const evidenceFor = (evidence: Record<string, string[]> | undefined, fields: string[]) =>
  Object.fromEntries(Object.entries(evidence ?? {}).filter(([f]) => fields.includes(f)));

/** Positions in one fixed order, whatever order the record names them in. */
const POSITION_ORDER = ["chair", "vice-chair", "secretary", "adjuster"];
const ordered = (positions: string[]) =>
  [...positions].sort((a, b) => (POSITION_ORDER.indexOf(a) + 1 || 99) - (POSITION_ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b));

function documentRow(id: string, d: DocumentEntry): Cell[] {
  const o = d.output;
  return [id, d.path, d.sha256, o?.source.format ?? null, d.status, d.code, d.message, o?.kind ?? null, o?.source.pages ?? null, o?.source.encoding ?? null, o?.meetings.length ?? 0];
}

/** The document's own warnings, then those raised outside the parse, then its error. */
function warningsOf(d: DocumentEntry): Array<Pick<Warning, "code" | "severity" | "message"> & { span: Span | null; line: number | null }> {
  return [
    ...(d.output?.warnings ?? []),
    ...d.warnings.map((w) => ({ ...w, severity: "warning" as const, span: null, line: null })),
    ...(d.status === "error" || d.status === "skipped"
      ? [{ code: d.code ?? "error", severity: d.status === "error" ? ("error" as const) : ("info" as const), message: d.message ?? "", span: null, line: null }]
      : []),
  ];
}

/**
 * Every row one document contributes, table by table, in a fixed order. Table keys are the JSON ids
 * prefixed with the document id (see tableKey), so two copies of one file never share a key.
 */
export function forEachRow(doc: DocumentEntry, emit: (table: string, row: Cell[]) => void, options: TableOptions = {}): void {
  // The evidence cell, only when asked: the row's own columns, then it, then the span.
  const ev = (evidence: Record<string, string[]> | undefined): Cell[] => (options.evidence ? [evidenceCell(evidence)] : []);
  const docId = documentId(doc.path, doc.sha256);
  const key = (id: string) => tableKey(docId, id);
  emit("documents", documentRow(docId, doc));
  warningsOf(doc).forEach((w, k) => {
    const span = w.span ? spanCells(w.span) : [null, w.line, w.line, null, null];
    emit("warnings", [key(`w${k + 1}`), docId, w.code, w.severity, w.message, ...span]);
  });
  const output = doc.output;
  if (!output) return;
  for (const m of output.meetings) {
    const mid = key(m.id);
    emit("meetings", [
      mid, docId, output.source.path, output.source.sha256, output.kind, m.kind, m.body, m.organisation, m.date, m.start, m.end,
      m.location, m.nextMeeting, list(m.scheduledMeetings), m.signatures.secretary, m.signatures.chair, list(m.signatures.adjusters),
      m.signatures.adjustedOn, m.signatures.adjustedAt, m.signatures.postedOn, m.signatures.removedOn, m.participants.length, m.items.length, ...ev(m.evidence), ...spanCells(m.span),
    ]);
    for (const p of m.participants) {
      const pid = key(p.id);
      emit("participants", [
        pid, mid, p.name, p.party, p.represents, p.representsCode, p.group, list(ordered(p.positions)), p.title, p.present, p.items,
        p.notItems, p.note, p.substitutesFor, ...ev(p.evidence), ...spanCells(p.span),
      ]);
      // The full person × item matrix, row by row: the caller writes it out as it comes, never holding it.
      const only = p.items ? expandItems(p.items) : null;
      const not = p.notItems ? expandItems(p.notItems) : new Set<number>();
      for (const it of m.items) {
        const n = Number(it.number);
        const present = p.present === null ? null : p.present && (!only || (Number.isFinite(n) && only.has(n))) && !not.has(n);
        emit("attendance", [pid, mid, key(it.id), it.number, present, p.group]);
      }
    }
    const itemByNumber = new Map<string, string>();
    for (const it of m.items) if (!itemByNumber.has(it.number)) itemByNumber.set(it.number, key(it.id));
    for (const it of m.items) {
      const iid = key(it.id);
      if (it.proposal) emit("decisions", [iid, mid, it.number, "proposal", it.decision ? null : it.outcome, it.decision ? null : list(it.outcomes), it.proposal, ...ev(evidenceFor(it.evidence, it.decision ? ["proposal"] : ["proposal", "outcome"]))]);
      if (it.decision) emit("decisions", [iid, mid, it.number, "decision", it.outcome, list(it.outcomes), it.decision, ...ev(evidenceFor(it.evidence, ["decision", "outcome"]))]);
      for (const y of it.motions) emit("motions", [key(y.id), iid, mid, y.by, y.party, y.type, y.text, ...spanCells(y.span)]);
      for (const v of it.votes) {
        const vid = key(v.id);
        emit("vote_results", [vid, iid, mid, v.yes, v.no, v.abstain, v.absent, v.yesFor, v.noFor, v.verified, ...spanCells(v.span)]);
        v.voters.forEach((p, k) => emit("votes", [vid, k + 1, iid, mid, p.name, p.party, p.vote]));
      }
      for (const r of it.reservations) {
        const who = r.by.length ? r.by : [{ name: null, party: null }];
        who.forEach((p, k) => emit("reservations", [key(`${r.id}${r.by.length > 1 ? `.${k + 1}` : ""}`), iid, mid, r.kind, p.name, p.party, r.inFavourOf, r.text, ...spanCells(r.span)]));
      }
      emit("items", [iid, mid, it.number, it.title, it.caseNumber, it.outcome, list(it.outcomes), it.proposal, it.decision, it.text, ...ev(it.evidence), ...spanCells(it.span)]);
    }
    const itemOf = (n: string | null) => (n === null ? null : (itemByNumber.get(n) ?? null));
    for (const d of m.dates) {
      emit("dates", [key(d.id), mid, itemOf(d.item), d.item, d.text, d.value, d.end, d.grain, d.role, list(d.inferred), ...spanCells(d.span)]);
    }
    for (const f of m.followUps) {
      emit("follow_ups", [key(f.id), mid, itemOf(f.item), f.item, f.due, f.responsible, f.text, ...ev(f.evidence), ...spanCells(f.span)]);
    }
  }
}
