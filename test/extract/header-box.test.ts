import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseText } from "../helpers.js";
import { ingest } from "../../src/ingest/index.js";
import { loadLexicon } from "../../src/lexicon/load.js";
import { loadGeo } from "../../src/extract/geo.js";
import { segment } from "../../src/segment/index.js";
import { scanDates } from "../../src/extract/dates/index.js";
import { meetingDetails } from "../../src/extract/meeting-details.js";
import { subtract } from "../../src/model/build.js";
import type { ExtractContext, RecordView } from "../../src/extract/context.js";

const meeting = (text: string) => parseText(text).meetings[0]!;
const ITEM = "\n\n§ 1 Val av justerare\nText.\n";

/** The rule ids behind each meeting field of the first record, read as the pipeline reads them. */
function rulesOf(text: string): Record<string, string[]> {
  const lex = loadLexicon();
  const geo = loadGeo(lex);
  const doc = ingest("spec.txt", Buffer.from(text, "utf8"));
  const seg = segment(doc, lex, (w) => geo.isPlace(w));
  const ctx: ExtractContext = { doc, seg, lex, geo, dates: scanDates(doc.text, lex), report: () => {} };
  const rec = seg.records[0]!;
  const chrome = seg.furniture.filter((f) => f.kind === "transcript-chrome");
  const view: RecordView = { rec, front: subtract(rec.front, seg.skip), chrome };
  return meetingDetails(ctx, view).rules;
}

interface Spec {
  name: string;
  text: string;
  want: Record<string, unknown>;
  rules?: Record<string, string[]>;
}
const SPEC: Spec[] = JSON.parse(readFileSync(new URL("../specs/header-box.json", import.meta.url), "utf8")).cases;

/**
 * Header boxes as PDF text extraction flattens them: the labels of a two-column table first, the
 * values after. Each row: the header line, then the expected [location, start, end].
 */
const FLATTENED: Array<[string, [string | null, string | null, string | null]]> = [
  ["Plats och tid Beslutande Folkets Hus, Blå Forell Tisdag 20 juni 2017 kl. 10:00-15:15 Anna Ek (S), ordförande", ["Folkets Hus, Blå Forell", "10:00", "15:15"]],
  ["Plats och tid Beslutande Gröna rummet, Socialförvaltningen, Östhammar, kl.09:00-13:40 Enligt särskild närvarolista", ["Gröna rummet, Socialförvaltningen, Östhammar", "09:00", "13:40"]],
  ["Plats och tid Beslutande Kommunhuset i Leksand, Plenisalen, kl.13:00-15.30 Ledamöter Ulrika Berg (S)", ["Kommunhuset i Leksand, Plenisalen", "13:00", "15:30"]],
  ["Plats och tid Beslutande Övriga deltagare stadshuset, kl. 08:30-11:45 Glenn Nord (S)", ["stadshuset", "08:30", "11:45"]],
  // No date or time after the place: the names of the attendance column cannot be told from it.
  ["Plats och tid Beslutande Kommunhuset, Svenljungasalen Eva Johansson, ordförande Stefan Carlsson", [null, null, null]],
];

/** Body lines and the body read from them. */
const BODIES: Array<[string, string | null]> = [
  ["PROTOKOLL\nOrgan PROTOKOLL Kommunstyrelsen\nSammanträdesdatum 2018-10-02", "Kommunstyrelsen"],
  ["PROTOKOLL\nOrgan Kommunstyrelsen Förvaringsplats Kanslienheten\nSammanträdesdatum 2018-10-02", "Kommunstyrelsen"],
  ["PROTOKOLL\nOrgan Halmstads kommun, Kommunala handikapprådet\nSammanträdesdatum 2018-10-02", "Kommunala handikapprådet"],
  ["PROTOKOLL\nOrgan Hässleholms kommun, Miljönämnden\nSammanträdesdatum 2018-10-02", "Miljönämnden"],
  // A bare council word keeps what it is for.
  ["Minnesanteckningar från Rådet för funktionshinderfrågor 2018-10-02", "Rådet för funktionshinderfrågor"],
  ["PROTOKOLL\nOrgan Rådet för funktionshindrade\nSammanträdesdatum 2018-10-02", "Rådet för funktionshindrade"],
];

/**
 * Records with no kind word and no § numbers: an elected adjuster or a protocol that says it is
 * adjusted or kept makes a protocol; without either they are minutes. Each row: text, kind.
 */
