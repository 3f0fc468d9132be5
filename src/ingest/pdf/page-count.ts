/**
 * A page tree whose /Count is 0 or negative: pdf.js believes it and reports no pages (it checks the
 * count only when it says 2 or more). When the count is not a number at all, pdf.js walks the whole
 * tree and counts the pages it finds. So such counts are blanked in a copy of the file: each value
 * becomes the empty name `/` padded with spaces, keeping every byte offset (the xref) as it was.
 * A count inside a compressed object stream is out of reach; such a file still reads as no pages.
 */
export function hideBadPageCounts(bytes: Uint8Array): Uint8Array | null {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  const out = Buffer.from(bytes);
  let changed = false;
  for (const m of text.matchAll(/\/Count[\0\t\n\f\r ]*(-?\d+)(?![\d.])/g)) {
    if (Number(m[1]) > 0) continue;
    const at = m.index + m[0].length - m[1]!.length;
    out.write("/".padEnd(m[1]!.length, " "), at, "latin1");
    changed = true;
  }
  return changed ? out : null;
}
