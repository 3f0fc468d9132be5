import { PassThrough, Readable } from "node:stream";
import { main } from "../../src/cli/main.js";
import { readStreamBounded, writeAtomic, type Io } from "../../src/cli/io.js";
import { readFileSync } from "node:fs";

/** Runs the CLI in process with captured streams. */
export async function run(args: string[], stdin = "", signal?: AbortSignal): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = "";
  let stderr = "";
  out.on("data", (c) => (stdout += c));
  err.on("data", (c) => (stderr += c));
  const io: Io = {
    stdout: out,
    stderr: err,
    readStdin: (maxBytes) => readStreamBounded(Readable.from([Buffer.from(stdin, "utf8")]), maxBytes),
    readFile: (p) => readFileSync(p),
    writeFile: writeAtomic,
  };
  const code = await main(args, io, signal);
  return { code, stdout, stderr };
}
