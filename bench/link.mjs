// `protokoll link` at scale: synthetic parse outputs (no parsing), linked in process at 1k and 10k
// documents. Linking blocks by organisation + surname, so the time per document should stay flat.
//   node bench/link.mjs [--json] [--sizes 1000,10000]
import { createHash } from "node:crypto";
import { loadLexicon } from "../dist/lexicon/load.js";
import { linkRecords, recordsOf } from "../dist/link/index.js";
import { makeRandom } from "./random.mjs";

const argv = process.argv.slice(2);
const sizes = (argv.includes("--sizes") ? argv[argv.indexOf("--sizes") + 1] : "1000,10000").split(",").map(Number);
const GIVEN = ["Anna", "Erik", "Maria", "Lars", "Karin", "Per", "Eva", "Johan", "Sara", "Anders", "Lena", "Mats", "Åsa", "Olof", "Ingrid", "Nils"];
const SURNAMES = ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Lindberg", "Öberg", "Holm", "Berg", "Lund", "Ek", "Ström", "Sjöberg"];
const PARTIES = ["S", "M", "SD", "C", "V", "KD", "L", "MP"];
const TOPICS = ["lokalförsörjning", "rekrytering", "budget", "upphandling", "skolskjuts", "äldreomsorg", "bredband", "detaljplan", "friskvård", "kollektivtrafik"];

/** One organisation's roster: 31 seats, a few names written surname first, parties that sometimes change. */
function roster(rand, org) {
  return Array.from({ length: 31 }, (_, k) => ({
    given: GIVEN[Math.floor(rand() * GIVEN.length)], surname: SURNAMES[Math.floor(rand() * SURNAMES.length)],
    party: PARTIES[Math.floor(rand() * PARTIES.length)], represents: `${org} ort ${k % 5}`,
  }));
}

const span = { page: null, line: 1, endLine: 1, start: 0, end: 1 };
const ev = { found: ["record/segment"] };

function documentOf(rand, n, orgs) {
  const o = n % orgs.length;
  const org = orgs[o];
  const meetingNo = Math.floor(n / orgs.length);
  const date = new Date(Date.UTC(2015, 0, 1) + meetingNo * 7 * 86_400_000).toISOString().slice(0, 10);
  const due = new Date(Date.parse(date) + 90 * 86_400_000).toISOString().slice(0, 10);
  const sha = createHash("sha256").update(`doc ${n}`).digest("hex");
  const mid = `${sha.slice(0, 12)}-m1`;
  const participants = org.roster.map((p, k) => ({
    id: `${mid}-p${k + 1}`, name: rand() < 0.05 ? `${p.surname} ${p.given}` : `${p.given} ${p.surname}`, party: rand() < 0.01 ? PARTIES[(PARTIES.indexOf(p.party) + 1) % PARTIES.length] : p.party,
    represents: rand() < 0.7 ? p.represents : null, representsCode: null, group: "member", positions: [], title: null, present: rand() < 0.9,
    items: null, notItems: null, note: null, substitutesFor: null, evidence: ev, span,
  }));
  const items = Array.from({ length: 10 }, (_, k) => {
    const topic = TOPICS[(meetingNo + k) % TOPICS.length];
    const report = k === 0 && meetingNo > 2;
    return {
      id: `${mid}-i${k + 1}`, number: String(k + 1), title: report ? `Återrapportering av uppdrag om ${TOPICS[(meetingNo - 3) % TOPICS.length]}` : `Ärende om ${topic} ${meetingNo}`,
      caseNumber: `KS ${2015 + Math.floor(meetingNo / 52)}/${(meetingNo * 3 + (k % 4)) % 400}`, text: `Text om ${topic}.`, sections: [], proposal: null,
      decision: report ? "Uppdraget anses slutfört." : `Kommunstyrelsen beslutar om ${topic}.`, outcome: "approved", outcomes: ["approved"], motions: [], votes: [], reservations: [], evidence: ev, span,
    };
  });
  const followUps = [0, 1].map((k) => ({ id: `${mid}-f${k + 1}`, item: String(k + 2), due: k === 0 ? due : null, text: `Förvaltningen får i uppdrag att utreda ${TOPICS[(meetingNo + k + 1) % TOPICS.length]}.`, responsible: "förvaltningen", evidence: ev, span }));
  return {
    schemaVersion: "1", kind: "protocol", warnings: [],
    source: { path: `bench/${org.name}/${n}.txt`, sha256: sha, format: "text", bytes: 1000, pages: null, encoding: "utf-8", title: null, created: null, removed: [] },
    meetings: [{
      id: mid, kind: "protocol", body: "Kommunstyrelsen", organisation: org.name, date, start: null, end: null, location: null, nextMeeting: null, scheduledMeetings: [],
      participants, items, dates: [], followUps, signatures: { secretary: null, chair: null, adjusters: [], adjustedOn: null, adjustedAt: null, postedOn: null, removedOn: null }, evidence: ev, span,
    }],
  };
}

function measure(n, lex) {
  const rand = makeRandom(17);
  // One organisation per 250 documents: a person's block grows with the organisation's meetings, not with the run.
  const orgs = Array.from({ length: Math.max(1, Math.round(n / 250)) }, (_, k) => ({ name: `Kommun ${k + 1}`, roster: roster(rand, `Kommun ${k + 1}`) }));
  const docs = Array.from({ length: n }, (_, k) => documentOf(rand, k, orgs));
  const t0 = performance.now();
  const r = linkRecords(recordsOf(docs), "2030-01-01", lex);
  const seconds = (performance.now() - t0) / 1000;
  const count = (xs, f) => xs.reduce((m, x) => ((m[f(x)] = (m[f(x)] ?? 0) + 1), m), {});
  return { documents: n, seconds, msPerDocument: (seconds * 1000) / n, persons: r.persons.length, mentions: count(r.links, (l) => l.status), followUps: count(r.statuses, (s) => s.status), caseItems: r.cases.length };
}

const lex = loadLexicon();
measure(200, lex); // warm-up: compile the lexicon patterns and the JIT before timing
const rows = sizes.map((n) => measure(n, lex));
const ratio = rows.length > 1 ? rows.at(-1).seconds / rows[0].seconds / (rows.at(-1).documents / rows[0].documents) : 1;
if (argv.includes("--json")) process.stdout.write(JSON.stringify({ rows, ratio }) + "\n");
else {
  for (const r of rows) console.log(`link ${String(r.documents).padStart(6)} documents: ${r.seconds.toFixed(2)} s (${r.msPerDocument.toFixed(3)} ms/document), ${r.persons} persons, mentions ${JSON.stringify(r.mentions)}, follow-ups ${JSON.stringify(r.followUps)}`);
  console.log(`time per document at ${rows.at(-1).documents} / at ${rows[0].documents}: ${ratio.toFixed(2)} (1.00 = linear)`);
}
