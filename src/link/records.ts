import type { Output } from "../model/schema.js";
import { documentId, tableKey } from "../model/ids.js";

/**
 * What linking keeps of one document: the few fields of its meetings, participants, items and
 * follow-ups that links are made from, with their table keys (the keys of `parse --format csv`
 * and sqlite), so 10,000 documents fit in memory without their texts.
 */
export interface MeetingRecord {
  key: string;
  documentId: string;
  source: string;
  body: string | null;
  organisation: string | null;
  date: string | null;
  /** Where persons and cases of the meeting are looked up: the organisation, else the body, else the document alone. */
  scope: string;
}

export interface MentionRecord {
  participantKey: string;
  meeting: MeetingRecord;
  name: string;
  party: string | null;
  represents: string | null;
  present: boolean | null;
}

export interface ItemRecord {
  key: string;
  meeting: MeetingRecord;
  number: string;
  title: string;
  caseNumber: string | null;
  /** The decision's first characters: report-back and closure words stand at its start. */
  decision: string;
}

export interface FollowUpRecord {
  key: string;
  meeting: MeetingRecord;
  item: ItemRecord | null;
  due: string | null;
  text: string;
  responsible: string | null;
}

export interface RunRecords {
  meetings: MeetingRecord[];
  mentions: MentionRecord[];
  items: ItemRecord[];
  followUps: FollowUpRecord[];
}

const DECISION_KEPT = 600;
const lower = (s: string) => s.normalize("NFC").toLocaleLowerCase("sv").replace(/\s+/g, " ").trim();

/**
 * An organisation's name is what makes two records one archive. Without it the body's name alone
 * would join every "Kommunstyrelsen" of the country, so such a meeting is linked inside its own
 * document only.
 */
function scopeOf(organisation: string | null, docId: string): string {
  return organisation ? `org:${lower(organisation)}` : `doc:${docId}`;
}

export function emptyRecords(): RunRecords {
  return { meetings: [], mentions: [], items: [], followUps: [] };
}

/** Adds one parse output's records; `path` is the input path as given (the documents table's label). */
export function addRecords(run: RunRecords, output: Output, path: string = output.source.path): void {
  const docId = documentId(path, output.source.sha256);
  const key = (id: string) => tableKey(docId, id);
  for (const m of output.meetings) {
    const meeting: MeetingRecord = {
      key: key(m.id), documentId: docId, source: output.source.path, body: m.body, organisation: m.organisation, date: m.date,
      scope: scopeOf(m.organisation, docId),
    };
    run.meetings.push(meeting);
    for (const p of m.participants) {
      run.mentions.push({ participantKey: key(p.id), meeting, name: p.name, party: p.party, represents: p.represents, present: p.present });
    }
    const byNumber = new Map<string, ItemRecord>();
    for (const it of m.items) {
      const item: ItemRecord = {
        key: key(it.id), meeting, number: it.number, title: it.title, caseNumber: it.caseNumber,
        decision: (it.decision ?? it.proposal ?? "").slice(0, DECISION_KEPT),
      };
      run.items.push(item);
      if (!byNumber.has(it.number)) byNumber.set(it.number, item);
    }
    for (const f of m.followUps) {
      run.followUps.push({ key: key(f.id), meeting, item: f.item === null ? null : (byNumber.get(f.item) ?? null), due: f.due, text: f.text, responsible: f.responsible });
    }
  }
}

/** Meetings in time order (undated last), then by key: every pass over them is deterministic. */
export const byTime = <T extends { meeting: MeetingRecord }>(a: T, b: T) =>
  (a.meeting.date ?? "9999").localeCompare(b.meeting.date ?? "9999") || a.meeting.key.localeCompare(b.meeting.key);
