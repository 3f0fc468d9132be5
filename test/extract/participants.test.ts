import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseText } from "../helpers.js";

interface Case { style: string; input: string; kind?: "agenda"; items?: string; expect: Array<Record<string, unknown>> }
const spec: { cases: Case[] } = JSON.parse(readFileSync(new URL("../specs/participants.json", import.meta.url), "utf8"));

function documentFor(c: Case): string {
  const head = c.kind === "agenda" ? "Kallelse\nDatum: 2024-11-08\nPlats: Rådhuset\n\n" : "PROTOKOLL\nSammanträdesdatum 2024-03-12\n\n";
  const items = c.items ?? "§ 1 Mötets öppnande\nOrdföranden öppnar mötet.\n";
  return `${head}${c.input}\n\n${c.kind === "agenda" ? items.replace(/§ /g, "") : items}`;
}

describe(`participants spec table (${spec.cases.length} cases)`, () => {
  it("has at least 60 cases", () => expect(spec.cases.length).toBeGreaterThanOrEqual(60));
  for (const c of spec.cases) {
    it(c.style, () => {
      const people = parseText(documentFor(c)).meetings[0]!.participants;
      expect(people.map((p) => p.name)).toEqual(c.expect.map((e) => e.name));
      c.expect.forEach((e, i) => {
        const got = people[i]!;
        for (const [k, v] of Object.entries(e)) expect({ [k]: (got as Record<string, unknown>)[k] }).toEqual({ [k]: v });
      });
    });
  }
});
