import { describe, expect, it } from "vitest";
import { anchorId, escapeHtml, jsonForScript } from "../../src/review/escape.js";
import { renderDocumentPage } from "../../src/review/page.js";
import { renderIndexPage } from "../../src/review/index-page.js";
import { parsed } from "./fixture.js";

const SCRIPT = "<script>alert(1)</script>";
const IMG = `"><img src=x onerror=alert(1)>`;

/** The fixture's output with hostile strings in every name, title, path and message. */
function hostile() {
  const { output, text } = parsed();
  const m = output.meetings[0]!;
  m.participants[0]!.name = SCRIPT;
  m.participants[1]!.name = IMG;
  m.items[0]!.title = IMG;
  m.items[1]!.decision = SCRIPT;
  m.body = `${IMG}'onmouseover='alert(2)`;
  output.source.path = `${IMG}.txt`;
  output.source.title = SCRIPT;
  output.warnings.push({ code: "x", severity: "warning", message: SCRIPT, line: 1, span: null });
  return { output, text: text.replace("Kulturnämnden", `${SCRIPT}${IMG}`) };
}

/**
 * Attribute names of every tag in a page whose script bodies are removed; throws when a `<` starts
 * no well-formed tag (an escaped document string never leaves one).
 */
function attributeNames(html: string): string[] {
  const body = html.replace(/(<script[^>]*>)[\s\S]*?(<\/script>)/g, "$1$2").replace(/^<!doctype html>/i, "");
  const TAG = /<\/?[a-z][a-z0-9]*((?:\s+[a-z-]+(?:="[^"<>]*")?)*)\s*>/gi;
  const tags = [...body.matchAll(TAG)];
  expect(tags.length).toBe(body.split("<").length - 1);
  return tags.flatMap((t) => [...(t[1] ?? "").matchAll(/\s([a-z-]+)(?:="[^"]*")?/gi)].map((a) => a[1]!.toLowerCase()));
}

describe("escaping", () => {
  it("escapes the five HTML-special characters", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  });
  it("keeps JSON for a script element from closing it", () => {
    const s = jsonForScript({ a: "</script><script>alert(1)</script>" });
    expect(s).not.toContain("</script");
    expect(JSON.parse(s)).toEqual({ a: "</script><script>alert(1)</script>" });
  });
  it("makes anchor ids of ASCII letters, digits, - and _ only", () => {
    expect(anchorId(`a"b<c>-1`)).toBe("f-a_b_c_-1");
  });
  it("lets no document string inject markup into a review page", () => {
    const html = renderDocumentPage({ ...hostile(), flags: [], indexHref: "../index.html" });
    // Only the page's own two script elements (rule meanings, the page script); no img, no handler.
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html).not.toMatch(/<img/i);
    expect(attributeNames(html).filter((a) => a.startsWith("on"))).toEqual([]);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
  });
  it("lets no document string inject markup into the index page", () => {
    const { output } = hostile();
    const html = renderIndexPage([{ path: output.source.path, status: "error", code: SCRIPT, message: IMG, output, flags: [], href: `pages/${encodeURIComponent(IMG)}.html` }], SCRIPT);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toMatch(/<img/i);
    expect(attributeNames(html).filter((a) => a.startsWith("on"))).toEqual([]);
  });
});
