import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import type { Output } from "../../src/model/schema.js";
import { run } from "../cli/run.js";

// End to end in a real browser (issue 16): Debian's chromium driven by playwright-core, which
// downloads no browser of its own. .ci/run installs chromium; without one the test says so and skips.
const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p)) ?? null;
if (!CHROMIUM) console.warn("test/review/browser.test.ts: skipped, no Chromium at /usr/bin/chromium (apt-get install chromium)");

/** What the page functions read of an element (the tests typecheck without the DOM library). */
type Dataset = { dataset: Record<string, string | undefined> };

const SEED = "003_74c830d27da07c61";
const OUTPUT_DIR = new URL("../../test-output/review/", import.meta.url);

describe.skipIf(!CHROMIUM)("review pages in headless Chromium", () => {
  const tmp = mkdtempSync(join(tmpdir(), "protokoll-review-"));
  const runDir = join(tmp, "run");
  const reviewDir = join(tmp, "review");
  let context: BrowserContext;
  let page: Page;
  let json: Output;

  beforeAll(async () => {
    // A past run with its canonical text, reviewed without parsing again (--from).
    const parse = await run(["parse", `fixtures/seeds/${SEED}.txt`, "fixtures/seeds/001_a621b5fab89fefd5.txt", "--out", runDir, "--emit-text", "-q", "--jobs", "1", "--no-cache"]);
    expect(parse.code).toBe(0);
    const review = await run(["review", "--from", runDir, "--out", reviewDir, "-q"]);
    expect(review.code).toBe(0);
    json = JSON.parse(readFileSync(join(runDir, `${SEED}.json`), "utf8"));
    const { chromium } = await import("playwright-core");
    context = await chromium.launchPersistentContext(join(tmp, "profile"), {
      executablePath: CHROMIUM!,
      headless: true,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
      viewport: { width: 1400, height: 900 },
    });
    page = await context.newPage();
    mkdirSync(OUTPUT_DIR, { recursive: true });
  }, 60000);

  afterAll(async () => {
    await context?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it("shows every participant of the JSON highlighted, clicks an item to its evidence, hovers a decision for its rule", async () => {
    const t0 = Date.now();
    await page.goto(pathToFileURL(join(reviewDir, "pages", `${SEED}.html`)).href);
    expect(Date.now() - t0).toBeLessThan(5000);
    const m = json.meetings[0]!;
    const facts = await page.$$eval("mark.k-participant", (els) => [...new Set(els.map((e) => (e as unknown as Dataset).dataset.fact))]);
    expect(facts.length).toBe(m.participants.length);
    expect(facts.sort()).toEqual(m.participants.map((p) => p.id).sort());

    // The last item: far below the first screen, so the click must scroll.
    const item = m.items[m.items.length - 1]!;
    const target = page.locator(`mark#f-${item.id}`);
    expect(await target.evaluate((e) => e.getBoundingClientRect().top > (globalThis as unknown as { innerHeight: number }).innerHeight)).toBe(true);
    await page.locator(`aside a.row[data-target="${item.id}"]`).click();
    await expect.poll(() => target.evaluate((e) => e.classList.contains("active"))).toBe(true);
    const box = await target.evaluate((e) => { const r = e.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, h: (globalThis as unknown as { innerHeight: number }).innerHeight }; });
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(box.h);

    const decided = m.items.find((i) => i.evidence.decision)!;
    const decision = page.locator(`mark.k-decision[data-rules*="${decided.evidence.decision![0]}"]`).first();
    await decision.scrollIntoViewIfNeeded();
    await decision.hover();
    const tip = page.locator("#tip");
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toContain(decided.evidence.decision![0]);
    await page.screenshot({ path: new URL("page.png", OUTPUT_DIR).pathname });
  }, 60000);

  it("renders a 100-page protocol in under a second", async () => {
    // 100 pages of ~50 lines: a header, an attendance list, then 400 items with decisions.
    const people = Array.from({ length: 30 }, (_, i) => `Person${String.fromCharCode(65 + (i % 26))} Efternamn${i} (S)`).join("\n");
    const items = Array.from({ length: 400 }, (_, i) =>
      `§ ${i + 1} Ärende nummer ${i + 1}\n\nBeskrivning av ärendet med flera rader text som förklarar bakgrunden.\nFörvaltningen har berett ärendet och lämnat ett yttrande.\n\nBeslut\nNämnden beslutar att godkänna förslaget i ärende ${i + 1}.\n`).join("\n");
    const big = join(tmp, "big.txt");
    writeFileSync(big, `PROTOKOLL\nKulturnämnden\nSammanträdesdatum: 2024-03-12\n\nNärvarande ledamöter\n${people}\n\n${items}`);
    const review = await run(["review", big, "--out", join(tmp, "big-review"), "-q"]);
    expect(review.code).toBe(0);
    await page.goto(pathToFileURL(join(tmp, "big-review", "pages", "big.html")).href);
    const timing = await page.evaluate(() => {
      const p = (globalThis as unknown as { performance: { getEntriesByType(t: string): Array<{ loadEventEnd: number }> } }).performance;
      return p.getEntriesByType("navigation")[0]!.loadEventEnd;
    });
    expect(await page.locator("mark.k-decision").count()).toBeGreaterThanOrEqual(400);
    expect(timing).toBeLessThan(1000);
  }, 60000);

  it("opens the index and sorts it by flags", async () => {
    await page.goto(pathToFileURL(join(reviewDir, "index.html")).href);
    const flags = () => page.$$eval("#files tbody tr", (rows) => rows.map((r) => Number((r as unknown as Dataset).dataset.flags)));
    expect(await page.locator("#files tbody tr").count()).toBe(2);
    const button = page.locator("#files th button", { hasText: "flags" });
    await button.click();
    expect(await page.locator("#files th", { hasText: "flags" }).getAttribute("aria-sort")).toBe("ascending");
    const up = await flags();
    expect(up).toEqual([...up].sort((a, b) => a - b));
    await button.click();
    const down = await flags();
    expect(down).toEqual([...down].sort((a, b) => b - a));
    expect(down[0]).toBeGreaterThan(down[down.length - 1]!);
    await page.locator("#filter").fill(SEED);
    expect(await page.locator("#files tbody tr:not([hidden])").count()).toBe(1);
    await page.screenshot({ path: new URL("index.png", OUTPUT_DIR).pathname });
  }, 60000);
});
