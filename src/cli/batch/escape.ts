/** Names as bytes or text, shown safely: a name that is not UTF-8, or holds control characters, is escaped (\xNN, \n). */
export function escapeName(p: string | Buffer): string {
  const s = typeof p === "string" ? p : utf8(p) ?? [...p].map((b) => (b < 0x80 ? String.fromCharCode(b) : `\\x${hex(b)}`)).join("");
  return escapeControls(s);
}

/** Control characters (a newline in a file name could forge a line on standard error) as escapes. */
export function escapeControls(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => (c === "\n" ? "\\n" : c === "\r" ? "\\r" : c === "\t" ? "\\t" : `\\x${hex(c.charCodeAt(0))}`));
}

/** The path to open: a string when the bytes are UTF-8, else the bytes themselves. */
export function nameOf(p: string | Buffer): string | Buffer {
  return typeof p === "string" ? p : utf8(p) ?? p;
}

function utf8(b: Buffer): string | null {
  const s = b.toString("utf8");
  return Buffer.from(s, "utf8").equals(b) ? s : null;
}

const hex = (n: number) => n.toString(16).padStart(2, "0");
