// The query page: a SPARQL editor with highlighting, the query library, results as a table.
// Everything from the server or the data is put in the page as text (textContent), never as HTML.
"use strict";

const KEYWORDS = new Set(("SELECT CONSTRUCT DESCRIBE ASK WHERE FROM NAMED PREFIX BASE DISTINCT REDUCED " +
  "OPTIONAL UNION MINUS GRAPH SERVICE SILENT FILTER BIND VALUES AS ORDER BY ASC DESC LIMIT OFFSET GROUP " +
  "HAVING NOT EXISTS IN UNDEF A COUNT SUM MIN MAX AVG SAMPLE GROUP_CONCAT SEPARATOR STR LANG LANGMATCHES " +
  "DATATYPE BOUND IRI URI BNODE RAND ABS CEIL FLOOR ROUND CONCAT STRLEN UCASE LCASE ENCODE_FOR_URI CONTAINS " +
  "STRSTARTS STRENDS STRBEFORE STRAFTER YEAR MONTH DAY HOURS MINUTES SECONDS TIMEZONE TZ NOW UUID STRUUID " +
  "MD5 SHA1 SHA256 SHA384 SHA512 COALESCE IF STRLANG STRDT SAMETERM ISIRI ISURI ISBLANK ISLITERAL ISNUMERIC " +
  "REGEX SUBSTR REPLACE TRUE FALSE INSERT DELETE DATA LOAD CLEAR DROP CREATE WITH USING DEFAULT ALL").split(" "));

