import { anyOf, capitalisedAnyOf, squash } from "../text/unicode.js";
import type { Range } from "../types.js";
import { yearContextAt } from "./dates/year-context.js";
import { sliceByKey } from "../text/sorted.js";
import type { RawMention } from "./dates/types.js";
import type { ExtractContext, RecordView } from "./context.js";
import { runningHeaderOf, within } from "./context.js";
import { findBody } from "./body.js";
import { findOrganisation } from "./organisation.js";
import { findLabels, valueAfter, type LabelHit } from "./labels.js";
import { cleanPlace } from "./place.js";
import { bareTimes, clockMention, laterSessionEnd, openingAndClosing } from "./meeting-clock.js";
import { perLexicon } from "./per-lexicon.js";
import { qualifyBody } from "./organisation.js";

export interface MeetingDetails {
  body: string | null;
  organisation: string | null;
  /** The mention that dates the meeting (year possibly inferred later). */
  dateMention: RawMention | null;
  /** The mention that times it (clock time, or a date with a time). */
  timeMention: RawMention | null;
  /** Year for a date that lacks one, and the evidence. */
  inferredYear: { year: number; evidence: string } | null;
  location: string | null;
  labels: LabelHit[];
  /** The rules behind each field, keyed by the output field (issue 15). */
  rules: Record<string, string[]>;
}

const DAYLIKE = (m: RawMention) => (m.grain === "day" || m.grain === "minute") && !m.relative;
const TIMELIKE = (m: RawMention) => m.grain === "time" || m.grain === "minute";

/** One reading of a field: the value, where it stands, the rule that read it and how much that rule is trusted. */
export interface Candidate<T> {
  value: T;
  span: Range;
  rule: string;
  weight: number;
}

/** The best-supported candidate; among equals the first in the text. */
export function pick<T>(cands: Candidate<T>[]): Candidate<T> | null {
  let best: Candidate<T> | null = null;
  for (const c of cands) if (!best || c.weight > best.weight || (c.weight === best.weight && c.span.start < best.span.start)) best = c;
  return best;
}

/**
 * How much a label's kind says about the meeting's date: a date label ("Sammanträdesdatum", "Dag",
 * "Tid & datum") more than a place-and-time label, which says more than a bare time label. A label
 * that names the meeting itself ("Sammanträdes-", "Möte-") beats a bare "Datum" of the same kind.
 */
const DATE_LABEL_WEIGHT: Record<string, number> = { date: 3, "place-time": 2, time: 1 };
const MEETING_WORD = /(?:sammanträde|möte)/iu;
const dateLabelWeight = (l: LabelHit) => (DATE_LABEL_WEIGHT[l.kind] ?? 0) + (MEETING_WORD.test(l.label) ? 0.5 : 0);
const PLACE_LABEL_WEIGHT: Record<string, number> = { "place-time": 2, place: 1 };

/** Whether an adjust or posting label governs this offset (a justering or anslag date, not the meeting's). */
function governedByFormalities(labels: LabelHit[], offset: number): boolean {
  const before = labels.filter((l) => l.end <= offset && offset - l.end < 160);
  const last = before[before.length - 1];
  return !!last && (last.kind === "adjust" || last.kind === "posting" || last.kind === "signature");
}


/** "Sammanträdesdatum Anslags uppsättande 2017-06-27": a posting or adjust label between a date label and a date claims the date. */
function formalityBetween(labels: LabelHit[], from: number, to: number): boolean {
  return labels.some((o) => o.start >= from && o.start < to && (o.kind === "adjust" || o.kind === "posting" || o.kind === "signature"));
}

/**
 * A flattened two-column header lists its labels before their values ("Plats och tid Beslutande
 * Folkets Hus, Blå Forell Tisdag 20 juni 2017 kl. 10:00-15:15"): a date a little past the label
 * still belongs to it when only attendance labels stand between them.
 */
function flattenedValue(labels: LabelHit[], l: LabelHit, at: number): boolean {
  if (at - l.end > 120) return false;
  const between = labels.filter((o) => o.start >= l.end && o.start < at);
  return between.length > 0 && between.every((o) => o.kind === "attendance");
}

