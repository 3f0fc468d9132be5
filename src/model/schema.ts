import { z } from "zod";

/** The output contract (../shared/contract/output.md), as a zod schema: the one source of the JSON Schema. */

export const spanSchema = z
  .object({
    page: z.number().int().min(1).nullable().describe("1-based PDF page; null for text and Markdown"),
    line: z.number().int().min(1).describe("1-based line of the first character"),
    endLine: z.number().int().min(1).describe("1-based line of the last character"),
    start: z.number().int().min(0).describe("0-based UTF-16 offset into the canonical text"),
    end: z.number().int().min(0).describe("exclusive end offset"),
  })
  .describe("Where a fact stands in the canonical text: canonical.slice(start, end) is its evidence");

const isoValue = z.string()
  .regex(/^(?:\d{4}(?:-\d{2}(?:-\d{2}(?:T\d{2}:\d{2})?)?)?|--\d{2}(?:-\d{2}(?:T\d{2}:\d{2})?)?|T\d{2}:\d{2})$/)
  .describe("YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM; year-less --MM, --MM-DD or --MM-DDTHH:MM (grain month-day); time only THH:MM");
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe("YYYY-MM-DD");
const hhmm = z.string().regex(/^\d{2}:\d{2}$/).describe("HH:MM, local time");

const ruleIds = z.array(z.string().regex(/^[a-z]+\/[a-z0-9-]+$/)).min(1);
/** Which rules produced a fact (issue 15): field name → rule ids; the ids are listed in src/model/rules.ts. */
export const evidenceSchema = z
  .object({ found: ruleIds.describe("the rules that found the fact itself") })
  .catchall(ruleIds)
  .describe("ids of the rules behind the fact: `found` for the fact itself, then one key per output field a rule set (e.g. group, positions, present, decision, date); every id is listed with its meaning in src/model/rules.ts");

export const participantSchema = z.object({
  id: z.string().describe("stable id, unique in the file"),
  name: z.string(),
  party: z.string().nullable().describe("party abbreviation as written, upper case (S, M, SD, C, V, KD, L, FP, MP, local parties)"),
  represents: z.string().nullable().describe("municipality, region or organisation the person represents"),
  representsCode: z.string().nullable().describe("SCB code when `represents` is a municipality (4 digits) or region (2 digits)"),
  group: z.enum(["member", "substitute", "other"]).nullable().describe("ledamot | ersättare | övriga närvarande; null when the record does not say"),
  positions: z.array(z.enum(["chair", "vice-chair", "secretary", "adjuster"])),
  title: z.string().nullable().describe("job title or role written beside the name"),
  present: z.boolean().nullable().describe("false = absent; null = not known (a notice)"),
  items: z.string().nullable().describe("attended only these items, e.g. '13-21'"),
  notItems: z.string().nullable().describe("did not take part in these items (jäv, 'ej 20'), e.g. '17'"),
  note: z.string().nullable().describe("attendance remarks written beside the name: 'delvis', 'jäv', arrival and leaving times"),
  substitutesFor: z.string().nullable().describe("the member a serving substitute replaces"),
  evidence: evidenceSchema.describe("rule ids behind the participant: found (the list or block that names them), name, party, represents, group, positions, present, items"),
  span: spanSchema,
});

export const sectionSchema = z.object({
  heading: z.string(),
  role: z.enum(["summary", "proposal", "decision", "position", "basis", "motions", "procedure", "vote", "reservation"]),
  text: z.string(),
  span: spanSchema,
});

export const outcomeEnum = z.enum([
  "approved", "rejected", "noted", "assigned", "referred", "postponed", "answered", "elected", "recommended", "other",
]);

export const motionSchema = z.object({
  id: z.string(),
  by: z.string().nullable().describe("who moved it"),
  party: z.string().nullable(),
  type: z.enum(["bifall", "avslag", "återremiss", "bordläggning", "ändring", "tillägg", "other"]).describe("what the motion asks for"),
  text: z.string(),
  span: spanSchema,
});

