import { writeSync } from "node:fs";

/**
 * TEST ONLY: fault injection for the fault-tolerance tests (test/workers/). Nothing here runs unless
 * PROTOKOLL_TEST_FAULT is set, a comma-separated list of `what:name`, where `name` is a substring
 * of the file's label:
 * - `kill-while-reading:name` — the child writes a line to stderr and kills itself (SIGKILL) while reading the file;
 * - `kill-after-answer:name` — the child kills itself right after answering the file (dies while idle);
 * - `reject-after-answer:name` — an unhandled rejection right after the answer (what pdf.js does on some damaged PDFs).
 */
export interface TestFaults {
  whileReading(label: string): void;
  afterAnswer(label: string): void;
}

const none: TestFaults = { whileReading: () => undefined, afterAnswer: () => undefined };

export function testFaults(spec: string | undefined): TestFaults {
  if (!spec) return none;
  const rules = spec.split(",").map((r) => r.split(":")).filter((r) => r.length === 2 && r[1]) as Array<[string, string]>;
  const hits = (what: string, label: string) => rules.some(([w, name]) => w === what && label.includes(name));
  return {
    whileReading(label) {
      if (!hits("kill-while-reading", label)) return;
      writeSync(2, `test fault: killing myself while reading ${label}\n`);
      process.kill(process.pid, "SIGKILL");
    },
    afterAnswer(label) {
      if (hits("kill-after-answer", label)) process.kill(process.pid, "SIGKILL");
      if (hits("reject-after-answer", label)) void Promise.reject(new Error(`test fault: a late rejection after ${label}`));
    },
  };
}
