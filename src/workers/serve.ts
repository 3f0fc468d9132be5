import { InputError } from "../types.js";
import type { Reply, Task } from "./protocol.js";
import { testFaults, type TestFaults } from "./test-fault.js";

export interface ServeOptions<Req> {
  /** The name of a task's file, for the test-only fault hooks (PROTOKOLL_TEST_FAULT, see test-fault.ts). */
  label?: (payload: Req) => string;
}

function codeOf(e: unknown): string {
  const code = (e as { code?: unknown })?.code;
  if (e instanceof InputError) return e.code;
  return typeof code === "string" && /^[a-z-]+$/.test(code) ? code : "internal-error";
}

function describe(e: unknown): string {
  const err = e as { name?: unknown; message?: unknown };
  const name = typeof err?.name === "string" && err.name !== "Error" ? `${err.name}: ` : "";
  return `${name}${String(err?.message ?? e)}`;
}

const claimed = (reason: unknown) => typeof reason === "object" && reason !== null && Symbol.for("protokoll.rejection-claimed") in reason;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Worker side: acknowledges each task, then answers it with the handler's result or a coded error.
 *
 * A rejection nobody handles or an uncaught exception (pdf.js leaves some on damaged files) is a
 * fault: the task running at that moment fails with `worker-crashed` and the fault in its message,
 * and the child leaves to be replaced; a fault while idle just ends the child. The answer waits one
 * turn of the event loop, so a stray rejection from the task's own work still counts against it.
 */
export function serveTasks<Req, Res>(handle: (payload: Req) => Promise<Res>, options: ServeOptions<Req> = {}): void {
  let current: number | null = null;
  let leaving = false;
  const send = (reply: Reply<Res>, then?: () => void) => {
    try {
      process.send!(reply, undefined, {}, (e) => (e ? process.exit(0) : then?.()));
    } catch {
      process.exit(0); // the parent is gone
    }
  };
  const fault = (e: unknown) => {
    if (leaving) return;
    leaving = true;
    const message = `The reader process failed on this file: ${describe(e)}`;
    process.stderr.write(`protokoll worker: ${describe(e)}\n`);
    if (current === null) process.exit(70);
    send({ id: current, ok: false, code: "worker-crashed", message, retire: true }, () => process.exit(70));
  };
  // A rejection a reader claims as its own (see ingest/pdf/stray.ts) is not a fault; listeners all run before this microtask.
  process.on("unhandledRejection", (reason) => queueMicrotask(() => claimed(reason) || fault(reason)));
  process.on("uncaughtException", fault);
  // Ctrl-C reaches the whole process group: the parent decides, and closes the pool.
  process.on("SIGINT", () => undefined);
  process.on("disconnect", () => process.exit(0));
  const faults: TestFaults = testFaults(process.env.PROTOKOLL_TEST_FAULT);
  process.on("message", (task: Task<Req>) => {
    if (leaving || current !== null) return;
    current = task.id;
    send({ id: task.id, ack: true });
    const label = options.label?.(task.payload) ?? "";
    void (async () => {
      let reply: Reply<Res>;
      try {
        faults.whileReading(label);
        reply = { id: task.id, ok: true, result: await handle(task.payload) };
      } catch (e) {
        reply = { id: task.id, ok: false, code: codeOf(e), message: describe(e instanceof InputError ? e.message : e) };
      }
      await nextTurn();
      if (leaving) return;
      current = null;
      send(reply, () => faults.afterAnswer(label));
    })();
  });
}
