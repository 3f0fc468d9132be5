/** Child process of the batch pool: parses one file per task (PDFs included), so a hostile file can be stopped. */
import { ingestAsync } from "../../ingest/read.js";
import { parseDocument } from "../../parse-document.js";
import { serveTasks } from "../../workers/process-pool.js";
import type { PdfReadOptions } from "../../ingest/pdf/engine.js";
import { serializeParse, type Serializations } from "./parsed.js";

/** `want`: the texts of the output the run writes (the worker makes them, beside the parse). */
export type BatchTask = { label: string; bytes: Uint8Array; pdf?: PdfReadOptions; want: Serializations };

serveTasks(
  async ({ label, bytes, pdf, want }: BatchTask) => {
    // The file's own time, measured here so the report's ms never includes a wait in the pool's queue.
    const t0 = performance.now();
    const doc = await ingestAsync(label, new Uint8Array(bytes), pdf ? { pdf } : {});
    const { output, text } = parseDocument(doc);
    const parsed = serializeParse(output, text, want);
    return { ...parsed, ms: performance.now() - t0 };
  },
  { label: (t: BatchTask) => t.label },
);
