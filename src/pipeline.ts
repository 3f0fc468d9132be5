import { ingest, ingestAsync, type PdfReader } from "./ingest/index.js";
import type { Lexicon } from "./lexicon/load.js";
import { parseDocument, type ParseResult } from "./parse-document.js";
import type { SourceFormat } from "./types.js";
import type { PdfEngineName } from "./ingest/pdf/engine-name.js";

export { parseDocument, type ParseResult } from "./parse-document.js";

export interface ParseOptions {
  /** Name recorded as source.path ('<stdin>' for standard input). */
  path?: string;
  /** Skip format detection. */
  format?: SourceFormat;
  lexicon?: Lexicon;
  /** How to read PDFs (default: the engine of `pdfEngine` in this process). */
  readPdf?: PdfReader;
  /** pdfjs (the default), poppler (pdftotext) or auto (poppler when installed and the file is not encrypted). */
  pdfEngine?: PdfEngineName;
}


/** Parses one input (bytes of a text, Markdown or PDF file, or a string) into the output contract. Rejects with InputError for unreadable input. */
export async function parseMinutes(input: Uint8Array | string, options: ParseOptions = {}): Promise<ParseResult> {
  const bytes = typeof input === "string" ? new TextEncoder().encode(input) : input;
  const path = options.path ?? "<input>";
  const doc = await ingestAsync(path, bytes, { ...(options.format ? { format: options.format } : {}), ...(options.readPdf ? { readPdf: options.readPdf } : {}), ...(options.pdfEngine ? { pdf: { engine: options.pdfEngine } } : {}) });
  return parseDocument(doc, options.lexicon);
}

/** Text or Markdown only, synchronously. */
export function parseTextSync(input: Uint8Array | string, options: Omit<ParseOptions, "readPdf"> = {}): ParseResult {
  const bytes = typeof input === "string" ? new TextEncoder().encode(input) : input;
  return parseDocument(ingest(options.path ?? "<input>", bytes, options.format ? { format: options.format } : {}), options.lexicon);
}
