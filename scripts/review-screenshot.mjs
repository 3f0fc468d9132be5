// Regenerates docs/review.png (the README's picture of a review page): reviews a seed, opens it in
// Debian's chromium through playwright-core, hovers the first decision.
//   npm run build && node scripts/review-screenshot.mjs
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const seed = "003_74c830d27da07c61";
const tmp = mkdtempSync(join(tmpdir(), "protokoll-shot-"));
execFileSync("node", ["dist/cli/bin.js", "review", `fixtures/seeds/${seed}.txt`, "--out", join(tmp, "review"), "-q"]);
const context = await chromium.launchPersistentContext(join(tmp, "profile"), {
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  viewport: { width: 1400, height: 860 },
});
const page = await context.newPage();
await page.goto(pathToFileURL(join(tmp, "review", "pages", `${seed}.html`)).href);
// A hover without scrolling, so the header and its legend stay in the picture.
await page.locator("mark.k-decision").first().dispatchEvent("mouseover");
await page.screenshot({ path: "docs/review.png" });
await context.close();
rmSync(tmp, { recursive: true, force: true });
