// Runs a command and measures its wall time and the peak resident memory of its whole process tree
// (the command and every descendant, summed, sampled from /proc every 20 ms).
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

const PAGE = 4096;

function processTable() {
  const parent = new Map();
  const rss = new Map();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      // Fields after the command name, which may itself hold spaces and parentheses.
      const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parent.set(Number(d), Number(rest[1]));
      rss.set(Number(d), Number(readFileSync(`/proc/${d}/statm`, "utf8").split(" ")[1]) * PAGE);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return { parent, rss };
}

function treeRss(root) {
  const { parent, rss } = processTable();
  const children = new Map();
  for (const [pid, ppid] of parent) {
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(pid);
  }
  let total = 0;
  let count = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop();
    total += rss.get(pid) ?? 0;
    count++;
    stack.push(...(children.get(pid) ?? []));
  }
  return { bytes: total, processes: count };
}

/** → { seconds, peakRssMb, peakProcesses, code, stdout, stderr } */
export function measure(cmd, args, options = {}) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"], ...options });
    let peak = 0;
    let peakProcesses = 0;
    const sample = () => {
      const r = treeRss(child.pid);
      if (r.bytes > peak) peak = r.bytes;
      if (r.processes > peakProcesses) peakProcesses = r.processes;
    };
    const timer = setInterval(sample, 20);
    const out = [];
    const err = [];
    child.stdout.on("data", (c) => out.push(c));
    child.stderr.on("data", (c) => err.push(c));
    child.on("error", reject);
    child.on("close", (code) => {
      clearInterval(timer);
      resolve({
        seconds: (performance.now() - t0) / 1000,
        peakRssMb: peak / (1024 * 1024),
        peakProcesses,
        code,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
      });
    });
  });
}
