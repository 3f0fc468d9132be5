import { createHash } from "node:crypto";
import { extname } from "node:path";
import { createLocator } from "../text/locate.js";
import { InputError, type SourceFormat } from "../types.js";
import type { SourceDocument } from "./document.js";
import { ingestMarkdown } from "./markdown.js";
import { ingestText } from "./text.js";

export type { SourceDocument } from "./document.js";

const MARKDOWN_EXT = new Set([".md", ".markdown", ".mdown", ".mkd"]);

function looksLikePdf(bytes: Uint8Array): boolean {
  // The header may sit anywhere in the first KiB (junk before %PDF is common).
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  return head.includes("%PDF-");
}

/** Which reader an input goes to: by magic bytes first, then by extension (case-insensitive). */
export function detectFormat(path: string, bytes: Uint8Array): SourceFormat {
  const ext = extname(path).toLowerCase();
  if (ext === ".pdf" || looksLikePdf(bytes)) return "pdf";
  if (MARKDOWN_EXT.has(ext)) return "markdown";
  return "text";
}

export interface IngestOptions {
  /** Overrides detection (stdin has no name). */
  format?: SourceFormat;
}

/** One input's bytes → its canonical text. Throws InputError for inputs that cannot be read. */
export function ingest(path: string, bytes: Uint8Array, options: IngestOptions = {}): SourceDocument {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  if (bytes.length === 0) throw new InputError("empty-file", "The file is empty.");
  const format = options.format ?? detectFormat(path, bytes);
  if (format === "pdf") {
    throw new InputError(
      "pdf-not-supported",
      "PDF input is not supported yet; convert it to text first (e.g. pdftotext -layout).",
    );
  }
  const read = format === "markdown" ? ingestMarkdown(bytes) : ingestText(bytes);
  if (read.text.trim() === "") throw new InputError("empty-file", "The file holds no text.");
  return {
    source: { path, sha256, format, bytes: bytes.length, pages: null, encoding: read.encoding },
    text: read.text,
    pageStarts: null,
    locate: createLocator(read.text),
    diagnostics: read.diagnostics,
  };
}
