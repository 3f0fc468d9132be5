import { parseTextSync } from "../../src/pipeline.js";

/** A small protocol written for these tests: a header box, an attendance list, three items, a follow-up. */
export const MINUTES = `PROTOKOLL
Kulturnämnden
Sammanträdesdatum: 2024-03-12
Plats: Stadshuset, sal 2

Närvarande ledamöter
Anna Berg (S), ordförande
Per Lind (M)
Eva Holm (C)

§ 1 Val av justerare
Beslut
Nämnden beslutar att utse Per Lind att justera protokollet.

§ 2 Budget 2025
Förslag till beslut
Förvaltningen föreslår att nämnden godkänner budgeten.
Beslut
Nämnden beslutar att godkänna budgeten för 2025.
Förvaltningen ska återkomma med en uppföljning senast 2024-09-30.

§ 3 Informationsärenden
Informationen noteras.
`;

export function parsed(text = MINUTES) {
  return parseTextSync(text, { path: "kultur/2024-03-12.txt" });
}