const span = (m: RawMention): Range => ({ start: m.index, end: m.lastIndex });

/** "Justerande Plats och tid Pär Johnson": a label right after a justering or signature label is theirs. */
function claimedByFormality(text: string, labels: LabelHit[], l: LabelHit): boolean {
  const prev = labels.filter((o) => o.end <= l.start).pop();
  return !!prev && ["adjust", "signature", "posting"].includes(prev.kind) && /^[ \t:,]*$/u.test(text.slice(prev.end, l.start));
}

const kindWordEnd = perLexicon((lex: ExtractContext["lex"]) => new RegExp(`(?:${anyOf(lex.forms("meeting-kinds"))})(?![\\p{L}])[^\\n]{0,40}$`, "iu"));

/**
 * A transcript's title repeats the first page's lines, the anslag box's dates among them
 * ("ANSLAG/BEVIS. Kommunstyrelsen 2013-02-12. … SAMMANTRÄDESPROTOKOLL 1(21) 2013-02-06"): the day the
 * page header sets beside the kind word (and its page number) dates the meeting.
 */
function afterKindWord(ctx: ExtractContext, d: RawMention, prev: RawMention | undefined): boolean {
  const from = Math.max(prev?.lastIndex ?? 0, d.index - 80);
  return kindWordEnd(ctx.lex).test(ctx.doc.text.slice(from, d.index));
}

/**
 * Candidates for the meeting's date: the day under each date-bearing label (weighted by the label),
 * any day in the front matter that no justering, anslag or signature label claims, a day in the
 * transcript chrome. A justering or anslag date is never a candidate.
 */
function dateCandidates(ctx: ExtractContext, labels: LabelHit[], frontDates: RawMention[], chromeDates: RawMention[]): Candidate<RawMention>[] {
  const { text } = ctx.doc;
  const out: Candidate<RawMention>[] = [];
  for (const l of labels) {
    const weight = dateLabelWeight(l);
    if (weight === 0 || claimedByFormality(text, labels, l)) continue;
    const v = valueAfter(text, l, labels, l.end + 160);
    const m = frontDates.find((d) => DAYLIKE(d) && d.index >= l.end && !formalityBetween(labels, l.end, d.index) &&
      (d.index <= Math.max(v.end, l.end + 40) || flattenedValue(labels, l, d.index)));
    if (m) out.push({ value: m, span: span(m), rule: l.kind === "date" ? "header/labelled-date" : l.kind === "time" ? "header/labelled-time" : "header/labelled-place-time", weight: 10 + weight });
  }
  const front = frontDates.find((d) => DAYLIKE(d) && !governedByFormalities(labels, d.index));
  if (front) out.push({ value: front, span: span(front), rule: "header/front-date", weight: 1 });
  const chromeDays = chromeDates.filter(DAYLIKE);
  const chrome = chromeDays[0];
  if (chrome) out.push({ value: chrome, span: span(chrome), rule: "header/chrome-date", weight: 0.5 });
  const headed = chromeDays.find((d, i) => afterKindWord(ctx, d, chromeDays[i - 1]));
  if (headed) out.push({ value: headed, span: span(headed), rule: "header/chrome-kind-date", weight: 0.75 });
  return out;
}

/**
 * Candidates for the meeting's time: the time of the chosen date itself, a time beside the date or
 * in a time, place or date label's value (other clock times in the front matter are attendance,
 * "8:15-11:30", or an adjournment), bare times in such a value ("13:00 17:30"), the chrome, and
 * last the opening sentence of the minutes ("förklarar mötet öppnat kl 17:21").
 */
