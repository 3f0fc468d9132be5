import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { mergeRules, noteRule, toEvidence, type RuleTrail } from "../../src/model/evidence.js";
import { RULES, isRule } from "../../src/model/rules.js";
import { parseTextSync } from "../../src/pipeline.js";

describe("evidence from rule trails", () => {
  it("files a flat list under the fields the registry says each rule sets", () => {
    expect(toEvidence(["attendance/heading-list", "attendance/group-heading", "attendance/role-label"], "attendance/entry")).toEqual({
      found: ["attendance/heading-list", "attendance/role-label"],
      group: ["attendance/group-heading"],
      present: ["attendance/group-heading"],
      positions: ["attendance/role-label"],
    });
  });

  it("falls back to the coarse id for a missing or empty trail and for a filled field no rule named", () => {
    expect(toEvidence(undefined, "item/header")).toEqual({ found: ["item/header"] });
    expect(toEvidence([], "item/header", { title: "Val av justerare" })).toEqual({ found: ["item/header"], title: ["item/header"] });
    expect(toEvidence({ found: [] }, "followup/cue", { due: null })).toEqual({ found: ["followup/cue"] });
  });

  it("drops the evidence of a field left empty", () => {
    expect(toEvidence({ found: ["item/paragraph-sign"], decision: ["decision/labelled-heading"] }, "item/header", { decision: null })).toEqual({ found: ["item/paragraph-sign"] });
  });

  it("noteRule keys a trail by field once per id, and mergeRules joins two trails", () => {
    const fact: { rules?: RuleTrail } = { rules: ["attendance/heading-list"] };
    noteRule(fact, "group", "attendance/group-heading");
    noteRule(fact, "group", "attendance/group-heading");
    expect(fact.rules).toEqual({ found: ["attendance/heading-list"], group: ["attendance/group-heading"] });
    expect(mergeRules({ found: ["a/x"] }, { found: ["a/x", "a/y"], party: ["a/z"] })).toEqual({ found: ["a/x", "a/y"], party: ["a/z"] });
  });
});

describe("the rule registry", () => {
  it("gives every id the evidence shape (area/kebab) and one line of meaning", () => {
    for (const [id, info] of Object.entries(RULES)) {
      expect(id).toMatch(/^[a-z]+\/[a-z0-9-]+$/);
      expect(info.meaning.length, id).toBeGreaterThan(10);
      expect(info.meaning, id).not.toMatch(/\n/);
    }
  });
});

// Every fact of the seeds' output carries evidence, and every id it names is registered.
const seeds = new URL("../../fixtures/seeds/", import.meta.url);

describe("evidence of every fact in the seeds' output", () => {
  for (const name of readdirSync(seeds).filter((f) => f.endsWith(".txt")).sort()) {
    it(name, () => {
      const { output } = parseTextSync(readFileSync(new URL(name, seeds)), { path: name });
      const facts = output.meetings.flatMap((m) => [m, ...m.participants, ...m.items, ...m.followUps]);
      for (const fact of facts) {
        const ev = fact.evidence;
        expect(ev.found.length, fact.id).toBeGreaterThan(0);
        for (const [field, ids] of Object.entries(ev)) {
          expect(ids.length, `${fact.id}.${field}`).toBeGreaterThan(0);
          for (const id of ids) expect(isRule(id), `${fact.id}.${field}: ${id} is not in src/model/rules.ts`).toBe(true);
        }
      }
      for (const m of output.meetings) {
        if (m.date) expect(m.evidence.date, m.id).toBeDefined();
        for (const it of m.items) if (it.decision) expect(it.evidence.decision, it.id).toBeDefined();
        for (const p of m.participants) if (p.group) expect(p.evidence.group, p.id).toBeDefined();
      }
    });
  }

  it("names the rules that fired, not only coarse fallbacks", () => {
    const ids = new Set<string>();
    for (const name of readdirSync(seeds).filter((f) => f.endsWith(".txt"))) {
      const { output } = parseTextSync(readFileSync(new URL(name, seeds)), { path: name });
      for (const m of output.meetings) for (const f of [m, ...m.participants, ...m.items, ...m.followUps]) Object.values(f.evidence).flat().forEach((id) => ids.add(id));
    }
    expect([...ids].filter((id) => !RULES[id]!.coarse).length).toBeGreaterThan(15);
    expect(ids).toContain("attendance/group-heading");
    expect(ids).toContain("header/labelled-date");
  });
});

// An id pushed anywhere in the code must be registered, even when no seed makes it fire.
describe("rule ids in the source", () => {
  it("every area/rule literal in src/ is in the registry", async () => {
    const { readdirSync: list, readFileSync: read, statSync } = await import("node:fs");
    const { join } = await import("node:path");
    const root = new URL("../../src/", import.meta.url).pathname;
    const areas = [...new Set(Object.keys(RULES).map((id) => id.split("/")[0]!))].join("|");
    const literal = new RegExp(`"((?:${areas})/[a-z0-9-]+)"`, "g");
    const files: string[] = [];
    const walk = (d: string) => { for (const n of list(d)) { const p = join(d, n); if (statSync(p).isDirectory()) walk(p); else if (p.endsWith(".ts")) files.push(p); } };
    walk(root);
    const found = files.flatMap((f) => [...read(f, "utf8").matchAll(literal)].map((m) => ({ file: f.slice(root.length), id: m[1]! })));
    expect(found.filter((x) => x.file !== "model/rules.ts").length).toBeGreaterThan(60);
    expect(found.filter((x) => !isRule(x.id)).map((x) => `${x.file}: ${x.id}`)).toEqual([]);
    expect(files.length).toBeGreaterThan(20);
  });
});
