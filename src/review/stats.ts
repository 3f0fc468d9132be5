import { counts, type FileEntry } from "./entry.js";

/** What a person reads before trusting a run (`protokoll stats`). */
export interface RunStats {
  files: number;
  byStatus: Record<string, number>;
  byKind: Record<string, number>;
  meetings: number;
  /** body → year → meetings ("(no body)", "(no date)" for the missing). */
  meetingsByBodyYear: Record<string, Record<string, number>>;
  /** Share of meetings (0–1) with each field. */
  coverage: Record<"date" | "body" | "participants" | "items" | "decisions", number>;
  topWarnings: Array<{ code: string; count: number }>;
  topFlags: Array<{ rule: string; count: number }>;
  topErrors: Array<{ code: string; count: number }>;
}

function bump(rec: Record<string, number>, key: string, by = 1): void {
  rec[key] = (rec[key] ?? 0) + by;
}

function top(rec: Record<string, number>, n: number): Array<[string, number]> {
  return Object.entries(rec).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, n);
}

export function runStats(entries: FileEntry[], topN = 10): RunStats {
  const byStatus: Record<string, number> = {};
  const byKind: Record<string, number> = {};
  const byBody: Record<string, Record<string, number>> = {};
  const warnings: Record<string, number> = {};
  const flags: Record<string, number> = {};
  const errors: Record<string, number> = {};
  const has = { date: 0, body: 0, participants: 0, items: 0, decisions: 0 };
  let meetings = 0;
  for (const e of entries) {
    bump(byStatus, e.status);
    if (e.status === "error" || e.status === "skipped") bump(errors, e.code ?? "unknown");
    for (const f of e.flags) bump(flags, f.rule);
    const out = e.output;
    if (!out) continue;
    bump(byKind, out.kind);
    for (const w of out.warnings) if (w.severity !== "info") bump(warnings, w.code);
    for (const m of out.meetings) {
      meetings++;
      const body = m.body ?? "(no body)";
      byBody[body] ??= {};
      bump(byBody[body]!, m.date?.slice(0, 4) ?? "(no date)");
      if (m.date) has.date++;
      if (m.body) has.body++;
      if (m.participants.length) has.participants++;
      if (m.items.length) has.items++;
      if (m.items.some((i) => i.decision)) has.decisions++;
    }
  }
  const share = (n: number) => (meetings ? n / meetings : 0);
  return {
    files: entries.length,
    byStatus,
    byKind,
    meetings,
    meetingsByBodyYear: byBody,
    coverage: { date: share(has.date), body: share(has.body), participants: share(has.participants), items: share(has.items), decisions: share(has.decisions) },
    topWarnings: top(warnings, topN).map(([code, count]) => ({ code, count })),
    topFlags: top(flags, topN).map(([rule, count]) => ({ rule, count })),
    topErrors: top(errors, topN).map(([code, count]) => ({ code, count })),
  };
}

function table(title: string, rows: Array<[string, string | number]>): string {
  if (!rows.length) return `${title}\n  (none)\n`;
  const w = Math.max(...rows.map((r) => r[0].length));
  return `${title}\n${rows.map(([k, v]) => `  ${k.padEnd(w)}  ${String(v).padStart(6)}`).join("\n")}\n`;
}

/** The stats as tables for a terminal. */
export function formatStats(s: RunStats, maxBodies = 15): string {
  const bodies = Object.entries(s.meetingsByBodyYear)
    .map(([body, years]) => ({ body, years, total: Object.values(years).reduce((a, b) => a + b, 0) }))
    .sort((a, b) => b.total - a.total || a.body.localeCompare(b.body));
  const bodyRows: Array<[string, string | number]> = bodies.slice(0, maxBodies).map((b) => [
    `${b.body.length > 50 ? b.body.slice(0, 49) + "…" : b.body} (${Object.entries(b.years).sort().map(([y, n]) => `${y}: ${n}`).join(", ")})`, b.total,
  ]);
  if (bodies.length > maxBodies) bodyRows.push([`… ${bodies.length - maxBodies} more bodies`, bodies.slice(maxBodies).reduce((n, b) => n + b.total, 0)]);
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  return [
    `${s.files} files, ${s.meetings} meetings\n`,
    table("Files by status", top(s.byStatus, 99)),
    table("Files by kind", top(s.byKind, 99)),
    table("Meetings per body (per year)", bodyRows),
    table("Field coverage (share of meetings)", Object.entries(s.coverage).map(([k, v]) => [k, pct(v)])),
    table("Top warnings", s.topWarnings.map((w) => [w.code, w.count])),
    table("Top quality flags", s.topFlags.map((f) => [f.rule, f.count])),
    ...(s.topErrors.length ? [table("Failed or skipped, by code", s.topErrors.map((e) => [e.code, e.count]))] : []),
  ].join("\n");
}
