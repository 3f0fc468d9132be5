import { describe, expect, it } from "vitest";
import { parseText } from "../helpers.js";
import { activeDecision, hasPassiveDecision } from "../../src/extract/decision-verbs.js";
import { dueDay } from "../../src/extract/follow-ups.js";
import { loadLexicon } from "../../src/lexicon/load.js";

const lex = loadLexicon();
const HEAD = "PROTOKOLL\nPlats och tid Stadshuset kl 9\nBeslutande Eva Ek (S), ordförande\n\n";
const items = (text: string) => parseText(HEAD + text).meetings[0]!.items;

/** Sentences and whether they state a decision in the active voice, and in which tense. */
const ACTIVE: Array<[string, "present" | "past" | null]> = [
  ["Mötet godkänner dagordningen.", "present"],
  ["Mötet väljer Michael Stahre till mötesordförande.", "present"],
  ["Mötet fastställer röstlängden till 12.", "present"],
  ["Mötet beviljar styrelsen ansvarsfrihet.", "present"],
  ["Mötet lägger rapporten till handlingarna.", "present"],
  ["Årsmötet godkänner förslaget.", "present"],
  ["Stämman beslutar att anta budgeten.", "present"],
  ["Styrelsen uppdrar åt valberedningen att sondera inför stämman 2023.", "present"],
  ["Styrelsen beslutar att fyllnadsvälja dessa till underhållsgruppen.", "present"],
  ["Kommunstyrelsen godkänner rapporten.", "present"],
  ["Kommunstyrelsen tar del av informationen.", "present"],
  ["Personalsektionen antecknar ärendet för kännedom.", "present"],
  ["Allmänna utskottet tillstyrker förslaget.", "present"],
  ["Sektionsmötet bordlägger frågan.", "present"],
  ["Nämnden utser Mari Lindahl att justera protokollet.", "present"],
  ["Ungdomsrådet ställer sig bakom skrivelsen.", "present"],
  ["UFM godkänner budgeten.", "present"],
  ["Personalsektionen fastställde lönepunkten till 01TOI060.", "past"],
  ["Kommunfullmäktige antog planen 2015.", "past"],
  ["Nämnden godkände rapporten.", "past"],
  ["Medlemmarna röstade för ansvarsfrihet åt styrelsen.", "past"],
  ["Mötet nominerar och väljer Frans Skarman.", "present"],
  ["Styrelsen gav kassören i uppdrag att betala fakturan.", "past"],
  // Subjects of several words: a compound with "och", a genitive and an indefinite body word.
  ["Miljö- och byggnadsnämnden beviljar bygglov enligt ansökan.", "present"],
  ["Kultur- och fritidsnämnden noterar informationen.", "present"],
  ["Kommunstyrelsens arbetsutskott godkänner rapporten.", "present"],
  ["Kommunstyrelsens allmänna utskott tillstyrker motionen.", "present"],
  ["Bygg- och miljönämndens arbetsutskott antar planen.", "present"],
  ["Region Västmanlands styrelse godkänner planen.", "present"],
  ["Hälso- och sjukvårdsnämnden beslutade att anta planen.", "past"],
  ["Kommunstyrelsens arbetsutskott uppdrog åt förvaltningen att utreda frågan.", "past"],
  // How another body is made up, not what this one decides.
  ["Borås Stads fullmäktige väljer två ledamöter och två ersättare.", null],
  ["Övriga kommuners fullmäktige väljer en ledamot.", null],
  ["Anna Berg och Per Ek godkänner planen.", null],
  // Not a deciding subject, or no decision verb.
  ["Rapporten ger en bild av läget.", null],
  ["Förvaltningen godkänner inte alltid sådana ansökningar.", null],
  ["Ordföranden hälsar alla välkomna.", null],
  ["Mötet öppnas klockan 18.00.", null],
  ["Kommunstyrelsen föreslår kommunfullmäktige besluta att anta planen.", null],
  ["Styrelsen diskuterade frågan.", null],
  ["Anna Berg informerar om budgeten.", null],
  ["Mötet ajourneras i tio minuter.", null],
  ["Styrelsen har tagit del av rapporten tidigare.", null],
  ["att godkänna budgeten", null],
  ["Nämnden informeras om läget.", null],
  ["Föreningen har 40 medlemmar.", null],
];

/** Sentences with and without a passive decision form. */
const PASSIVE: Array<[string, boolean]> = [
  ["Dagordningen godkändes.", true],
  ["Föredragningslistan godkänns.", true],
  ["Dagordningen godkännes i befintligt skick.", true],
  ["Ärendet antecknades för kännedom.", true],
  ["Presentationen antecknas för kännedom.", true],
  ["Alla ansvarsfrihetspunkter bordläggs i klump.", true],
  ["Posten till inspektor vakantsätts.", true],
  ["Lades till handlingarna", true],
  ["Lagt till handlingarna", true],
  ["Till justeringsperson valdes Maritha Johansson.", true],
  ["Catrine Mattsson vald till justerare.", true],
  ["Sammanträdesdatum fastställdes enligt följande:", true],
  ["Stadsdirektörens förslag godkändes.", true],
  ["Ordföranden hälsade välkommen.", false],
  ["Kassören redogjorde för ekonomin.", false],
  ["Frågan diskuterades.", false],
  ["Nästa möte hålls den 5 maj.", false],
  ["Mötet öppnades.", false],
];