const TOKEN = /(#[^\n]*)|("""[\s\S]*?(?:"""|$)|'''[\s\S]*?(?:'''|$)|"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?)|(<[^<>"{}|^`\\\s]*>)|([?$][\w\u00C0-\uFFFF]+)|([A-Za-z][\w.-]*)?:([\w\u00C0-\uFFFF.%-]*)|(\d+(?:\.\d+)?)|([A-Za-z_]\w*)|([{}().;,\[\]*+\/|^!=<>&-])/g;

function highlight(text) {
  const out = document.createDocumentFragment();
  let last = 0;
  const add = (s, cls) => {
    if (!s) return;
    if (!cls) { out.appendChild(document.createTextNode(s)); return; }
    const span = document.createElement("span");
    span.className = cls;
    span.textContent = s;
    out.appendChild(span);
  };
  for (const m of text.matchAll(TOKEN)) {
    add(text.slice(last, m.index));
    const s = m[0];
    let cls = null;
    if (m[1] !== undefined) cls = "tok-comment";
    else if (m[2] !== undefined) cls = "tok-string";
    else if (m[3] !== undefined) cls = "tok-iri";
    else if (m[4] !== undefined) cls = "tok-var";
    else if (m[6] !== undefined) cls = "tok-pname";
    else if (m[7] !== undefined) cls = "tok-number";
    else if (m[8] !== undefined) cls = KEYWORDS.has(s.toUpperCase()) ? "tok-keyword" : null;
    else if (m[9] !== undefined) cls = "tok-punct";
    add(s, cls);
    last = m.index + s.length;
  }
  add(text.slice(last));
  add("\n");  // keeps the last line's height when the text ends with a newline
  return out;
}

const $ = (id) => document.getElementById(id);
const editor = $("query");
const shown = $("highlight");
let prefixes = {};

function refresh() {
  shown.replaceChildren(highlight(editor.value));
  shown.scrollTop = editor.scrollTop;
}

function headers(extra) {
  const h = Object.assign({}, extra || {});
  const token = $("token").value || sessionStorage.getItem("kgbuild-token") || "";
  if (token) h["Authorization"] = "Bearer " + token;
  return h;
}

function status(text, error) {
  $("status").textContent = text;
  $("status").className = error ? "error" : "";
}

function shortName(iri) {
  for (const [p, ns] of Object.entries(prefixes)) {
    if (iri.startsWith(ns) && iri.length > ns.length) return p + ":" + iri.slice(ns.length);
  }
  return iri;
}

function cellText(term) {
  if (!term) return "";
  if (term.type === "uri") return shortName(term.value);
  if (term.type === "bnode") return "_:" + term.value;
  return term.value;
}

function renderTable(doc, truncated) {
  const box = $("results");
  if (doc.boolean !== undefined) {
    const p = document.createElement("p");
    p.textContent = doc.boolean ? "yes" : "no";
    box.replaceChildren(p);
    return "ASK: " + (doc.boolean ? "yes" : "no");
  }
  const vars = doc.head.vars || [];
  const table = document.createElement("table");
  table.id = "results-table";
  const head = table.createTHead().insertRow();
  for (const v of vars) {
    const th = document.createElement("th");
    th.textContent = v;
    head.appendChild(th);
  }
  const body = table.createTBody();
  for (const row of doc.results.bindings) {
    const tr = body.insertRow();
    for (const v of vars) {
      const td = tr.insertCell();
      td.textContent = cellText(row[v]);
      if (!row[v]) td.className = "unbound";
      else if (row[v].type === "uri") td.title = row[v].value;
    }
  }
  box.replaceChildren(table);
  const n = doc.results.bindings.length;
  return n + (n === 1 ? " row" : " rows") + (truncated ? " (cut at the server's result limit)" : "");
}

async function run() {
  const started = performance.now();
  status("running…");
  try {
    const response = await fetch("/sparql", {
      method: "POST",
      headers: headers({"Content-Type": "application/x-www-form-urlencoded",
                        "Accept": "application/sparql-results+json, text/turtle;q=0.9"}),
      body: new URLSearchParams({query: editor.value}),
    });
    const text = await response.text();
    if (response.status === 401) $("token-box").hidden = false;
    if (!response.ok) { status(text.replace(/^kgbuild: /, "").trim(), true); return; }
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const truncated = response.headers.get("X-Kgbuild-Truncated") === "true";
    if ((response.headers.get("Content-Type") || "").includes("json")) {
      status(renderTable(JSON.parse(text), truncated) + " in " + seconds + " s");
    } else {
      const pre = document.createElement("pre");
      pre.className = "graph";
      pre.textContent = text;
      $("results").replaceChildren(pre);
      status("graph in " + seconds + " s");
    }
  } catch (err) {
    status("cannot reach the server: " + err.message, true);
  }
}

async function loadLibrary() {
  const list = $("library");
  try {
    const response = await fetch("/queries", {headers: headers()});
    if (response.status === 401) {
      $("token-box").hidden = false;
      list.replaceChildren(item("enter the token, then reload", "muted"));
      return;
    }
    const doc = await response.json();
    prefixes = doc.prefixes || {};
    list.replaceChildren();
    for (const q of doc.queries) {
      const li = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.className = "link";
      button.textContent = q.name;
      button.title = q.description;
      button.addEventListener("click", () => {
        editor.value = q.query;
        $("description").textContent = q.description;
        refresh();
      });
      li.appendChild(button);
      list.appendChild(li);
    }
    $("prefixes").replaceChildren(...Object.entries(prefixes).map(([p, ns]) => item(p + ": <" + ns + ">")));
  } catch (err) {
    list.replaceChildren(item("cannot load the library: " + err.message, "muted"));
  }
}

function item(text, cls) {
  const li = document.createElement("li");
  li.textContent = text;
  if (cls) li.className = cls;
  return li;
}

function insertPrefixes() {
  const declared = new Set([...editor.value.matchAll(/PREFIX\s+([\w.-]*):/gi)].map((m) => m[1].toLowerCase()));
  const lines = Object.entries(prefixes).filter(([p]) => !declared.has(p) && editor.value.includes(p + ":"))
    .map(([p, ns]) => "PREFIX " + p + ": <" + ns + ">\n");
  editor.value = lines.join("") + editor.value;
  refresh();
}

editor.addEventListener("input", refresh);
editor.addEventListener("scroll", () => { shown.scrollTop = editor.scrollTop; });
editor.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); run(); }
  if (event.key === "Tab") {
    event.preventDefault();
    const s = editor.selectionStart;
    editor.setRangeText("  ", s, editor.selectionEnd, "end");
    refresh();
  }
});
$("run").addEventListener("click", run);
$("add-prefixes").addEventListener("click", insertPrefixes);
$("token").addEventListener("change", () => { sessionStorage.setItem("kgbuild-token", $("token").value); loadLibrary(); });
refresh();
loadLibrary();
