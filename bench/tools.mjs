// The Debian tools the benchmark uses: groff (typesets the corpus PDFs; gropdf is in the full
// `groff` package, not `groff-base`), poppler-utils (pdftotext, the speed floor; pdfinfo).
// Installed with apt-get when missing and the user is root; otherwise a clear error.
import { execFileSync, spawnSync } from "node:child_process";

const has = (cmd, args) => spawnSync(cmd, args, { stdio: "ignore" }).status === 0;

const NEEDS = [
  { pkg: "poppler-utils", ok: () => has("pdftotext", ["-v"]) && has("pdfinfo", ["-v"]) },
  { pkg: "groff", ok: () => spawnSync("groff", ["-Tpdf"], { input: ".nf\nx\n", stdio: ["pipe", "ignore", "ignore"] }).status === 0 },
];

export function ensureTools(log = () => {}) {
  const missing = NEEDS.filter((n) => !n.ok()).map((n) => n.pkg);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`the benchmark needs ${missing.join(", ")}: install with  sudo apt-get install --no-install-recommends ${missing.join(" ")}`);
  }
  log(`installing ${missing.join(", ")} with apt-get …`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const install = () => execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...missing], { env, stdio: ["ignore", "ignore", "inherit"] });
  try {
    install();
  } catch {
    execFileSync("apt-get", ["update", "-qq"], { env, stdio: ["ignore", "ignore", "inherit"] });
    install();
  }
  const still = NEEDS.filter((n) => !n.ok()).map((n) => n.pkg);
  if (still.length) throw new Error(`could not install ${still.join(", ")}`);
}
