/**
 * Reading inputs into the canonical text: format detection, text, Markdown (its parser loaded only
 * for a Markdown input) and PDFs. The synchronous `ingest` is in index.ts.
 */
import { createHash } from "node:crypto";
import { extname } from "node:path";
import { createLocator } from "../text/locate.js";
import { InputError, type Diagnostic, type SourceFormat } from "../types.js";
import { readPdfWith, type PdfReadOptions } from "./pdf/engine.js";
import type { PdfExtraction } from "./pdf/types.js";
import type { SourceDocument } from "./document.js";
import { ingestText, type IngestedText } from "./text.js";

export type { SourceDocument } from "./document.js";

const MARKDOWN_EXT = new Set([".md", ".markdown", ".mdown", ".mkd"]);

function looksLikePdf(bytes: Uint8Array): boolean {
  // The header may sit anywhere in the first KiB (junk before %PDF is common).
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  return head.includes("%PDF-");
}

const TEXT_EXT = new Set([".txt", ".text"]);

/**
 * Which reader an input goes to: a known extension (case-insensitive) decides, so a .txt that quotes
 * "%PDF-" stays text; the magic bytes decide only for an unknown extension or none (standard input).
 */
export function detectFormat(path: string, bytes: Uint8Array): SourceFormat {
  const ext = extname(path).toLowerCase();
  if (ext === ".pdf") return "pdf";
  if (MARKDOWN_EXT.has(ext)) return "markdown";
  if (TEXT_EXT.has(ext)) return "text";
  return looksLikePdf(bytes) ? "pdf" : "text";
}

export interface IngestOptions {
  /** Overrides detection (stdin has no name). */
  format?: SourceFormat;
}

const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/**
 * A text or Markdown input's bytes, read by `read`, → its canonical text. Throws InputError for an
 * empty input or one that holds no text.
 */
export function textDocument(path: string, bytes: Uint8Array, format: SourceFormat, read: (bytes: Uint8Array) => IngestedText): SourceDocument {
  if (bytes.length === 0) throw new InputError("empty-file", "The file is empty.");
  const got = read(bytes);
  if (got.text.trim() === "") throw new InputError("empty-file", "The file holds no text.");
  return {
    source: { path, sha256: sha(bytes), format, bytes: bytes.length, pages: null, encoding: got.encoding, title: null, created: null, removed: [] },
    text: got.text,
    pageStarts: null,
    locate: createLocator(got.text),
    diagnostics: got.diagnostics,
    ...(got.layout ? { layout: got.layout } : {}),
  };
}

/** A PDF's extracted text → the document every later stage works on. */
export function documentFromPdf(path: string, bytes: Uint8Array, pdf: PdfExtraction): SourceDocument {
  const diagnostics: Diagnostic[] = [
    ...pdf.unreadablePages.map((p) => ({
      code: "page-unreadable",
      severity: "warning" as const,
      message: `Page ${p} of the PDF could not be read; its text is missing.`,
    })),
    ...pdf.damagedPages.map((p) => ({
      code: "page-damaged",
      severity: "warning" as const,
      message: `Page ${p} of the PDF is damaged; some of its text may be missing.`,
    })),
    ...pdf.strays.slice(0, 1).map((s) => ({
      code: "pdf-damaged",
      severity: "warning" as const,
      message: `The PDF is damaged (${s}); some of its text may be missing.`,
    })),
    ...(pdf.repairedPages && pdf.repairedPages.length > 0
      ? [{
          code: "pdf-glyph-map-repaired",
          severity: "warning" as const,
          message: `A font of the PDF maps some glyphs to the wrong letters; the text of page${pdf.repairedPages.length > 1 ? "s" : ""} ${pdf.repairedPages.join(", ")} was re-read from the glyph widths (rule pdf/glyph-width-map).`,
        }]
      : []),
    ...(pdf.notes ?? []).map((message) => ({ code: "pdf-engine-fallback", severity: "info" as const, message })),
  ];
  return {
    source: {
      path, sha256: sha(bytes), format: "pdf", bytes: bytes.length, pages: pdf.pages, encoding: null,
      title: pdf.title, created: pdf.created, removed: pdf.removed,
    },
    text: pdf.text,
    pageStarts: pdf.pageStarts,
    locate: createLocator(pdf.text, pdf.pageStarts),
    diagnostics,
    ...(pdf.layout ? { layout: pdf.layout } : {}),
  };
}

export type PdfReader = (bytes: Uint8Array) => Promise<PdfExtraction>;

/**
 * Any input: PDFs through the given reader, else with the engine of `pdf` (pdf.js in process, or
 * pdftotext in a child process under its limits; see pdf/engine.ts).
 */
export async function ingestAsync(path: string, bytes: Uint8Array, options: IngestOptions & { readPdf?: PdfReader; pdf?: PdfReadOptions } = {}): Promise<SourceDocument> {
  if (bytes.length === 0) throw new InputError("empty-file", "The file is empty.");
  const format = options.format ?? detectFormat(path, bytes);
  // Markdown's parser (unified, remark: some 190 modules) is loaded only for a Markdown input.
  if (format === "markdown") return textDocument(path, bytes, format, (await import("./markdown.js")).ingestMarkdown);
  if (format !== "pdf") return textDocument(path, bytes, format, ingestText);
  const read = options.readPdf ?? ((b: Uint8Array) => readPdfWith(b, options.pdf));
  return documentFromPdf(path, bytes, await read(bytes));
}
