import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseText } from "../helpers.js";
import { responsibleNeeds } from "../../src/extract/follow-ups.js";

interface Case { input: string; meeting: string; expect: Array<{ due: string | null; responsible: string | null }> }
const spec: { cases: Case[] } = JSON.parse(readFileSync(new URL("../specs/follow-ups.json", import.meta.url), "utf8"));

const followUps = (body: string, meeting: string) =>
  parseText(`PROTOKOLL\nSammanträdesdatum ${meeting}\nBeslutande Eva Ek (S), ordförande\n\n§ 5 Ärende\n${body}\n`).meetings[0]!.followUps;

describe("follow-ups (spec table test/specs/follow-ups.json)", () => {
  it.each(spec.cases.map((c) => [c.input, c] as const))("%s", (_input, c) => {
    expect(followUps(c.input, c.meeting).map((f) => ({ due: f.due, responsible: f.responsible }))).toEqual(c.expect);
  });
});

describe("follow-ups outside items", () => {
  it("reads the commitments of a record without item headings, but not the adjustment of the minutes", () => {
    const m = parseText("Styrelsemöte 2024-10-24\nNärvarande: Eva Ek, Bo Ek\nProtokollet justeras senast 2024-10-30.\nSandlådorna töms. Ska vara tömt i sandlådorna senast 6/4 2025.\n").meetings[0]!;
    expect(m.followUps.filter((f) => f.due).map((f) => [f.item, f.due])).toEqual([[null, "2025-04-06"]]);
  });
});

describe("follow-up owner patterns", () => {
  it("ask their gate first only where every needs word passes it (the gate is a necessary condition)", () => {
    const needs = responsibleNeeds();
    expect(needs.length).toBeGreaterThan(0);
    for (const p of needs) for (const w of p.words) expect(p.gate(w), w).toBe(true);
  });
});