describe("decision sentences (spec table)", () => {
  it.each(ACTIVE)("active: %s", (sentence, tense) => {
    expect(activeDecision(lex, sentence)).toBe(tense);
  });
  it.each(PASSIVE)("passive: %s", (sentence, yes) => {
    expect(hasPassiveDecision(lex, sentence)).toBe(yes);
  });
});

describe("possessive decision and proposal headings for any body or name", () => {
  it("reads '⟨body⟩s beslut:' and '⟨office name⟩s förslag:' headings the lexicon does not list", () => {
    const [it16] = items("§ 16 Arbetsvärdering\nUnderlag finns.\nStadsdirektör Martin Norrgårds förslag:\nPersonalsektionen antecknar ärendet för kännedom.\n\nPersonalsektionens beslut:\nÄrendet antecknades för kännedom.\n");
    expect([it16!.proposal, it16!.decision]).toEqual(["Personalsektionen antecknar ärendet för kännedom.", "Ärendet antecknades för kännedom."]);
  });

  it("reads the heading after an office written in lower case or with a slash, colon required", () => {
    const [it41] = items("41 § Godkännande av föredragningslistan\nUnderlag finns.\nBildningsdirektör/t välfärdschef Teresia Tötermans förslag:\nNämnden godkänner föredragningslistan.\n\nNämndens beslut:\nFöredragningslistan godkändes.\n");
    expect([it41!.proposal, it41!.decision]).toEqual(["Nämnden godkänner föredragningslistan.", "Föredragningslistan godkändes."]);
    const [it42] = items("42 § Budget\nNämnden tar del av kommunens förslag\noch diskuterar budgeten.\n\nNämndens beslut:\nBudgeten godkändes.\n");
    expect([it42!.proposal, it42!.decision]).toEqual([null, "Budgeten godkändes."]);
  });

  it("reads a bare 'Förslag:' line as the proposal heading (Finland-Swedish minutes)", () => {
    const [it27] = items("27 § Godkännande av föredragningslistan\nFörslag:\nPersonalsektionen godkänner föredragningslistan.\n\nPersonalsektionens beslut:\nFöredragningslistan godkändes.\n");
    expect([it27!.proposal, it27!.decision]).toEqual(["Personalsektionen godkänner föredragningslistan.", "Föredragningslistan godkändes."]);
  });

  it("ends a decision at a rule line of underscores", () => {
    const [it2] = items("§ 2 Anhållan\nFolkhälsorådets beslut:\nFörslaget godkändes.\n_____\nBilaga 1 Anhållan om diettillägg\n");
    expect(it2!.decision).toBe("Förslaget godkändes.");
  });

  it("keeps the bullets of a list the decision opens", () => {
    const [it12] = items("§ 12 Verksamhetsplan\nMötet beslutar om följande verksamhetsplan:\n• Tömma lokalen\n• Byta bankkonto\n\nDiskussion följde.\n");
    expect(it12!.decision).toBe("Mötet beslutar om följande verksamhetsplan: • Tömma lokalen • Byta bankkonto");
  });

  it("takes a present-tense active decision in a long item, not background text", () => {
    const background = "Bakgrunden är lång. ".repeat(50);
    const [it5] = items(`§ 5 Budget\n${background}\nKommunfullmäktige antog planen 2015.\nMötet godkänner budgeten.\n`);
    expect(it5!.decision).toBe("Mötet godkänner budgeten.");
  });
});

describe("follow-up due dates (spec table)", () => {
  const CASES: Array<[string, string | null, string | null]> = [
    ["2025-04-06", "2024-10-24", "2025-04-06"],
    ["--04-30", "2018-01-15", "2018-04-30"],
    ["--04-06", "2025-03-01", "2025-04-06"],
    ["--02-01", "2024-11-20", "2025-02-01"],
    ["--09-21", "2011-08-24", "2011-09-21"],
    ["--04-30", null, null],
    ["2023-05", "2023-01-01", null],
  ];
  it.each(CASES)("due %s at a meeting on %s is %s", (value, meeting, want) => {
    expect(dueDay(value, meeting)).toBe(want);
  });

  it("resolves 'senast den 30 april' with the meeting's year", () => {
    const m = parseText("PROTOKOLL\nSammanträdesdatum 2018-01-15\nBeslutande Eva Ek (S), ordförande\n\n§ 2 Intern kontroll\nBeslut\nNämnderna ska fastställa sin kontrollplan senast den 30 april.\n").meetings[0]!;
    expect(m.followUps.map((f) => f.due)).toContain("2018-04-30");
  });
});
