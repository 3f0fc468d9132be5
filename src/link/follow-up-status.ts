import type { Lexicon } from "../lexicon/load.js";
import { caseKey } from "./case-items.js";
import { overlap, reportBackWords, subjectStems } from "./report-back.js";
import { byTime, type FollowUpRecord, type ItemRecord, type MeetingRecord, type RunRecords } from "./records.js";

/** Where a follow-up stands: reported back (where), overdue, open (not due yet) or unknown (no due date, nothing found). */
export interface FollowUpStatus {
  followUp: FollowUpRecord;
  status: "reported" | "overdue" | "open" | "unknown";
  reportedIn: ItemRecord | null;
  /** Whether the report-back came by the due date (null when not reported or no due date). */
  onTime: boolean | null;
  score: number;
  reasons: string[];
  rules: string[];
}

/** A title reference must share at least this share of the smaller subject's words. */
const TITLE_OVERLAP = 0.5;
/** The due-date meeting: the body's first meeting on or this many days after the due date. */
const DUE_MEETING_DAYS = 45;

interface Indexed {
  item: ItemRecord;
  report: string | null;
  closure: string | null;
  stems: Set<string>;
}

/** Lookups built once per run: items by case number, report-back items by subject word, meetings by body. */
interface RunIndex {
  byCase: Map<string, Indexed[]>;
  reportsByStem: Map<string, Indexed[]>;
  meetingsByBody: Map<string, MeetingRecord[]>;
  itemsByMeeting: Map<string, Indexed[]>;
}

const bodyKey = (m: MeetingRecord) => `${m.scope}\n${m.body ?? ""}`;
const later = (a: MeetingRecord, b: MeetingRecord) => a.key !== b.key && !!a.date && !!b.date && a.date >= b.date;
const push = <K, V>(map: Map<K, V[]>, k: K, v: V) => {
  const list = map.get(k);
  if (list) list.push(v);
  else map.set(k, [v]);
};

function buildIndex(run: RunRecords, lex: Lexicon): RunIndex {
  const idx: RunIndex = { byCase: new Map(), reportsByStem: new Map(), meetingsByBody: new Map(), itemsByMeeting: new Map() };
  for (const item of [...run.items].sort(byTime)) {
    const words = reportBackWords(item.title, item.decision, lex);
    const entry: Indexed = { item, report: words.report, closure: words.closure, stems: subjectStems(words.report ? words.subject || item.title : item.title, lex) };
    if (item.caseNumber) push(idx.byCase, `${item.meeting.scope}\n${caseKey(item.caseNumber)}`, entry);
    if (words.report) for (const s of entry.stems) push(idx.reportsByStem, `${item.meeting.scope}\n${s}`, entry);
    push(idx.itemsByMeeting, item.meeting.key, entry);
  }
  for (const m of [...run.meetings].sort((a, b) => (a.date ?? "9999").localeCompare(b.date ?? "9999"))) push(idx.meetingsByBody, bodyKey(m), m);
  return idx;
}

interface Found {
  entry: Indexed;
  score: number;
  reasons: string[];
  rules: string[];
}

/** Words the report-back's own item adds: the phrase and a closing decision raise the score. */
function withPhrases(found: Found): Found {
  const { entry } = found;
  if (entry.report && !found.rules.includes("link/title-reference")) found.rules.push("link/report-phrase"), found.reasons.push(`"${entry.report}" in the later item`), (found.score += 0.1);
  if (entry.closure) found.rules.push("link/closure-phrase"), found.reasons.push(`"${entry.closure}"`), (found.score += 0.1);
  found.score = Math.round(Math.min(1, found.score) * 100) / 100;
  return found;
}

const where = (i: ItemRecord) => `§ ${i.number} "${i.title.slice(0, 80)}" of ${i.meeting.body ?? "the meeting"} ${i.meeting.date}`;

function byCaseNumber(f: FollowUpRecord, idx: RunIndex): Found | null {
  const cn = f.item?.caseNumber;
  if (!cn) return null;
  const later_ = (idx.byCase.get(`${f.meeting.scope}\n${caseKey(cn)}`) ?? []).filter((e) => later(e.item.meeting, f.meeting));
  // The first later item that reports back, else the first later item of the case at all.
  const entry = later_.find((e) => e.report || e.closure) ?? later_[0];
  if (!entry) return null;
  return withPhrases({ entry, score: 0.75, reasons: [`same case number ${cn} on ${where(entry.item)}`], rules: ["link/case-number"] });
}

