#!/usr/bin/env node
// Writes the small PDFs the unit tests read (test/fixtures/pdf/*.pdf). Hand-written PDF syntax with
// the base-14 Helvetica font in WinAnsi encoding: no tool outside Node is needed. Run it again after
// changing a layout below, and commit the files.
import { mkdirSync, writeFileSync } from "node:fs";

const out = new URL("../test/fixtures/pdf/", import.meta.url);
mkdirSync(out, { recursive: true });

// WinAnsi: Latin-1 plus the Windows-1252 extras we use.
const WIN = { "–": 0x96, "—": 0x97, "…": 0x85, "’": 0x92, "”": 0x94 };
function winAnsi(s) {
  const bytes = [];
  for (const ch of s) {
    const c = WIN[ch] ?? ch.codePointAt(0);
    if (c > 255) throw new Error(`not in WinAnsi: ${ch}`);
    if (c === 0x28 || c === 0x29 || c === 0x5c) bytes.push(0x5c);
    bytes.push(c);
  }
  return Buffer.from(bytes);
}

/** texts: [{x, y, size, text}] drawn in the given order (the content stream order). */
function content(texts) {
  const parts = [];
  for (const t of texts) {
    const font = t.font === "courier" ? "F2" : "F1";
    parts.push(Buffer.from(`BT /${font} ${t.size ?? 11} Tf ${t.x} ${t.y} Td (`, "latin1"), winAnsi(t.text), Buffer.from(") Tj ET\n", "latin1"));
  }
  return Buffer.concat(parts);
}

