/**
 * pdf.js leaves some promises unhandled on damaged files: it prefetches the kids of the page tree,
 * and when the walk stops early (a kid that is not a page) the prefetch of a kid with a bad xref
 * entry rejects with nobody listening ("XRefEntryException: Bad (uncompressed) XRef entry"). Node
 * then ends the process, which for the library is the caller's process. While a PDF is read, such
 * rejections are caught here and counted as damage to the file being read.
 */

/** The names pdf.js gives its exceptions. */
const PDFJS_ERRORS = new Set([
  "XRefEntryException", "XRefParseException", "FormatError", "MissingDataException", "ParserEOFException",
  "InvalidPDFException", "UnknownErrorException", "PasswordException", "ResponseException", "AbortException",
]);

function fromPdfJs(reason: unknown): boolean {
  const err = reason as { name?: unknown; stack?: unknown };
  if (typeof err?.name === "string" && PDFJS_ERRORS.has(err.name)) return true;
  return typeof err?.stack === "string" && /pdfjs-dist|pdf\.worker/.test(err.stack);
}

export function describeStray(reason: unknown): string {
  const err = reason as { name?: unknown; message?: unknown };
  const name = typeof err?.name === "string" && err.name !== "Error" ? `${err.name}: ` : "";
  return `${name}${String(err?.message ?? reason)}`;
}

const readers = new Set<string[]>();
const CLAIMED = Symbol.for("protokoll.rejection-claimed");

function onRejection(reason: unknown): void {
  if (fromPdfJs(reason)) {
    for (const strays of readers) strays.push(describeStray(reason));
    // Other listeners (a worker's fault handler) see that it was dealt with here.
    if (typeof reason === "object" && reason !== null) Object.defineProperty(reason, CLAIMED, { value: true });
    return;
  }
  // Not ours: with no other listener Node would have ended the process; keep that behaviour.
  if (process.listenerCount("unhandledRejection") === 1) throw reason;
}

/** Runs `read` with pdf.js's stray rejections collected into `strays` (until a turn of the event loop after it ends). */
export async function catchingStrays<T>(strays: string[], read: () => Promise<T>): Promise<T> {
  if (readers.size === 0) process.on("unhandledRejection", onRejection);
  readers.add(strays);
  try {
    return await read();
  } finally {
    // Node reports an unhandled rejection once the current turn is over: wait for it.
    await new Promise<void>((resolve) => setImmediate(resolve));
    readers.delete(strays);
    if (readers.size === 0) process.off("unhandledRejection", onRejection);
  }
}
