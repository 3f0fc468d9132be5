import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { proposalToBody, sentenceCandidate, TO_BODY } from "../../src/extract/decision-candidates.js";
import { forgetSentences, sentences } from "../../src/extract/sentences.js";
import { loadLexicon } from "../../src/lexicon/load.js";
import { parseText } from "../helpers.js";

interface Case { sentence: string; kind: "decision" | "proposal" | null; rule: string | null; short: boolean; agenda: boolean }
const spec: { cases: Case[] } = JSON.parse(readFileSync(new URL("../specs/decisions.json", import.meta.url), "utf8"));
const lex = loadLexicon();

describe("decision sentences (spec table test/specs/decisions.json)", () => {
  it.each(spec.cases.map((c) => [c.sentence, c] as const))("%s", (sentence, c) => {
    const got = sentenceCandidate({ lex, short: c.short, agenda: c.agenda }, sentence, { start: 0, end: sentence.length });
    expect(got ? [got.kind, got.rule] : null).toEqual(c.kind ? [c.kind, c.rule] : null);
  });
});

describe("a proposal to another body as a lead-in", () => {
  it.each([
    ["Förslag till kommunfullmäktige 1. Förluster flyttas till finansieringen.", true],
    ["Kommunstyrelsens förslag till kommunfullmäktige: Planen antas.", true],
    ["Änr KS 2018/27 s förslag till Kommunstyrelsen Godkänna rapporteringen.", true],
    ["Förvaltningen har lämnat förslag till kommunstyrelsen om att utreda frågan.", false],
    ["Förslag till beslut saknas.", false],
  ])("%s → %s", (text, found) => {
    expect(proposalToBody(text) !== null).toBe(found);
  });
  // The search reads the possessive word by hand: the same lead-in as TO_BODY's own matches.
  const byPattern = (text: string) => {
    for (const m of text.matchAll(TO_BODY)) {
      if (/^[ \t\n]*(?:\p{Lu}|\d|att[ \t])/u.test(text.slice(m.index + m[0].length))) return { start: m.index, textStart: m.index + m[0].length };
    }
    return null;
  };
  it.each([
    "styrelsen-Ks förslag till nämnden: Bifall", "-Xs förslag till nämnden Ja", "Xs  förslag till styrelsen A", "Aſ förslag till stämman 1",
    "s förslag till nämnden A", "förslag till nämnden x förslag till nämndens förslag till styrelsen B", "Ab-cs förslag till beslut till fullmäktige: att",
  ])("%j as TO_BODY finds it", (text) => {
    expect(proposalToBody(text)).toEqual(byPattern(text));
  });
  it("finds what TO_BODY finds in any text", () => {
    const unit = fc.constantFrom("förslag till ", "nämnden", "styrelsen", "Kommunstyrelsens ", "s", "S", "ſ", "a", "Å", "-", " ", "\t", "\n", ":", "1", "att ", "beslut till ", "\u{1D400}");
    fc.assert(fc.property(fc.string({ unit, maxLength: 14 }), (text) => {
      expect(proposalToBody(text)).toEqual(byPattern(text));
    }), { numRuns: 3000 });
  });
});

const HEAD = "PROTOKOLL\nPlats och tid Stadshuset kl 9\nBeslutande Eva Ek (S), ordförande\n\n";
const items = (text: string) => parseText(HEAD + text).meetings[0]!.items;

