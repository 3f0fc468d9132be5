import { closeSync, mkdtempSync, openSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FileListTooLarge, readBounded, readFileList } from "../../src/cli/batch/inputs.js";

describe("--files-from is read with a bound (issue 13: no unbounded read in the parent)", () => {
  const dir = mkdtempSync(join(tmpdir(), "protokoll-list-"));

  it("reads a list to its end under the limit", () => {
    const f = join(dir, "list.txt");
    writeFileSync(f, "a.pdf\r\nb c.txt\n\n");
    expect(readFileList(f, false)).toEqual(["a.pdf", "b c.txt"]);
    writeFileSync(f, "a.pdf\0b\nc.txt\0");
    expect(readFileList(f, true)).toEqual(["a.pdf", "b\nc.txt"]);
  });

  it("stops at the limit instead of reading an endless or huge list whole", () => {
    const f = join(dir, "big.txt");
    writeFileSync(f, "x/".repeat(50_000));
    const fd = openSync(f, "r");
    try {
      expect(() => readBounded(fd, 64 * 1024)).toThrow(FileListTooLarge);
    } finally {
      closeSync(fd);
    }
    const small = openSync(f, "r");
    try {
      expect(readBounded(small, 1024 * 1024).length).toBe(100_000);
    } finally {
      closeSync(small);
    }
  });
});