function byTitleReference(f: FollowUpRecord, subject: Set<string>, idx: RunIndex): Found | null {
  const seen = new Set<Indexed>();
  let best: { entry: Indexed; share: number } | null = null;
  for (const s of subject) {
    for (const e of idx.reportsByStem.get(`${f.meeting.scope}\n${s}`) ?? []) {
      if (seen.has(e) || !later(e.item.meeting, f.meeting)) continue;
      seen.add(e);
      const share = overlap(subject, e.stems);
      if (share >= TITLE_OVERLAP && (!best || share > best.share)) best = { entry: e, share };
    }
  }
  if (!best) return null;
  const score = 0.55 + 0.25 * best.share;
  return withPhrases({ entry: best.entry, score, reasons: [`"${best.entry.report}" refers to the assignment's subject (${Math.round(best.share * 100)} % of its words) on ${where(best.entry.item)}`], rules: ["link/title-reference"] });
}

function byDueDateMeeting(f: FollowUpRecord, subject: Set<string>, idx: RunIndex): Found | null {
  if (!f.due) return null;
  const limit = new Date(Date.parse(f.due) + DUE_MEETING_DAYS * 86_400_000).toISOString().slice(0, 10);
  const meeting = (idx.meetingsByBody.get(bodyKey(f.meeting)) ?? []).find((m) => m.date && m.date >= f.due! && m.date <= limit && later(m, f.meeting));
  if (!meeting) return null;
  let best: { entry: Indexed; share: number } | null = null;
  for (const e of idx.itemsByMeeting.get(meeting.key) ?? []) {
    const share = overlap(subject, e.stems);
    if (share >= TITLE_OVERLAP && (!best || share > best.share)) best = { entry: e, share };
  }
  if (!best) return null;
  return withPhrases({ entry: best.entry, score: 0.5 + 0.2 * best.share, reasons: [`the due-date meeting ${meeting.date} has an item on the subject: ${where(best.entry.item)}`], rules: ["link/due-date-meeting"] });
}

/** The follow-up's subject: its item's title, else the commitment's own words. */
function subjectOf(f: FollowUpRecord, lex: Lexicon): Set<string> {
  const title = f.item ? subjectStems(f.item.title, lex) : new Set<string>();
  return title.size ? title : subjectStems(f.text, lex);
}

function notFound(f: FollowUpRecord, asOf: string, idx: RunIndex): Omit<FollowUpStatus, "followUp" | "reportedIn" | "onTime"> {
  if (!f.due) return { status: "unknown", score: 0.5, reasons: ["no due date and no report-back found"], rules: ["link/no-due-date"] };
  if (f.due >= asOf) return { status: "open", score: 0.9, reasons: [`due ${f.due}, on or after ${asOf}`], rules: ["link/not-yet-due"] };
  const after = (idx.meetingsByBody.get(bodyKey(f.meeting)) ?? []).filter((m) => m.date && m.date >= f.due!).length;
  return after
    ? { status: "overdue", score: 0.8, reasons: [`due ${f.due}, before ${asOf}`, `${after} later meeting${after > 1 ? "s" : ""} of the body after the due date without a report-back`], rules: ["link/overdue"] }
    : { status: "overdue", score: 0.5, reasons: [`due ${f.due}, before ${asOf}`, "no meeting of the body after the due date in the run: the report-back may lie outside it"], rules: ["link/overdue"] };
}

/**
 * Looks for each follow-up's report-back in the later meetings of its organisation (or, without
 * one, its document): the same case number on a later item, a later item whose title or decision
 * reports back on the same subject, or an item on the subject at the body's due-date meeting.
 * `asOf` (YYYY-MM-DD) is "today" for overdue and open.
 */
export function followUpStatuses(run: RunRecords, asOf: string, lex: Lexicon): FollowUpStatus[] {
  const idx = buildIndex(run, lex);
  return run.followUps.map((f) => {
    const subject = subjectOf(f, lex);
    const found = byCaseNumber(f, idx) ?? byTitleReference(f, subject, idx) ?? byDueDateMeeting(f, subject, idx);
    if (!found) return { followUp: f, reportedIn: null, onTime: null, ...notFound(f, asOf, idx) };
    const on = found.entry.item.meeting.date;
    const onTime = f.due && on ? on <= f.due : null;
    if (onTime === false) found.reasons.push(`reported ${on}, after the due date ${f.due}`);
    return { followUp: f, status: "reported", reportedIn: found.entry.item, onTime, score: found.score, reasons: found.reasons, rules: found.rules };
  });
}
