import type { MarkKind } from "./marks.js";

/**
 * Colours per fact kind: light backgrounds under black text (contrast above 12:1 for each, WCAG
 * AAA), told apart also by a coloured underline so neighbouring kinds differ without colour alone.
 */
export const KIND_COLOURS: Record<MarkKind, { bg: string; line: string }> = {
  participant: { bg: "#cfe8ff", line: "#0b5cad" },
  item: { bg: "#e3d7ff", line: "#5b2fb8" },
  proposal: { bg: "#fff1c2", line: "#8a6100" },
  decision: { bg: "#c9f2d0", line: "#19692c" },
  section: { bg: "#eeeeee", line: "#555555" },
  motion: { bg: "#ffe0c7", line: "#a04a00" },
  vote: { bg: "#ffd6e7", line: "#a3195b" },
  reservation: { bg: "#f9d3d3", line: "#a11d1d" },
  followup: { bg: "#d4f4f4", line: "#0e6b6b" },
  date: { bg: "#fde2fb", line: "#8a1f85" },
  detail: { bg: "#e8f0c8", line: "#55650f" },
};

function kindCss(): string {
  return Object.entries(KIND_COLOURS)
    .map(([k, c]) => `.k-${k}{background:${c.bg};box-shadow:inset 0 -2px 0 ${c.line},inset 2px 0 0 ${c.line}}`)
    .join("\n");
}

export const PAGE_CSS = `
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#111;background:#fff}
header.top{padding:.6rem 1rem;border-bottom:1px solid #ccc;background:#f6f6f6}
header.top h1{font-size:1.15rem;margin:0 0 .2rem}
header.top p{margin:0;color:#333}
a{color:#0645ad}
.layout{display:flex;align-items:flex-start}
main.doc{flex:1 1 auto;min-width:0;padding:0 1rem 4rem}
aside.panel{flex:0 0 26rem;max-width:40vw;position:sticky;top:0;max-height:100vh;overflow:auto;border-left:1px solid #ccc;padding:.5rem .8rem 3rem;background:#fafafa}
aside.panel h2{font-size:1rem;margin:1rem 0 .3rem}
aside.panel h3{font-size:.95rem;margin:.6rem 0 .2rem}
.row{display:block;padding:.2rem .3rem;border-radius:3px;color:#111;text-decoration:none;border-bottom:1px solid #e4e4e4}
.row:hover,.row:focus{background:#e8eefc;outline:2px solid #0645ad}
.row small,.rules{color:#444;font-size:.8rem}
.rules code{font-size:.78rem}
dl.details{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .6rem;margin:.2rem 0}
dl.details dt{font-weight:600}
dl.details dd{margin:0}
section.page h2{font-size:.95rem;margin:1.2rem 0 .3rem;color:#333;border-bottom:1px dashed #aaa}
pre.text{white-space:pre-wrap;word-wrap:break-word;font:13.5px/1.5 ui-monospace,"DejaVu Sans Mono",Menlo,monospace;margin:0}
.ln{display:inline-block;width:3.2em;margin-left:-3.6em;margin-right:.4em;text-align:right;color:#666;user-select:none}
.ln::before{content:attr(data-n)}
pre.text{padding-left:3.6em}
.ln:target{background:#ffeb3b}
.ln:target::before{color:#000;font-weight:700}
mark.m{color:#000;border-radius:2px;padding:0 1px}
mark.m:focus{outline:2px solid #000}
mark.m.active{outline:3px solid #d40000;outline-offset:1px}
${kindCss()}
.legend{display:flex;flex-wrap:wrap;gap:.3rem .6rem;margin:.3rem 0;font-size:.82rem}
.legend span{padding:0 .3rem;color:#000}
#tip{position:fixed;z-index:10;max-width:32rem;background:#111;color:#fff;padding:.4rem .6rem;border-radius:4px;font-size:.82rem;pointer-events:none;white-space:pre-wrap}
#tip[hidden]{display:none}
#tip .r{color:#b9e3ff}
.flag{color:#7a0000}
.warn-warning{color:#7a4a00}
.warn-error{color:#7a0000}
.missing{color:#555;font-style:italic}
table.index{border-collapse:collapse;width:100%;font-size:.88rem}
table.index th,table.index td{border-bottom:1px solid #ddd;padding:.25rem .4rem;text-align:left;vertical-align:top}
table.index th button{font:inherit;font-weight:700;background:none;border:0;padding:0;cursor:pointer;color:#111}
table.index th[aria-sort="ascending"] button::after{content:" ▲"}
table.index th[aria-sort="descending"] button::after{content:" ▼"}
table.index td.date{white-space:nowrap}
table.index td.path{word-break:break-all;min-width:16rem}
table.index td.num{text-align:right;font-variant-numeric:tabular-nums}
table.index td.flags{text-align:left;min-width:15rem}
tr.status-error td{background:#fde8e8}
.filters{margin:.6rem 1rem;display:flex;gap:1rem;align-items:center}
.wrap{padding:0 1rem 3rem}
`;

