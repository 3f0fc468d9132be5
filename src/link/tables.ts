import type { Cell, ColumnType, Table } from "../export/tables.js";
import type { CaseItem } from "./case-items.js";
import type { FollowUpStatus } from "./follow-up-status.js";
import type { MentionLink, Person } from "./person-registry.js";

/** A column: name, type, meaning; "→ table.column" in the meaning makes it a foreign key. */
type Column = [name: string, type: ColumnType, meaning: string];

const LISTS = new Set(["parties", "bodies", "reasons", "rules", "candidates"]);

function table(name: string, primaryKey: string[], cols: Column[]): Table {
  const foreignKeys: Record<string, [string, string]> = {};
  for (const [c, , meaning] of cols) {
    const ref = /→ (\w+)\.(\w+)/.exec(meaning);
    if (ref) foreignKeys[c] = [ref[1]!, ref[2]!];
  }
  return {
    name, primaryKey, foreignKeys,
    columns: cols.map((c) => c[0]),
    types: Object.fromEntries(cols.map((c) => [c[0], c[1]])),
    describe: Object.fromEntries(cols.map((c) => [c[0], c[2]])),
    lists: cols.map((c) => c[0]).filter((c) => LISTS.has(c)),
  };
}

/** The tables `protokoll link` writes, keyed like the parse tables (participant, meeting, item and follow-up ids are theirs). */
export function linkTables(): Table[] {
  return [
    table("persons", ["person_id"], [
      ["person_id", "string", "stable id of the person within the run"], ["name", "string", "the fullest way the records write the name"],
      ["organisation", "string", "the organisation the person was seen in (empty when the records name none: then linked within one document)"],
      ["represents", "string", "municipality or organisation represented, as first written"],
      ["parties", "string", "parties over time as PARTY:first..last, separated by ;"], ["bodies", "string", "bodies the person sat in, separated by ;"],
      ["first_seen", "date", "date of the first meeting"], ["last_seen", "date", "date of the last meeting"],
      ["mentions", "integer", "participant entries linked to the person"],
      ["meetings_attended", "integer", "meetings the person was marked present at"], ["meetings_absent", "integer", "meetings the person was marked absent from"],
    ]),
    table("person_mentions", ["participant_id"], [
      ["participant_id", "string", "→ participants.participant_id"], ["person_id", "string", "→ persons.person_id; empty when the link was refused"],
      ["meeting_id", "string", "→ meetings.meeting_id"], ["name", "string", "the name as written"],
      ["status", "string", "new (first mention of a person) | linked | ambiguous (refused: two or more persons match alike)"],
      ["score", "number", "0–1: how strongly the evidence ties the mention to the person"],
      ["reasons", "string", "why: same name, initial matches, same party, party changed, same municipality, same body … (;)"],
      ["rules", "string", "link rule ids behind the reasons (;), listed in src/model/rules.ts"],
      ["candidates", "string", "for an ambiguous mention: the person ids it could be (;)"],
    ]),
    table("person_attendance", ["person_id", "body", "year"], [
      ["person_id", "string", "→ persons.person_id"], ["body", "string", "the body"], ["year", "integer", "the meetings' year"],
      ["attended", "integer", "meetings marked present"], ["absent", "integer", "meetings marked absent"], ["unknown", "integer", "meetings listed without a presence mark"],
    ]),
    table("follow_up_status", ["follow_up_id"], [
      ["follow_up_id", "string", "→ follow_ups.follow_up_id"], ["meeting_id", "string", "→ meetings.meeting_id (where the assignment was given)"],
      ["status", "string", "reported | overdue (due date passed, nothing found) | open (not due yet) | unknown (no due date, nothing found)"],
      ["due", "date", "due date"], ["as_of", "date", "the day overdue and open are judged on (--as-of)"],
      ["reported_meeting_id", "string", "→ meetings.meeting_id of the report-back"], ["reported_item_id", "string", "→ items.item_id of the report-back"],
      ["reported_on", "date", "date of the report-back meeting"], ["on_time", "boolean", "reported by the due date"],
      ["score", "number", "0–1: strength of the evidence for the status"], ["reasons", "string", "the evidence in words (;)"],
      ["rules", "string", "link rule ids behind the status (;)"],
    ]),
    table("case_items", ["case_id", "item_id"], [
      ["case_id", "string", "stable id of the case (organisation and normalised case number)"], ["item_id", "string", "→ items.item_id"],
      ["case_number", "string", "the case number as first written"], ["meeting_id", "string", "→ meetings.meeting_id"],
      ["date", "date", "meeting date"], ["body", "string", "the body"], ["organisation", "string", "the organisation"],
      ["number", "string", "item number"], ["title", "string", "item title"], ["seq", "integer", "place in the case's history, 1 = first"],
    ]),
  ];
}

