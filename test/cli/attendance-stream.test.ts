import { spawnSync } from "node:child_process";
import { createReadStream, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { describe, expect, it } from "vitest";

const bin = new URL("../../dist/cli/bin.js", import.meta.url).pathname;

/** Minutes with n members and n items: a 100 KB text whose attendance table has n × n rows. */
function minutes(n: number): string {
  const first = "Anna Bo Cecilia David Emma Fredrik Greta Hans Ingrid Johan Karin Lars Maria Nils Olle Petra Rolf Sara Tomas Ulla Viktor Åsa Örjan Agnes Bertil Clara Dan Eva Filip Gun Henrik Ida Jan Kerstin Leif Maja Niklas Oskar Per Rut".split(" ");
  const last = "Andersson Berg Dahl Ek Forsberg Gustafsson Holm Isaksson Jansson Karlsson Lund Magnusson Nilsson Olsson Persson Qvist Rydberg Svensson Thorén Ullman Vik Wallin Åberg Öberg Axelsson Blom Carlsson Dahlberg Engström Fransson Granath Hedlund Ivarsson Jonsson Kvist Lindberg Mattsson Nyström Oskarsson Pettersson".split(" ");
  const people = Array.from({ length: n }, (_, i) => `${first[i % 40]} ${last[Math.floor(i / 40)]}`);
  const lines = ["PROTOKOLL", "Kommunfullmäktige", "Sammanträdesdatum 2024-03-12", "", "Plats och tid\tStadshuset, kl. 09.00-12.00"];
  lines.push(`Beslutande\t${people[0]} (S), ordförande`, ...people.slice(1).map((p) => `\t${p} (M)`));
  lines.push(`Utses att justera\t${people[1]}`, `Paragrafer\t§§ 1-${n}`, "");
  for (let i = 1; i <= n; i++) lines.push(`§ ${i} Ärende nummer ${i}`, "Informationen noteras.", "");
  return lines.join("\n");
}

async function countLines(path: string): Promise<number> {
  let n = 0;
  for await (const _ of createInterface({ input: createReadStream(path) })) n++;
  return n;
}

describe("a person × item attendance table far larger than the parent's heap", () => {
  it("is streamed to disk whole: 1,500 members × 1,500 items with a 160 MB heap", { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "protokoll-big-"));
    writeFileSync(join(dir, "kf.txt"), minutes(1500));
    const out = join(dir, "out");
    // The parent builds the attendance rows; held whole they need several hundred MB (a heap-out-of-memory crash here).
    const r = spawnSync(process.execPath, ["--max-old-space-size=160", bin, "parse", join(dir, "kf.txt"), "--out", out, "--format", "csv", "--no-cache", "-q"], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(await countLines(join(out, "participants.csv"))).toBe(1 + 1500);
    expect(await countLines(join(out, "attendance.csv"))).toBe(1 + 1500 * 1500);
    expect(readdirSync(out).filter((f) => f.includes(".tmp-"))).toEqual([]);
  });
});
