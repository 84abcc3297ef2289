/* The interactive relationship graph (vis-network). */
(function () {
  "use strict";
  var data = KG.readData();
  var el = KG.el;
  var byId = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; });
  var panel = document.getElementById("panel");

  function style(kind) { return data.styles[kind] || data.styles.cluster; }

  function visNode(n) {
    var st = style(n.kind);
    var fill = n.anonymous ? data.anonymous.color : st.color;
    var node = {
      id: n.id, label: n.label, shape: st.shape,
      color: { background: fill, border: n.anonymous ? data.anonymous.border : st.border,
               highlight: { background: fill, border: "#000" } },
      borderWidth: n.anonymous ? 2 : 1,
      shapeProperties: { borderDashes: n.anonymous ? [5, 4] : false },
      font: { face: "DejaVu Sans, Arial, sans-serif", size: 14, color: n.anonymous ? "#555" : "#222" },
      widthConstraint: { maximum: 180 }
    };
    if (n.size) node.value = n.size;
    return node;
  }

  // Parallel statements between two nodes get different curvature so each label stays readable.
  var pairCount = {};
  function visEdge(e, i) {
    var pair = [e.from, e.to].sort().join(" ");
    var k = pairCount[pair] = (pairCount[pair] || 0) + 1;
    // Edges into a folded cluster would pull everything into one knot: listed in the panel, not drawn.
    var folded = e.from.indexOf("cluster:") === 0 || e.to.indexOf("cluster:") === 0;
    return {
      id: i, from: e.from, to: e.to, label: e.label, arrows: "to", hidden: folded, physics: !folded,
      color: { color: e.relation === "participation" ? "#b55" : "#999" },
      font: { size: 10, align: "middle", face: "DejaVu Sans, Arial, sans-serif", strokeWidth: 3 },
      smooth: { type: k % 2 ? "curvedCW" : "curvedCCW", roundness: 0.08 + 0.12 * Math.floor(k / 2) }
    };
  }

  var nodes = new vis.DataSet(data.nodes.map(visNode));
  var edges = new vis.DataSet(data.edges.map(visEdge));

  // ---- filters -------------------------------------------------------------------------------
  var kindsBox = document.getElementById("kinds");
  var checked = {};
  data.kinds.forEach(function (kind) {
    checked[kind] = true;
    var label = el("label");
    var box = el("input");
    box.type = "checkbox"; box.checked = true; box.dataset.kind = kind;
    box.addEventListener("change", function () { checked[kind] = box.checked; refresh(); });
    label.appendChild(box);
    label.appendChild(document.createTextNode(" " + kind + " "));
    kindsBox.appendChild(label);
  });
  var sourceSelect = document.getElementById("source");
  data.sources.forEach(function (s) {
    var option = el("option", s);
    option.value = s;
    sourceSelect.appendChild(option);
  });
  var legend = document.getElementById("legend");
  data.kinds.forEach(function (kind) {
    var item = el("span", kind);
    item.style.setProperty("--c", style(kind).color);
    legend.appendChild(item);
  });
  var anon = el("span", "anonymous");
  anon.style.setProperty("--c", data.anonymous.color);
  anon.style.setProperty("--b", "dashed");
  legend.appendChild(anon);

  var yearFrom = document.getElementById("year-from");
  var yearTo = document.getElementById("year-to");
  var hideUndated = document.getElementById("hide-undated");

  function nodeVisible(n) {
    if (!checked[n.kind] && n.kind !== "cluster") return false;
    var source = sourceSelect.value;
    if (source && n.sources.indexOf(source) < 0) return false;
    var from = yearFrom.value ? yearFrom.value.padStart(4, "0") + "-01-01" : null;
    var to = yearTo.value ? yearTo.value.padStart(4, "0") + "-12-31" : null;
    if (from || to) {
      var w = n.when;
      var start = w && (w.start || w.end), end = w && (w.end || w.start);
      if (!start) return !hideUndated.checked;
      if (from && end < from) return false;
      if (to && start > to) return false;
    }
    return true;
  }
  function edgeVisible(e) {
    var record = data.edges[e.id];
    var source = sourceSelect.value;
    return (!source || record.source === source) && shown[record.from] && shown[record.to];
  }
  var shown = {};
  var nodesView = new vis.DataView(nodes, { filter: function (n) { return shown[n.id]; } });
  var edgesView = new vis.DataView(edges, { filter: edgeVisible });
  var nodeList = document.getElementById("node-list");

  function refresh() {
    shown = {};
    data.nodes.forEach(function (n) { if (nodeVisible(n)) shown[n.id] = true; });
    nodesView.refresh();
    edgesView.refresh();
    nodeList.replaceChildren();
    data.nodes.forEach(function (n) {
      if (shown[n.id]) {
        var li = el("li", n.label);
        li.dataset.id = n.id;
        nodeList.appendChild(li);
      }
    });
  }
  [sourceSelect, yearFrom, yearTo, hideUndated].forEach(function (input) {
    input.addEventListener("change", refresh);
  });
  refresh();

  // ---- the network ---------------------------------------------------------------------------
  var container = document.getElementById("canvas");
  var network = new vis.Network(container, { nodes: nodesView, edges: edgesView }, {
    nodes: { scaling: { min: 10, max: 45, label: { enabled: true, min: 12, max: 24 } }, size: 16 },
    edges: { width: 1, selectionWidth: 2 },
    physics: {
      solver: "forceAtlas2Based",
      forceAtlas2Based: { gravitationalConstant: -60, springLength: 120, avoidOverlap: 0.4 },
      stabilization: { iterations: data.nodes.length > 800 ? 150 : 400, fit: true }
    },
    layout: { improvedLayout: data.nodes.length <= 100, randomSeed: 7 },  // same data, same picture
    interaction: { hover: true, tooltipDelay: 200, navigationButtons: false, keyboard: true }
  });
  KG.network = network;
  KG.ready = false;
  network.once("stabilizationIterationsDone", function () {
    network.setOptions({ physics: { enabled: false } });
    if (data.focus && data.focus.length) {
      network.selectNodes(data.focus);
      network.fit({ nodes: data.focus.concat(network.getConnectedNodes(data.focus[0])) });
      showNode(data.focus[0]);
    } else {
      network.fit();
    }
    KG.ready = true;
  });
  document.getElementById("note").textContent = data.note || "";

  function relationsOf(id) {
    var out = [];
    data.edges.forEach(function (e) {
      if (e.from === id || e.to === id) {
        var other = e.from === id ? e.to : e.from;
        out.push({ dir: e.from === id ? "out" : "in", label: e.label, other: other,
                   otherLabel: byId[other] ? byId[other].label : other, source: e.source, quote: e.quote });
      }
    });
    return out;
  }

  function jump(id) {
    if (!shown[id]) return showNode(id);
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1), animation: { duration: 300 } });
    showNode(id);
  }

  function showNode(id) {
    var n = byId[id];
    if (n) KG.showPanel(panel, n, relationsOf(id), jump);
  }

  function showEdge(index) {
    var e = data.edges[index];
    panel.replaceChildren();
    panel.appendChild(el("h2", e.label));
    var line = el("p");
    var a = el("a", byId[e.from].label);
    a.addEventListener("click", function () { jump(e.from); });
    var b = el("a", byId[e.to].label);
    b.addEventListener("click", function () { jump(e.to); });
    line.appendChild(a);
    line.appendChild(document.createTextNode(" —" + e.relation + "→ "));
    line.appendChild(b);
    panel.appendChild(line);
    if (e.quote) panel.appendChild(KG.quoteBlock(e.quote));
    panel.appendChild(el("p", "source: " + e.source, "meta"));
  }

  network.on("click", function (params) {
    if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0]);
  });

  // ---- search --------------------------------------------------------------------------------
  var search = document.getElementById("search");
  var results = document.getElementById("results");
  function fold(s) { return String(s || "").toLocaleLowerCase("ru").replace(/ё/g, "е"); }
  function matches(text) {
    var q = fold(text.trim());
    if (!q) return [];
    return data.nodes.filter(function (n) {
      return fold(n.label).indexOf(q) >= 0 || fold(n.description).indexOf(q) >= 0 ||
        n.facts.some(function (f) { return (f[0] === "code" || f[0] === "altName") && fold(f[1]).indexOf(q) >= 0; });
    }).slice(0, 30);
  }
  search.addEventListener("input", function () {
    var found = matches(search.value);
    results.replaceChildren();
    found.forEach(function (n) {
      var button = el("button", n.label + " · " + n.type);
      button.addEventListener("click", function () { results.style.display = "none"; jump(n.id); });
      results.appendChild(button);
    });
    results.style.display = found.length ? "block" : "none";
  });
  search.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      var found = matches(search.value);
      if (found.length) { results.style.display = "none"; jump(found[0].id); }
    } else if (event.key === "Escape") {
      results.style.display = "none";
    }
  });
})();
