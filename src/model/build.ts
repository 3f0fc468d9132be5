import type { ExtractContext, RecordView } from "../extract/context.js";
import { decisionConvention, itemDecision, jointDecisions } from "../extract/decisions.js";
import { assignRoles } from "../extract/date-roles.js";
import { recordReference, yearContextAt } from "../extract/dates/year-context.js";
import { keepListsInOrder } from "../extract/dates/list-order.js";
import { calendarDay } from "../extract/dates/index.js";
import { parseReference, resolveMention } from "../extract/dates/resolve.js";
import type { DateMention, RawMention } from "../extract/dates/types.js";
import { itemFollowUps, recordFollowUps, type RawFollowUp } from "../extract/follow-ups.js";
import { meetingDetails } from "../extract/meeting-details.js";
import { meetingKind } from "../extract/meeting-kind.js";
import { classifyClauses } from "../extract/outcome.js";
import { extractParticipants } from "../extract/participants/index.js";
import { extractSignatures } from "../extract/signatures.js";
import { itemMotions } from "../extract/deliberation/motions.js";
import { itemReservations } from "../extract/deliberation/reservations.js";
import { itemVote } from "../extract/deliberation/votes.js";
import { nameVocabulary } from "../extract/participants/names.js";
import { sliceWithout } from "../segment/lines.js";
import type { RecordSegmentation } from "../segment/index.js";
import type { Range } from "../types.js";
import { childId, meetingId } from "./ids.js";
import { mergeRules, toEvidence } from "./evidence.js";
import { lowerBound, sliceByKey } from "../text/sorted.js";
import type { DateFact, FollowUp, Item, Meeting, Participant } from "./schema.js";

/** Ranges minus the ranges to skip. */
export function subtract(ranges: Range[], skip: Range[]): Range[] {
  const out: Range[] = [];
  for (const r of ranges) {
    let at = r.start;
    for (const s of skip) {
      if (s.end <= at || s.start >= r.end) continue;
      if (s.start > at) out.push({ start: at, end: s.start });
      at = Math.max(at, s.end);
    }
    if (at < r.end) out.push({ start: at, end: r.end });
  }
  return out;
}

/**
 * Blanks and tabs at the end of each line removed, by a scan: /[ \t]+\n/ retried at every blank of a
 * long run that ends in no newline (quadratic). Only the lines that end in a blank are cut; a text
 * without any is returned as it is (splitting every item's and section's text into lines, and
 * joining them again, was 1 % of parsing).
 */
