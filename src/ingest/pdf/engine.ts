import { DEFAULT_ENGINE, type PdfEngineName } from "./engine-name.js";
import { DEFAULT_CHILD, hasPdftotext, PopplerFailed, readWithPoppler, type ChildLimits } from "./poppler.js";
import { mayHaveWrongGlyphs } from "./glyph-map.js";
import { readPdf } from "./read.js";
import { DEFAULT_LIMITS, type PdfExtraction, type PdfLimits } from "./types.js";

/**
 * The two PDF engines behind one signature: pdf.js (in this process, always there) and poppler's
 * pdftotext (a child process, when installed). Both end in the same lines, so every later layer is shared.
 * `auto` takes poppler when pdftotext is on PATH and the file is not encrypted (pdf.js opens
 * owner-password files that pdftotext refuses to copy text from), else pdf.js.
 */
export type { PdfEngineName } from "./engine-name.js";

export interface PdfReadOptions {
  engine?: PdfEngineName;
  limits?: PdfLimits;
  /** Timeout and memory cap of the pdftotext child. */
  child?: ChildLimits;
}

/** An encryption dictionary anywhere in the file (its trailer names it). */
export function looksEncrypted(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes("/Encrypt", 0, "latin1");
}

/** The engine a file is read with, and why not poppler when poppler was asked for. */
export function chooseEngine(name: PdfEngineName, bytes: Uint8Array, installed: () => boolean = hasPdftotext): { engine: "pdfjs" | "poppler"; note: string | null } {
  if (name === "pdfjs") return { engine: "pdfjs", note: null };
  // Asked only now: with pdf.js chosen, no process starts to look for pdftotext.
  if (!installed()) return { engine: "pdfjs", note: name === "poppler" ? "pdftotext is not on PATH: read with pdf.js." : null };
  if (name === "auto" && looksEncrypted(bytes)) return { engine: "pdfjs", note: null };
  return { engine: "poppler", note: null };
}

/** Reads a PDF with the chosen engine; what poppler cannot read (encrypted, broken) is read by pdf.js, with a note saying so. */
export async function readPdfWith(bytes: Uint8Array, options: PdfReadOptions = {}): Promise<PdfExtraction> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const { engine, note } = chooseEngine(options.engine ?? DEFAULT_ENGINE, bytes);
  if (engine === "pdfjs") return withNote(await readPdf(bytes, limits), note);
  let read: PdfExtraction;
  try {
    read = await readWithPoppler(bytes, limits, options.child ?? DEFAULT_CHILD);
  } catch (e) {
    if (!(e instanceof PopplerFailed)) throw e;
    return withNote(await readPdf(bytes, limits), `${e.message}; read with pdf.js instead.`);
  }
  // Fonts that map glyphs to the wrong letters are repaired on the pdf.js path only (it sees each
  // glyph's width, glyph-map.ts): when poppler's text shows the signs, pdf.js reads the file too,
  // and its text is taken if it repaired a page.
  if (!mayHaveWrongGlyphs(read.text.split("\n"))) return read;
  const again = await readPdf(bytes, limits);
  if (!again.repairedPages?.length) return read;
  return withNote(again, "pdftotext read glyphs mapped to the wrong letters, which pdf.js repairs: read with pdf.js instead.");
}

function withNote(read: PdfExtraction, note: string | null): PdfExtraction {
  return note ? { ...read, notes: [...(read.notes ?? []), note] } : read;
}

/** What the engine choice adds to the parse cache's key: the engine a PDF would be read with here (auto differs with pdftotext installed or not). */
export function pdfEngineKey(name: PdfEngineName): { pdf?: string } {
  const resolved = name === "pdfjs" || !hasPdftotext() ? "pdfjs" : name;
  return resolved === "pdfjs" ? {} : { pdf: resolved };
}
