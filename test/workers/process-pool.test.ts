import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { InputError } from "../../src/types.js";
import { ProcessPool } from "../../src/workers/process-pool.js";

/**
 * Children of the pool die at any moment (a fault in the reader, a signal, Ctrl-C): the pool and
 * its caller survive, the task a child was running fails with a clear code, and no other task is
 * blamed. The worker is test/fixtures/workers/task-worker.mjs (built dist/ needed, as for every worker).
 */
type Op = { op: string; ms?: number; path?: string };
const WORKER = new URL("../fixtures/workers/task-worker.mjs", import.meta.url).pathname;
let pools: Array<ProcessPool<Op, number>> = [];
const pool = (size = 1) => {
  const p = new ProcessPool<Op, number>({ worker: WORKER, size, timeoutMs: 20_000, memoryMb: 512 });
  pools.push(p);
  return p;
};
afterEach(async () => {
  for (const p of pools) await p.close();
  pools = [];
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
async function gone(pid: number): Promise<void> {
  for (let i = 0; i < 200 && alive(pid); i++) await sleep(20);
}
const failure = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as InputError);

describe("a pool whose children die", () => {
  it("replaces a child killed while idle", async () => {
    const p = pool();
    const first = await p.run({ op: "pid" });
    process.kill(first, "SIGKILL");
    await gone(first);
    const second = await p.run({ op: "pid" });
    expect(second).not.toBe(first);
  });

  it("sends a task again when its child was killed a moment before (it never ran there)", async () => {
    const p = pool();
    const first = await p.run({ op: "pid" });
    process.kill(first, "SIGKILL");
    // No wait: the send races the child's death.
    const results = await Promise.all([p.run({ op: "pid" }), p.run({ op: "pid" })]);
    for (const pid of results) expect(pid).not.toBe(first);
  });

  it("fails only the task of a child killed while busy, with worker-crashed", async () => {
    const p = pool(2);
    const pid = await p.run({ op: "pid" });
    const busy = failure(p.run({ op: "sleep", ms: 3000 }));
    const other = p.run({ op: "sleep", ms: 300 });
    await sleep(600);
    process.kill(pid, "SIGKILL");
    const err = await busy;
    expect(err?.code).toBe("worker-crashed");
    expect(err?.message).toMatch(/SIGKILL/);
    expect(typeof (await other)).toBe("number");
    expect(typeof (await p.run({ op: "pid" }))).toBe("number");
  });

  it("answers the task, then replaces a child that meets a rejection after answering", async () => {
    const p = pool();
    const first = await p.run({ op: "reject-after-answer" });
    await gone(first);
    expect(alive(first)).toBe(false);
    // The next task is not the victim of the dead child.
    const second = await p.run({ op: "pid" });
    expect(second).not.toBe(first);
  });

  it("fails a task during which its child meets an unhandled rejection or an uncaught exception", async () => {
    const p = pool();
    const rejected = await failure(p.run({ op: "reject-while-reading" }));
    expect(rejected?.code).toBe("worker-crashed");
    expect(rejected?.message).toMatch(/a rejection while reading/);
    const thrown = await failure(p.run({ op: "throw-while-reading" }));
    expect(thrown?.code).toBe("worker-crashed");
    expect(thrown?.message).toMatch(/an uncaught exception while reading/);
    expect(typeof (await p.run({ op: "pid" }))).toBe("number");
  });

  it("puts what a dying child wrote on stderr into the task's message", async () => {
    const p = pool();
    const err = await failure(p.run({ op: "exit-while-reading" }));
    expect(err?.code).toBe("worker-crashed");
    expect(err?.message).toMatch(/exit code 3/);
    expect(err?.message).toMatch(/last words before exiting/);
  });

  it("settles every task while children are killed at random moments", async () => {
    const p = pool(3);
    const pids = new Set<number>();
    const tasks = Array.from({ length: 60 }, (_, i) =>
      p.run({ op: "sleep", ms: 5 + (i % 7) * 5 }).then((pid) => (pids.add(pid), "ok"), (e: InputError) => e.code),
    );
    let killing = true;
    const killer = (async () => {
      while (killing) {
        await sleep(40);
        const victim = [...pids].find(alive);
        if (victim) process.kill(victim, "SIGKILL");
      }
    })();
    const codes = await Promise.all(tasks);
    killing = false;
    await killer;
    expect(new Set(codes.filter((c) => c !== "ok"))).toEqual(new Set(codes.includes("worker-crashed") ? ["worker-crashed"] : []));
    expect(codes.filter((c) => c === "ok").length).toBeGreaterThan(30);
  });
});

describe("closing the pool", () => {
  it("resolves once idle children have left, and a second close (Ctrl-C, then the run's end) does not kill them", async () => {
    const dir = mkdtempSync(join(tmpdir(), "protokoll-pool-close-"));
    try {
      const p = pool(2);
      const paths = [join(dir, "a"), join(dir, "b")];
      const pids = await Promise.all(paths.map((path) => p.run({ op: "write-at-exit", ms: 300, path })));
      await Promise.all([p.close(), p.close()]);
      for (const [i, path] of paths.entries()) expect(existsSync(path) ? readFileSync(path, "utf8") : "not written").toBe(String(pids[i]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
