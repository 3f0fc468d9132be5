import { createDeflate } from "node:zlib";

/** Minimal hand-written PDFs for hostile cases (objects as strings; offsets computed). */
function assemble(objects: Array<string | Buffer>, trailerExtra = "", options: { xrefPrevSelf?: boolean; misplaced?: number } = {}): Buffer {
  const chunks: Buffer[] = [Buffer.from("%PDF-1.4\n")];
  const offsets: number[] = [];
  let at = chunks[0]!.length;
  objects.forEach((body, i) => {
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), typeof body === "string" ? Buffer.from(body, "latin1") : body, Buffer.from("\nendobj\n")]);
    offsets.push(at);
    chunks.push(obj);
    at += obj.length;
  });
  // A misplaced entry points at object 1's offset: pdf.js finds the wrong object there.
  if (options.misplaced) offsets[options.misplaced - 1] = offsets[0]!;
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  const prev = options.xrefPrevSelf ? ` /Prev ${at}` : "";
  chunks.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${prev}${trailerExtra} >>\nstartxref\n${at}\n%%EOF\n`));
  return Buffer.concat(chunks);
}

const FONT = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
const text = (s: string) => `BT /F1 11 Tf 56 760 Td (${s}) Tj ET`;
const stream = (body: string | Buffer, extra = "") => {
  const b = typeof body === "string" ? Buffer.from(body, "latin1") : body;
  return Buffer.concat([Buffer.from(`<< /Length ${b.length}${extra} >>\nstream\n`), b, Buffer.from("\nendstream")]);
};

/** One page with a line of text. */
export function onePage(line = "Protokoll Kommunstyrelsen"): Buffer {
  return assemble([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
    FONT,
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
    stream(text(line)),
  ]);
}

/** Thousands of pages without text. */
export function blankPages(n: number): Buffer {
  const kids = Array.from({ length: n }, (_, i) => `${i + 4} 0 R`).join(" ");
  const pages = Array.from({ length: n }, () => "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>");
  return assemble(["<< /Type /Catalog /Pages 2 0 R >>", `<< /Type /Pages /Kids [${kids}] /Count ${n} >>`, stream(""), ...pages]);
}

/** /Count says 1000; there is one page. */
export function lyingPageCount(): Buffer {
  return assemble([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [4 0 R] /Count 1000 >>",
    FONT,
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
    stream(text("Protokoll med ljugande sidantal")),
  ]);
}

/** A page tree whose Kids contain the tree itself. */
export function selfContainingTree(): Buffer {
  return assemble(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [2 0 R] /Count 1 >>"]);
}

/** A cross-reference table whose /Prev points at itself. */
export function loopingXref(): Buffer {
  return assemble([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
    FONT,
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
    stream(text("Protokoll med slinga")),
  ], "", { xrefPrevSelf: true });
}

/** A content stream of `mb` MiB of spaces, Flate-compressed to about a thousandth of that. */
export async function compressionBomb(mb: number): Promise<Buffer> {
  const deflate = createDeflate({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on("data", (c: Buffer) => parts.push(c));
  const done = new Promise((r) => deflate.on("end", r));
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  for (let i = 0; i < mb; i++) if (!deflate.write(chunk)) await new Promise((r) => deflate.once("drain", r));
  deflate.end();
  await done;
  const body = Buffer.concat(parts);
  return assemble([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
    FONT,
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
    stream(body, " /Filter /FlateDecode"),
  ]);
}


/** A page tree with /Count 0 or -1 over one real page. */
export function badPageCount(count: string): Buffer {
  return assemble([
    "<< /Type /Catalog /Pages 2 0 R >>",
    `<< /Type /Pages /Kids [4 0 R] /Count ${count} >>`,
    FONT,
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
    stream(text("Protokoll med fel sidantal")),
  ]);
}

/**
 * A page tree whose first kid is not a page and whose last kid's xref entry is wrong: pdf.js
 * prefetches the last kid, stops at the first, and leaves the prefetch's rejection unhandled
 * ("XRefEntryException: Bad (uncompressed) XRef entry"), which used to end the reader process.
 */
export function strayRejection(): Buffer {
  const page = (contents: number) => `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${contents} 0 R >>`;
  return assemble([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [0 4 0 R 5 0 R] /Count 2 >>",
    FONT,
    page(6),
    page(7),
    stream(text("Protokoll sida 1")),
    stream(text("Sida 2")),
  ], "", { misplaced: 5 });
}

/** A content stream with text, an array nested `depth` deep, then more text. */
export function deepArray(depth: number): Buffer {
  const body = `${text("Protokoll före")}\n${"[".repeat(depth)}${"]".repeat(depth)}\nBT /F1 11 Tf 56 700 Td (Efter djupet) Tj ET`;
  return assemble([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
    FONT,
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
    stream(body),
  ]);
}
