import { describe, expect, it } from "vitest";
import { parseText } from "../helpers.js";

const meeting = (text: string) => parseText(text).meetings[0]!;
const ITEM = "\n\n§ 1 Val av justerare\nText.\n";

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
];

describe("header box (spec table)", () => {
  it.each(FLATTENED)("flattened: %s", (line, want) => {
    const m = meeting(`PROTOKOLL Kommunstyrelsen\nSammanträdesdatum 2017-06-20\n${line}${ITEM}`);
    expect([m.location, m.start, m.end]).toEqual(want);
  });
  it.each(BODIES)("body: %s", (head, want) => {
    expect(meeting(`${head}\nBeslutande Eva Ek (S), ordförande${ITEM}`).body).toBe(want);
  });
});
