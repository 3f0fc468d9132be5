/** protokoll's library entry: parse Swedish minutes into the output contract. */
export { parseMinutes, parseTextSync, parseDocument, type ParseOptions, type ParseResult } from "./pipeline.js";
export { PdfPool, type PdfPoolOptions } from "./ingest/pdf/pool.js";
export { parseDates } from "./extract/dates/index.js";
export type { DateMention, ParseDatesOptions, Grain } from "./extract/dates/index.js";
export { documentSchema, jsonSchema } from "./model/schema.js";
export type {
  Output, Meeting, Participant, Item, DateFact, FollowUp, Signatures, Warning, Outcome, MeetingKind, FileKind, FactEvidence,
} from "./model/schema.js";
/** Every rule id a fact's `evidence` may name, with its meaning (the review page lists them). */
export { RULES, isRule, type RuleInfo } from "./model/rules.js";
export type { Span, SourceInfo, SourceFormat, Diagnostic } from "./types.js";
export { InputError } from "./types.js";
/** Quality flags (issue 16) and the review pages and run summary built from outputs and their canonical texts. */
export { qualityFlags, QUALITY_RULES, type QualityFlag, type QualityOptions } from "./model/quality.js";
export { renderDocumentPage, type DocumentPageInput } from "./review/page.js";
export { renderIndexPage } from "./review/index-page.js";
export { runStats, formatStats, type RunStats } from "./review/stats.js";
export type { FileEntry } from "./review/entry.js";
