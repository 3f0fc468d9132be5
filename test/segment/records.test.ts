import { describe, expect, it } from "vitest";
import { readFixture, segmentText } from "../helpers.js";

const numbers = (r: { items: Array<{ number: string }> }) => r.items.map((i) => i.number);

describe("splitting a file into meeting records", () => {
  it("a notice followed by an attached extract with its own header is two records", () => {
    const { records } = segmentText(readFixture("segment/notice-with-attached-extract.txt"));
    expect(records.map(numbers)).toEqual([["1", "2", "3"], ["45"]]);
    expect(records[1]!.items[0]!.sections).toEqual(["Beslut"]);
  });

  it("a repeated page header between items does not start a new record, and is not item text", () => {
    const { records } = segmentText(readFixture("segment/running-header-between-items.txt"));
    expect(records.map(numbers)).toEqual([["1", "2", "3"]]);
    const item2 = records[0]!.items[1]!;
    expect(item2.text).toContain("Förvaltningen redovisar");
    expect(item2.text).not.toContain("PROTOKOLL");
    expect(item2.text).not.toContain("Sammanträdesdatum");
  });
});

describe("items", () => {
  it("a numbered list inside an item is not a run of items", () => {
    const { records } = segmentText(readFixture("segment/numbered-list-inside-item.txt"));
    expect(records[0]!.items.map((i) => [i.number, i.title])).toEqual([
      ["1", "Mötets öppnande"],
      ["2", "Förändrade arbetssätt"],
      ["3", "Ekonomi"],
      ["4", "Nästa möte"],
    ]);
    expect(records[0]!.items[1]!.text).toContain("Stärk samverkanskulturen");
  });

  it("finds items inside flattened page lines of a web transcript, not in its page chrome", () => {
    const { records } = segmentText(readFixture("segment/flattened-page-lines.txt"));
    expect(records).toHaveLength(1);
    expect(records[0]!.items.map((i) => [i.number, i.title])).toEqual([
      ["1", "Val av mötesordförande"],
      ["2", "Fastställande av dagordning"],
      ["3", "Val av justerare"],
      ["4", "Föregående mötesprotokoll"],
      ["5", "Redovisning av medlemskommunernas val"],
    ]);
  });

  it("§ numbers beside names in the attendance list are not items", () => {
    const { records } = segmentText(readFixture("segment/attendance-with-paragraph-numbers.txt"));
    expect(records.map(numbers)).toEqual([["130", "131", "132"]]);
    expect(records[0]!.items[2]!.title).toBe("Detaljplan för Nödinge 3:5");
  });

  it("a table of contents followed by the items in full yields the full items", () => {
    const { records } = segmentText(readFixture("segment/table-of-contents-then-items.txt"));
    expect(records.map(numbers)).toEqual([["1", "2", "3", "4"]]);
    expect(records[0]!.items[0]!.text).toContain("Tommy Ivarsson");
    expect(records[0]!.items[3]!.text).not.toContain("Upprop");
  });

  it("reads §-headers in their written shapes: § 12, §12, 12 §, and a title on the next line", () => {
    const text = "PROTOKOLL\nPlats och tid Rådhuset, kl. 18.00\nBeslutande Eva Ek (S)\n\n§ 12 Val av justerare\nText.\n\n§13 Budget\nText.\n\n14 § Motion om cykelvägar\nText.\n\n§ 15\nMedborgarförslag om parkbänkar\nText.\n";
    const { records } = segmentText(text);
    expect(records[0]!.items.map((i) => [i.number, i.title])).toEqual([
      ["12", "Val av justerare"],
      ["13", "Budget"],
      ["14", "Motion om cykelvägar"],
      ["15", "Medborgarförslag om parkbänkar"],
    ]);
  });

  it("takes case numbers from the title and the line after it", () => {
    const text = "Protokoll\nPlats och tid Stadshuset kl 9\nBeslutande Eva Ek (S)\n\n§ 3 Gemensam målbild (HSF240207)\nText.\n\n§ 4 Delårsrapport\nDnr KS 2024/123\nText.\n\n§ 5 Taxa\nDiarienummer: RJL 2016/1288\nText.\n";
    const { records } = segmentText(text);
    expect(records[0]!.items.map((i) => [i.number, i.title, i.caseNumber])).toEqual([
      ["3", "Gemensam målbild", "HSF240207"],
      ["4", "Delårsrapport", "KS 2024/123"],
      ["5", "Taxa", "RJL 2016/1288"],
    ]);
  });

  it("finds section headings on their own line, run in after a colon, and in bold", () => {
    const text = "Minnesanteckningar\nDatum: 2024-01-10\nNärvarande: Eva Ek (S)\n\n1 Ärende ett**Ärendet i korthet**\nBakgrundstext.\nFörslag till beslut\nInformationen noteras.\n\n2 Ärende två\nStällningstagande: Gruppen noterar informationen.\n";
    const { records } = segmentText(text);
    expect(records[0]!.items.map((i) => i.sections)).toEqual([["Ärendet i korthet", "Förslag till beslut"], ["Ställningstagande"]]);
  });
});
