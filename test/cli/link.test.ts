import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/export/sqlite.js";
import { run } from "./run.js";

const FIXTURES = new URL("../../fixtures/link/", import.meta.url).pathname;
const LINK_TABLES = ["persons", "person_mentions", "person_attendance", "follow_up_status", "case_items"];

describe("protokoll link", () => {
  const tmp = mkdtempSync(join(tmpdir(), "protokoll-link-cli-"));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const runDir = join(tmp, "run");

  it("parse --link writes the JSON outputs, then the link tables as CSV with CSVW metadata", async () => {
    const r = await run(["parse", FIXTURES, "--out", runDir, "--link", "--as-of", "2025-11-17", "--jobs", "1"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/7 persons from 32 participant entries \(7 new, 24 linked, 1 ambiguous\)/);
    for (const t of LINK_TABLES) expect(existsSync(join(runDir, `${t}.csv`))).toBe(true);
    const meta = JSON.parse(readFileSync(join(runDir, "link-metadata.json"), "utf8"));
    expect(meta.tables.map((t: { url: string }) => t.url)).toEqual(LINK_TABLES.map((t) => `${t}.csv`));
    const statuses = parse(readFileSync(join(runDir, "follow_up_status.csv")), { columns: true }) as Array<Record<string, string>>;
    expect(statuses.map((s) => s.status).sort()).toEqual(["open", "overdue", "reported", "reported", "reported"]);
    expect(readFileSync(join(runDir, "LINK_DICTIONARY.md"), "utf8")).toContain("## follow_up_status");
  }, 180_000); // parses six files in worker processes: slow on a loaded machine

  it("--as-of decides open against overdue", async () => {
    const out = join(tmp, "later");
    expect((await run(["link", runDir, "--out", out, "--as-of", "2026-03-01", "-q"])).code).toBe(0);
    const statuses = parse(readFileSync(join(out, "follow_up_status.csv")), { columns: true }) as Array<Record<string, string>>;
    expect(statuses.map((s) => s.status).sort()).toEqual(["overdue", "overdue", "reported", "reported", "reported"]);
    expect((await run(["link", runDir, "--as-of", "17/11/2025"])).code).toBe(2);
  });

  it("--format sqlite: parse and link tables in one file, every foreign key indexed, full-text search and views", async () => {
    const out = join(tmp, "db");
    expect((await run(["link", runDir, "--out", out, "--format", "sqlite", "--as-of", "2025-11-17", "-q"])).code).toBe(0);
    const db = openDatabase(join(out, "protokoll-link.sqlite"));
    try {
      expect(db.all("PRAGMA foreign_key_check")).toEqual([]);
      const indexed = new Set(db.all("SELECT name FROM sqlite_master WHERE type = 'index'").map((r) => r.name as string));
      for (const t of LINK_TABLES) {
        for (const fk of db.all(`PRAGMA foreign_key_list(${t})`)) expect(indexed.has(`${t}_${fk.from as string}`)).toBe(true);
      }
      expect(db.all("SELECT title FROM items_fts WHERE items_fts MATCH 'arbetsförmedlingen' ORDER BY title").map((r) => r.title))
        .toEqual(["Samverkan med Arbetsförmedlingen", "Återrapportering av uppdrag om samverkan med Arbetsförmedlingen"]);
      expect(db.all("SELECT status, owner, due FROM v_open_follow_ups")).toEqual([
        { status: "overdue", owner: "förbundschefen", due: "2025-05-12" },
        { status: "open", owner: "förbundschefen", due: "2026-02-16" },
      ].map((x) => expect.objectContaining(x)));
      const erik = db.get("SELECT attended, absent, attendance_rate FROM v_attendance WHERE name = 'Erik Ek'");
      expect(erik).toEqual({ attended: 5, absent: 1, attendance_rate: 0.833 });
    } finally {
      db.close();
    }
  });

  it("--review writes a person's page and a case's history, escaped", async () => {
    const out = join(tmp, "pages");
    expect((await run(["link", runDir, "--out", out, "--review", "--as-of", "2025-11-17", "-q"])).code).toBe(0);
    const persons = readFileSync(join(out, "persons.html"), "utf8");
    expect(persons).toContain("<h2>Bo Berg, Västerås</h2>");
    expect(persons).toContain("party changed M → KD");
    expect(persons).toContain('<section id="refused">');
    const cases = readFileSync(join(out, "cases.html"), "utf8");
    expect(cases).toContain("<h2>SFM 2025/3</h2>");
    expect(cases).toContain("Lokalförsörjningsplan 2025 – återrapportering");
  });

  it("a folder without outputs exits 1; a missing folder is a usage error", async () => {
    const empty = join(tmp, "empty");
    mkdirSync(empty);
    expect((await run(["link", empty, "-q"])).code).toBe(1);
    expect((await run(["link", join(tmp, "missing"), "-q"])).code).toBe(2);
  });
});
