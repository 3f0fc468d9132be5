/** Shared vocabulary of the pipeline. No logic lives here. */

/** A place in the canonical text. start/end: 0-based UTF-16 offsets, end exclusive.
 *  line/endLine: 1-based. page: 1-based PDF page, null for text and Markdown. */
export interface Span {
  page: number | null;
  line: number;
  endLine: number;
  start: number;
  end: number;
}

export type SourceFormat = "pdf" | "text" | "markdown";

export interface SourceInfo {
  path: string;
  sha256: string;
  format: SourceFormat;
  bytes: number;
  pages: number | null;
  encoding: string | null;
  /** PDF document title and creation date (YYYY-MM-DD), when the file says. */
  title: string | null;
  created: string | null;
  /** Page furniture removed from a PDF's text (running headers and footers, page numbers). */
  removed: Array<{ kind: string; text: string; pages: number[] }>;
}

export type Severity = "info" | "warning" | "error";

/** A message about the input, with a place when it has one (unified's vfile-message idea). */
export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  line?: number;
  span?: Span;
}

/** Thrown for a per-file failure with a stable code; the batch goes on. */
export class InputError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = "InputError";
    this.code = code;
  }
}

/** Half-open range [start, end) in the canonical text. */
export interface Range {
  start: number;
  end: number;
}
