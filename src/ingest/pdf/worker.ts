/**
 * Child process that reads PDFs for the parent (pool.ts): one long-lived process per pool slot,
 * so a hostile file that hangs pdf.js or fills memory can be killed without killing the batch.
 */
import { readPdf } from "./read.js";
import type { PdfLimits } from "./types.js";
import { InputError } from "../../types.js";

interface Request {
  id: number;
  bytes: Uint8Array;
  limits: PdfLimits;
}

process.on("message", (msg: Request) => {
  readPdf(new Uint8Array(msg.bytes), msg.limits).then(
    (result) => process.send!({ id: msg.id, ok: true, result }),
    (e: unknown) => {
      const code = e instanceof InputError ? e.code : "corrupt-pdf";
      const message = e instanceof Error ? e.message : String(e);
      process.send!({ id: msg.id, ok: false, code, message });
    },
  );
});
