import { escapeHtml as h } from "../review/escape.js";
import type { LinkResult } from "./tables.js";

/** Static pages, no script and no network (the Content-Security-Policy forbids both), every document string escaped. */
function page(title: string, body: string[]): string {
  return [
    "<!doctype html>", '<html lang="sv"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${h(title)}</title>`,
    "<style>body{font:15px/1.45 system-ui,sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse}td,th{border-bottom:1px solid #ccc;padding:.2em .6em;text-align:left;vertical-align:top}section{margin:1.5em 0}.ambiguous{background:#fde2c8}</style>",
    "</head><body>", `<h1>${h(title)}</h1>`, ...body, "</body></html>", "",
  ].join("\n");
}

const row = (cells: string[]) => `<tr>${cells.map((c) => `<td>${c}</td>`).join("")}</tr>`;
const head = (cells: string[]) => `<tr>${cells.map((c) => `<th>${h(c)}</th>`).join("")}</tr>`;

/** persons.html: one section per person with every mention, how it was linked and why; refused links listed at the end. */
export function personsPage(r: LinkResult): string {
  const body: string[] = [`<p>${r.persons.length} persons from ${r.links.length} participant entries.</p>`];
  const linksOf = new Map<string, typeof r.links>();
  for (const l of r.links) if (l.personId) (linksOf.get(l.personId) ?? linksOf.set(l.personId, []).get(l.personId)!).push(l);
  for (const p of [...r.persons].sort((a, b) => a.display.localeCompare(b.display, "sv"))) {
    body.push(`<section id="${h(p.id)}"><h2>${h(p.display)}${p.representsAs ? `, ${h(p.representsAs)}` : ""}</h2><table>`, head(["date", "body", "written", "party", "present", "status", "score", "reasons"]));
    for (const l of linksOf.get(p.id) ?? []) {
      const m = l.mention;
      body.push(row([h(m.meeting.date ?? ""), h(m.meeting.body ?? ""), h(m.name), h(m.party ?? ""), m.present === null ? "" : m.present ? "yes" : "no", l.status, String(l.score), h(l.reasons.join("; "))]));
    }
    body.push("</table></section>");
  }
  const refused = r.links.filter((l) => l.status === "ambiguous");
  if (refused.length) {
    body.push('<section id="refused"><h2>Refused links</h2><table>', head(["date", "body", "written", "could be"]));
    for (const l of refused) body.push(`<tr class="ambiguous">${[h(l.mention.meeting.date ?? ""), h(l.mention.meeting.body ?? ""), h(l.mention.name), l.candidates.map((c) => `<a href="#${h(c)}">${h(c)}</a>`).join(", ")].map((c) => `<td>${c}</td>`).join("")}</tr>`);
    body.push("</table></section>");
  }
  return page("Persons across meetings", body);
}

/** cases.html: each case's items in time order, then the follow-ups with their status and evidence. */
export function casesPage(r: LinkResult): string {
  const body: string[] = [];
  const byCase = new Map<string, typeof r.cases>();
  for (const c of r.cases) (byCase.get(c.caseId) ?? byCase.set(c.caseId, []).get(c.caseId)!).push(c);
  for (const [id, items] of byCase) {
    body.push(`<section id="${h(id)}"><h2>${h(items[0]!.caseNumber)}</h2><table>`, head(["#", "date", "body", "§", "title"]));
    for (const c of items) body.push(row([String(c.seq), h(c.item.meeting.date ?? ""), h(c.item.meeting.body ?? ""), h(c.item.number), h(c.item.title)]));
    body.push("</table></section>");
  }
  body.push('<section id="follow-ups"><h2>Follow-ups</h2><table>', head(["given", "due", "owner", "status", "reported", "score", "evidence"]));
  for (const s of r.statuses) {
    const f = s.followUp;
    body.push(row([h(f.meeting.date ?? ""), h(f.due ?? ""), h(f.responsible ?? ""), s.status, h(s.reportedIn?.meeting.date ?? ""), String(s.score), h(s.reasons.join("; "))]));
  }
  body.push("</table></section>");
  return page(`Cases and follow-ups (as of ${r.asOf})`, body);
}