function timeCandidates(ctx: ExtractContext, clock: Clock, labels: LabelHit[], dateMention: RawMention | null, frontDates: RawMention[], chromeDates: RawMention[]): Candidate<RawMention>[] {
  const { text } = ctx.doc;
  const out: Candidate<RawMention>[] = [];
  if (dateMention?.grain === "minute") out.push({ value: dateMention, span: span(dateMention), rule: "header/date-time", weight: 5 });
  const valueLabels = labels.filter((l) => ["time", "place-time", "date", "place"].includes(l.kind));
  const near = (d: RawMention) =>
    (dateMention && d.index >= dateMention.lastIndex && d.index - dateMention.lastIndex < 80) ||
    valueLabels.some((l) => d.index >= l.end && d.index - l.end < 200 &&
      !labels.some((o) => o.start > l.end && o.start < d.index && o.kind !== "attendance"));
  const labelled = frontDates.find((d) => TIMELIKE(d) && !governedByFormalities(labels, d.index) && near(d));
  if (labelled) out.push({ value: labelled, span: span(labelled), rule: "header/labelled-time", weight: 4 });
  for (const l of valueLabels) {
    const bare = bareTimes(text, valueAfter(text, l, labels, l.end + 200));
    if (bare) { out.push({ value: bare, span: span(bare), rule: "header/bare-time", weight: 3 }); break; }
  }
  const chrome = chromeDates.find(TIMELIKE);
  if (chrome) out.push({ value: chrome, span: span(chrome), rule: "header/chrome-time", weight: 2 });
  const { open } = clock;
  if (open) out.push({ value: clockMention(open.time, undefined, open.at, open.lastIndex, open.rule), span: { start: open.at, end: open.lastIndex }, rule: open.rule, weight: 1 });
  return out;
}

/**
 * The meeting's time with its end: later sessions written after the first ("09.00-12.00, 13.00–14.50")
 * end it last; without an end in the header, the closing sentence of the minutes ends it.
 */
function withEnd(ctx: ExtractContext, clock: Clock, chosen: Candidate<RawMention>, rules: string[]): RawMention {
  const { text } = ctx.doc;
  const m = chosen.value;
  const lineEnd = text.indexOf("\n", m.lastIndex);
  const later = laterSessionEnd(text, m.lastIndex, lineEnd === -1 ? text.length : lineEnd);
  const start = { h: m.start.h, min: m.start.min };
  if (later) {
    rules.push("header/later-session");
    return clockMention(start, later, m.index, m.lastIndex, m.rule);
  }
  if (m.end?.h !== undefined) return m;
  const { close } = clock;
  if (!close || close.at < m.index) return m;
  rules.push(close.rule);
  return clockMention(start, close.time, m.index, m.lastIndex, m.rule);
}

type Clock = ReturnType<typeof openingAndClosing>;

/** How far into the front matter the header box's fields are looked for (about ten pages). */
const HEADER_SPAN = 20_000;

/**
 * Where the header box's fields are read: the record's front matter and the record's first running header when it stands before the first item ("PROTOKOLL UTDRAG
 * Regionstyrelsen 1-21 Tid: , kl 13:00-16:45" repeated on every page of an extract is cut as
 * furniture, yet it is the only place that times the meeting).
 */
function headerBox(ctx: ExtractContext, view: RecordView): Range[] {
  const { rec, front } = view;
  const header = runningHeaderOf(ctx, rec);
  if (!header || header.start >= (rec.items[0]?.start ?? rec.end)) return front;
  return [...front, { start: header.start, end: header.end }].sort((a, b) => a.start - b.start);
}

