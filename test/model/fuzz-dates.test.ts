import { describe, expect, it } from "vitest";
import { fuzzDocument, makeRandom } from "../../bench/fuzz-gen.mjs";
import { parseTextSync } from "../../src/pipeline.js";
import { documentSchema } from "../../src/model/schema.js";

// Date-ish strings (right, almost right, impossible) in every place a date reaches the output.
// The schema repair would hide a bug from users, not from this test: no repair may be needed.
// (The benchmark runs 100,000 of these: `npm run fuzz`.)
describe("generated minutes with date-ish strings", () => {
  it("parse to schema-valid output with no schema-repair, 1,500 cases", () => {
    const rnd = makeRandom(2026);
    const failures: string[] = [];
    let dates = 0;
    for (let i = 0; i < 1500 && failures.length < 5; i++) {
      const text = fuzzDocument(rnd);
      const { output } = parseTextSync(text, { path: `fuzz-${i}.txt` });
      const repair = output.warnings.find((w) => w.code === "schema-repair");
      const checked = documentSchema.safeParse(output);
      if (repair || !checked.success) failures.push(`${repair?.message ?? checked.error?.issues[0]?.path.join(".")}\n${text}`);
      for (const m of output.meetings) dates += m.dates.length;
    }
    expect(failures).toEqual([]);
    // The generator reaches the date code: thousands of mentions, not an empty run.
    expect(dates).toBeGreaterThan(10_000);
    // 1,500 whole parses: ~14 s CPU alone, over 30 s on two loaded cores.
  }, 120_000);
});
