/**
 * Reading inputs. `read.ts` holds the readers that load Markdown's parser only when needed (the
 * CLI's path); this module adds the synchronous `ingest`, which has it loaded up front.
 */
import { InputError } from "../types.js";
import type { SourceDocument } from "./document.js";
import { ingestMarkdown } from "./markdown.js";
import { detectFormat, textDocument, type IngestOptions } from "./read.js";
import { ingestText } from "./text.js";

export * from "./read.js";

/**
 * A text or Markdown input's bytes → its canonical text. Throws InputError for inputs that cannot
 * be read; a PDF needs the asynchronous ingestAsync.
 */
export function ingest(path: string, bytes: Uint8Array, options: IngestOptions = {}): SourceDocument {
  if (bytes.length === 0) throw new InputError("empty-file", "The file is empty.");
  const format = options.format ?? detectFormat(path, bytes);
  if (format === "pdf") throw new InputError("pdf-needs-async", "A PDF is read asynchronously: use ingestAsync or parseMinutes.");
  return textDocument(path, bytes, format, format === "markdown" ? ingestMarkdown : ingestText);
}
