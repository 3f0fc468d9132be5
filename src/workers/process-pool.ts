import { fork, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { InputError } from "../types.js";

/**
 * Long-lived child processes that run one task at a time each, every task under a timeout and a
 * cap on the child's resident memory (which, unlike a worker thread's heap limit, also covers the
 * buffers a decompression bomb fills). A child that passes a limit is killed and replaced.
 *
 * tinypool's child_process runtime was considered: it cancels a task through an AbortSignal, but
 * it keeps its children's process ids to itself, so the resident-memory cap could not be enforced.
 */
export interface ProcessPoolOptions {
  /** Path of the built worker module (it answers {id, payload} with {id, ok, result} or {id, ok: false, code, message}). */
  worker: string;
  size: number;
  timeoutMs: number;
  memoryMb: number;
}

interface Job<Req, Res> {
  payload: Req;
  resolve(r: Res): void;
  reject(e: Error): void;
}

interface Slot {
  child: ChildProcess | null;
  busy: boolean;
}

interface Reply<Res> {
  id: number;
  ok: boolean;
  result?: Res;
  code?: string;
  message?: string;
}

/** Resident memory of a process in MiB (Linux /proc; null elsewhere, where only the timeout and heap limit apply). */
function rssMb(pid: number): number | null {
  try {
    const pages = Number(readFileSync(`/proc/${pid}/statm`, "utf8").split(" ")[1]);
    return (pages * 4096) / (1024 * 1024);
  } catch {
    return null;
  }
}

function workerArgs(): string[] {
  return (process.env.PROTOKOLL_WORKER_ARGS ?? "").split(/\s+/).filter(Boolean);
}

export class ProcessPool<Req, Res> {
  private readonly slots: Slot[];
  private readonly queue: Array<Job<Req, Res>> = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly opts: ProcessPoolOptions) {
    this.slots = Array.from({ length: Math.max(1, opts.size) }, () => ({ child: null, busy: false }));
  }

  run(payload: Req): Promise<Res> {
    if (this.closed) return Promise.reject(new Error("the pool is closed"));
    return new Promise((resolve, reject) => {
      this.queue.push({ payload, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error("the pool was closed"));
    for (const s of this.slots) {
      // An idle child leaves on its own when its channel closes (so --cpu-prof can write its profile);
      // a busy one is stopped.
      if (s.child && !s.busy && s.child.connected) {
        const child = s.child;
        child.disconnect();
        setTimeout(() => child.kill("SIGKILL"), 2000).unref();
      } else s.child?.kill("SIGKILL");
      s.child = null;
    }
  }

  private spawn(): ChildProcess {
    const child = fork(this.opts.worker, [], {
      // The V8 heap limit sits below the resident-memory cap, so most overruns end in a clean error.
      // PROTOKOLL_WORKER_ARGS adds Node options to the children only, e.g. --cpu-prof to profile them.
      // A smaller young generation (8 MB semi-spaces, V8's default is up to 16 on 64-bit): about 35 MB
      // less resident per child for about 5 % more time (bench/, text corpus: 330 → 295 MB for two workers).
      execArgv: [`--max-old-space-size=${Math.max(64, Math.floor(this.opts.memoryMb * 0.75))}`, "--max-semi-space-size=8", ...workerArgs()],
      serialization: "advanced",
      stdio: ["ignore", "ignore", "ignore", "ipc"],
    });
    child.unref();
    child.channel?.unref();
    return child;
  }

  private pump(): void {
    const slot = this.slots.find((s) => !s.busy);
    const job = slot && this.queue.shift();
    if (!slot || !job) return;
    slot.busy = true;
    const child = (slot.child ??= this.spawn());
    child.channel?.ref();
    const id = this.nextId++;
    let done = false;
    const finish = (kill: boolean, settle: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      clearInterval(watch);
      child.off("message", onMessage);
      child.off("exit", onExit);
      if (kill) {
        child.kill("SIGKILL");
        slot.child = null;
      } else child.channel?.unref();
      slot.busy = false;
      settle();
      if (!this.closed) this.pump();
    };
    const onMessage = (msg: Reply<Res>) => {
      if (msg.id !== id) return;
      finish(false, () => (msg.ok ? job.resolve(msg.result!) : job.reject(new InputError(msg.code ?? "internal-error", msg.message ?? "failed"))));
    };
    const onExit = () =>
      finish(true, () => job.reject(new InputError("limit-exceeded", "The reader process stopped on this file (out of memory or crashed).")));
    const timer = setTimeout(
      () => finish(true, () => job.reject(new InputError("limit-exceeded", `Reading the file took longer than ${this.opts.timeoutMs / 1000} s; stopped.`))),
      this.opts.timeoutMs,
    );
    const watch = setInterval(() => {
      const mb = child.pid ? rssMb(child.pid) : null;
      if (mb !== null && mb > this.opts.memoryMb) {
        finish(true, () => job.reject(new InputError("limit-exceeded", `Reading the file used more than ${this.opts.memoryMb} MB; stopped.`)));
      }
    }, 50);
    child.on("message", onMessage);
    child.on("exit", onExit);
    child.send({ id, payload: job.payload });
  }
}

/** Worker side: answers each task with the handler's result or a coded error. */
export function serveTasks<Req, Res>(handle: (payload: Req) => Promise<Res>): void {
  process.on("disconnect", () => process.exit(0));
  process.on("message", (msg: { id: number; payload: Req }) => {
    handle(msg.payload).then(
      (result) => process.send!({ id: msg.id, ok: true, result }),
      (e: unknown) => {
        const err = e as { code?: unknown; message?: unknown };
        const code = e instanceof InputError ? e.code : typeof err?.code === "string" && /^[a-z-]+$/.test(err.code) ? err.code : "internal-error";
        process.send!({ id: msg.id, ok: false, code, message: String(err?.message ?? e) });
      },
    );
  });
}
