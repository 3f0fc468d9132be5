/**
 * The PDF engines by name (a module of its own so the CLI's option parsing loads no reader).
 * `auto` takes poppler when pdftotext is on PATH and the file is not encrypted, else pdf.js.
 */
export type PdfEngineName = "pdfjs" | "poppler" | "auto";
export const PDF_ENGINES: readonly PdfEngineName[] = ["pdfjs", "poppler", "auto"];
/**
 * pdf.js stays the default: poppler scores within 0.01 of it on the answered PDFs (wildpdfs 72.3 against
 * 72.4) but not the same, and with `auto` the output would depend on what the machine has installed.
 */
export const DEFAULT_ENGINE: PdfEngineName = "pdfjs";
