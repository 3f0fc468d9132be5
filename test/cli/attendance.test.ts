import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { run } from "./run.js";

const fixture = new URL("../fixtures/documents/partial-attendance.txt", import.meta.url).pathname;

describe("per-item attendance table", () => {
  it("marks who took part in which item: partial §§, a serving substitute, jäv and an official's absence", async () => {
    const dir = mkdtempSync(join(tmpdir(), "protokoll-att-"));
    const r = await run(["parse", fixture, "--out", dir, "--format", "csv", "-q"]);
    expect(r.code).toBe(0);
    const read = (t: string) => parseCsv(readFileSync(join(dir, `${t}.csv`), "utf8"), { columns: true }) as Array<Record<string, string>>;
    const people = new Map(read("participants").map((p) => [p.participant_id!, p]));
    const grid = new Map<string, string>();
    for (const a of read("attendance")) grid.set(`${people.get(a.participant_id!)!.name}|${a.item}`, `${a.present}/${a.capacity}`);
    const row = (name: string) => ["12", "13", "14", "15"].map((i) => grid.get(`${name}|${i}`));
    expect(row("Anna Andersson")).toEqual(["true/member", "true/member", "true/member", "true/member"]);
    expect(row("Bo Berg")).toEqual(["true/member", "true/member", "false/member", "false/member"]);
    expect(row("Cecilia Dahl")).toEqual(["false/member", "false/member", "true/member", "true/member"]);
    expect(row("Emma Berg")).toEqual(["true/member", "true/member", "true/member", "false/member"]);
    expect(row("Hans Lund")).toEqual(["true/other", "true/other", "false/other", "true/other"]);
    const cecilia = [...people.values()].find((p) => p.name === "Cecilia Dahl")!;
    expect([cecilia.substitutes_for, cecilia.items]).toEqual(["Bo Berg", "14-15"]);
  });
});
