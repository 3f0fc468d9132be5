/** Child process of the batch pool: parses one file per task (PDFs included), so a hostile file can be stopped. */
import { ingestAsync } from "../../ingest/index.js";
import { parseDocument } from "../../pipeline.js";
import { serveTasks } from "../../workers/process-pool.js";

type Task = { label: string; bytes: Uint8Array };

serveTasks(
  async ({ label, bytes }: Task) => {
    const doc = await ingestAsync(label, new Uint8Array(bytes));
    const { output, text } = parseDocument(doc);
    return { output, text };
  },
  { label: (t: Task) => t.label },
);
