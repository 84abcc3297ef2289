/* The side panel: shows one thing's facts, relations, quotes and sources.
   Article text reaches the page only through textContent, never through innerHTML. */
"use strict";
var KG = window.KG || {};
window.KG = KG;

KG.el = function (tag, text, cls) {
  var node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (cls) node.className = cls;
  return node;
};

KG.readData = function () {
  return JSON.parse(document.getElementById("kg-data").textContent);
};

KG.KIND_NAMES = {
  person: "person", group: "group", institution: "institution", place: "place",
  incident: "incident", commemoration: "commemoration", cluster: "cluster"
};

KG.quoteBlock = function (q) {
  var block = KG.el("blockquote");
  block.appendChild(KG.el("span", "«" + q.text + "»"));
  var where = q.source + (q.start !== null && q.start !== undefined ? " @" + q.start + "–" + q.end : "");
  block.appendChild(KG.el("span", where, "src"));
  return block;
};

/* item: a node record; relations: [{dir, label, other, otherLabel, source, quote}]; onJump(id) */
KG.showPanel = function (panel, item, relations, onJump) {
  panel.replaceChildren();
  panel.appendChild(KG.el("h2", item.label));
  var meta = KG.el("div", null, "meta");
  meta.appendChild(KG.el("span", item.type, "badge"));
  if (item.anonymous) meta.appendChild(KG.el("span", "anonymous", "badge"));
  if (item.when) meta.appendChild(KG.el("span", item.when.text + (item.when.uncertain ? " (uncertain)" : "")));
  panel.appendChild(meta);
  if (item.description) panel.appendChild(KG.el("p", item.description));
  if (item.facts && item.facts.length) {
    panel.appendChild(KG.el("h3", "Facts"));
    var table = KG.el("table");
    item.facts.forEach(function (f) {
      var row = KG.el("tr");
      row.appendChild(KG.el("td", f[0]));
      row.appendChild(KG.el("td", f[1]));
      row.appendChild(KG.el("td", f[2], "src"));
      table.appendChild(row);
    });
    panel.appendChild(table);
  }
  if (relations && relations.length) {
    panel.appendChild(KG.el("h3", "Relations"));
    var list = KG.el("ul");
    relations.forEach(function (r) {
      var li = KG.el("li");
      li.appendChild(KG.el("span", r.dir === "out" ? r.label + " → " : "← " + r.label + " "));
      var link = KG.el("a", r.otherLabel);
      link.addEventListener("click", function () { onJump(r.other); });
      li.appendChild(link);
      li.appendChild(KG.el("span", " [" + r.source + "]", "src"));
      if (r.quote) li.appendChild(KG.quoteBlock(r.quote));
      list.appendChild(li);
    });
    panel.appendChild(list);
  }
  if (item.quotes && item.quotes.length) {
    panel.appendChild(KG.el("h3", "Evidence"));
    item.quotes.forEach(function (q) { panel.appendChild(KG.quoteBlock(q)); });
  }
  panel.appendChild(KG.el("h3", "Sources"));
  panel.appendChild(KG.el("p", (item.sources || []).join(", ")));
  panel.appendChild(KG.el("p", item.id, "meta"));
};
