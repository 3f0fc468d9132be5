import type { ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { InputError } from "../types.js";
import type { Reply, Task } from "./protocol.js";

export { serveTasks } from "./serve.js";

// node:child_process (with net, streams and the rest it loads) is required at the first child only:
// a run that parses in process (one text file) never starts one.
type ChildProcesses = typeof import("node:child_process");
let childProcess: ChildProcesses | null = null;
const fork = (path: string, args: string[], options: import("node:child_process").ForkOptions): ChildProcess =>
  (childProcess ??= createRequire(import.meta.url)("node:child_process") as ChildProcesses).fork(path, args, options);

/**
 * Long-lived child processes that run one task at a time each, every task under a timeout and a
 * cap on the child's resident memory (which, unlike a worker thread's heap limit, also covers the
 * buffers a decompression bomb fills). A child that passes a limit is killed and replaced.
 *
 * A child may die at any moment (a fault in the reader, a signal, the OOM killer): the pool then
 * replaces it and never sends to it again. A task the child had not yet acknowledged goes back to
 * the queue (it never ran, so its file is not to blame); the task it was running fails with
 * `worker-crashed` (or `limit-exceeded` when it died of memory), with the child's stderr in the message.
 *
 * tinypool's child_process runtime was considered: it cancels a task through an AbortSignal, but
 * it keeps its children's process ids to itself, so the resident-memory cap could not be enforced.
 */
export interface ProcessPoolOptions {
  /** Path of the built worker module (it serves tasks with serveTasks). */
  worker: string;
  size: number;
  timeoutMs: number;
  memoryMb: number;
}

interface Job<Req, Res> {
  payload: Req;
  resolve(r: Res): void;
  reject(e: Error): void;
  /** Times the job was sent to a child that died before acknowledging it. */
  resent: number;
}

interface Running<Req, Res> {
  id: number;
  job: Job<Req, Res>;
  acked: boolean;
  timer: NodeJS.Timeout;
  watch: NodeJS.Timeout;
  /** Last resident memory sampled, MiB. */
  rss: number;
}

interface Worker<Req, Res> {
  proc: ChildProcess;
  /** False from the moment it exits, fails or is killed: nothing more is sent to it. */
  alive: boolean;
  task: Running<Req, Res> | null;
  /** The end of the child's stderr, for the message of a file it died on. */
  stderr: string;
  exit: string;
  gone: boolean;
}

/** A job sent to children that die before taking it this many times fails (the children cannot start). */
const MAX_RESENDS = 3;
const STDERR_KEPT = 4000;

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

/** The last lines of a child's stderr, on one line. */
function stderrTail(s: string): string {
  const lines = s.trim().split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  return lines.slice(-6).join(" | ").slice(-600);
}

export class ProcessPool<Req, Res> {
  private readonly workers = new Set<Worker<Req, Res>>();
  private readonly queue: Array<Job<Req, Res>> = [];
  private readonly size: number;
  private nextId = 1;
  private closed = false;
  private closing: Promise<void> | null = null;

  constructor(private readonly opts: ProcessPoolOptions) {
    this.size = Math.max(1, opts.size);
  }

  run(payload: Req): Promise<Res> {
    if (this.closed) return Promise.reject(new Error("the pool is closed"));
    return new Promise((resolve, reject) => {
      this.queue.push({ payload, resolve, reject, resent: 0 });
      this.pump();
    });
  }

  /**
   * Resolves once the idle children have left: on their own when their channel closes, so that
   * what a child writes at exit (V8's code cache, a --cpu-prof profile) is written before the
   * caller goes on, or killed after 2 s. A busy child is killed at once.
   */
  close(): Promise<void> {
    // Once: a second call (an interruption, then the run's end) must not kill the children the first is letting leave.
    return (this.closing ??= this.leave());
  }

  private async leave(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error("the pool was closed"));
    const leaving: Array<Promise<void>> = [];
    for (const w of [...this.workers]) {
      if (w.task) {
        this.settle(w, (job) => job.reject(new Error("the pool was closed")));
        this.kill(w);
      } else if (w.alive && w.proc.connected) {
        w.alive = false;
        leaving.push(new Promise((resolve) => w.proc.once("exit", () => resolve())));
        w.proc.ref(); // the process waits for it (spawn unrefs every child)
        try {
          w.proc.disconnect();
        } catch {
          // already gone
        }
        setTimeout(() => w.proc.kill("SIGKILL"), 2000).unref();
      } else this.kill(w);
    }
    await Promise.all(leaving);
  }

  private spawn(): Worker<Req, Res> {
    const proc = fork(this.opts.worker, [], {
      // The V8 heap limit sits below the resident-memory cap, so most overruns end in a clean error.
      // PROTOKOLL_WORKER_ARGS adds Node options to the children only, e.g. --cpu-prof to profile them.
      // A small young generation (4 MB semi-spaces, V8's default is up to 16 on 64-bit). 16 → 8: about
      // 35 MB less resident for two children (text corpus 330 → 295 MB) for about 5 % more time; 8 → 4
      // (2026-12-03, alternating runs): small PDFs 378 → 360 MB, small texts 279 → 264 MB, time within noise.
      // No regex tier-up: each pattern is compiled once, to machine code, at its first use (see start/bundle-loader.ts).
      // Single-threaded GC: with such a small young generation V8's parallel scavenger threads cost
      // more than they save, and at --jobs N on N cores they take the cores the other children need
      // (2026-12-04, alternating runs, large corpus, --jobs 2: PDFs 28.3 → 26.0 s, texts 12.9 → 10.7 s,
      // with about 15 % less CPU time; --jobs 1 PDFs 41.8 → 38.2 s).
      execArgv: [`--max-old-space-size=${Math.max(64, Math.floor(this.opts.memoryMb * 0.75))}`, "--max-semi-space-size=4", "--single-threaded-gc", "--no-regexp-tier-up", ...workerArgs()],
      serialization: "advanced",
      stdio: ["ignore", "ignore", "pipe", "ipc"],
    });
    const w: Worker<Req, Res> = { proc, alive: true, task: null, stderr: "", exit: "", gone: false };
    proc.stderr?.setEncoding("utf8");
    proc.stderr?.on("data", (chunk: string) => (w.stderr = (w.stderr + chunk).slice(-STDERR_KEPT)));
    (proc.stderr as { unref?: () => void } | null)?.unref?.();
    proc.on("message", (msg: Reply<Res>) => this.onMessage(w, msg));
    proc.on("error", (e) => {
      w.exit ||= e.message;
      this.kill(w);
      this.lost(w);
    });
    proc.on("exit", (code, signal) => {
      w.alive = false;
      w.exit ||= signal ? `killed by ${signal}` : `exit code ${code}`;
      // stderr may still hold the child's last words: wait for it to close (briefly).
      const late = setTimeout(() => this.lost(w), 500);
      late.unref();
      proc.once("close", () => {
        clearTimeout(late);
        this.lost(w);
      });
    });
    proc.unref();
    proc.channel?.unref();
    this.workers.add(w);
    return w;
  }

  private pump(): void {
    while (!this.closed && this.queue.length > 0) {
      let w = [...this.workers].find((x) => x.alive && !x.task);
      if (!w && this.workers.size < this.size) w = this.spawn();
      if (!w) return;
      this.start(w, this.queue.shift()!);
    }
  }

  private start(w: Worker<Req, Res>, job: Job<Req, Res>): void {
    const id = this.nextId++;
    const stop = (code: string, message: string) => {
      this.settle(w, (j) => j.reject(new InputError(code, message)));
      this.kill(w);
      this.pump();
    };
    const timer = setTimeout(() => stop("limit-exceeded", `Reading the file took longer than ${this.opts.timeoutMs / 1000} s; stopped.`), this.opts.timeoutMs);
    const watch = setInterval(() => {
      const mb = w.proc.pid ? rssMb(w.proc.pid) : null;
      if (mb !== null && w.task) w.task.rss = mb;
      if (mb !== null && mb > this.opts.memoryMb) stop("limit-exceeded", `Reading the file used more than ${this.opts.memoryMb} MB; stopped.`);
    }, 50);
    w.task = { id, job, acked: false, timer, watch, rss: 0 };
    w.proc.channel?.ref();
    const task: Task<Req> = { id, payload: job.payload };
    try {
      // A child that died a moment ago fails here (or in the callback): it is killed, and its exit requeues the job.
      w.proc.send(task, (e) => {
        if (e) this.kill(w);
      });
    } catch {
      this.kill(w);
    }
  }

  private onMessage(w: Worker<Req, Res>, msg: Reply<Res>): void {
    const task = w.task;
    if (!task || msg.id !== task.id) return;
    if ("ack" in msg) {
      task.acked = true;
      return;
    }
    this.settle(w, (job) => (msg.ok ? job.resolve(msg.result) : job.reject(new InputError(msg.code, msg.message))));
    // A child that met a fault answers its task and is not given another.
    if (msg.retire) this.kill(w);
    this.pump();
  }

  /** Ends the worker's current task (timers, channel) and settles its job once. */
  private settle(w: Worker<Req, Res>, how: (job: Job<Req, Res>) => void): void {
    const task = w.task;
    if (!task) return;
    w.task = null;
    clearTimeout(task.timer);
    clearInterval(task.watch);
    if (w.alive) w.proc.channel?.unref();
    how(task.job);
  }

  private kill(w: Worker<Req, Res>): void {
    w.alive = false;
    try {
      w.proc.kill("SIGKILL");
    } catch {
      // already gone
    }
  }

  /** The child is gone: forget it, and requeue or fail the task it held. */
  private lost(w: Worker<Req, Res>): void {
    if (w.gone) return;
    w.gone = true;
    w.alive = false;
    this.workers.delete(w);
    const task = w.task;
    if (task) {
      if (this.closed) this.settle(w, (job) => job.reject(new Error("the pool was closed")));
      else if (!task.acked && task.job.resent < MAX_RESENDS) {
        this.settle(w, (job) => {
          job.resent++;
          this.queue.unshift(job);
        });
      } else {
        const err = this.deathError(w, task);
        this.settle(w, (job) => job.reject(err));
      }
    }
    this.pump();
  }

  private deathError(w: Worker<Req, Res>, task: Running<Req, Res>): InputError {
    const said = stderrTail(w.stderr);
    const tail = said ? `; it said: ${said}` : "";
    if (/heap out of memory|Reached heap limit|Allocation failed/i.test(w.stderr) || task.rss > this.opts.memoryMb * 0.8) {
      return new InputError("limit-exceeded", `The reader process ran out of memory on this file (${w.exit})${tail}.`);
    }
    if (!task.acked) return new InputError("worker-crashed", `The reader process died ${MAX_RESENDS + 1} times before it could read this file (${w.exit})${tail}.`);
    return new InputError("worker-crashed", `The reader process died while reading this file (${w.exit})${tail}.`);
  }
}