export const voteSchema = z.object({
  id: z.string(),
  yes: z.number().int().nullable(),
  no: z.number().int().nullable(),
  abstain: z.number().int().nullable(),
  absent: z.number().int().nullable(),
  yesFor: z.string().nullable().describe("what a Ja vote stands for"),
  noFor: z.string().nullable().describe("what a Nej vote stands for"),
  voters: z.array(z.object({ name: z.string(), party: z.string().nullable(), vote: z.enum(["ja", "nej", "avstår", "frånvarande"]) })),
  verified: z.boolean().describe("counts, named votes and attendance agree"),
  span: spanSchema,
});

export const reservationSchema = z.object({
  id: z.string(),
  kind: z.enum(["reservation", "särskilt yttrande", "protokollsanteckning", "jäv"]),
  by: z.array(z.object({ name: z.string(), party: z.string().nullable() })),
  inFavourOf: z.string().nullable().describe("what the reservation favours ('till förmån för motionen')"),
  text: z.string(),
  span: spanSchema,
});

export const itemSchema = z.object({
  id: z.string(),
  number: z.string().describe("§ number or agenda number, as text"),
  title: z.string(),
  caseNumber: z.string().nullable().describe("diarienummer"),
  text: z.string().describe("the item's whole text, page furniture removed"),
  sections: z.array(sectionSchema),
  proposal: z.string().nullable().describe("förslag till beslut"),
  decision: z.string().nullable().describe("beslut / ställningstagande"),
  outcome: outcomeEnum.nullable().describe("first outcome of the decision (or proposal), from the codebook"),
  outcomes: z.array(outcomeEnum).describe("every outcome the decision carries (one per att-clause)"),
  motions: z.array(motionSchema).describe("yrkanden"),
  votes: z.array(voteSchema).describe("omröstningar"),
  reservations: z.array(reservationSchema).describe("reservations, särskilda yttranden, protokollsanteckningar, jäv"),
  evidence: evidenceSchema.describe("rule ids behind the item: found (its header), title, caseNumber, proposal, decision, outcome"),
  span: spanSchema,
});

/** The form of a date value for each grain: a "day" or "minute" is always a full ISO value. */
const VALUE_OF_GRAIN: Record<string, RegExp> = {
  year: /^\d{4}$/,
  season: /^(?:\d{4}|-)-\d{2}$/,
  month: /^(?:\d{4}|-)-\d{2}$/,
  week: /^\d{4}-\d{2}-\d{2}$/,
  day: /^\d{4}-\d{2}-\d{2}$/,
  minute: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/,
  "month-day": /^--\d{2}-\d{2}(?:T\d{2}:\d{2})?$/,
  time: /^T\d{2}:\d{2}$/,
};

export const dateSchema = z.object({
  id: z.string(),
  text: z.string(),
  value: isoValue,
  end: isoValue.nullable(),
  grain: z.enum(["year", "season", "month", "week", "day", "minute", "month-day", "time"]),
  role: z.enum(["meeting", "next-meeting", "scheduled-meeting", "deadline", "effective", "reference", "mention"]),
  item: z.string().nullable().describe("item number, or null in the front matter"),
  inferred: z.array(z.string()).describe("parts filled from context, e.g. ['year']"),
  span: spanSchema,
})
  // Checks beyond JSON Schema (the zod schema is what the pipeline validates against).
  .refine((d) => VALUE_OF_GRAIN[d.grain]!.test(d.value), { path: ["value"], message: "value does not have the form of its grain" })
  .refine((d) => d.end === null || VALUE_OF_GRAIN[d.grain]!.test(d.end), { path: ["end"], message: "end does not have the form of its grain" })
  .refine((d) => d.end === null || !/^\d/.test(d.value) || d.end >= d.value, { path: ["end"], message: "the range ends before it starts" });

export const followUpSchema = z.object({
  id: z.string(),
  item: z.string().nullable(),
  due: isoDay.nullable(),
  text: z.string(),
  responsible: z.string().nullable(),
  evidence: evidenceSchema.describe("rule ids behind the follow-up: found (its cue), due, responsible"),
  span: spanSchema,
});

