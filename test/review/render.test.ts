import { describe, expect, it } from "vitest";
import { collectMarks } from "../../src/review/marks.js";
import { renderDocumentPage } from "../../src/review/page.js";
import { lineStarts, renderText, textParts } from "../../src/review/text.js";
import { renderIndexPage } from "../../src/review/index-page.js";
import { parsed } from "./fixture.js";

describe("review page", () => {
  const { output, text } = parsed();
  const html = renderDocumentPage({ output, text, flags: output.quality ?? [] });
  const m = output.meetings[0]!;

  it("highlights every participant once, with its rule ids", () => {
    const ids = [...html.matchAll(/<mark id="f-[^"]+" class="m k-participant"[^>]*data-fact="([^"]+)"[^>]*data-rules="([^"]*)"/g)];
    expect(ids.map((x) => x[1])).toEqual(m.participants.map((p) => p.id));
    for (const x of ids) expect(x[2]).toContain("attendance/");
  });
  it("marks a decision with its decision rule and links each item row to its header mark", () => {
    const it2 = m.items[1]!;
    expect(html).toMatch(new RegExp(`class="m k-decision"[^>]*data-rules="${it2.evidence.decision![0]}`));
    expect(html).toContain(`<a class="row" href="#f-${it2.id}" data-target="${it2.id}">`);
    expect(html).toContain(`<mark id="f-${it2.id}" class="m k-item"`);
  });
  it("puts a line anchor at every line and links warnings and flags to lines", () => {
    const lines = text.split("\n").length;
    expect(html.match(/class="ln" id="L\d+"/g)).toHaveLength(text.endsWith("\n") ? lines - 1 : lines);
  });
  it("reads without JavaScript: the text is in the page and marks are plain <mark> elements", () => {
    const plain = html.replace(/<script[\s\S]*?<\/script>/g, "").replace(/<[^>]+>/g, "");
    expect(plain).toContain("Nämnden beslutar att godkänna budgeten för 2025.");
    expect(html).not.toMatch(/<mark[^>]*style=/);
  });
  it("links a flag about a fact to that fact's highlight and to its line", () => {
    const p = m.participants[1]!;
    const flagged = renderDocumentPage({ output, text, flags: [{ rule: "quality/participant-name-shape", message: "odd name", meeting: m.id, fact: p.id, span: p.span }] });
    expect(flagged).toContain(`<a class="row" href="#f-${p.id}" data-target="${p.id}">odd name</a> <a href="#L${p.span.line}">line ${p.span.line}</a>`);
  });
  it("shows a page without text when the run kept none", () => {
    const page = renderDocumentPage({ output, text: null, flags: [] });
    expect(page).toContain("--emit-text");
    expect(page).not.toContain("<mark");
  });
});

describe("marks", () => {
  it("nest: a mark crossing the end of the mark around it is cut in two", () => {
    const text = "abcdefghij";
    const marks = [
      { kind: "decision" as const, start: 0, end: 6, fact: "a", field: "decision", value: "", rules: [] },
      { kind: "date" as const, start: 4, end: 9, fact: "b", field: "date", value: "", rules: [] },
    ];
    const out = renderText(text, 0, text.length, marks, lineStarts(text), new Set()).replace(/<span class="ln"[^>]*><\/span>/g, "");
    expect(out.replace(/ (?:class|tabindex|data-[a-z]+|title)="[^"]*"/g, "")).toBe(`<mark id="f-a">abcd<mark id="f-b">ef</mark></mark><mark>ghi</mark>j`);
  });
  it("mark the meeting's body and location where the front matter writes them", () => {
    const { output, text } = parsed();
    const details = collectMarks(output, text).filter((k) => k.kind === "detail");
    expect(details.map((d) => [d.field, text.slice(d.start, d.end)])).toEqual([["body", "Kulturnämnden"], ["location", "Stadshuset, sal 2"]]);
  });
});

describe("PDF pages", () => {
  it("split the text where each page's facts begin", () => {
    const { output, text } = parsed();
    const pdf = structuredClone(output);
    pdf.source.format = "pdf";
    pdf.source.pages = 2;
    const at = text.indexOf("§ 2");
    for (const mt of pdf.meetings) {
      for (const it of mt.items) it.span.page = it.span.start >= at ? 2 : 1;
      for (const p of mt.participants) p.span.page = 1;
    }
    const parts = textParts(pdf, text);
    expect(parts.map((p) => p.label)).toEqual(["Page 1", "Page 2"]);
    expect(parts[1]!.start).toBe(at);
    expect(parts[1]!.end).toBe(text.length);
  });
});

describe("index page", () => {
  it("lists every input, most flags first, with its status and error code", () => {
    const { output } = parsed();
    const html = renderIndexPage([
      { path: "a.txt", status: "ok", code: null, message: null, output, flags: [], href: "pages/a.html" },
      { path: "b.pdf", status: "error", code: "encrypted", message: "locked", output: null, flags: [], href: null },
      { path: "c.txt", status: "ok", code: null, message: null, output, flags: [{ rule: "quality/meeting-no-body", message: "", meeting: null, fact: null, span: null }], href: "pages/c.html" },
    ], "run");
    const rows = [...html.matchAll(/<tr class="status-(\w+)"[^>]*>\n<td class="path">(?:<a [^>]*>)?([^<]+)/g)].map((x) => x[2]);
    expect(rows).toEqual(["c.txt", "a.txt", "b.pdf"]);
    expect(html).toContain("error <small>encrypted</small>");
    expect(html).toContain("meeting-no-body");
  });
});
