import type { FactEvidence, Item, Meeting, Output } from "../model/schema.js";

/** The kinds of highlighted fact; each has a colour and a legend entry on the page. */
export const MARK_KINDS = [
  "participant", "item", "proposal", "decision", "section", "motion", "vote", "reservation", "followup", "date", "detail",
] as const;
export type MarkKind = (typeof MARK_KINDS)[number];

export const MARK_LABELS: Record<MarkKind, string> = {
  participant: "participant",
  item: "item header",
  proposal: "proposal",
  decision: "decision",
  section: "other section",
  motion: "motion (yrkande)",
  vote: "vote",
  reservation: "reservation",
  followup: "follow-up",
  date: "date",
  detail: "meeting detail",
};

/** One highlight: a fact's evidence in the canonical text, with what the JSON says of it. */
export interface Mark {
  kind: MarkKind;
  start: number;
  end: number;
  /** The fact's id in the JSON (a section or detail gets its item's or meeting's id plus a suffix). */
  fact: string;
  field: string;
  value: string;
  rules: string[];
}

function rulesOf(ev: FactEvidence | undefined, ...fields: string[]): string[] {
  if (!ev) return [];
  const out: string[] = [];
  for (const f of fields) for (const r of ev[f] ?? []) if (!out.includes(r)) out.push(r);
  return out;
}

/** The end of the line that holds `start`, within `end`. */
function lineEnd(text: string, start: number, end: number): number {
  const nl = text.indexOf("\n", start);
  return nl < 0 || nl > end ? end : nl;
}

/** Where a value written in the text stands in [from, to), or null. */
function locate(text: string, value: string, from: number, to: number): [number, number] | null {
  const at = text.slice(from, to).indexOf(value);
  return at < 0 ? null : [from + at, from + at + value.length];
}

function itemMarks(text: string, it: Item): Mark[] {
  const marks: Mark[] = [];
  marks.push({
    kind: "item", start: it.span.start, end: lineEnd(text, it.span.start, it.span.end), fact: it.id,
    field: "item", value: `${it.number} ${it.title}`.trim(), rules: rulesOf(it.evidence, "found", "title", "caseNumber"),
  });
  let decided = false;
  it.sections.forEach((s, i) => {
    const kind: MarkKind = s.role === "decision" || s.role === "position" ? "decision" : s.role === "proposal" ? "proposal" : "section";
    if (kind === "decision") decided = true;
    const field = kind === "decision" ? "decision" : kind === "proposal" ? "proposal" : `section (${s.role})`;
    const value = kind === "decision" ? it.decision ?? s.text : kind === "proposal" ? it.proposal ?? s.text : s.heading;
    const rules = kind === "decision" ? rulesOf(it.evidence, "decision", "outcome") : kind === "proposal" ? rulesOf(it.evidence, "proposal") : [];
    marks.push({ kind, start: s.span.start, end: s.span.end, fact: `${it.id}-s${i + 1}`, field, value, rules });
  });
  // A decision read from a sentence (no decision section) is marked where its text stands in the item.
  if (!decided && it.decision) {
    const at = locate(text, it.decision, it.span.start, it.span.end);
    if (at) marks.push({ kind: "decision", start: at[0], end: at[1], fact: `${it.id}-decision`, field: "decision", value: it.decision, rules: rulesOf(it.evidence, "decision", "outcome") });
  }
  for (const m of it.motions) marks.push({ kind: "motion", start: m.span.start, end: m.span.end, fact: m.id, field: "motion", value: `${m.type}${m.by ? ` by ${m.by}` : ""}: ${m.text}`, rules: [] });
  for (const v of it.votes) marks.push({ kind: "vote", start: v.span.start, end: v.span.end, fact: v.id, field: "vote", value: `yes ${v.yes ?? "?"}, no ${v.no ?? "?"}, abstain ${v.abstain ?? "?"}`, rules: [] });
  for (const r of it.reservations) marks.push({ kind: "reservation", start: r.span.start, end: r.span.end, fact: r.id, field: r.kind, value: r.by.map((b) => b.name).join(", ") || r.text, rules: [] });
  return marks;
}

const DETAIL_FIELDS = ["body", "organisation", "location"] as const;

function meetingMarks(text: string, m: Meeting): Mark[] {
  const marks: Mark[] = [];
  for (const p of m.participants) {
    const value = [p.name, p.party, p.group, ...p.positions].filter(Boolean).join(" · ");
    marks.push({ kind: "participant", start: p.span.start, end: p.span.end, fact: p.id, field: "participant", value, rules: rulesOf(p.evidence, ...Object.keys(p.evidence)) });
  }
  for (const it of m.items) marks.push(...itemMarks(text, it));
  for (const f of m.followUps) {
    const value = [f.text, f.responsible ? `owner ${f.responsible}` : null, f.due ? `due ${f.due}` : null].filter(Boolean).join(" · ");
    marks.push({ kind: "followup", start: f.span.start, end: f.span.end, fact: f.id, field: "follow-up", value, rules: rulesOf(f.evidence, ...Object.keys(f.evidence)) });
  }
  for (const d of m.dates) {
    const rules = d.role === "meeting" ? rulesOf(m.evidence, "date", "start", "end") : d.role === "next-meeting" ? rulesOf(m.evidence, "nextMeeting") : [];
    marks.push({ kind: "date", start: d.span.start, end: d.span.end, fact: d.id, field: `date (${d.role})`, value: d.end ? `${d.value} – ${d.end}` : d.value, rules });
  }
  // Body, organisation and location are strings of the front matter: marked where they are written.
  const front = m.items.length ? Math.min(...m.items.map((i) => i.span.start)) : m.span.end;
  for (const field of DETAIL_FIELDS) {
    const value = m[field];
    if (!value) continue;
    const at = locate(text, value, m.span.start, front) ?? locate(text, value, m.span.start, m.span.end);
    if (at) marks.push({ kind: "detail", start: at[0], end: at[1], fact: `${m.id}-${field}`, field, value, rules: rulesOf(m.evidence, field) });
  }
  return marks;
}

/** Every highlight of a file, clipped to the text; empty and out-of-range spans are dropped. */
export function collectMarks(out: Output, text: string): Mark[] {
  return out.meetings
    .flatMap((m) => meetingMarks(text, m))
    .map((k) => ({ ...k, start: Math.max(0, k.start), end: Math.min(text.length, k.end) }))
    .filter((k) => k.end > k.start);
}