function pdf(pages, { image = false } = {}) {
  const objects = [];
  const add = (body) => objects.push(body) ;
  add(Buffer.from("<< /Type /Catalog /Pages 2 0 R >>"));
  add(null); // pages, filled below
  add(Buffer.from("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"));
  add(Buffer.from("<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>"));
  let imageObj = null;
  if (image) {
    const px = Buffer.alloc(16 * 16, 0x80);
    add(Buffer.concat([Buffer.from(`<< /Type /XObject /Subtype /Image /Width 16 /Height 16 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length ${px.length} >>\nstream\n`), px, Buffer.from("\nendstream")]));
    imageObj = objects.length;
  }
  const kids = [];
  for (const p of pages) {
    const stream = image ? Buffer.from(`q 400 0 0 500 100 150 cm /Im1 Do Q\n`) : content(p);
    add(Buffer.concat([Buffer.from(`<< /Length ${stream.length} >>\nstream\n`), stream, Buffer.from("\nendstream")]));
    const contentObj = objects.length;
    const res = image ? `<< /XObject << /Im1 ${imageObj} 0 R >> >>` : "<< /Font << /F1 3 0 R /F2 4 0 R >> >>";
    add(Buffer.from(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources ${res} /Contents ${contentObj} 0 R >>`));
    kids.push(objects.length);
  }
  objects[1] = Buffer.from(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(" ")}] /Count ${kids.length} >>`);
  const chunks = [Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  const offsets = [];
  let at = chunks[0].length;
  objects.forEach((body, i) => {
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from("\nendobj\n")]);
    offsets.push(at);
    chunks.push(obj);
    at += obj.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`)].join("");
  chunks.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info << /Title (Kommunstyrelsen 2024-03-12) /CreationDate (D:20240315090000Z) >> >>\nstartxref\n${at}\n%%EOF\n`));
  return Buffer.concat(chunks);
}

// Three pages: running header and footer, page numbers, a word hyphenated at a line end and a real hyphen.
const body = [
  ["PROTOKOLL", "Plats och tid: Stadshuset, kl. 09.00–12.00", "Beslutande: Anna Andersson (S), ordförande", ""],
  ["§ 1 Mötets öppnande", "Ordföranden öppnar mötet och konstaterar att omställ-", "ningen till nära vård pågår inom hälso-", "och sjukvården i hela länet."],
  ["§ 2 Budget 2025", "Beslut", "Kommunstyrelsen godkänner budgeten för Anna-", "Karin Skatts förvaltning."],
];
const headerFooter = body.map((lines, p) => [
  { x: 56, y: 800, size: 9, text: "Kommunstyrelsen – Protokoll 2024-03-12" },
  ...lines.filter(Boolean).map((text, i) => ({ x: 56, y: 740 - i * 16, text })),
  { x: 56, y: 40, size: 9, text: "Justerandes sign" },
  { x: 480, y: 40, size: 9, text: `Sida ${p + 1} av 3` },
]);
writeFileSync(new URL("header-footer-hyphen.pdf", out), pdf(headerFooter));

// Two columns of running text, drawn right column first, then the left, then the heading.
const left = ["Vänster spalt rad ett om budgeten", "Vänster spalt rad två om skolan och", "Vänster spalt rad tre om vården idag"];
const right = ["Höger spalt rad ett om trafiken i", "Höger spalt rad två om parkerna och", "Höger spalt rad tre om biblioteken"];
writeFileSync(new URL("two-columns-stream-order.pdf", out), pdf([[
  ...right.map((text, i) => ({ x: 320, y: 700 - i * 14, text })),
  ...left.map((text, i) => ({ x: 56, y: 700 - i * 14, text })),
  { x: 56, y: 760, size: 14, text: "Rubrik över båda spalterna" },
  { x: 56, y: 620, text: "Text under båda spalterna." },
]]));

// A word-positioned text layer (as OCR layers and macOS Quartz write it): every word an item of its
// own, word spaces drawn as gaps of about 0.7 of the font size. On three rows of the paragraph a word
// starts at x = 200 by chance; the rows between have a word across that x. Courier: 6 pt a letter at 10 pt.
function wordRow(y, text, alignAt = null) {
  const words = text.split(" ");
  const items = [];
  let x = 56;
  for (const w of words) {
    // Align the word that would start nearest alignAt, when a gap of 5–9 pt gets it there.
    if (alignAt !== null && items.length > 0 && alignAt - (x - 7) >= 5 && alignAt - (x - 7) <= 9) x = alignAt;
    items.push({ x, y, size: 10, font: "courier", text: w });
    x += 6 * [...w].length + 7;
  }
  return items;
}
const wordRows = [
  ["Närvarande Emil Stigsson, Marianne Nikitidis, Jens Nilsson", 200],
  ["och Ingrid Kristensen som är kassör i föreningen sedan", null],
  ["Föreningen beslutade att välja Erik Blomgren till", 200],
  ["ordförande för mötet och att protokollet justeras av", null],
  ["Styrelsen hade inget att lägga till protokollet", 200],
];
writeFileSync(new URL("word-positioned.pdf", out), pdf([wordRows.flatMap(([text, at], i) => wordRow(760 - i * 14, text, at))]));

// pdfTeX in the old font encoding: the accent is a glyph of its own before the letter ("M¨" "otet ¨"
// "oppnas"), and over a capital it is raised and drawn as an item of its own above the letter.
writeFileSync(new URL("tex-accents.pdf", out), pdf([[
  { x: 56, y: 760, size: 14, font: "courier", text: "1 M\u00a8" },
  { x: 81.2, y: 760, size: 14, font: "courier", text: "otet \u00a8" },
  { x: 123.2, y: 760, size: 14, font: "courier", text: "oppnas" },
  { x: 56, y: 730, size: 14, font: "courier", text: "2 Ovrigt" },
  { x: 72.8, y: 733, size: 14, font: "courier", text: "\u00a8" },
  { x: 56, y: 700, font: "courier", text: "Beslut om caf\u00b4e och m\u00a8otesordf\u00a8orande" },
]]));

// A bundle of eight pages: three pages of minutes under a running header whose § and page numbers
// vary, then five pages of attachments without it.
const bundle = [];
for (let p = 0; p < 8; p++) {
  const page = [];
  if (p < 3) page.push({ x: 56, y: 800, size: 9, text: `Protokoll ${12 + p} § 2024-03-12 Sida ${p + 1}` });
  const titles = ["Val av justerare", "Budget för skolan", "Motion om cykelbanor"];
  const attachments = ["Bilagan om budgeten", "Kalkylen för skolan", "Remissvaret från länet", "Yttrandet om trafiken", "Kartan över cykelbanor"];
  const heading = p < 3 ? titles[p] : attachments[p - 3];
  page.push({ x: 56, y: 740, text: p < 3 ? `§ ${12 + p} ${heading}` : heading });
  const body = ["Ärendet har beretts av förvaltningen.", "Nämnden har tagit del av underlaget.", "Ordföranden ställer proposition.", "Nämnden beslutar enligt förslaget."];
  body.forEach((text, i) => page.push({ x: 56, y: 720 - i * 16, text: `${text} ${heading.toLowerCase()}` }));
  bundle.push(page);
}
writeFileSync(new URL("bundle-varying-header.pdf", out), pdf(bundle));

// A scan: one page with an image and no text.
writeFileSync(new URL("image-only.pdf", out), pdf([[]], { image: true }));
console.log("wrote test/fixtures/pdf/*.pdf");
