import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { InputError } from "../../types.js";

/** The default --max-size: larger inputs are limit-exceeded without being read. */
export const DEFAULT_MAX_SIZE_MB = 512;

/**
 * Reads one input file, bounded: the type and size are checked on the opened descriptor (a FIFO or
 * device swapped in after listing is refused, not read forever), and a file over the limit is never
 * read. O_NONBLOCK keeps the open itself from waiting for a FIFO's writer.
 */
export function readInputFile(path: string | Buffer, maxBytes: number): Uint8Array {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new InputError("not-a-regular-file", "not a regular file (a pipe, socket or device)");
    if (st.size > maxBytes) throw new InputError("limit-exceeded", `the file is ${mb(st.size)} MB, over the ${mb(maxBytes)} MB limit (--max-size)`);
    // One byte more than the size seen, to notice a file that grows while it is read.
    const buf = Buffer.allocUnsafe(st.size + 1);
    let n = 0;
    for (let r; n < buf.length && (r = readSync(fd, buf, n, buf.length - n, null)) > 0; ) n += r;
    if (n > maxBytes) throw new InputError("limit-exceeded", `the file grew past the ${mb(maxBytes)} MB limit (--max-size) while it was read`);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

const mb = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10;
