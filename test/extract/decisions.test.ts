import { describe, expect, it } from "vitest";
import { parseText } from "../helpers.js";

const items = (text: string) => parseText(text).meetings[0]!.items;
const HEAD = "PROTOKOLL\nPlats och tid Stadshuset kl 9\nBeslutande Eva Ek (S), ordförande\n\n";

describe("decisions and proposals", () => {
  it("keeps both proposal and decision when both headings exist", () => {
    const [it20] = items(HEAD + "§ 20 Sammanträdesdagar 2024\nFörslag till beslut\nSammanträdesdagar fastställs enligt ovan.\n\nBeslut\nSammanträdesdagar fastställs enligt ovan.\n");
    expect([it20!.proposal, it20!.decision, it20!.outcome]).toEqual(["Sammanträdesdagar fastställs enligt ovan.", "Sammanträdesdagar fastställs enligt ovan.", "approved"]);
  });

  it("reads plain-sentence decisions in short items", () => {
    const got = items(HEAD + "§ 1 Dagordning\nDagordningen fastställdes.\n\n§ 2 Föregående protokoll\nProtokollet lades till handlingarna.\n\n§ 3 Information\nInformationen noteras.\n\n§ 4 Val av justerare\nAnna Berg utsågs att justera protokollet.\n");
    expect(got.map((i) => [i.decision, i.outcome])).toEqual([
      ["Dagordningen fastställdes.", "approved"],
      ["Protokollet lades till handlingarna.", "noted"],
      ["Informationen noteras.", "noted"],
      ["Anna Berg utsågs att justera protokollet.", "elected"],
    ]);
  });

  it("reads 'X beslutar att' in any item, and a run-in Ställningstagande", () => {
    const got = items(HEAD + "§ 6 Ersättningar\nRevisionen önskar ett ställningstagande. Arbetsutskottet beslutar att inte vidta någon ändring.\n\n§ 7 Nuläge\nStällningstagande: Gruppen noterar informationen\n");
    expect(got.map((i) => [i.decision, i.outcome])).toEqual([
      ["Arbetsutskottet beslutar att inte vidta någon ändring.", "approved"],
      ["Gruppen noterar informationen", "noted"],
    ]);
  });

  it("classifies a list of att-clauses clause by clause", () => {
    const [it9] = items(HEAD + "§ 9 Budget\nBeslut\natt godkänna budgeten,\natt ge förvaltningen i uppdrag att återkomma med en plan,\natt motionen avslås.\n");
    expect(it9!.outcomes).toEqual(["approved", "assigned", "rejected"]);
  });

  it("reads återremiss and bordläggning", () => {
    const got = items(HEAD + "§ 3 Detaljplan\nBeslut\nÄrendet återremitteras till förvaltningen.\n\n§ 4 Taxa\nBeslut\nÄrendet bordläggs.\n");
    expect(got.map((i) => i.outcome)).toEqual(["referred", "postponed"]);
  });

  it("puts a notice's decision sentences in the proposal", () => {
    const got = items("Kallelse\nDatum: 2024-11-08\nPlats: Rådhuset\n\n1 Information\nInformationen noteras.\n\n2 Nästa sammanträde\nFörslag till beslut\nNästa sammanträde ska äga rum den 31 januari 2025.\n");
    expect(got.map((i) => [i.proposal, i.decision])).toEqual([
      ["Informationen noteras.", null],
      ["Nästa sammanträde ska äga rum den 31 januari 2025.", null],
    ]);
  });
});

describe("follow-ups", () => {
  it("dates a commitment from its deadline cue and names who must act", () => {
    const m = parseText("Protokoll\nSammanträdesdatum 2024-10-11\nBeslutande Eva Ek (S)\n\n§ 63 Nära vård\nBeslut\nPolitisk samverkansgrupp Nära vård får i uppdrag att arbeta fram förslag. Beredningen önskar återrapportering av uppdraget vid sammanträdet 2025-02-07.\n").meetings[0]!;
    expect(m.followUps.map((f) => [f.item, f.due, f.responsible])).toEqual([
      ["63", null, "Politisk samverkansgrupp Nära vård"],
      ["63", "2025-02-07", "Politisk samverkansgrupp Nära vård"],
    ]);
    expect(m.dates.find((d) => d.value === "2025-02-07")?.role).toBe("deadline");
  });

  it("does not turn a past date into a deadline", () => {
    const m = parseText("Protokoll\nSammanträdesdatum 2024-10-11\nBeslutande Eva Ek (S)\n\n§ 63 Nära vård\nVid sammanträdet 2024-08-30 redovisades arbetet och gruppen ska återrapportera.\n").meetings[0]!;
    expect(m.followUps.filter((f) => f.due)).toEqual([]);
  });
});
