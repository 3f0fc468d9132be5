import { fork, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { InputError } from "../../types.js";
import { DEFAULT_LIMITS, type PdfExtraction, type PdfLimits } from "./types.js";

export interface PdfPoolOptions {
  /** Child processes (the number of PDFs read at once). */
  size: number;
  /** A PDF taking longer than this is stopped: limit-exceeded. */
  timeoutMs: number;
  /** A child whose resident memory passes this is stopped: limit-exceeded. */
  memoryMb: number;
  limits: PdfLimits;
}

export const DEFAULT_POOL: PdfPoolOptions = { size: 1, timeoutMs: 60_000, memoryMb: 1024, limits: DEFAULT_LIMITS };

// The built worker, from src/ (tests) and dist/ alike.
const WORKER = fileURLToPath(new URL("../../../dist/ingest/pdf/worker.js", import.meta.url));

interface Job {
  bytes: Uint8Array;
  resolve(r: PdfExtraction): void;
  reject(e: Error): void;
}

interface Slot {
  child: ChildProcess | null;
  busy: boolean;
}

/** Resident memory of a process in MiB (Linux /proc; null elsewhere). */
function rssMb(pid: number): number | null {
  try {
    const pages = Number(readFileSync(`/proc/${pid}/statm`, "utf8").split(" ")[1]);
    return (pages * 4096) / (1024 * 1024);
  } catch {
    return null;
  }
}

/** Long-lived child processes that read PDFs, each file under a timeout and a memory cap. */
export class PdfPool {
  private readonly opts: PdfPoolOptions;
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private nextId = 1;

  constructor(options: Partial<PdfPoolOptions> = {}) {
    this.opts = { ...DEFAULT_POOL, ...options };
    this.slots = Array.from({ length: Math.max(1, this.opts.size) }, () => ({ child: null, busy: false }));
  }

  read(bytes: Uint8Array): Promise<PdfExtraction> {
    return new Promise((resolve, reject) => {
      this.queue.push({ bytes, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    for (const s of this.slots) {
      s.child?.kill("SIGKILL");
      s.child = null;
    }
  }

  private spawn(): ChildProcess {
    const child = fork(WORKER, [], {
      execArgv: [`--max-old-space-size=${this.opts.memoryMb}`],
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
      this.pump();
    };
    const onMessage = (msg: { id: number; ok: boolean; result?: PdfExtraction; code?: string; message?: string }) => {
      if (msg.id !== id) return;
      finish(false, () => (msg.ok ? job.resolve(msg.result!) : job.reject(new InputError(msg.code ?? "corrupt-pdf", msg.message ?? "unreadable PDF"))));
    };
    const onExit = () =>
      finish(true, () => job.reject(new InputError("limit-exceeded", "The PDF reader stopped (out of memory or crashed) on this file.")));
    const timer = setTimeout(
      () => finish(true, () => job.reject(new InputError("limit-exceeded", `Reading the PDF took longer than ${this.opts.timeoutMs / 1000} s; stopped.`))),
      this.opts.timeoutMs,
    );
    const watch = setInterval(() => {
      const mb = child.pid ? rssMb(child.pid) : null;
      if (mb !== null && mb > this.opts.memoryMb) {
        finish(true, () => job.reject(new InputError("limit-exceeded", `Reading the PDF used more than ${this.opts.memoryMb} MB; stopped.`)));
      }
    }, 100);
    child.on("message", onMessage);
    child.on("exit", onExit);
    child.send({ id, bytes: job.bytes, limits: this.opts.limits });
  }
}