/** The document page's script: side-panel rows mark and scroll to their evidence; marks show their fact on hover and focus. */
export const PAGE_SCRIPT = `
(function(){
  var rules = JSON.parse(document.getElementById('rule-meanings').textContent || '{}');
  var byFact = {};
  document.querySelectorAll('mark.m').forEach(function(m){ (byFact[m.dataset.fact] = byFact[m.dataset.fact] || []).push(m); });
  var active = [];
  function mark(fact){
    active.forEach(function(m){ m.classList.remove('active'); });
    active = byFact[fact] || [];
    active.forEach(function(m){ m.classList.add('active'); });
    if (active[0]) { active[0].scrollIntoView({block:'center'}); active[0].focus({preventScroll:true}); }
    return active.length > 0;
  }
  document.querySelectorAll('a.row[data-target]').forEach(function(a){
    a.addEventListener('click', function(e){
      if (mark(a.dataset.target)) { e.preventDefault(); history.replaceState(null, '', a.getAttribute('href')); }
    });
  });
  var tip = document.getElementById('tip');
  function show(m){
    tip.textContent = '';
    var head = document.createElement('div'); head.textContent = m.dataset.field + ': ' + m.dataset.value; tip.appendChild(head);
    (m.dataset.rules ? m.dataset.rules.split(' ') : []).forEach(function(r){
      var d = document.createElement('div'); d.className = 'r'; d.textContent = r + (rules[r] ? ' — ' + rules[r] : ''); tip.appendChild(d);
    });
    var b = m.getBoundingClientRect();
    tip.hidden = false;
    tip.style.left = Math.max(4, Math.min(b.left, window.innerWidth - tip.offsetWidth - 4)) + 'px';
    tip.style.top = (b.bottom + 6 + tip.offsetHeight > window.innerHeight ? Math.max(4, b.top - tip.offsetHeight - 6) : b.bottom + 6) + 'px';
  }
  function hide(){ tip.hidden = true; }
  document.addEventListener('mouseover', function(e){ var m = e.target.closest && e.target.closest('mark.m'); if (m) show(m); });
  document.addEventListener('mouseout', function(e){ var m = e.target.closest && e.target.closest('mark.m'); if (m && !m.contains(e.relatedTarget)) hide(); });
  document.addEventListener('focusin', function(e){ var m = e.target.closest && e.target.closest('mark.m'); if (m) show(m); else hide(); });
  document.addEventListener('keydown', function(e){ if (e.key === 'Escape') hide(); });
})();
`;

/** The index page's script: sort by a column (numbers as numbers), filter rows by any text and by status. */
export const INDEX_SCRIPT = `
(function(){
  var table = document.getElementById('files');
  var body = table.tBodies[0];
  var heads = table.tHead.rows[0].cells;
  Array.prototype.forEach.call(heads, function(th, col){
    var b = th.querySelector('button'); if (!b) return;
    b.addEventListener('click', function(){
      var dir = th.getAttribute('aria-sort') === 'descending' ? 'ascending' : 'descending';
      Array.prototype.forEach.call(heads, function(h){ h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', dir);
      var numeric = th.dataset.type === 'num';
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function(a, b){
        var x = a.cells[col].dataset.v !== undefined ? a.cells[col].dataset.v : a.cells[col].textContent;
        var y = b.cells[col].dataset.v !== undefined ? b.cells[col].dataset.v : b.cells[col].textContent;
        var c = numeric ? (Number(x) - Number(y)) : x.localeCompare(y, 'sv');
        return dir === 'ascending' ? c : -c;
      });
      rows.forEach(function(r){ body.appendChild(r); });
    });
  });
  var q = document.getElementById('filter'), st = document.getElementById('status');
  function apply(){
    var words = q.value.toLowerCase().split(/\\s+/).filter(Boolean), s = st.value, shown = 0;
    Array.prototype.forEach.call(body.rows, function(r){
      var t = r.textContent.toLowerCase();
      var ok = words.every(function(w){ return t.indexOf(w) >= 0; }) && (!s || r.dataset.status === s || (s === 'flagged' && Number(r.dataset.flags) > 0));
      r.hidden = !ok; if (ok) shown++;
    });
    document.getElementById('shown').textContent = shown;
  }
  q.addEventListener('input', apply); st.addEventListener('change', apply);
})();
`;
