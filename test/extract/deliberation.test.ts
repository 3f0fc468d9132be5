import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseText } from "../helpers.js";

const doc = readFileSync(new URL("../fixtures/documents/motions-vote-reservations.txt", import.meta.url), "utf8");
const items = parseText(doc).meetings[0]!.items;
const item = (n: string) => items.find((i) => i.number === n)!;

describe("a § with yrkanden, propositionsordning, a named vote and reservations", () => {
  const p45 = item("45");
  it("reads each motion's proposer, party and what it moves", () => {
    expect(p45.motions.map((m) => [m.by, m.party, m.type])).toEqual([
      ["Anna Andersson", "S", "bifall"],
      ["David Ek", "V", "avslag"],
      ["Cecilia Dahl", "SD", "återremiss"],
    ]);
  });
  it("reads the vote: counts, what Ja and Nej stand for, the named table, and verifies them against each other", () => {
    expect(p45.votes).toHaveLength(1);
    const v = p45.votes[0]!;
    expect([v.yes, v.no, v.abstain, v.yesFor, v.noFor]).toEqual([3, 1, 1, "bifall till kommunstyrelsens förslag", "David Eks yrkande"]);
    expect(v.voters.map((x) => [x.name, x.party, x.vote])).toEqual([
      ["Anna Andersson", "S", "ja"], ["Bo Berg", "M", "ja"], ["Cecilia Dahl", "SD", "avstår"], ["David Ek", "V", "nej"], ["Eva Fors", "S", "ja"],
    ]);
    expect(v.verified).toBe(true);
  });
  it("keeps the decision and its outcome", () => {
    expect(p45.decision).toBe("Kommunfullmäktige bifaller kommunstyrelsens förslag och motionen anses besvarad.");
    expect(p45.outcome).toBe("approved");
  });
  it("reads two reservations and a protokollsanteckning, with who and party", () => {
    expect(p45.reservations.map((r) => [r.kind, r.by.map((b) => `${b.name} (${b.party})`), r.inFavourOf])).toEqual([
      ["reservation", ["David Ek (V)"], "eget yrkande"],
      ["reservation", ["Cecilia Dahl (SD)"], null],
      ["protokollsanteckning", ["Bo Berg (M)"], null],
    ]);
  });
  it("does not verify a vote whose named table disagrees with the counts", () => {
    const bad = parseText(doc.replace("Med 3 ja-röster mot 1 nej-röst", "Med 4 ja-röster mot 1 nej-röst")).meetings[0]!.items[0]!;
    expect(bad.votes[0]!.verified).toBe(false);
  });
});

describe("other decision shapes", () => {
  it("a § sent back (återremiss)", () => {
    expect([item("46").outcome, item("46").caseNumber]).toEqual(["referred", "KS 2022/88"]);
  });
  it("a list of att-clauses, one outcome each, with a dated assignment and a jäv", () => {
    const p47 = item("47");
    expect(p47.outcomes).toEqual(["noted", "assigned", "rejected"]);
    expect(p47.reservations.map((r) => [r.kind, r.by.map((b) => b.name)])).toEqual([["jäv", ["Eva Fors"]]]);
    const f = parseText(doc).meetings[0]!.followUps.find((x) => x.item === "47" && x.due);
    expect([f?.due, f?.responsible]).toEqual(["2024-09-30", "kommunstyrelsen"]);
  });
});

describe("motions and reservations written in capitals or across line breaks", () => {
  it("are still read (the body is asked for their words with the patterns' own case folding and blanks)", () => {
    const body = "PROTOKOLL\nSammanträdesdatum 2024-05-02\nBeslutande Eva Ek (S), ordförande\n\n§ 5 Ärende\n"
      + "Anna Andersson (S) YRKAR bifall till förslaget.\nBo Berg (M) lämnar ett särskilt\nyttrande.\n";
    const it5 = parseText(body).meetings[0]!.items.find((i) => i.number === "5")!;
    expect(it5.motions.map((m) => [m.by, m.party, m.type])).toEqual([["Anna Andersson", "S", "bifall"]]);
    expect(it5.reservations.map((r) => [r.kind, r.by.map((b) => b.name)])).toEqual([["särskilt yttrande", ["Bo Berg"]]]);
  });
});