export function trimLineEnds(s: string): string {
  let out = "";
  // s[0, from) is in `out` already, trimmed.
  let from = 0;
  for (let lineStart = 0; ; ) {
    const nl = s.indexOf("\n", lineStart);
    const lineEnd = nl < 0 ? s.length : nl;
    let end = lineEnd;
    while (end > lineStart && (s.charCodeAt(end - 1) === 32 || s.charCodeAt(end - 1) === 9)) end--;
    if (end < lineEnd) {
      out += s.slice(from, end);
      from = lineEnd;
    }
    if (nl < 0) break;
    lineStart = nl + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}
const cleanText = (s: string) => trimLineEnds(s).replace(/\n{3,}/g, "\n\n").trim();
const hhmm = (v: string | null | undefined) => (v && /T\d{2}:\d{2}/.test(v) ? v.slice(v.indexOf("T") + 1, v.indexOf("T") + 6) : null);
const isDay = (d: { grain: string }) => d.grain === "day" || d.grain === "minute";

/** Resolves the mentions of a record; a mention that cannot be placed is left out (with a `date-rejected` warning when `report`). */
function resolveAll(ctx: ExtractContext, raws: RawMention[], reference: string | null, report = true): DateMention[] {
  const ref = parseReference(reference);
  const out: DateMention[] = [];
  const placed = new Set<number>();
  for (const m of raws) {
    const yc = m.start.y === undefined && !m.relative ? yearContextAt(ctx.doc.text, m.index) : null;
    const r = resolveMention(ctx.doc.text, m, ref, yc?.year ?? null);
    if (r.mention) out.push(r.mention);
    else if (r.rejected && report) reportRejected(ctx, m, r.rejected);
    if (r.mention && !yc && m.start.y === undefined && r.mention.inferred.includes("year")) placed.add(m.index);
  }
  keepListsInOrder(ctx.doc.text, out, placed);
  return out;
}

function reportRejected(ctx: ExtractContext, m: RawMention, why: string): void {
  const { doc } = ctx;
  ctx.report({
    code: "date-rejected",
    severity: "warning",
    message: `\`${doc.text.slice(m.index, m.lastIndex)}\` is not a date that can be: ${why}; kept only as text.`,
    line: doc.locate.lineOf(m.index),
    span: doc.locate.spanOf(m.index, m.lastIndex),
  });
}

/**
 * A day without a year and nothing to take one from: listed as --MM-DD, never a meeting, justering
 * or deadline date. A warning when it was the meeting's own date (the meeting is left undated), else information.
 */
function reportYearless(ctx: ExtractContext, d: DateMention, meetingDate: boolean): void {
  const { doc } = ctx;
  ctx.report({
    code: "year-unknown",
    severity: meetingDate ? "warning" : "info",
    message: `\`${d.text}\` has no year, and neither ${meetingDate ? "the text around it" : "the meeting date nor a heading"} gives one: kept as ${d.value}${meetingDate ? "; the meeting date is left null" : ", not used as a day"}.`,
    line: doc.locate.lineOf(d.index),
    span: doc.locate.spanOf(d.index, d.lastIndex),
  });
}

/** What says a record is a meeting record at all (files without one get no meeting). */
export interface MeetingEvidence {
  listedParticipants: number;
}

/** One meeting record → the contract's meeting object. */
export function buildMeeting(ctx: ExtractContext, rec: RecordSegmentation, index: number): { meeting: Meeting; evidence: MeetingEvidence } {
  const { doc, seg } = ctx;
  const { text } = doc;
  const chrome = seg.furniture.filter((f) => f.kind === "transcript-chrome");
  // A front range that runs past the record's end holds the next record's header: cut it there.
  const front = subtract(rec.front, seg.skip).filter((r) => r.start < rec.end).map((r) => (r.end > rec.end ? { start: r.start, end: rec.end } : r));
  const view: RecordView = { rec, front, chrome: chrome.filter((c) => c.start < rec.end && (index === 0 || c.start >= rec.start)) };
  const kindRules: string[] = [];
  const kind = meetingKind(ctx, view, kindRules);
  const details = meetingDetails(ctx, view);
  const id = meetingId(doc.source.sha256, index);

  let date: string | null = null;
  if (details.dateMention) {
    const dm = details.dateMention;
    const r = resolveMention(text, dm, null, details.inferredYear?.year ?? null).mention;
    date = r ? calendarDay(r) : null;
    if (details.inferredYear && date) {
      ctx.report({
        code: "year-inferred",
        severity: "info",
        message: `The meeting date \`${text.slice(dm.index, dm.lastIndex)}\` has no year; ${details.inferredYear.year} comes from ${details.inferredYear.evidence}.`,
        line: doc.locate.lineOf(dm.index),
        span: doc.locate.spanOf(dm.index, dm.lastIndex),
      });
    }
  }
  const skip = sliceByKey(seg.skip, rec.start, rec.end, (r) => r.start);
  const inRecord = sliceByKey(ctx.dates, rec.start, rec.end, (m) => m.index).filter((m) => {
    const k = lowerBound(skip, m.index + 1, (r) => r.start) - 1;
    return !(k >= 0 && skip[k]!.end > m.index);
  });
  if (details.dateMention && !inRecord.includes(details.dateMention)) inRecord.push(details.dateMention);
  inRecord.sort((a, b) => a.index - b.index);
  // An undated record still reads its year-less days against the days it names in full.
  const resolved = resolveAll(ctx, inRecord, date ?? recordReference(inRecord));
  for (const r of resolved) {
    if (r.grain === "month-day") reportYearless(ctx, r, r.index === details.dateMention?.index);
    if (r.inferred.includes("year") && isDay(r) && r.index !== details.dateMention?.index) {
      ctx.report({
        code: "year-inferred",
        severity: "info",
        message: `\`${r.text}\` has no year; read as ${r.value.slice(0, 4)} from ${yearContextAt(text, r.index) ? "the year of the heading or list above it" : (date ? `the meeting date ${date}` : "the days the record names in full")}.`,
        line: doc.locate.lineOf(r.index),
        span: doc.locate.spanOf(r.index, r.lastIndex),
      });
    }
  }
  const time = details.timeMention ? resolveAll(ctx, [details.timeMention], date, false)[0] ?? null : null;

  const people = extractParticipants(ctx, view, kind);
  const participants: Participant[] = people.map((p, i) => ({
    id: childId(id, "p", i),
    name: p.name, party: p.party, represents: p.represents, representsCode: p.representsCode,
    group: p.group, positions: p.positions, title: p.title, present: p.present, items: p.items,
    notItems: p.notItems, note: p.note, substitutesFor: p.substitutesFor,
    evidence: toEvidence(p.rules, "attendance/entry", { party: p.party, represents: p.represents, group: p.group, positions: p.positions, present: p.present }),
    span: doc.locate.spanOf(p.start, p.end),
  }));

  const agenda = kind === "agenda";
  const nv = nameVocabulary(ctx.lex);
  const membersPresent = kind === "agenda" || participants.length === 0 ? null
    : participants.filter((p) => p.group === "member" && p.present !== false).length || null;
  const followRaw: RawFollowUp[] = [];
  // First reading of every item; a record that marks its decisions is read again under its convention.
  let decs = rec.items.map((it) => itemDecision(ctx, it, agenda));
  const convention = decisionConvention(decs);
  if (convention) decs = rec.items.map((it) => itemDecision(ctx, it, agenda, convention));
  decs = jointDecisions(rec.items, decs);
  const items: Item[] = rec.items.map((it, i) => {
    const dec = decs[i]!;
    const basis = dec.decision ?? dec.proposal;
    const outcomes = basis ? classifyClauses(basis, ctx.lex) : [];
    followRaw.push(...itemFollowUps(ctx, it, sliceByKey(resolved, it.start, it.end, (d) => d.index), date));
    const itemId = childId(id, "i", i);
    const vote = itemVote(ctx, it, nv, membersPresent);
    return {
      id: itemId,
      number: it.number,
      title: it.title,
      caseNumber: it.caseNumber,
      text: cleanText(sliceWithout(text, it.start, it.end, seg.skip)),
      sections: it.sections.map((s) => ({
        heading: s.heading,
        role: s.role,
        text: cleanText(sliceWithout(text, s.textStart, s.end, seg.skip)),
        span: doc.locate.spanOf(s.start, s.end),
      })),
      proposal: dec.proposal,
      decision: dec.decision,
      outcome: outcomes[0] ?? null,
      outcomes,
      motions: itemMotions(ctx, it, nv).map((m, k) => ({
        id: childId(itemId, "y", k), by: m.by, party: m.party, type: m.type, text: m.text, span: doc.locate.spanOf(m.range.start, m.range.end),
      })),
      votes: vote ? [{
        id: childId(itemId, "v", 0), yes: vote.yes, no: vote.no, abstain: vote.abstain, absent: vote.absent, yesFor: vote.yesFor,
        noFor: vote.noFor, voters: vote.voters, verified: vote.verified, span: doc.locate.spanOf(vote.range.start, vote.range.end),
      }] : [],
      reservations: itemReservations(ctx, it, nv).map((r, k) => ({
        id: childId(itemId, "r", k), kind: r.kind, by: r.by, inFavourOf: r.inFavourOf, text: r.text, span: doc.locate.spanOf(r.range.start, r.range.end),
      })),
      evidence: toEvidence(mergeRules(mergeRules(it.rules, dec.rules), outcomes.length ? { outcome: dec.decision ? ["outcome/codebook"] : ["outcome/codebook", "outcome/from-proposal"] } : undefined),
        "item/header", { title: it.title, caseNumber: it.caseNumber, proposal: dec.proposal, decision: dec.decision, outcome: outcomes[0] ?? null }),
      span: doc.locate.spanOf(it.start, it.end),
    };
  });

  // A record without items (an OCR table, a run of notes) still holds its commitments.
  if (rec.items.length === 0) {
    // The whole record: its front may run to the end when no item heading ends it.
    followRaw.push(...recordFollowUps(ctx, rec, sliceByKey(resolved, rec.start, rec.end, (d) => d.index), date));
  }
  const deadlines = new Set(followRaw.map((f) => f.date?.index).filter((x): x is number => x !== undefined));
  const meetingRange = details.dateMention ? { start: details.dateMention.index, end: details.dateMention.lastIndex } : null;
  const roles = assignRoles(ctx, resolved, rec.items, meetingRange, deadlines);
  const itemOf = (offset: number) => {
    const it = rec.items[lowerBound(rec.items, offset + 1, (x) => x.start) - 1];
    return it && offset < it.end ? it.number : null;
  };
  const dates: DateFact[] = resolved.map((d, i) => ({
    id: childId(id, "d", i),
    text: d.text, value: d.value, end: d.end, grain: d.grain, role: roles[i]!, item: itemOf(d.index),
    inferred: d.inferred, span: doc.locate.spanOf(d.index, d.lastIndex),
  }));
  const followUps: FollowUp[] = followRaw.map((f, i) => ({
    id: childId(id, "f", i), item: f.item, due: f.due, text: f.text, responsible: f.responsible,
    evidence: toEvidence(f.rules, "followup/cue", { due: f.due, responsible: f.responsible }),
    span: doc.locate.spanOf(f.range.start, f.range.end),
  }));

  const days = (role: string) => dates.filter((d) => d.role === role).map(calendarDay).filter((d): d is string => d !== null);
  const scheduled = [...new Set(days("scheduled-meeting"))].filter((d) => !date || d > date).sort();
  const named = days("next-meeting").find((d) => !date || d > date);
  const next = named ?? scheduled.find((d) => !!date && d.slice(0, 4) === date.slice(0, 4)) ?? null;

  const meeting: Meeting = {
    id, kind,
    body: details.body,
    organisation: details.organisation,
    date,
    start: hhmm(time?.value),
    end: hhmm(time?.end),
    location: details.location,
    nextMeeting: next,
    scheduledMeetings: scheduled,
    participants,
    items,
    dates,
    followUps,
    signatures: extractSignatures(ctx, view, details.labels, resolved, people),
    evidence: toEvidence(mergeRules(mergeRules(details.rules, kindRules), next ? { nextMeeting: [named ? "dates/next-meeting-role" : "dates/scheduled-same-year"] } : undefined), "record/segment", {
      kind, body: details.body, organisation: details.organisation, date, start: hhmm(time?.value), end: hhmm(time?.end), location: details.location, nextMeeting: next,
    }),
    span: doc.locate.spanOf(rec.start, rec.end),
  };
  return { meeting, evidence: { listedParticipants: people.filter((p) => p.listed).length } };
}
