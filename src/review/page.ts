import type { FactEvidence, Meeting, Output } from "../model/schema.js";
import { RULES } from "../model/rules.js";
import { QUALITY_RULES, type QualityFlag } from "../model/quality.js";
import { KIND_COLOURS, PAGE_CSS, PAGE_SCRIPT } from "./assets.js";
import { anchorId, escapeHtml as h, jsonForScript } from "./escape.js";
import { collectMarks, MARK_KINDS, MARK_LABELS, type Mark } from "./marks.js";
import { lineStarts, renderText, textParts } from "./text.js";

export interface DocumentPageInput {
  output: Output;
  /** The canonical text (parse --emit-text); null when a past run did not keep it. */
  text: string | null;
  flags: QualityFlag[];
  /** Link back to the index page, relative to this page. */
  indexHref?: string;
}

export function htmlShell(title: string, body: string, script: string, data = ""): string {
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${h(title)}</title>
<style>${PAGE_CSS}</style>
</head>
<body>
${body}
${data}
<script>${script}</script>
</body>
</html>
`;
}

function ruleList(ids: readonly string[]): string {
  if (!ids.length) return "";
  return ` <span class="rules">${ids.map((r) => `<code title="${h(RULES[r]?.meaning ?? QUALITY_RULES[r] ?? "")}">${h(r)}</code>`).join(" ")}</span>`;
}

function rowLink(fact: string, anchored: Set<string>, inner: string): string {
  // Without a highlight the row has nothing to scroll to; it stays a plain row.
  return anchored.has(fact)
    ? `<a class="row" href="#${h(anchorId(fact))}" data-target="${h(fact)}">${inner}</a>`
    : `<div class="row">${inner} <small class="missing">(no evidence span)</small></div>`;
}

function evidenceRules(ev: FactEvidence, field: string): string[] {
  return ev[field] ?? [];
}

function detailsPanel(m: Meeting, anchored: Set<string>, index: number): string {
  const meetingDate = m.dates.find((d) => d.role === "meeting");
  const row = (label: string, value: string | null, field: string, fact?: string) => {
    const v = value === null || value === "" ? `<span class="missing">—</span>` : h(value);
    const inner = fact && anchored.has(fact) ? `<a href="#${h(anchorId(fact))}" class="row" data-target="${h(fact)}">${v}</a>` : v;
    return `<dt>${h(label)}</dt><dd>${inner}${ruleList(evidenceRules(m.evidence, field))}</dd>`;
  };
  const time = m.start ? `${m.start}${m.end ? `–${m.end}` : ""}` : null;
  return `<h3>Meeting ${index + 1}${ruleList(m.evidence.found)}</h3>
<dl class="details">
${row("kind", m.kind, "kind")}
${row("date", m.date, "date", meetingDate?.id)}
${row("time", time, "start")}
${row("body", m.body, "body", `${m.id}-body`)}
${row("organisation", m.organisation, "organisation", `${m.id}-organisation`)}
${row("location", m.location, "location", `${m.id}-location`)}
${row("next meeting", m.nextMeeting, "nextMeeting", m.dates.find((d) => d.role === "next-meeting")?.id)}
</dl>`;
}

function meetingPanel(m: Meeting, anchored: Set<string>, index: number): string {
  const people = m.participants.map((p) => rowLink(p.id, anchored,
    `${h(p.name)}${p.party ? ` <small>(${h(p.party)})</small>` : ""} <small>${h([p.group, ...p.positions, p.present === false ? "absent" : null].filter(Boolean).join(", "))}</small>`)).join("\n");
  const items = m.items.map((it) => rowLink(it.id, anchored,
    `<b>${h(it.number)}</b> ${h(it.title)}${it.decision ? `<br><small>decision: ${h(it.decision.length > 160 ? it.decision.slice(0, 159) + "…" : it.decision)}</small>` : ""}${it.outcome ? ` <small>[${h(it.outcome)}]</small>` : ""}`)).join("\n");
  const follow = m.followUps.map((f) => rowLink(f.id, anchored,
    `${h(f.text.length > 140 ? f.text.slice(0, 139) + "…" : f.text)}<br><small>owner: ${h(f.responsible ?? "—")} · due: ${h(f.due ?? "—")}</small>`)).join("\n");
  return `${detailsPanel(m, anchored, index)}
<h3>Participants (${m.participants.length})</h3>
${people || `<p class="missing">none</p>`}
<h3>Items (${m.items.length})</h3>
${items || `<p class="missing">none</p>`}
<h3>Follow-ups (${m.followUps.length})</h3>
${follow || `<p class="missing">none</p>`}`;
}

function lineLink(line: number | null, hasText: boolean): string {
  return line !== null && hasText ? ` <a href="#L${line}">line ${line}</a>` : line !== null ? ` line ${line}` : "";
}

function flagsPanel(flags: QualityFlag[], hasText: boolean, anchored: Set<string>): string {
  if (!flags.length) return `<h2>Quality flags (0)</h2><p class="missing">none</p>`;
  return `<h2>Quality flags (${flags.length})</h2>
<ul class="flags">${flags.map((f) => `<li class="flag" data-rule="${h(f.rule)}">${f.fact && anchored.has(f.fact) ? `<a class="row" href="#${h(anchorId(f.fact))}" data-target="${h(f.fact)}">${h(f.message)}</a>` : h(f.message)}${lineLink(f.span?.line ?? null, hasText)}${ruleList([f.rule])}</li>`).join("\n")}</ul>`;
}

function warningsPanel(out: Output, hasText: boolean): string {
  if (!out.warnings.length) return `<h2>Warnings (0)</h2><p class="missing">none</p>`;
  return `<h2>Warnings (${out.warnings.length})</h2>
<ul class="warnings">${out.warnings.map((w) => `<li class="warn-${h(w.severity)}"><b>${h(w.code)}</b> ${h(w.message)}${lineLink(w.line, hasText)}</li>`).join("\n")}</ul>`;
}

function legend(): string {
  return `<div class="legend" aria-label="legend">${MARK_KINDS.map((k) =>
    `<span class="k-${k}" style="background:${KIND_COLOURS[k].bg}">${h(MARK_LABELS[k])}</span>`).join("")}</div>`;
}

/** The rule meanings a page's tooltips show: only the ids its marks name. */
function meaningsOf(marks: Mark[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of marks) for (const r of m.rules) if (RULES[r]) out[r] = RULES[r]!.meaning;
  return out;
}

/** One input's review page: the canonical text with every fact highlighted, and the side panel. */
export function renderDocumentPage(input: DocumentPageInput): string {
  const { output: out, text, flags } = input;
  const marks = text === null ? [] : collectMarks(out, text);
  const anchored = new Set<string>();
  let doc: string;
  if (text === null) {
    doc = `<p class="missing">The canonical text of this file is not in the run (parse it with --emit-text to see the evidence).</p>`;
  } else {
    const starts = lineStarts(text);
    doc = textParts(out, text).map((p) =>
      `<section class="page"${p.label ? ` aria-label="${h(p.label)}"` : ""}>${p.label ? `<h2>${h(p.label)}</h2>` : ""}<pre class="text">${renderText(text, p.start, p.end, marks, starts, anchored)}</pre></section>`).join("\n");
  }
  const src = out.source;
  const back = input.indexHref ? `<a href="${h(input.indexHref)}">← all files</a> · ` : "";
  const title = src.title ? `${src.path} — ${src.title}` : src.path;
  const body = `<header class="top"><h1>${h(title)}</h1>
<p>${back}${h(out.kind)} · ${h(src.format)}${src.pages ? ` · ${src.pages} pages` : ""} · ${out.meetings.length} meeting${out.meetings.length === 1 ? "" : "s"} · ${marks.length} highlights · ${flags.length} flag${flags.length === 1 ? "" : "s"} · ${out.warnings.length} warning${out.warnings.length === 1 ? "" : "s"}</p>
${legend()}</header>
<div class="layout">
<main class="doc">${doc}</main>
<aside class="panel" aria-label="facts">
${flagsPanel(flags, text !== null, anchored)}
${out.meetings.map((m, i) => meetingPanel(m, anchored, i)).join("\n") || `<h2>Meetings</h2><p class="missing">no meeting found</p>`}
${warningsPanel(out, text !== null)}
</aside>
</div>
<div id="tip" role="tooltip" hidden></div>`;
  const data = `<script type="application/json" id="rule-meanings">${jsonForScript(meaningsOf(marks))}</script>`;
  return htmlShell(title, body, PAGE_SCRIPT, data);
}