const UNTITLED_KINDS: Array<[string, string]> = [
  ["Styrelsemöte Skidklubben 2023-04-12\nNärvarande: Anna Berg, Olle Ek, Karin Lund\n\n1. Mötets öppnande\nOrdföranden öppnade mötet.\n\n2. Val av justerare\nAnna Berg valdes till justerare.\n\n3. Ekonomi\nKassören redogjorde för ekonomin.\n\n4. Mötets avslutande\n", "protocol"],
  ["Årsmöte Roddklubben 2022-03-01\nNärvarande: Karin Lund, Olle Ek, Per Ahl\n\n1. Öppnande\nMötet öppnades.\n\n2. Mötesfunktionärer\nmötesordförande: Karin\njusteringsperson: Olle\n\n3. Verksamhetsberättelse\nBerättelsen godkändes.\n\n4. Avslutning\n", "protocol"],
  ["Kommunfullmäktige\nDen 25 mars 2015\nNärvarande: Anna Berg, Olle Ek, Karin Lund\nProtokollet föres av undertecknad, fullmäktiges sekreterare.\n\n1. Ordförandens upplysning\nOrdföranden informerade.\n\n2. Val av revisorer\nFullmäktige valde Eva Ek.\n", "protocol"],
  ["Styrelsemöte Skidklubben 2023-04-12\nNärvarande: Anna Berg, Olle Ek, Karin Lund\n\n1. Mötets öppnande\nOrdföranden öppnade mötet.\n\n2. Val av sekreterare\nAnna Berg valdes till sekreterare.\n\n3. Ekonomi\nKassören redogjorde för ekonomin.\n\n4. Mötets avslutande\n", "minutes"],
];

/** Year-less days placed against the meeting, or against the record's own full dates when it is undated. */
const YEARLESS: Array<[string, string, string[]]> = [
  ["a list of next meetings runs forward in the calendar",
    "Arbetsgruppen Nära vård\nMöte 2015-10-13\nNärvarande: Karin Lund, Olle Ek, Per Ahl\n\n1. Nästa möten\nGruppen träffas Tisdag 26 januari kl. 13-14, 1 mars kl. 11-12, 30 augusti kl. 13-14 och 18 oktober kl. 13-14.\n\n2. Övrigt\nInget.\n",
    ["2015-10-13", "2016-01-26T13:00", "2016-03-01T11:00", "2016-08-30T13:00", "2016-10-18T13:00"]],
  ["an undated record reads a deadline against its own dates",
    "Minnesanteckningar arbetsgruppen\n\n1. Kontrollplan\nNämnden beslutade 2018-01-18 att kontrollplanen ska vara klar senast den 30 april.\n\n2. Övrigt\nNästa möte 2018-02-11.\n",
    ["2018-01-18", "2018-04-30", "2018-02-11"]],
];

describe("record kind without a kind word", () => {
  it.each(UNTITLED_KINDS)("%s", (text, kind) => {
    const out = parseText(text);
    expect([out.kind, out.meetings[0]?.kind]).toEqual([kind, kind]);
  });
});

describe("year-less days", () => {
  it.each(YEARLESS)("%s", (_name, text, values) => {
    expect(meeting(text).dates.map((d) => d.value)).toEqual(values);
  });
  it("a year-less meeting date takes its year from full days before plan years and months", () => {
    const text = "Minnesanteckningar Samverkansgruppen\nDatum: 28 februari\nPlats: Förvaltningshuset\nNärvarande: Karin Lund, Olle Ek, Per Ahl\n\n1. Beredning\nBeredning ägde rum onsdag 8 februari 2023 kl. 09.00-14.30.\n\n2. Uppföljning\nUppföljningen av verksamhetsplan 2022 per december 2022 godkändes.\n";
    expect(meeting(text).date).toBe("2023-02-28");
  });
});

describe("header box (spec table)", () => {
  it("has at least 40 cases", () => expect(SPEC.length).toBeGreaterThanOrEqual(40));
  it.each(SPEC.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const text = /\n§ ?1 /u.test(c.text) ? c.text + "\n" : c.text + ITEM;
    const m = meeting(text) as unknown as Record<string, unknown>;
    const got = Object.fromEntries(Object.keys(c.want).map((k) => [k, m[k] ?? null]));
    expect(got).toEqual(c.want);
    if (c.rules) {
      const rules = rulesOf(text);
      for (const [field, ids] of Object.entries(c.rules)) expect(rules[field]).toEqual(ids);
    }
  });
  it.each(FLATTENED)("flattened: %s", (line, want) => {
    const m = meeting(`PROTOKOLL Kommunstyrelsen\nSammanträdesdatum 2017-06-20\n${line}${ITEM}`);
    expect([m.location, m.start, m.end]).toEqual(want);
  });
  it.each(BODIES)("body: %s", (head, want) => {
    expect(meeting(`${head}\nBeslutande Eva Ek (S), ordförande${ITEM}`).body).toBe(want);
  });
});