describe("choosing the decision and the proposal of an item", () => {
  it("keeps another body's proposal as the proposal and the att-clause as the decision", () => {
    const [it52] = items("§ 52 Motion om lönepolitiskt program\nFörslag till yttrande föreligger. Allmänna utskottet föreslår fullmäktige besluta att anta yttrandet. Rolf Östman yrkar bifall till motionen. att tillstyrka allmänna utskottets förslag.\n");
    expect([it52!.proposal, it52!.decision]).toEqual(["Allmänna utskottet föreslår fullmäktige besluta att anta yttrandet.", "att tillstyrka allmänna utskottets förslag."]);
  });

  it("takes a run-in 'Förslag till kommunfullmäktige' as the decision, up to the background", () => {
    const [it1] = items("§ 1 Reavinster\nFörslag till kommunfullmäktige 1. Förluster flyttas till finansieringen. 2. Reavinster flyttas till finansieringen. Kommunstyrelsens arbetsutskott har tidigare beslutat att utreda frågan.\n");
    expect(it1!.decision).toBe("Förslag till kommunfullmäktige 1. Förluster flyttas till finansieringen. 2. Reavinster flyttas till finansieringen.");
    expect(it1!.proposal).toBeNull();
  });

  it("reads a decision sentence after a proposal heading when no decision heading follows", () => {
    const [it8] = items("§ 8 Rapport\nArbetsutskottets förslag till kommunstyrelsen\nRapporten noteras.\n\nUnder överläggningen yrkar Eva Ek bifall.\n\nKommunstyrelsen beslutar att återuppta ärendet vid nästa sammanträde.\n");
    expect([it8!.proposal, it8!.decision]).toEqual(["Rapporten noteras.", "Kommunstyrelsen beslutar att återuppta ärendet vid nästa sammanträde."]);
  });

  it("turns a proposal heading addressed to another body into the decision when nothing else decides", () => {
    const [it3] = items("§ 3 Detaljplan\nStadsbyggnadsutskottets förslag till kommunstyrelsen\nPlanen godkänns för granskning.\n");
    expect([it3!.proposal, it3!.decision]).toEqual([null, "Planen godkänns för granskning."]);
  });

  it("keeps a sentence that goes on about the decision ('Detta …', 'Beslutet …') in the same paragraph", () => {
    const [it10] = items("§ 10 Ekonomi\nInget nytt, bokslut är på gång. Beslut återbäring laddning. Detta ska också med i bokslutet.\n");
    expect(it10!.decision).toBe("Beslut återbäring laddning. Detta ska också med i bokslutet.");
    const [it4] = items("§ 4 Hemsida\nMötet beslutar att byta webbhotell.\nBeslutet gäller från januari.\n");
    expect(it4!.decision).toBe("Mötet beslutar att byta webbhotell. Beslutet gäller från januari.");
  });

  it("does not carry a decision over a blank line nor to a sentence on another subject", () => {
    const [it4] = items("§ 4 Hemsida\nMötet beslutar att byta webbhotell.\n\nDetta har diskuterats länge.\n");
    expect(it4!.decision).toBe("Mötet beslutar att byta webbhotell.");
    const [it5] = items("§ 5 Hemsida\nMötet beslutar att byta webbhotell. Anna visar den nya sidan.\n");
    expect(it5!.decision).toBe("Mötet beslutar att byta webbhotell.");
  });

  it("joins a second decision sentence with 'Vi' as its subject ('Mötet väljer … Vi väljer ingen suppleant.')", () => {
    const [it3] = items("§ 15 Val av revisorer\nMötet väljer Adam Ek till revisor.\n\nVi väljer ingen suppleant.\n");
    expect(it3!.decision).toBe("Mötet väljer Adam Ek till revisor. Vi väljer ingen suppleant.");
  });

  it("reads an impersonal decision after a fronted clause in a long item", () => {
    const filler = "Gruppen har tittat på flera frågor under hösten. ".repeat(20);
    const [it8] = items(`§ 8 Avtal\n${filler}\nEftersom vi är många nya i styrelsen bestämdes att vi skall höra med den tidigare styrelsen om rabatter.\n`);
    expect(it8!.decision).toBe("Eftersom vi är många nya i styrelsen bestämdes att vi skall höra med den tidigare styrelsen om rabatter.");
    const [it9] = items(`§ 9 Avtal\n${filler}\nVid förra mötet beslutades att hyran skulle höjas.\n`);
    expect(it9!.decision).toBeNull();
  });

  it("never takes a table-of-contents line for a decision", () => {
    const got = items("Innehåll\n§ 179 Utred möjligheten att bygga ett kulturhus ... 23\n§ 180 Budget ... 24\n\n§ 179 Utred möjligheten att bygga ett kulturhus\nÄrendet redovisas.\n\n§ 180 Budget\nKommunfullmäktige beslutar att anta budgeten.\n");
    expect(got.map((i) => i.decision)).toEqual([null, "Kommunfullmäktige beslutar att anta budgeten."]);
  });

  it("takes a sentence marked 'Beslut' in the margin as the decision, in a long item too", () => {
    const filler = "Inget nytt att redovisa om detta. ".repeat(30);
    const [it3] = items(`§ 3 Bordlagda ärenden\nAlla ansvarsfrihetspunkter bordläggs i klump.\tBeslut\n\n${filler}\n`);
    expect(it3!.decision).toBe("Alla ansvarsfrihetspunkter bordläggs i klump.");
  });

  it("reads a margin 'Beslut' beside the first line of a decision that goes on below, without the mark", () => {
    const [it10] = items("§ 10 Föregående mötesprotokoll\nProtokollet är justerat och anslaget.\n\nMötet beslutar att lägga protokollet från sektionsmöte 1\tBeslut\ntill handlingarna.\n");
    expect([it10!.decision, it10!.evidence?.decision]).toEqual(["Mötet beslutar att lägga protokollet från sektionsmöte 1 till handlingarna.", ["decision/margin-label"]]);
  });

  it("looks for the margin mark in linear time over a long run of blanks", () => {
    const t0 = performance.now();
    const [it4] = items(`§ 4 Budget\nMötet${" ".repeat(200_000)}godkänner budgeten.\n`);
    expect(it4!.decision).toBe("Mötet godkänner budgeten.");
    // Quadratic matching took minutes here; linear takes well under a second even on a loaded machine.
    expect(performance.now() - t0).toBeLessThan(15_000);
  });

  it("takes a margin-marked sentence as decided even in a record read as an agenda", () => {
    const agenda = parseText("Föredragningslista\nDatum: 2024-11-08\nPlats: Rådhuset\n\n1 Val av mötesordförande\nAnna Berg väljs till mötesordförande.\tBeslut\n\n2 Information\nInformationen noteras.\n").meetings[0]!;
    expect(agenda.kind).toBe("agenda");
    expect(agenda.items.map((i) => [i.proposal, i.decision])).toEqual([
      [null, "Anna Berg väljs till mötesordförande."],
      ["Informationen noteras.", null],
    ]);
  });

  it("takes no decision from an agenda's blank '⟨body⟩s beslut:' heading", () => {
    const agenda = parseText("Föredragningslista\nDatum: 2022-09-26\nPlats: Rådhuset\n\n190 § Godkännande av föredragningslistan\nFörslag:\nStadsstyrelsen godkänner föredragningslistan.\n\nStadsstyrelsens beslut:\n\nStadsstyrelsen 5\n").meetings[0]!;
    expect(agenda.items.map((i) => [i.proposal, i.decision])).toEqual([["Stadsstyrelsen godkänner föredragningslistan.", null]]);
  });

  it("takes the motion the proposition adopted as the proposal of a decision 'i enlighet härmed'", () => {
    const [it7] = items("§ 7 Motion om hospice\nUnder överläggningen framfördes följande yrkanden: Karin Lund (S) yrkade att fullmäktige beslutar\n\n• att anse motionen besvarad.\n\nPer Ek yrkade att fullmäktige beslutar\n\n• att bifalla motionen.\n\nOrdföranden förklarade propositionen om bifall till Karin Lunds förslag besvarad med ja.\n\nFullmäktige beslutade i enlighet härmed.\n");
    expect(it7!.decision).toBe("Fullmäktige beslutade i enlighet härmed.");
    expect(it7!.proposal).toBe("Karin Lund (S) yrkade att fullmäktige beslutar • att anse motionen besvarad.");
  });
});

describe("sentences that carry decision clauses", () => {
  it.each([
    ["Rolf Östman yrkar bifall till motionen. att tillstyrka förslaget.", ["Rolf Östman yrkar bifall till motionen.", "att tillstyrka förslaget."]],
    ["Dagar: 5 november och 10 december. 1. Dagarna fastställs. a) Gunnar Nihlén har avsagt sig. 2. Anhållan beviljas.", ["Dagar: 5 november och 10 december.", "1. Dagarna fastställs.", "a) Gunnar Nihlén har avsagt sig.", "2. Anhållan beviljas."]],
    ["Kostnaden är 5. Det räcker.", ["Kostnaden är 5.", "Det räcker."]],
  ])("%s", (text, want) => {
    forgetSentences();
    expect(sentences(text, { start: 0, end: text.length }).map((r) => text.slice(r.start, r.end))).toEqual(want);
  });
});
