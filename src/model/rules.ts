/**
 * Every rule id a fact's `evidence` may name (issue 15), with one line of meaning. `sets` lists the
 * output fields the rule decides when an extractor hands a flat `rules: string[]` (default: found,
 * the rule that found the fact itself). The review page (issue 16) shows these lines; the seeds test
 * fails on an id that is not listed here. `npm run eval -- --rules` gives each rule's hits and precision.
 */
export interface RuleInfo {
  meaning: string;
  sets?: readonly string[];
  /** A fallback id of an extractor path, used when no finer rule was recorded (not a rule of its own). */
  coarse?: boolean;
}

export const RULES: Readonly<Record<string, RuleInfo>> = {
  // Meeting records: what makes a record a meeting (meeting.evidence.found).
  "record/attendance-list": { meaning: "two or more people listed under attendance headings or role labels" },
  "record/header-box": { meaning: "the record opens with a front-matter box of labelled fields" },
  "record/named-officials": { meaning: "two or more people with a party or a position" },
  "record/title-word": { meaning: "a kind word heads the record (Protokoll, Minnesanteckningar, Kallelse …)" },
  "record/decided-items": { meaning: "an item with a decision, proposal, motion or vote section" },
  "record/attendance-block": { meaning: "the record's blocks hold an attendance block (a group heading over person lines)" },
  "record/paragraph-items": { meaning: "the record's blocks hold two or more §-numbered items" },
  "record/header-labels": { meaning: "two kinds of header labels (date, place, time, body …) in the front matter" },
  "record/file-start": { meaning: "the first record starts at the top of the file" },
  "record/segment": { meaning: "coarse: the record segmenter cut this record (no finer rule recorded)", coarse: true },

  // Meeting kind.
  "kind/title-word": { meaning: "the first kind word of the front matter or running header names the kind", sets: ["kind"] },
  "kind/extract-foot": { meaning: "an extract's certification at its foot ('Rätt utdraget', 'Paragrafen är justerad')", sets: ["kind"] },
  "kind/announced-only": { meaning: "no kind word; items are announced (no decision, no attendance or signature box, no past-tense decision): an agenda", sets: ["kind"] },
  "kind/proposals-only": { meaning: "no kind word; items hold proposals and no decisions: an agenda", sets: ["kind"] },
  "kind/formal-protocol": { meaning: "no kind word; § numbers or justering/anslag labels: a protocol", sets: ["kind"] },
  "kind/notes-default": { meaning: "no kind word and nothing formal: minutes", sets: ["kind"] },

  // Meeting details (header box).
  "header/labelled-date": { meaning: "the day after a date label (Sammanträdesdatum, Datum, Dag, Tid & datum …), scored by the label's kind", sets: ["date"] },
  "header/labelled-place-time": { meaning: "the day or clock time in the value of a place-and-time label (Plats och tid, Lokal och tid …)", sets: ["date"] },
  "header/front-date": { meaning: "no labelled date: the first day in the front matter not governed by a justering or anslag label", sets: ["date"] },
  "header/chrome-date": { meaning: "no date in the record: the first day in a web transcript's chrome (weakest)", sets: ["date"] },
  "header/inferred-year": { meaning: "the meeting date has no year: taken from a heading, the title lines, the record's dated lines or the PDF date", sets: ["date"] },
  "header/date-time": { meaning: "the meeting date carries its clock time ('25/4 kl. 16:00')", sets: ["start", "end"] },
  "header/labelled-time": { meaning: "a clock time in a time label's value (Tid, Klockan) or beside the meeting date", sets: ["start", "end"] },
  "header/bare-time": { meaning: "a bare pair of clock times in the front matter ('13:00 17:30')", sets: ["start", "end"] },
  "header/chrome-time": { meaning: "a clock time in a web transcript's chrome", sets: ["start", "end"] },
  "header/opening-sentence": { meaning: "the time in the opening sentence ('förklarar mötet öppnat kl 17:21')", sets: ["start"] },
  "header/closing-sentence": { meaning: "the time in the closing sentence ('Mötet avslutas 18:37')", sets: ["end"] },
  "header/later-session": { meaning: "the end of the last session of a day with several ('08.30–12.00 och 13.00–16.00')", sets: ["end"] },
  "header/labelled-place": { meaning: "the value of a place label (Plats, Lokal, Sammanträdesplats …) without its date and time", sets: ["location"] },
  "header/flattened-place": { meaning: "a place label's value in a flattened header, up to the next label or date", sets: ["location"] },
  "header/dateline-place": { meaning: "a known place before the date at the top of the record ('Vänersborg 2016-01-20')", sets: ["location"] },
  "header/body": { meaning: "coarse: the body extractor gave the body (no finer rule recorded)", sets: ["body"], coarse: true },
  "header/body-label": { meaning: "the value of an Organ / Nämnd label, up to its body word", sets: ["body"] },
  "header/title-body": { meaning: "the title after the kind word ('Protokoll från Kommunstyrelsen …') up to its body word", sets: ["body"] },
  "header/dateline-body": { meaning: "the body word phrase before the date on the date line ('Samverkansgrupp Nära vård   2023-09-22')", sets: ["body"] },
  "header/body-word": { meaning: "the first body word (styrelse, nämnd, fullmäktige …) of the front matter or chrome", sets: ["body"] },
  "header/compound-body": { meaning: "the body inside a compound kind word ('styrelsemöte' → Styrelsen)", sets: ["body"] },
  "header/greeting-body": { meaning: "the body named in the chair's greeting ('Ordförande hälsar samverkansgruppen välkomna')", sets: ["body"] },
  "header/body-of-organisation": { meaning: "a generic body qualified by its organisation ('Styrelsen, Stenålderns samfällighet')", sets: ["body"] },
  "header/organisation": { meaning: "coarse: the organisation extractor gave the organisation", sets: ["organisation"], coarse: true },
  "header/public-organisation": { meaning: "a municipality, region or förbund name in the front matter ('Halmstads kommun')", sets: ["organisation"] },
  "header/title-organisation": { meaning: "an association or company named on the title lines ('Trollhättans Judoklubb', 'X AB')", sets: ["organisation"] },
  "header/document-title-organisation": { meaning: "a later record takes the organisation from the document's title lines", sets: ["organisation"] },
  "dates/next-meeting-role": { meaning: "a date whose role is next-meeting ('Nästa möte …')", sets: ["nextMeeting"] },
  "dates/scheduled-same-year": { meaning: "no next-meeting date: the first scheduled meeting after this one in its year", sets: ["nextMeeting"] },

  // Participants.
  "attendance/party-column-roll-call": { meaning: "a flattened roll call whose party codes close the rows ('Andersson Jens SD Niklas Lauden …'), a serving substitute after its member" },
  "attendance/marked-roll-call": { meaning: "a flattened närvaro- och voteringslista row: party, name and a presence mark ('S Kristina Zakrisson I')" },
  "attendance/heading-list": { meaning: "a name under an attendance heading (Beslutande, Ledamöter, Ersättare, Övriga närvarande …)" },
  "attendance/header-row": { meaning: "a name after a flattened table header row of attendance labels, read under its first group" },
  "attendance/table-rows": { meaning: "a row of a role table (Funktion | Namn) without a role label of its own" },
  "attendance/role-label": { meaning: "a name after a role label (Ordförande, Sekreterare, Justerare …)", sets: ["found", "positions"] },
  "attendance/signature-table": { meaning: "a name paired by position with role labels listed before the names", sets: ["found", "positions"] },
  "attendance/party-line": { meaning: "outside any list: 'Name (S)' with a party in parentheses" },
  "attendance/name-comma-title": { meaning: "outside any list: 'Firstname Surname, title'" },
  "attendance/attached-list": { meaning: "the list stands in an attached Närvarolista (bilaga) rather than the front matter" },
  "attendance/item-list": { meaning: "a list in the body of an item titled as attendance ('2 Närvarolista', '§ 2 Närvarande')" },
  "attendance/header-values-paired": { meaning: "a flattened header row of labels ending in a role ('Beslutande Ersättare Utses att justera') paired by position with the values after it, cut at sentence ends and where two names meet without comma or 'och'", sets: ["found", "group", "positions", "present"] },
  "attendance/entry": { meaning: "coarse: the participant extractor found the name (no finer rule recorded)", coarse: true },
  "attendance/surname-first": { meaning: "a surname-first roll call ('Lindvall Mikael') turned to first name first", sets: ["name"] },
  "attendance/turned-name-merge": { meaning: "the same person written both ways merged into one", sets: ["name"] },
  "attendance/party-mark": { meaning: "the party written beside the name (in parentheses, a column, a lower-case mark)", sets: ["party"] },
  "attendance/represents-place": { meaning: "a municipality, region or organisation written beside the name", sets: ["represents"] },
  "attendance/group-heading": { meaning: "group and presence from the words of the heading the name stands under", sets: ["group", "present"] },
  "attendance/serving-label": { meaning: "a serving-substitute heading (Tjänstgörande ersättare): a member", sets: ["group"] },
  "attendance/serving-substitute": { meaning: "'tjänstgör' beside a substitute: a member", sets: ["group"] },
  "attendance/substitute-cue": { meaning: "'ersätter X' / 'för X' beside the name: a serving substitute, a member", sets: ["group"] },
  "attendance/officials-column": { meaning: "a titled person without a party in a table with an officials column: other", sets: ["group"] },
  "attendance/titled-official": { meaning: "outside any list a titled person without a party: other", sets: ["group"] },
  "attendance/titled-paragraph": { meaning: "an unlabelled paragraph of titled people without parties: officials (other)", sets: ["group"] },
  "attendance/role-word": { meaning: "a role word beside the name ('ordförande', '(sekreterare)')", sets: ["positions"] },
  "attendance/elected-in-item": { meaning: "a position given in an opening item ('Till justerare utsågs X', 'X valdes till sekreterare')", sets: ["positions"] },
  "attendance/elected-official": { meaning: "an official elected in an opening item and named in no list ('Mötet väljer X till mötesordförande'): a participant, present", sets: ["found", "present"] },
  "attendance/checkbox": { meaning: "a checkbox roll call: [X] present, [ ] absent", sets: ["present"] },
  "attendance/presence-mark": { meaning: "a presence word or column beside the name (förhindrad, ej närvarande, N/F, Ja/Nej, 1/-)", sets: ["present"] },
  "attendance/listed-present": { meaning: "listed without a presence mark under no group heading: present", sets: ["present"] },
  "attendance/item-range": { meaning: "item ranges beside the name ('§ 13-21', 'ej § 20')", sets: ["items"] },

  // Items.
  "item/paragraph-sign": { meaning: "an item header '§ 12'" },
  "item/numbered-dot": { meaning: "an item header '12.'" },
  "item/numbered-colon": { meaning: "an item header '12:'" },
  "item/numbered-paren": { meaning: "an item header '12)'" },
  "item/bare-number": { meaning: "an item header: a bare number at a line start before a title" },
  "item/prefixed-number": { meaning: "an item header with a word before the number ('Punkt 12', 'Ärende 12')" },
  "item/contents-row": { meaning: "an item read from a contents row ('141 4 Title')" },
  "item/header": { meaning: "coarse: the item segmenter found the item (no finer rule recorded)", coarse: true },
  "item/title-line": { meaning: "the title is the rest of the header line", sets: ["title"] },
  "item/title-flat-line": { meaning: "a flattened page line: the title ends before the next sentence or case number", sets: ["title"] },
  "item/sub-number": { meaning: "a decimal sub-point ('1.1 Mötets öppnande') inside an item, an item of its own" },
  "item/title-wrap": { meaning: "the title wraps onto the next line (it ends on a preposition or conjunction, or the next line is lower case)", sets: ["title"] },
  "item/title-cut": { meaning: "title and body share a line: the title is cut where the body begins", sets: ["title"] },
  "item/title-presenter": { meaning: "a presenter after the title's full stop ('. - Åsa Lönn') is left out", sets: ["title"] },
  "item/case-number": { meaning: "a diarienummer in or just after the title", sets: ["caseNumber"] },

  // Decisions and proposals (src/extract/decision-candidates.ts, decisions.ts).
  "decision/labelled-heading": { meaning: "the text under a decision heading (Beslut, X:s beslut)", sets: ["decision"] },
  "decision/position-heading": { meaning: "the text under a ställningstagande heading", sets: ["decision"] },
  "decision/impersonal-passive": { meaning: "an impersonal passive decision ('Beslutas att', 'Det beslutades att')", sets: ["decision"] },
  "decision/beslut-lead": { meaning: "a sentence led by 'Beslut att …' / 'Beslutet …'", sets: ["decision"] },
  "decision/active-verb": { meaning: "a body deciding in the present tense ('Mötet godkänner', 'Styrelsen fastställer')", sets: ["decision"] },
  "decision/att-clause": { meaning: "an att-clause of the decision ('att godkänna budgeten')", sets: ["decision"] },
  "decision/decides-verb": { meaning: "'beslutar/beslutade/beslöt', 'finner att … antar' anywhere in the item", sets: ["decision"] },
  "decision/numbered-clause": { meaning: "a numbered clause with a passive decision form ('1. Budgeten fastställs.')", sets: ["decision"] },
  "decision/active-verb-past": { meaning: "in a short item, a body deciding in the past tense ('Mötet godkände')", sets: ["decision"] },
  "decision/passive-verb": { meaning: "in a short item, a passive decision form ('godkänns', 'läggs till handlingarna')", sets: ["decision"] },
  "decision/margin-label": { meaning: "the word 'Beslut' in the margin beside the sentence", sets: ["decision"] },
  "decision/proposal-to-body": { meaning: "nothing else decides: the item's proposal to another body ('Förslag till kommunfullmäktige') is this body's decision", sets: ["decision"] },
  "proposal/labelled-heading": { meaning: "the text under a proposal heading (Förslag till beslut, X:s förslag)", sets: ["proposal"] },
  "proposal/proposal-verb": { meaning: "in an agenda, a sentence that would decide is the proposal", sets: ["proposal"] },
  "proposal/proposing-body": { meaning: "another body proposes ('Arbetsutskottet föreslår kommunstyrelsen …')", sets: ["proposal"] },
  "proposal/under-proposal-heading": { meaning: "a sentence under a line '⟨body⟩s förslag till ⟨body⟩' the segmenter did not see as a heading", sets: ["proposal"] },
  "proposal/adopted-motion": { meaning: "a decision 'i enlighet härmed': the motion the chair's proposition adopted", sets: ["proposal"] },
  "outcome/codebook": { meaning: "the outcome codes from the codebook's words in the decision's att-clauses", sets: ["outcome"] },
  "outcome/from-proposal": { meaning: "no decision: the outcome read from the proposal", sets: ["outcome"] },

  // Follow-ups (src/extract/follow-ups.ts).
  "followup/deadline-cue": { meaning: "a deadline cue ('senast', 'återrapportering', 'ska redovisas') and a day on or after the meeting in one sentence" },
  "followup/assignment": { meaning: "an assignment: a cue ('får i uppdrag att', 'ansvarar för') or a named owner with a task verb" },
  "followup/month-deadline": { meaning: "a deadline of a month without a day ('ska redovisas i juni 2019')" },
  "followup/cue": { meaning: "coarse: the follow-up extractor found the commitment (no finer rule recorded)", coarse: true },
  "followup/deadline-before-date": { meaning: "the due day follows a deadline word ('senast 6/4', 'till och med 30 juni')", sets: ["due"] },
  "followup/date-in-sentence": { meaning: "the due day is a day on or after the meeting in the same sentence", sets: ["due"] },
  "followup/uppdrag": { meaning: "'X får/fick i uppdrag', 'ger X i uppdrag': X is responsible", sets: ["responsible"] },
  "followup/uppdrar-at": { meaning: "'uppdrar åt/till X att': X is responsible", sets: ["responsible"] },
  "followup/ansvarar": { meaning: "'X ansvarar för / har ansvaret för': X is responsible", sets: ["responsible"] },
  "followup/chosen-to": { meaning: "'X väljs att …', 'Mötet väljer X att …': X is responsible", sets: ["responsible"] },
  "followup/ansvar-label": { meaning: "an 'Ansvar:' / 'Ansvarig:' label names the owner", sets: ["responsible"] },
  "followup/returns": { meaning: "'X återkommer / kommer att ta fram': X is responsible (weak)", sets: ["responsible"] },
  "followup/agent-verb": { meaning: "a named agent with a task verb ('Pelle kontaktar kommunen', 'Kassören fixar fakturan')", sets: ["responsible"] },
};

/** Whether `id` is a registered rule id. */
export const isRule = (id: string): boolean => Object.hasOwn(RULES, id);
