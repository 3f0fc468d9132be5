import { INDEX_SCRIPT } from "./assets.js";
import { counts, type FileEntry } from "./entry.js";
import { escapeHtml as h } from "./escape.js";
import { htmlShell } from "./page.js";

const COLUMNS: Array<{ label: string; num?: boolean }> = [
  { label: "path" }, { label: "kind" }, { label: "status" }, { label: "meetings", num: true }, { label: "date" }, { label: "body" },
  { label: "participants", num: true }, { label: "items", num: true }, { label: "decisions", num: true }, { label: "follow-ups", num: true },
  { label: "warnings", num: true }, { label: "flags", num: true },
];

function numCell(n: number): string {
  return `<td class="num" data-v="${n}">${n}</td>`;
}

function row(e: FileEntry): string {
  const out = e.output;
  const c = counts(out);
  const first = out?.meetings[0];
  const all = [...new Set(out?.meetings.map((m) => m.date).filter((d): d is string => !!d) ?? [])];
  // One date in the cell (the first meeting's), the others in its title: the column stays narrow.
  const dates = all.length > 1 ? `${all[0]} (+${all.length - 1})` : all[0] ?? "";
  const bodies = [...new Set(out?.meetings.map((m) => m.body).filter(Boolean) ?? [])].join("; ");
  const warnings = out?.warnings.filter((w) => w.severity !== "info").length ?? 0;
  const rules = [...new Set(e.flags.map((f) => f.rule.replace(/^quality\//, "")))];
  const path = e.href ? `<a href="${h(e.href)}">${h(e.path)}</a>` : h(e.path);
  const status = e.code && e.status !== "ok" ? `${h(e.status)} <small>${h(e.code)}</small>` : h(e.status);
  return `<tr class="status-${h(e.status)}" data-status="${h(e.status)}" data-flags="${e.flags.length}"${e.message ? ` title="${h(e.message)}"` : ""}>
<td class="path">${path}</td><td>${h(out?.kind ?? "—")}</td><td>${status}</td>${numCell(c.meetings)}<td class="date" data-v="${h(first?.date ?? "")}"${all.length > 1 ? ` title="${h(all.join(", "))}"` : ""}>${h(dates || "—")}</td><td>${h(bodies || "—")}</td>
${numCell(c.participants)}${numCell(c.items)}${numCell(c.decisions)}${numCell(c.followUps)}${numCell(warnings)}<td class="num flags" data-v="${e.flags.length}">${e.flags.length}${rules.length ? ` <small>${h(rules.join(", "))}</small>` : ""}</td></tr>`;
}

/** The index of a run: one row per input, most flags first; sorting and filtering run in the page. */
export function renderIndexPage(entries: FileEntry[], title: string): string {
  const sorted = [...entries].sort((a, b) => b.flags.length - a.flags.length || a.path.localeCompare(b.path));
  const failed = entries.filter((e) => e.status === "error").length;
  const flagged = entries.filter((e) => e.flags.length > 0).length;
  const head = COLUMNS.map((c) => `<th${c.num ? ` data-type="num"` : ""}${c.label === "flags" ? ` aria-sort="descending"` : ""}><button type="button">${h(c.label)}</button></th>`).join("");
  const body = `<header class="top"><h1>${h(title)}</h1>
<p>${entries.length} files · ${failed} failed · ${flagged} with quality flags · <span id="shown">${entries.length}</span> shown</p></header>
<div class="filters"><label>Filter <input id="filter" type="search" placeholder="path, body, date, rule…"></label>
<label>Show <select id="status"><option value="">all</option><option value="flagged">flagged</option><option value="ok">ok</option><option value="warning">warning</option><option value="error">error</option><option value="skipped">skipped</option></select></label></div>
<div class="wrap"><table class="index" id="files"><thead><tr>${head}</tr></thead>
<tbody>
${sorted.map(row).join("\n")}
</tbody></table></div>`;
  return htmlShell(title, body, INDEX_SCRIPT);
}
