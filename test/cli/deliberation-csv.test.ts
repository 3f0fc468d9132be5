import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { run } from "./run.js";

const fixture = new URL("../fixtures/documents/motions-vote-reservations.txt", import.meta.url).pathname;

describe("decision tables in CSV", () => {
  it("writes decisions, motions, vote results, one row per voter, and reservations, all joined by ids", async () => {
    const dir = mkdtempSync(join(tmpdir(), "protokoll-dec-"));
    expect((await run(["parse", fixture, "--out", dir, "--format", "csv", "-q"])).code).toBe(0);
    const read = (t: string) => parseCsv(readFileSync(join(dir, `${t}.csv`), "utf8"), { columns: true }) as Array<Record<string, string>>;
    const items = new Set(read("items").map((i) => i.item_id));
    const decisions = read("decisions");
    expect(decisions.map((d) => [d.item, d.kind, d.outcome])).toEqual([["45", "decision", "approved"], ["46", "decision", "referred"], ["47", "decision", "noted"]]);
    expect(read("motions").map((m) => [m.by, m.type])).toEqual([["Anna Andersson", "bifall"], ["David Ek", "avslag"], ["Cecilia Dahl", "återremiss"]]);
    const results = read("vote_results");
    expect(results.map((v) => [v.yes, v.no, v.abstain, v.verified])).toEqual([["3", "1", "1", "true"]]);
    const voters = read("votes");
    expect(voters).toHaveLength(5);
    expect(voters.every((v) => v.vote_id === results[0]!.vote_id)).toBe(true);
    expect(read("reservations").map((r) => [r.kind, r.name, r.party])).toEqual([
      ["reservation", "David Ek", "V"], ["reservation", "Cecilia Dahl", "SD"], ["protokollsanteckning", "Bo Berg", "M"], ["jäv", "Eva Fors", "S"],
    ]);
    for (const t of ["decisions", "motions", "vote_results", "votes", "reservations"]) for (const r of read(t)) expect(items.has(r.item_id!)).toBe(true);
  });
});
