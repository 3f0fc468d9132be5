/**
 * The PDF engines by name (a module of its own so the CLI's option parsing loads no reader).
 * `auto` takes poppler when pdftotext is on PATH and the file is not encrypted, else pdf.js.
 */
export type PdfEngineName = "pdfjs" | "poppler" | "auto";
export const PDF_ENGINES: readonly PdfEngineName[] = ["pdfjs", "poppler", "auto"];
export const DEFAULT_ENGINE: PdfEngineName = "auto";
