import { mkdirSync, readFileSync, renameSync, writeFileSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import { InputError } from "../types.js";

/** What the CLI touches outside itself, so tests can run it in process. */
export interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Reads standard input, at most maxBytes: past that it stops reading and throws limit-exceeded. */
  readStdin(maxBytes: number): Promise<Uint8Array>;
  readFile(path: string): Uint8Array;
  /** Writes atomically: a temporary name, then a rename, so an interrupted run leaves no half file. */
  writeFile(path: string, data: string | Uint8Array): void;
}

let counter = 0;

export function writeAtomic(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}-${counter++}`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

export const nodeIo: Io = {
  stdout: process.stdout,
  stderr: process.stderr,
  readStdin: (maxBytes) => readStreamBounded(process.stdin, maxBytes),
  readFile: (p) => readFileSync(p),
  writeFile: writeAtomic,
};

/**
 * Reads a stream to its end, holding at most maxBytes: one byte more and the stream is destroyed
 * (an endless pipe neither hangs the run nor grows its memory) and the input is limit-exceeded.
 */
export async function readStreamBounded(stream: NodeJS.ReadableStream & { destroy?: () => void }, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of stream) {
    const chunk = typeof c === "string" ? Buffer.from(c) : (c as Buffer);
    size += chunk.length;
    if (size > maxBytes) {
      stream.destroy?.();
      const mb = Math.round((maxBytes / (1024 * 1024)) * 10) / 10;
      throw new InputError("limit-exceeded", `standard input is over the ${mb} MB limit (--max-size); reading stopped there`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
