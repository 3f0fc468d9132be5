import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXCEL_CELL_LIMIT, fitExcelCell, formatRows, TRUNCATION_MARKER } from "../../src/export/csv.js";

function hasSoffice(): boolean {
  try {
    execFileSync("soffice", ["--version"], { stdio: "ignore", timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}
const soffice = hasSoffice();
if (!soffice) console.warn("excel.test: soffice is missing (apt-get install libreoffice-calc-nogui); the LibreOffice read-back test is skipped");

/** Opens an Excel-dialect CSV in LibreOffice Calc as a spreadsheet would, and reads each cell of row 2 back: its type and its value. */
function readBack(csv: string): Array<{ type: string; value: string }> {
  const dir = mkdtempSync(join(tmpdir(), "protokoll-lo-"));
  writeFileSync(join(dir, "t.csv"), csv);
  execFileSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--infilter=CSV:59,34,76,1", "--convert-to", "fods", "--outdir", dir, join(dir, "t.csv")], { stdio: "ignore", timeout: 120_000 });
  const xml = readFileSync(join(dir, "t.fods"), "utf8");
  const row = [...xml.matchAll(/<table:table-row[^>]*>([\s\S]*?)<\/table:table-row>/g)][1]![1]!;
  const unescape = (x: string) => x.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" })[e]!);
  return [...row.matchAll(/<table:table-cell([^>]*)>([\s\S]*?)<\/table:table-cell>/g)].map(([, attrs, body]) => ({
    type: /office:value-type="(\w+)"/.exec(attrs!)?.[1] ?? "",
    value: unescape(/office:string-value="([^"]*)"/.exec(attrs!)?.[1] ?? /office:value="([^"]*)"/.exec(attrs!)?.[1] ?? (/<text:p>([\s\S]*?)<\/text:p>/.exec(body!)?.[1] ?? "").replace(/<[^>]+>/g, "")),
  }));
}

describe("the Excel dialect", () => {
  it("cuts a text longer than Excel's cell limit and ends it with the marker", () => {
    const long = "a".repeat(40_000);
    const [, row] = formatRows([["text"], [long]], "excel").split("\r\n");
    expect(row!.length).toBe(EXCEL_CELL_LIMIT);
    expect(row!.endsWith(TRUNCATION_MARKER)).toBe(true);
    expect(formatRows([["text"], [long]], "rfc").split("\n")[1]).toBe(long);
    // Never half a surrogate pair at the cut.
    const emoji = fitExcelCell("😀".repeat(20_000));
    expect(emoji.length).toBeLessThanOrEqual(EXCEL_CELL_LIMIT);
    expect(/[\ud800-\udbff]$/.test(emoji.slice(0, -TRUNCATION_MARKER.length))).toBe(false);
  });

  it.skipIf(!soffice)("LibreOffice reads codes with leading zeros back as text, and a long text whole up to the marker", { timeout: 180_000 }, () => {
    const long = `${"lång text ".repeat(4_000)}slut`;
    const csv = "\ufeff" + formatRows([["kommun", "region", "text", "antal"], ["0180", "01", long, 42]], "excel");
    const cells = readBack(csv);
    expect(cells[0]).toEqual({ type: "string", value: "0180" });
    expect(cells[1]).toEqual({ type: "string", value: "01" });
    expect(cells[2]!.type).toBe("string");
    expect(cells[2]!.value.length).toBe(EXCEL_CELL_LIMIT);
    expect(cells[2]!.value.endsWith(TRUNCATION_MARKER)).toBe(true);
    expect(cells[3]).toEqual({ type: "float", value: "42" });
  });
});