export interface LinkResult {
  persons: Person[];
  links: MentionLink[];
  statuses: FollowUpStatus[];
  cases: CaseItem[];
  asOf: string;
}

const list = (xs: Iterable<string>) => [...xs].join(";");
const yearOf = (d: string | null) => (d ? Number(d.slice(0, 4)) : null);

function partiesOverTime(p: Person): string {
  const spans = new Map<string, [string, string]>();
  for (const m of p.mentions) {
    if (!m.party) continue;
    const d = m.meeting.date ?? "";
    const s = spans.get(m.party);
    if (!s) spans.set(m.party, [d, d]);
    else if (d) [s[0], s[1]] = [!s[0] || d < s[0] ? d : s[0], d > s[1] ? d : s[1]];
  }
  return list([...spans].sort((a, b) => a[1][0].localeCompare(b[1][0])).map(([party, [a, b]]) => `${party}:${a}..${b}`));
}

/** Distinct meetings by presence: one person is one row per meeting. */
function presenceCounts(p: Person): { attended: number; absent: number } {
  let attended = 0;
  let absent = 0;
  for (const m of p.mentions) {
    if (m.present === true) attended++;
    else if (m.present === false) absent++;
  }
  return { attended, absent };
}

function attendanceRows(p: Person, emit: (row: Cell[]) => void): void {
  const by = new Map<string, { body: string; year: number | null; counts: [number, number, number] }>();
  for (const m of p.mentions) {
    const body = m.meeting.body ?? "";
    const year = yearOf(m.meeting.date);
    const k = `${body}\n${year}`;
    const row = by.get(k) ?? { body, year, counts: [0, 0, 0] };
    by.set(k, row);
    row.counts[m.present === true ? 0 : m.present === false ? 1 : 2]++;
  }
  for (const r of by.values()) emit([p.id, r.body, r.year, ...r.counts]);
}

/** Every row of the link tables, table by table. */
export function forEachLinkRow(r: LinkResult, emit: (table: string, row: Cell[]) => void): void {
  for (const p of r.persons) {
    const { attended, absent } = presenceCounts(p);
    const organisation = p.mentions.find((m) => m.meeting.organisation)?.meeting.organisation ?? null;
    emit("persons", [p.id, p.display, organisation, p.representsAs, partiesOverTime(p), list(p.bodies), p.first, p.last, p.mentions.length, attended, absent]);
    attendanceRows(p, (row) => emit("person_attendance", row));
  }
  for (const l of r.links) {
    emit("person_mentions", [l.mention.participantKey, l.personId, l.mention.meeting.key, l.mention.name, l.status, l.score, list(l.reasons), list(l.rules), list(l.candidates)]);
  }
  for (const s of r.statuses) {
    const at = s.reportedIn;
    emit("follow_up_status", [s.followUp.key, s.followUp.meeting.key, s.status, s.followUp.due, r.asOf, at?.meeting.key ?? null, at?.key ?? null, at?.meeting.date ?? null, s.onTime, s.score, list(s.reasons), list(s.rules)]);
  }
  for (const c of r.cases) {
    const m = c.item.meeting;
    emit("case_items", [c.caseId, c.item.key, c.caseNumber, m.key, m.date, m.body, m.organisation, c.item.number, c.item.title, c.seq]);
  }
}