export function meetingDetails(ctx: ExtractContext, view: RecordView): MeetingDetails {
  const { text } = ctx.doc;
  const box = headerBox(ctx, view);
  const allLabels = box.flatMap((r) => findLabels(text, r, ctx.lex));
  // The header box stands at the top of the front matter: its candidates are read from the first
  // HEADER_SPAN characters only, so a front of thousands of lines (a huge roll call) stays linear.
  const headEnd = (box[0]?.start ?? 0) + HEADER_SPAN;
  const labels = allLabels.filter((l) => l.start < headEnd);
  const frontDates = box.flatMap((r) => sliceByKey(ctx.dates, r.start, r.end, (m) => m.index)).filter((d) => d.index < headEnd);
  const chromeDates = view.chrome.flatMap((r) => sliceByKey(ctx.dates, r.start, r.end, (m) => m.index));
  const rules: Record<string, string[]> = {};
  const date = pick(dateCandidates(ctx, labels, frontDates, chromeDates));
  const dateMention = date?.value ?? null;
  if (date) rules.date = [date.rule];

  // The record's opening and closing sentences, read once for the time's start and its end.
  const clock = openingAndClosing(text, view.rec, ctx.lex);
  const time = pick(timeCandidates(ctx, clock, labels, dateMention, frontDates, chromeDates));
  let timeMention: RawMention | null = null;
  if (time) {
    rules.start = [time.rule];
    rules.end = [time.rule];
    timeMention = withEnd(ctx, clock, time, rules.end);
  }

  let inferredYear: MeetingDetails["inferredYear"] = null;
  if (dateMention && dateMention.start.y === undefined) {
    inferredYear = inferMeetingYear(ctx, view, dateMention);
    if (inferredYear) rules.date!.push("header/inferred-year");
  }

  const dateLine = dateMention && within(view.front, dateMention.index) ? lineBefore(text, dateMention) : null;
  const organisation = findOrganisation(ctx, view);
  const body = findBody(ctx, view, labels, dateLine);
  const location = findLocation(ctx, view, labels);
  if (organisation) rules.organisation = [organisation.rule];
  if (body) rules.body = [body.rule];
  if (location) rules.location = [location.rule];
  const qualified = qualifyBody(body?.value ?? null, organisation, ctx.lex);
  if (qualified !== (body?.value ?? null)) (rules.body ??= []).push("header/body-of-organisation");
  return {
    body: qualified,
    organisation: organisation?.value ?? null,
    dateMention,
    timeMention,
    inferredYear,
    location: location?.value ?? null,
    labels: allLabels,
    rules,
  };
}

/** The text before the date on its line ("Samverkansgrupp Nära vård   2023-09-22"). */
function lineBefore(text: string, m: RawMention): Range | null {
  const ls = text.lastIndexOf("\n", m.index - 1) + 1;
  if (m.index - ls > 120 || m.index === ls) return null;
  return { start: ls, end: m.index };
}

/**
 * A meeting date written without a year ("Dag: 26 februari") takes it from the year of the
 * list or heading it sits under, else from the earliest year the record's own dated lines name.
 */
function inferMeetingYear(ctx: ExtractContext, view: RecordView, m: RawMention): { year: number; evidence: string } | null {
  const { text } = ctx.doc;
  const ctxYear = yearContextAt(text, m.index);
  if (ctxYear) return { year: ctxYear.year, evidence: `the heading year ${ctxYear.year}` };
  const rec = view.rec;
  const inRec = sliceByKey(ctx.dates, rec.start, rec.end, (d) => d.index);
  const explicit = inRec.filter((d) => !d.relative && d.start.y !== undefined && d.grain !== "year");
  // "Minnesanteckningar Arbetsgruppen 2023": a year on the record's title lines.
  const head = view.front[0];
  const titleYears = head ? inRec.filter((d) => d.grain === "year" && !d.end && !d.relative && d.index >= head.start && d.index < Math.min(head.end, head.start + 200)) : [];
  const headingYears = inRec.filter(
    (d) => d.grain === "year" && !d.end &&
      /(?:tider|dagar|datum|möten|sammanträden|plan)[ \t]*$/iu.test(text.slice(Math.max(0, d.index - 30), d.index)),
  );
  // A year on the title lines, else the days written in full, speak before months and plan years
  // ("verksamhetsplan 2022", "i december 2022" in a report on the year before the meeting).
  const days = explicit.filter(DAYLIKE);
  const sources = titleYears.length > 0 ? titleYears : days.length > 0 ? days : [...explicit, ...headingYears];
  const years = sources.map((d) => d.start.y!);
  if (years.length === 0) {
    // Last resort: the year the PDF was made (minutes are written within days of the meeting).
    const created = ctx.doc.source.created;
    return created ? { year: Number(created.slice(0, 4)), evidence: `the PDF's creation date ${created}` } : null;
  }
  const year = Math.min(...years);
  const evidence = sources
    .filter((d) => d.start.y === year)
    .slice(0, 3)
    .map((d) => `"${squash(text.slice(d.index, d.lastIndex))}" (line ${ctx.doc.locate.lineOf(d.index)})`)
    .join(", ");
  return { year, evidence };
}

