// Each rule's hits and precision over an answered set (issue 15): every fact of the outputs names
// its rules in `evidence` (field → rule ids); a rule's hit on a field is judged against the gold the
// way ../shared/eval/score.mjs matches facts: meetings aligned by date, a participant by normalised
// name in the aligned meeting, an item by number, a decision when its text covers the gold's, a
// follow-up by due day. A hit the gold says nothing about (a field the gold leaves out, an undated
// follow-up) counts as a hit but is not judged.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const norm = (s) =>
  String(s ?? "").normalize("NFC").toLowerCase().replace(/[\u2010-\u2015]/g, "-").replace(/[“”"’'*]/g, "")
    .replace(/\s+/g, " ").replace(/^[\s.,:;-]+|[\s.,:;-]+$/g, "");
const tokens = (s) => norm(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
function tokenRecall(gold, pred) {
  const g = tokens(gold);
  if (g.length === 0) return 1;
  const p = new Map();
  for (const t of tokens(pred)) p.set(t, (p.get(t) ?? 0) + 1);
  let hit = 0;
  for (const t of g) if ((p.get(t) ?? 0) > 0) { hit++; p.set(t, p.get(t) - 1); }
  return hit / g.length;
}
const similar = (a, b, min = 0.8) => tokenRecall(a, b) >= min && tokenRecall(b, a) >= min * 0.75;
const normItems = (s) => (s == null ? null : norm(s).replace(/§/g, "").replace(/\s/g, "").replace(/[–—]/g, "-"));
const dayOf = (v) => (typeof v === "string" && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : null);

/** The scorer's meeting alignment: by date (and kind), else by position. */
function alignMeetings(gold, pred) {
  const used = new Set();
  return gold.map((g, gi) => {
    let j = pred.findIndex((p, pi) => !used.has(pi) && g.date && p.date === g.date && (!g.kind || p.kind === g.kind));
    if (j < 0) j = pred.findIndex((p, pi) => !used.has(pi) && g.date && p.date === g.date);
    if (j < 0 && !used.has(gi) && pred[gi]) j = gi;
    if (j >= 0) used.add(j);
    return j >= 0 ? j : null;
  });
}

/** rule id → { hits, judged, correct } */
export function newStats() { return new Map(); }

function count(stats, evidence, field, verdict) {
  for (const id of evidence?.[field] ?? []) {
    const s = stats.get(id) ?? { hits: 0, judged: 0, correct: 0 };
    s.hits++;
    if (verdict !== undefined) { s.judged++; if (verdict) s.correct++; }
    stats.set(id, s);
  }
}

/** Every field of a fact's evidence: judged by `judge(field)` (true, false, or undefined = not judged). */
function countFact(stats, fact, judge) {
  for (const field of Object.keys(fact.evidence ?? {})) count(stats, fact.evidence, field, judge(field));
}

function judgeMeeting(g, p) {
  return (field) => {
    if (field === "found") return g !== null;
    if (!g) return undefined;
    if (["kind", "date", "start", "end", "nextMeeting"].includes(field)) return g[field] === undefined ? undefined : (p[field] ?? null) === g[field];
    if (["body", "location"].includes(field)) return g[field] == null ? undefined : similar(g[field], p[field] ?? "", 0.7);
    return undefined;
  };
}

function countParticipants(stats, g, p) {
  const golds = g?.participants ?? [];
  const taken = new Set();
  for (const x of p.participants ?? []) {
    const j = golds.findIndex((gp, i) => !taken.has(i) && norm(gp.name) === norm(x.name));
    if (j >= 0) taken.add(j);
    const gp = j >= 0 ? golds[j] : null;
    countFact(stats, x, (field) => {
      if (field === "found") return gp === null ? false : gp.optional ? undefined : true;
      if (!gp || gp.optional) return undefined;
      if (field === "party") return gp.party == null ? undefined : norm(x.party) === norm(gp.party);
      if (field === "represents") return gp.represents == null ? undefined : norm(x.represents).includes(norm(gp.represents));
      if (field === "group") return gp.group == null ? undefined : x.group === gp.group;
      if (field === "present") return gp.present == null ? undefined : x.present === gp.present;
      if (field === "items") return gp.items == null ? undefined : normItems(x.items) === normItems(gp.items);
      if (field === "positions") return gp.positions == null ? undefined : x.positions.every((q) => gp.positions.includes(q));
      if (field === "name") return true;
      return undefined;
    });
  }
}

function countItems(stats, g, p) {
  const goldItems = new Map((g?.items ?? []).map((x) => [String(x.number), x]));
  const goldDecisions = g?.decisions ?? [];
  for (const x of p.items ?? []) {
    const gi = goldItems.get(String(x.number));
    countFact(stats, x, (field) => {
      if (field === "found") return gi !== undefined;
      if (!gi) return undefined;
      if (field === "title") return similar(gi.title, x.title, 0.8);
      if (field === "proposal" || field === "decision") {
        const gd = goldDecisions.find((d) => String(d.item) === String(x.number) && (d.kind === "proposal" ? "proposal" : "decision") === field);
        return gd ? tokenRecall(gd.text, x[field] ?? "") >= 0.7 : false;
      }
      return undefined;
    });
  }
}

function countFollowUps(stats, g, p) {
  const golds = (g?.followUps ?? []).filter((f) => f.due);
  const taken = new Set();
  for (const f of p.followUps ?? []) {
    const due = dayOf(f.due);
    const j = due ? golds.findIndex((gf, i) => !taken.has(i) && gf.due === due) : -1;
    if (j >= 0) taken.add(j);
    const gf = j >= 0 ? golds[j] : null;
    countFact(stats, f, (field) => {
      if (!due) return undefined;
      if (field === "found" || field === "due") return gf === null ? false : gf.optional ? undefined : true;
      if (field === "responsible") return gf?.responsible == null ? undefined : similar(gf.responsible, f.responsible ?? "", 0.5);
      return undefined;
    });
  }
}

/** Adds the rule hits of one set's outputs (predDir) judged against its gold (goldDir). */
export function addRuleStats(stats, goldDir, predDir) {
  for (const name of readdirSync(goldDir).filter((f) => f.endsWith(".json")).sort()) {
    const path = join(predDir, name);
    if (!existsSync(path)) continue;
    const gold = JSON.parse(readFileSync(join(goldDir, name), "utf8"));
    const pred = JSON.parse(readFileSync(path, "utf8"));
    const meetings = pred.meetings ?? [];
    const aligned = alignMeetings(gold.meetings ?? [], meetings);
    const goldOf = new Map(aligned.map((j, gi) => [j, gold.meetings[gi]]).filter(([j]) => j !== null));
    meetings.forEach((p, j) => {
      const g = goldOf.get(j) ?? null;
      countFact(stats, p, judgeMeeting(g, p));
      countParticipants(stats, g, p);
      countItems(stats, g, p);
      countFollowUps(stats, g, p);
    });
  }
  return stats;
}

/** rule id → hits over every output of a folder without answers (the unanswered `wild` set). */
export function countHits(predDir) {
  const hits = new Map();
  const walk = (o) => {
    if (Array.isArray(o)) return o.forEach(walk);
    if (!o || typeof o !== "object") return;
    if (o.evidence?.found) for (const ids of Object.values(o.evidence)) for (const id of ids) hits.set(id, (hits.get(id) ?? 0) + 1);
    Object.values(o).forEach(walk);
  };
  for (const name of readdirSync(predDir).filter((f) => f.endsWith(".json"))) walk(JSON.parse(readFileSync(join(predDir, name), "utf8")));
  return hits;
}

/** The table: one row per rule, most hits first; then the registered rules that never fired (anywhere, when `wild` hits are given). */
export function formatRuleStats(stats, registered, coarse = [], wild = null) {
  const pct = (s) => (s.judged ? (100 * s.correct / s.judged).toFixed(1) : "-").padStart(6);
  const ids = [...new Set([...stats.keys(), ...(wild?.keys() ?? [])])];
  const none = { hits: 0, judged: 0, correct: 0 };
  const rows = ids.map((id) => [id, stats.get(id) ?? none]).sort((a, b) => b[1].hits - a[1].hits || (wild?.get(b[0]) ?? 0) - (wild?.get(a[0]) ?? 0) || a[0].localeCompare(b[0]));
  const wildCell = (id) => (wild ? String(wild.get(id) ?? 0).padStart(7) : "");
  const lines = [`${"rule".padEnd(36)}${"hits".padStart(7)}${"judged".padStart(8)}${"correct".padStart(8)}${"prec%".padStart(7)}${wild ? "wild".padStart(7) : ""}`];
  for (const [id, s] of rows) lines.push(`${id.padEnd(36)}${String(s.hits).padStart(7)}${String(s.judged).padStart(8)}${String(s.correct).padStart(8)}${pct(s)}${wildCell(id)}`);
  const silent = registered.filter((id) => !stats.has(id) && !wild?.has(id) && !coarse.includes(id));
  const where = wild ? "any public set" : "the answered sets";
  lines.push(silent.length ? `never fired on ${where}: ${silent.join(", ")}` : `every registered rule fired on ${where}`);
  const unknown = ids.filter((id) => !registered.includes(id));
  if (unknown.length) lines.push(`not in the registry (src/model/rules.ts): ${unknown.join(", ")}`);
  return lines.join("\n");
}
