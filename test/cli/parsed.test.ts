import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { toJson, toNdjsonLine } from "../../src/export/json.js";
import { parseTextSync } from "../../src/pipeline.js";
import { outputOf, serializeParse, summarize } from "../../src/cli/batch/parsed.js";
import { okLine } from "../../src/cli/batch/report.js";
import { ParseCache } from "../../src/cli/batch/cache.js";

const real = new URL("../../fixtures/real/", import.meta.url).pathname;
const samples = readdirSync(real).filter((f) => f.endsWith(".txt")).sort().slice(0, 12);

// What the batch wrote before results crossed as strings: the JSON, the NDJSON line and the report
// line made from the output object itself.
describe("a parse serialized where it was made", () => {
  it.each(samples)("%s: the same JSON, NDJSON line, output and report counts as from the object", (name) => {
    const { output, text } = parseTextSync(readFileSync(real + name), { path: name });
    const p = serializeParse(output, text, { pretty: true, compact: true });
    expect(p.pretty).toBe(toJson(output));
    expect(`${p.compact}\n`).toBe(toNdjsonLine(output));
    expect(outputOf(p)).toEqual(JSON.parse(JSON.stringify(output)));
    const items = output.meetings.flatMap((m) => m.items);
    expect(okLine(name, p.summary, false, 1.4)).toEqual({
      path: name,
      status: output.warnings.some((w) => w.severity === "warning") ? "warning" : "ok",
      ...(output.warnings.find((w) => w.severity === "warning") ? { code: output.warnings.find((w) => w.severity === "warning")!.code, message: output.warnings.find((w) => w.severity === "warning")!.message } : {}),
      cached: false,
      meetings: output.meetings.length,
      participants: output.meetings.reduce((n, m) => n + m.participants.length, 0),
      items: items.length,
      decisions: items.filter((i) => i.decision).length,
      quality: Object.fromEntries([...new Set((output.quality ?? []).map((q) => q.rule))].map((r) => [r, (output.quality ?? []).filter((q) => q.rule === r).length])),
      ms: 1,
    });
  });

  it("makes each text only when asked", () => {
    const { output, text } = parseTextSync(readFileSync(real + samples[0]!), { path: samples[0]! });
    expect(serializeParse(output, text, { pretty: false, compact: true }).pretty).toBeNull();
    const jsonOnly = serializeParse(output, text, { pretty: true, compact: false });
    expect(jsonOnly.compact).toBeNull();
    expect(() => outputOf(jsonOnly)).toThrow(/not serialized/);
  });

  it("keeps only the warnings of severity warning in the summary, in order", () => {
    const { output } = parseTextSync(readFileSync(real + samples[0]!), { path: samples[0]! });
    const warnings = [
      { severity: "info", code: "a", message: "first" },
      { severity: "warning", code: "b", message: "second" },
      { severity: "warning", code: "c", message: "third" },
    ] as typeof output.warnings;
    expect(summarize({ ...output, warnings }).warnings).toEqual([{ code: "b", message: "second" }, { code: "c", message: "third" }]);
  });
});

describe("the parse cache", () => {
  it("writes an entry as JSON.stringify({ output, text }) from the compact JSON, and reads it back whole", () => {
    const dir = mkdtempSync(join(tmpdir(), "protokoll-cache-"));
    const cache = new ParseCache(dir, "f", "o");
    const { output, text } = parseTextSync(readFileSync(real + samples[1]!), { path: samples[1]! });
    expect(cache.put("abc", "text", serializeParse(output, text, { pretty: false, compact: true }))).toBeNull();
    const [sub] = readdirSync(dir);
    const [file] = readdirSync(join(dir, sub!));
    expect(readFileSync(join(dir, sub!, file!), "utf8")).toBe(JSON.stringify({ output, text }));
    expect(cache.get("abc", "text")).toEqual(JSON.parse(JSON.stringify({ output, text })));
  });
});
