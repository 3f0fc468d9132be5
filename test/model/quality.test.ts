import { describe, expect, it } from "vitest";
import { qualityFlags, QUALITY_RULES } from "../../src/model/quality.js";
import { parsed } from "../review/fixture.js";

const opts = { nameParticles: ["von", "af"] };
const rulesOf = (flags: Array<{ rule: string }>) => flags.map((f) => f.rule);

describe("quality flags", () => {
  it("are empty for a clean protocol, and the pipeline puts them in the JSON", () => {
    const { output, text } = parsed();
    expect(qualityFlags(output, text, opts)).toEqual([]);
    expect(output.quality).toEqual([]);
  });
  it("flag a meeting without a date or a body, naming the meeting's span", () => {
    const { output, text } = parsed();
    const m = output.meetings[0]!;
    m.date = null;
    m.body = null;
    const flags = qualityFlags(output, text, opts);
    expect(rulesOf(flags)).toEqual(["quality/meeting-no-date", "quality/meeting-no-body"]);
    expect(flags[0]!.span).toEqual(m.span);
  });
  it("flag an item whose number does not increase", () => {
    const { output, text } = parsed();
    output.meetings[0]!.items[2]!.number = "2";
    const flags = qualityFlags(output, text, opts);
    expect(rulesOf(flags)).toEqual(["quality/item-numbers-not-increasing"]);
    expect(flags[0]!.fact).toBe(output.meetings[0]!.items[2]!.id);
  });
  it("flag a name with a digit or a lower-case word, but not a name particle", () => {
    const { output, text } = parsed();
    const ps = output.meetings[0]!.participants;
    ps[0]!.name = "Anna von Berg";
    ps[1]!.name = "Per Lind 2";
    ps[2]!.name = "Eva ordförande Holm";
    const flags = qualityFlags(output, text, opts);
    expect(flags.map((f) => f.fact)).toEqual([ps[1]!.id, ps[2]!.id]);
    expect(flags[1]!.message).toContain('"ordförande"');
  });
  it("flag a decision of one word and a follow-up with neither owner nor due date", () => {
    const { output, text } = parsed();
    const m = output.meetings[0]!;
    m.items[0]!.decision = "Godkänd.";
    m.followUps[0]!.responsible = null;
    const one = rulesOf(qualityFlags(output, text, opts));
    expect(one).toEqual(["quality/decision-short"]);
    m.followUps[0]!.due = null;
    expect(rulesOf(qualityFlags(output, text, opts))).toEqual(["quality/decision-short", "quality/followup-unassigned"]);
  });
  it("flag a text mostly in no item and no front matter, pointing at the widest gap", () => {
    const { output, text } = parsed();
    const tail = "\n" + "Bilaga med lång text utan rubrik.\n".repeat(40);
    const flags = qualityFlags(output, text + tail, opts);
    expect(rulesOf(flags)).toEqual(["quality/text-outside-blocks"]);
    expect(flags[0]!.span!.start).toBe(text.length);
    expect(qualityFlags(output, text + tail, { ...opts, maxUncoveredShare: 0.9 })).toEqual([]);
  });
  it("give the gap of a PDF the page of the last fact before it", () => {
    const { output, text } = parsed();
    for (const it of output.meetings[0]!.items) it.span.page = 3;
    const flags = qualityFlags(output, text + "\n" + "Bilaga utan rubrik.\n".repeat(60), opts);
    expect(flags[0]!.span!.page).toBe(3);
  });
  it("name only rules listed with a meaning", () => {
    for (const r of ["meeting-no-date", "meeting-no-body", "item-numbers-not-increasing", "participant-name-shape", "decision-short", "followup-unassigned", "text-outside-blocks"]) {
      expect(QUALITY_RULES[`quality/${r}`]).toBeTruthy();
    }
  });
});