export const signaturesSchema = z.object({
  secretary: z.string().nullable(),
  chair: z.string().nullable(),
  adjusters: z.array(z.string()),
  adjustedOn: isoDay.nullable(),
  adjustedAt: z.string().nullable().describe("where the minutes were adjusted (justeringens plats)"),
  postedOn: isoDay.nullable(),
  removedOn: isoDay.nullable(),
});

export const meetingSchema = z.object({
  id: z.string().describe("stable across runs for the same input"),
  kind: z.enum(["protocol", "minutes", "agenda", "extract"]),
  body: z.string().nullable(),
  organisation: z.string().nullable(),
  date: isoDay.nullable(),
  start: hhmm.nullable(),
  end: hhmm.nullable(),
  location: z.string().nullable(),
  nextMeeting: isoDay.nullable(),
  scheduledMeetings: z.array(isoDay),
  participants: z.array(participantSchema),
  items: z.array(itemSchema),
  dates: z.array(dateSchema),
  followUps: z.array(followUpSchema),
  signatures: signaturesSchema,
  evidence: evidenceSchema.describe("rule ids behind the meeting: found (what makes the record a meeting), kind, date, start, end, location, body, organisation, nextMeeting"),
  span: spanSchema,
});

export const warningSchema = z.object({
  code: z.string(),
  severity: z.enum(["info", "warning", "error"]),
  message: z.string(),
  line: z.number().int().nullable(),
  span: spanSchema.nullable(),
});

export const sourceSchema = z.object({
  path: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  format: z.enum(["pdf", "text", "markdown"]),
  bytes: z.number().int().min(0),
  pages: z.number().int().min(0).nullable(),
  encoding: z.string().nullable(),
  title: z.string().nullable().describe("PDF document title"),
  created: isoDay.nullable().describe("PDF creation date, YYYY-MM-DD"),
  removed: z.array(z.object({ kind: z.string(), text: z.string(), pages: z.array(z.number().int()) }))
    .describe("page furniture removed from a PDF's text: running headers and footers, page numbers"),
});

export const qualityFlagSchema = z.object({
  rule: z.string().regex(/^quality\/[a-z0-9-]+$/).describe("the quality rule (listed with its meaning in src/model/quality.ts)"),
  message: z.string(),
  meeting: z.string().nullable().describe("id of the meeting the flag is about; null for the whole file"),
  fact: z.string().nullable().describe("id of the participant, item or follow-up the flag is about"),
  span: spanSchema.nullable(),
}).describe("a sign that a fact is worth a person's check (issue 16)");

export const documentSchema = z
  .object({
    schemaVersion: z.literal("1"),
    source: sourceSchema,
    kind: z.enum(["protocol", "minutes", "agenda", "extract", "report", "webpage", "unknown"]),
    meetings: z.array(meetingSchema),
    warnings: z.array(warningSchema),
    quality: z.array(qualityFlagSchema).optional().describe("quality flags: meetings without date or body, item numbers that do not increase, odd names, short decisions, unassigned follow-ups, text in no block"),
  })
  .describe("protokoll parse output for one input file");

export type Output = z.infer<typeof documentSchema>;
export type Meeting = z.infer<typeof meetingSchema>;
export type Participant = z.infer<typeof participantSchema>;
export type Item = z.infer<typeof itemSchema>;
export type DateFact = z.infer<typeof dateSchema>;
export type FollowUp = z.infer<typeof followUpSchema>;
export type Signatures = z.infer<typeof signaturesSchema>;
export type Warning = z.infer<typeof warningSchema>;
export type QualityFlagOut = z.infer<typeof qualityFlagSchema>;
export type FactEvidence = z.infer<typeof evidenceSchema>;
export type Outcome = z.infer<typeof outcomeEnum>;
export type Motion = z.infer<typeof motionSchema>;
export type Vote = z.infer<typeof voteSchema>;
export type Reservation = z.infer<typeof reservationSchema>;
export type MeetingKind = Meeting["kind"];
export type FileKind = Output["kind"];

export function jsonSchema(): unknown {
  return z.toJSONSchema(documentSchema, { target: "draft-2020-12" });
}
