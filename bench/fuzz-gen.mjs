// Minutes-shaped texts with date-ish strings in every place a date can reach the output: the
// meeting date and time, justering, anslag, next and scheduled meetings, follow-up deadlines.
// Shared by the fuzz run in the benchmark (bench/fuzz-dates.mjs) and a small run in npm test.

export { makeRandom } from "./random.mjs";
import { makeRandom } from "./random.mjs";

const pick = (rnd, xs) => xs[Math.floor(rnd() * xs.length)];
const int = (rnd, lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
const maybe = (rnd, p, s) => (rnd() < p ? s : "");
const pad = (n) => String(n).padStart(2, "0");

const MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december", "jan", "feb.", "aug", "sept", "okt."];
const WEEKDAYS = ["måndag", "tisdagen", "onsdag", "torsdagen", "fredag", "lördag", "söndagen"];
const YEARS = [1899, 1900, 1999, 2000, 2020, 2021, 2023, 2024, 2026, 2040, 2099];
const DASHES = ["-", "–", "—", " - ", " – ", " till "];

function year(rnd) {
  return rnd() < 0.1 ? int(rnd, 0, 9999) : pick(rnd, YEARS);
}

function clock(rnd) {
  const h = rnd() < 0.15 ? int(rnd, 0, 30) : int(rnd, 7, 23);
  const m = rnd() < 0.1 ? int(rnd, 0, 99) : pick(rnd, [0, 0, 15, 30, 45, 59]);
  const sep = pick(rnd, [".", ":", "."]);
  return rnd() < 0.2 ? String(h) : `${h}${sep}${pad(m)}`;
}

function time(rnd) {
  const kl = pick(rnd, ["kl ", "kl. ", "klockan ", "", "kl."]);
  const one = `${kl}${clock(rnd)}`;
  return rnd() < 0.4 ? `${one}${pick(rnd, DASHES)}${clock(rnd)}` : one;
}

/** One date-ish string: right, almost right or impossible. */
export function dateish(rnd) {
  const d = rnd() < 0.15 ? int(rnd, 0, 39) : int(rnd, 1, 31);
  const mo = rnd() < 0.1 ? int(rnd, 0, 19) : int(rnd, 1, 12);
  const y = year(rnd);
  switch (int(rnd, 0, 13)) {
    case 0: return `${maybe(rnd, 0.5, pick(rnd, WEEKDAYS) + " ")}${maybe(rnd, 0.5, "den ")}${d} ${pick(rnd, MONTHS)}${maybe(rnd, 0.5, " " + y)}`;
    case 1: return `${maybe(rnd, 0.4, pick(rnd, WEEKDAYS) + " den ")}${d} ${pick(rnd, MONTHS)}${maybe(rnd, 0.4, " " + y)}${pick(rnd, [", ", " ", " kl "])}${time(rnd)}`;
    case 2: return `${String(y).padStart(4, "0")}-${pad(mo)}-${pad(d)}${maybe(rnd, 0.4, " " + pick(rnd, ["kl ", ""]) + `${pad(int(rnd, 0, 25))}:${pad(int(rnd, 0, 60))}`)}`;
    case 3: return `${d}.${mo}.${y}`;
    case 4: return `${d}/${mo}${maybe(rnd, 0.5, "/" + (rnd() < 0.5 ? y : pad(y % 100)))}`;
    case 5: return `${d}${pick(rnd, DASHES)}${int(rnd, 1, 35)} ${pick(rnd, MONTHS)}${maybe(rnd, 0.5, " " + y)}`;
    case 6: return `${d} ${pick(rnd, MONTHS)}${pick(rnd, DASHES)}${int(rnd, 0, 35)} ${pick(rnd, MONTHS)}${maybe(rnd, 0.5, " " + y)}`;
    case 7: return `${pick(rnd, ["vecka ", "v. ", "v"])}${int(rnd, 0, 60)}${maybe(rnd, 0.6, pick(rnd, [" ", ", ", " år "]) + y)}`;
    case 8: return time(rnd);
    case 9: return `${pick(rnd, ["i morgon", "i dag", "i går", "nästa vecka", "förra veckan", "i år", "nästa år", "i fjol"])}`;
    case 10: return `${pick(rnd, ["kvartal ", "Q", "kv. "])}${int(rnd, 0, 5)}${maybe(rnd, 0.5, " " + y)}`;
    case 11: return `${pick(rnd, ["hösten", "våren", "vintern", "sommaren"])}${maybe(rnd, 0.5, " " + y)}`;
    case 12: return `${pick(rnd, MONTHS)} ${y}${maybe(rnd, 0.4, pick(rnd, DASHES) + pick(rnd, MONTHS) + " " + year(rnd))}`;
    default: return `${y}${pick(rnd, DASHES)}${year(rnd)}`;
  }
}

const BODIES = ["Kommunstyrelsen", "Socialnämnden", "Barn- och utbildningsnämnden", "Styrgruppen"];
const PEOPLE = ["Anna Andersson (S)", "Bo Berg (M)", "Cecilia Ek (C)", "David Lind (V)", "Eva Holm (KD)"];

/** One minutes-shaped text with date-ish strings in the places that set dates in the output. */
export function fuzzDocument(rnd) {
  const ds = () => dateish(rnd);
  const lines = [
    pick(rnd, ["PROTOKOLL", "Sammanträdesprotokoll", "Minnesanteckningar", "KALLELSE"]),
    pick(rnd, BODIES),
    rnd() < 0.5 ? `Sammanträdesdatum: ${ds()}` : `Datum: ${ds()}`,
    `Plats och tid: ${pick(rnd, ["Stadshuset", "Kommunhuset, sal A", "Digitalt"])}, ${ds()}`,
    maybe(rnd, 0.5, `Tid: ${time(rnd)}`),
    "Beslutande:",
    ...PEOPLE.slice(0, int(rnd, 2, 5)).map((p, i) => (i === 0 ? `${p}, ordförande` : p)),
    `Sekreterare: Frida Nord`,
    `Justerare: ${PEOPLE[1]}`,
    `Justeringens plats och tid: ${pick(rnd, ["Kommunhuset", "Stadshuset"])}, ${ds()}`,
    `Protokollet justeras ${ds()}`,
    "",
    `§ 1 Sammanträdesdagar ${year(rnd)}`,
    `Beslut: Kommunstyrelsen sammanträder ${ds()}, ${ds()} och ${ds()}.`,
    "",
    `§ 2 Uppdrag om återrapport`,
    `Beslut: Förvaltningen får i uppdrag att återrapportera senast ${ds()}.`,
    `Uppdraget ska redovisas till ${ds()}, ansvarig: kommundirektören.`,
    "",
    `§ 3 Nästa sammanträde`,
    `Nästa sammanträde: ${ds()}`,
    `Nästa möte äger rum ${ds()} ${time(rnd)}.`,
    "",
    `Anslaget uppsatt ${ds()}, nedtas ${ds()}.`,
    `Datum för anslags uppsättande: ${ds()}`,
    `Datum för anslags nedtagande: ${ds()}`,
  ];
  return lines.filter((l) => l !== "").join("\n") + "\n";
}
