import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { documentSchema, type Output } from "../../src/model/schema.js";
import { parseTextSync } from "../../src/pipeline.js";
import { InputError, type Span } from "../../src/types.js";

/** Every span in an output: meetings, participants, items, sections, dates, follow-ups, motions, votes, reservations. */
function spans(o: Output): Array<{ span: Span; text?: string }> {
  return o.meetings.flatMap((m) => [
    { span: m.span },
    ...m.participants.map((p) => ({ span: p.span })),
    ...m.items.flatMap((i) => [{ span: i.span }, ...i.sections.map((s) => ({ span: s.span })), ...i.motions, ...i.votes.map((v) => ({ span: v.span })), ...i.reservations.map((r) => ({ span: r.span }))]),
    ...m.dates.map((d) => ({ span: d.span, text: d.text })),
    ...m.followUps.map((f) => ({ span: f.span })),
  ]);
}

function check(input: string) {
  let result;
  try {
    result = parseTextSync(input, { path: "prop.txt" });
  } catch (e) {
    // Text that is empty after decoding is the one input error a string can cause.
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).code).toBe("empty-file");
    return;
  }
  const { output, text } = result;
  expect(documentSchema.safeParse(output).success).toBe(true);
  for (const { span, text: evidence } of spans(output)) {
    expect(span.start).toBeGreaterThanOrEqual(0);
    expect(span.end).toBeGreaterThanOrEqual(span.start);
    expect(span.end).toBeLessThanOrEqual(text.length);
    expect(span.line).toBe(text.slice(0, span.start).split("\n").length);
    expect(span.endLine).toBeGreaterThanOrEqual(span.line);
    if (evidence !== undefined) expect(text.slice(span.start, span.end)).toBe(evidence);
  }
  for (const m of output.meetings) for (const p of m.participants) expect(text.slice(p.span.start, p.span.end)).toContain(p.name.split(" ")[0]);
}

const fragment = fc.constantFrom(
  "PROTOKOLL", "Kallelse", "Minnesanteckningar", "Plats och tid", "Stadshuset, kl. 09.00-12.00", "Beslutande", "Ledamöter", "Ersättare",
  "Övriga närvarande", "Frånvarande:", "Utses att justera", "Justerare", "Sekreterare", "Ordförande", "Anna Andersson (S), ordförande",
  "Bo Berg (M)", "Cecilia von Alten, processledare", "Per-Erik Sandberg (C) tjg för Eva Ek (C) §§ 4-7", "§ 12 Val av justerare", "§12",
  "1. Mötets öppnande", "2:", "4 Information", "Förslag till beslut", "Beslut", "Ställningstagande:", "Yrkanden", "Omröstning",
  "Med 11 ja-röster mot 2 nej-röster", "Reservation", "att godkänna budgeten,", "Informationen noteras.", "får i uppdrag att återkomma senast den 30 september",
  "den 29 september i år", "fredagen den 10 november 2023", "2024-10-11", "15/02", "vecka 12", "hösten 2023", "Sammanträdesdagar 2024:",
  "2 februari, 3 maj och 8 november", "Dnr KS 2024/123", "(HSF240207)", "Justerandes sign", "Utdragsbestyrkande", "3", "2 (41)", "**Beslut**", "- punkt", "> citat",
);
const minutesLike = fc.array(fc.tuple(fragment, fc.constantFrom("\n", "\n\n", " ", "\t", ", ")), { maxLength: 60 })
  .map((parts) => parts.map(([f, sep]) => f + sep).join(""));

describe("properties", () => {
  it("random Unicode never throws, always gives schema-valid output, and spans hold", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), check), { numRuns: 150 });
  });
  it("random minutes-like text never throws, always gives schema-valid output, and spans hold", () => {
    fc.assert(fc.property(minutesLike, check), { numRuns: 200 });
  });
});

/**
 * Adversarial long lines: each repeats what one family of rules looks for, 200,000 characters long,
 * so a rule with super-linear backtracking would not finish within the test's time limit.
 */
const ADVERSARIAL: Record<string, string> = {
  "numbers": "1 ", "paragraphs": "§ ", "dotted numbers": "1. ", "colon numbers": "2:", "blanks": " ", "tabs": "\t",
  "blank lines": "\n", "dates": "den 1 ", "months": "januari ", "iso fragments": "2024-", "slashes": "1/2 ", "clock": "kl 9 ",
  "names": "Anna Berg ", "parties": "(S) ", "labels": "Plats och tid ", "roles": "Ordförande ", "kind words": "PROTOKOLL ",
  "headings": "Beslut ", "att-clauses": "att ", "motions": "yrkar ", "votes": "Ja ", "dashes": "-", "dots": ".", "bold": "**",
  "brackets": "[(", "quotes": "> ", "bullets": "• ", "case numbers": "KS 2024/", "commas": ", ", "capital words": "Aaaa ",
  "date lists": "12 maj, ", "date lists with och": "3 maj och ", "clock after number": "9 kl ",
};

/**
 * Whole documents of one hostile shape, sized so a quadratic path takes minutes (both were: an item
 * text's line-end trim retried at every blank, and each role label sliced its line from the start).
 * bench/hostile-lines.mjs times them at n and 2n (ratio ≤ 2.5).
 */
const SHAPED: Record<string, string> = {
  "a run of blanks inside an item header, no newline after": `Protokoll\n§ 1 Ärende${" ".repeat(200_000)}x`,
  "one line of repeated role labels": `Protokoll\n${"Ordförande: ".repeat(90_000)}\n`,
};

describe("no rule is super-linear on long adversarial lines", { timeout: 60_000 }, () => {
  for (const [name, unit] of Object.entries(ADVERSARIAL)) {
    it(name, () => {
      const line = "PROTOKOLL\nPlats och tid Rådhuset\n" + unit.repeat(Math.ceil(200_000 / unit.length)) + "\n";
      const { output } = parseTextSync(line, { path: `${name}.txt` });
      expect(documentSchema.safeParse(output).success).toBe(true);
    });
  }
  for (const [name, text] of Object.entries(SHAPED)) {
    it(name, () => {
      const { output } = parseTextSync(text, { path: "shaped.txt" });
      expect(documentSchema.safeParse(output).success).toBe(true);
    });
  }
});

/**
 * Many lines rather than one long one: a rule that compares lines pairwise is quadratic here.
 * (Found by the benchmark: the running-header rule compared every transcript page line with every
 * other, and a 10,000-page transcript took over a minute.)
 */
const MANY_LINES: Record<string, (i: number) => string> = {
  "transcript pages, one line each": (i) => `${i + 1} Kommunstyrelsen Protokoll 2019-01-15 Sida ${i + 1} ${"Ärendet gäller budgeten och beslutet fattades enligt förslaget. ".repeat(3)}`,
  "item headers": (i) => `§ ${i + 1} Ärende nummer ${i + 1}`,
  "attendance rows": (i) => `Anna Berg${i} (S) ordförande`,
  "label rows": () => "Plats och tid: Rådhuset",
};

describe("no rule is quadratic in the number of lines", { timeout: 60_000 }, () => {
  for (const [name, line] of Object.entries(MANY_LINES)) {
    it(name, () => {
      const text = "PROTOKOLL\n" + Array.from({ length: 10_000 }, (_, i) => line(i)).join("\n") + "\n";
      const { output } = parseTextSync(text, { path: `${name}.txt` });
      expect(documentSchema.safeParse(output).success).toBe(true);
    });
  }
});