/**
 * "Plats och tid Beslutande Folkets Hus, Blå Forell Tisdag 20 juni 2017 kl. 10:00": in a flattened
 * two-column header the place label is followed at once by attendance labels, and its value stands
 * after them, up to the date or time.
 */
const attendanceLeadOf = perLexicon((lex: ExtractContext["lex"]) =>
  new RegExp(`^${capitalisedAnyOf(lex.forms("header-labels", "attendance"))}(?![\\p{L}])[ \\t:]*`, "u"));

function flattenedPlaceValue(text: string, labels: LabelHit[], l: LabelHit, dates: RawMention[], lex: ExtractContext["lex"]): Range | null {
  const attendanceLead = attendanceLeadOf(lex);
  const after = labels.filter((o) => o.start >= l.end).sort((a, b) => a.start - b.start);
  let at = l.end;
  let i = 0;
  while (i < after.length && after[i]!.kind === "attendance" && /^[ \t:]*$/u.test(text.slice(at, after[i]!.start))) at = after[i++]!.end;
  if (i === 0) return null;
  let start = at + (/^[ \t:]*/u.exec(text.slice(at))?.[0].length ?? 0);
  // An attendance label the label finder let pass (no value shape after it): "Övriga deltagare stadshuset".
  for (let m; (m = attendanceLead.exec(text.slice(start, start + 60))); ) start += m[0].length;
  const next = after[i];
  const lineEnd = text.indexOf("\n", start);
  const limit = Math.min(start + 150, next ? next.start : Infinity, lineEnd === -1 ? text.length : lineEnd);
  // The place ends where the date or time begins; without one the names of the attendance column
  // follow at once and the place cannot be told from them.
  const when = sliceByKey(dates, start, limit, (d) => d.index)[0];
  return when && when.index > start ? { start, end: when.index } : null;
}

function findLocation(ctx: ExtractContext, view: RecordView, labels: LabelHit[]): { value: string; rule: string } | null {
  const { text } = ctx.doc;
  const rangeEnd = (at: number) => view.front.find((r) => at >= r.start && at < r.end)?.end ?? at + 300;
  const cands: Candidate<string>[] = [];
  for (const l of labels) {
    const weight = PLACE_LABEL_WEIGHT[l.kind];
    if (weight === undefined || claimedByFormality(text, labels, l)) continue;
    const flat = flattenedPlaceValue(text, labels, l, ctx.dates, ctx.lex);
    const v = flat ?? valueAfter(text, l, labels, Math.min(l.end + 300, rangeEnd(l.start)));
    const dates = sliceByKey(ctx.dates, v.start, v.end, (d) => d.index);
    let value = text.slice(v.start, v.end);
    const firstDate = dates[0];
    if (firstDate) {
      const before = text.slice(v.start, firstDate.index);
      const last = dates[dates.length - 1]!;
      value = cleanPlace(before) ? before : text.slice(last.lastIndex, v.end);
    }
    const place = cleanPlace(value.replace(/[ \t]*(?:kl\.?|klockan)[ \t]*$/iu, "").replace(/(?<![\p{L}\p{N}])\d{1,2}[.:]\d{2}(?:[ \t]*[-\u2013][ \t]*\d{1,2}[.:]\d{2})?/gu, ""));
    if (place && !/^(?:se|enligt)(?![\p{L}])/iu.test(place)) {
      cands.push({ value: place, span: v, rule: flat ? "header/flattened-place" : l.kind === "place" ? "header/labelled-place" : "header/labelled-place-time", weight });
    }
  }
  const best = pick(cands);
  if (best) return { value: best.value, rule: best.rule };
  // "Vänersborg 2016-01-20": a dateline at the top of the record.
  const head = view.front[0];
  if (head) {
    const m = /^[ \t]*(\p{Lu}[\p{Ll}-]+)[ \t]+\d{4}[-\u2013]\d{2}[-\u2013]\d{2}/mu.exec(text.slice(head.start, Math.min(head.end, head.start + 200)));
    if (m && ctx.geo.isPlace(m[1]!)) return { value: m[1]!, rule: "header/dateline-place" };
  }
  return null;
}
