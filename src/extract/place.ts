import { squash } from "../text/unicode.js";

const WEEKDAYS = /(?<![\p{L}])(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)(?:en)?(?![\p{L}])/giu;

/** A place from a label value: weekdays, "kl", "den" and parentheses removed, empty parts dropped. */
export function cleanPlace(s: string): string | null {
  const parts = s
    .replace(WEEKDAYS, "")
    .replace(/(?<![\p{L}])(?:kl\.?|klockan|den)(?![\p{L}])/giu, "")
    .replace(/\([^)]*\)/g, "")
    .split(",")
    .map((p) => squash(p).replace(/^i[ \t]+/u, "").replace(/[.:;]+$/u, ""))
    .filter((p) => p && /\p{L}/u.test(p));
  const out = parts.join(", ");
  return out.length >= 2 ? out : null;
}
