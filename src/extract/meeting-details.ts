import { capitalisedAnyOf, squash } from "../text/unicode.js";
import type { Range } from "../types.js";
import { yearContextAt } from "./dates/year-context.js";
import { sliceByKey } from "../text/sorted.js";
import type { RawMention } from "./dates/types.js";
import type { ExtractContext, RecordView } from "./context.js";
import { within } from "./context.js";
import { findBody, findOrganisation } from "./body.js";
import { findLabels, valueAfter, type LabelHit } from "./labels.js";
import { cleanPlace } from "./place.js";

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
  /** Rule ids by output field (date, start, location, body, organisation), issue 15. */
  rules?: Record<string, string[]>;
}

const DAYLIKE = (m: RawMention) => (m.grain === "day" || m.grain === "minute") && !m.relative;
const TIMELIKE = (m: RawMention) => m.grain === "time" || m.grain === "minute";
const PRIORITY = ["sammanträdesdatum", "mötesdatum", "sammanträdesdag", "datum", "dag", "tidpunkt", "plats och tid", "tid och plats", "plats och datum", "datum och plats", "tid"];

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

export function meetingDetails(ctx: ExtractContext, view: RecordView): MeetingDetails {
  const { text } = ctx.doc;
  const labels = view.front.flatMap((r) => findLabels(text, r, ctx.lex));
  const frontDates = view.front.flatMap((r) => sliceByKey(ctx.dates, r.start, r.end, (m) => m.index));
  const chromeDates = view.chrome.flatMap((r) => sliceByKey(ctx.dates, r.start, r.end, (m) => m.index));
  let dateMention: RawMention | null = null;
  const rules: Record<string, string[]> = {};
  for (const name of PRIORITY) {
    for (const l of labels.filter((x) => x.label === name)) {
      const v = valueAfter(text, l, labels, l.end + 160);
      const m = frontDates.find((d) => DAYLIKE(d) && d.index >= l.end && !formalityBetween(labels, l.end, d.index) &&
        (d.index <= Math.max(v.end, l.end + 40) || flattenedValue(labels, l, d.index)));
      if (m) { dateMention = m; rules.date = [flattenedValue(labels, l, m.index) && m.index > Math.max(v.end, l.end + 40) ? "header/flattened-label-date" : "header/labelled-date"]; break; }
    }
    if (dateMention) break;
  }
  if (!dateMention) {
    dateMention = frontDates.find((d) => DAYLIKE(d) && !governedByFormalities(labels, d.index)) ?? null;
    if (dateMention) rules.date = ["header/first-front-date"];
  }
  if (!dateMention) {
    dateMention = chromeDates.find(DAYLIKE) ?? null;
    if (dateMention) rules.date = ["header/chrome-date"];
  }

  let timeMention: RawMention | null = dateMention?.grain === "minute" ? dateMention : null;
  if (timeMention) rules.start = ["header/time-in-date"];
  if (!timeMention) {
    // The meeting's time stands beside its date or in a time/place label's value; other clock times
    // in the front matter are attendance ("8:15-11:30") or an adjournment.
    const near = (d: RawMention) =>
      (dateMention && d.index >= dateMention.lastIndex && d.index - dateMention.lastIndex < 80) ||
      labels.some((l) => ["time", "place-time", "date", "place"].includes(l.kind) && d.index >= l.end && d.index - l.end < 200 &&
        !labels.some((o) => o.start > l.end && o.start < d.index && o.kind !== "attendance"));
    timeMention = frontDates.find((d) => TIMELIKE(d) && !governedByFormalities(labels, d.index) && near(d)) ?? null;
    if (timeMention) rules.start = ["header/time-near-date-or-label"];
    else {
      timeMention = chromeDates.find(TIMELIKE) ?? null;
      if (timeMention) rules.start = ["header/chrome-time"];
    }
  }

  let inferredYear: MeetingDetails["inferredYear"] = null;
  if (dateMention && dateMention.start.y === undefined) inferredYear = inferMeetingYear(ctx, view, dateMention);
  if (inferredYear) rules.date!.push("header/year-inferred");
  if (rules.start) rules.end = rules.start;
  const location = findLocation(ctx, view, labels);
  if (location) rules.location = [location.rule];

  const dateLine = dateMention && within(view.front, dateMention.index) ? lineBefore(text, dateMention) : null;
  const bodyRules: string[] = [];
  const body = findBody(ctx, view, labels, dateLine, bodyRules);
  return {
    body,
    organisation: findOrganisation(ctx, view),
    dateMention,
    timeMention,
    inferredYear,
    location: location?.place ?? null,
    labels,
    rules: { ...rules, body: bodyRules.length ? bodyRules : ["header/body"], organisation: ["header/organisation"] },
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
  const headingYears = inRec.filter(
    (d) => d.grain === "year" && !d.end &&
      /(?:tider|dagar|datum|möten|sammanträden|plan)[ \t]*$/iu.test(text.slice(Math.max(0, d.index - 30), d.index)),
  );
  const years = [...explicit, ...headingYears].map((d) => d.start.y!);
  if (years.length === 0) {
    // Last resort: the year the PDF was made (minutes are written within days of the meeting).
    const created = ctx.doc.source.created;
    return created ? { year: Number(created.slice(0, 4)), evidence: `the PDF's creation date ${created}` } : null;
  }
  const year = Math.min(...years);
  const evidence = [...explicit, ...headingYears]
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
let attendanceLead: RegExp | null = null;

function flattenedPlaceValue(text: string, labels: LabelHit[], l: LabelHit, dates: RawMention[], lex: ExtractContext["lex"]): Range | null {
  attendanceLead ??= new RegExp(`^${capitalisedAnyOf(lex.forms("header-labels", "attendance"))}(?![\\p{L}])[ \\t:]*`, "u");
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

function findLocation(ctx: ExtractContext, view: RecordView, labels: LabelHit[]): { place: string; rule: string } | null {
  const { text } = ctx.doc;
  const rangeEnd = (at: number) => view.front.find((r) => at >= r.start && at < r.end)?.end ?? at + 300;
  const order = ["plats och tid", "tid och plats", "plats och datum", "datum och plats", "plats", "sammanträdesplats", "lokal", "mötesplats", "mötesform"];
  for (const name of order) {
    for (const l of labels.filter((x) => x.label === name)) {
      const v = flattenedPlaceValue(text, labels, l, ctx.dates, ctx.lex) ?? valueAfter(text, l, labels, Math.min(l.end + 300, rangeEnd(l.start)));
      const dates = sliceByKey(ctx.dates, v.start, v.end, (d) => d.index);
      let value = text.slice(v.start, v.end);
      const firstDate = dates[0];
      if (firstDate) {
        const before = text.slice(v.start, firstDate.index);
        const last = dates[dates.length - 1]!;
        value = cleanPlace(before) ? before : text.slice(last.lastIndex, v.end);
      }
      const place = cleanPlace(value.replace(/[ \t]*(?:kl\.?|klockan)[ \t]*$/iu, ""));
      if (place && !/^(?:se|enligt)\b/iu.test(place)) return { place, rule: "header/place-label" };
    }
  }
  // "Vänersborg 2016-01-20": a dateline at the top of the record.
  const head = view.front[0];
  if (head) {
    const m = /^[ \t]*(\p{Lu}[\p{Ll}-]+)[ \t]+\d{4}-\d{2}-\d{2}/mu.exec(text.slice(head.start, Math.min(head.end, head.start + 200)));
    if (m && ctx.geo.isPlace(m[1]!)) return { place: m[1]!, rule: "header/dateline-place" };
  }
  return null;
}
