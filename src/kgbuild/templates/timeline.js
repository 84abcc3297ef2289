/* Incidents and commemorations on a time axis, one band per place or institution.
   A day-precise date is a mark; a month, a year or an EDTF range ("196X") is a bar over its span. */
(function () {
  "use strict";
  var data = KG.readData();
  var el = KG.el;
  var SVG = "http://www.w3.org/2000/svg";
  var DAY = 86400000;
  var GUTTER = 210, ROW = 24, PAD = 12, AXIS = 30;
  var box = document.getElementById("timeline");
  var panel = document.getElementById("panel");
  var groupBy = document.getElementById("group-by");
  groupBy.value = data.groupBy || "place";
  var byId = {};
  data.items.forEach(function (it) {
    byId[it.id] = it;
    it.t0 = Date.parse(it.when.start + "T00:00:00Z");
    it.t1 = Date.parse(it.when.end + "T00:00:00Z") + DAY;  // end is inclusive: bar to the day's end
    it.point = it.when.start === it.when.end;
  });

  function s(tag, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    for (var k in attrs) node.setAttribute(k, attrs[k]);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  var t0 = data.items.length ? Math.min.apply(null, data.items.map(function (i) { return i.t0; })) : Date.now();
  var t1 = Math.max.apply(null, data.items.map(function (i) { return i.t1; }).concat([t0 + DAY]));
  var view = { from: 0, to: 0 };
  function fit() {
    var span = Math.max(t1 - t0, 30 * DAY);
    view.from = t0 - span * 0.05;
    view.to = t1 + span * 0.05;
  }
  // A view can be linked to: timeline.html#1997-08-01/1997-09-01 opens on that span.
  function fromHash() {
    var m = /^#(\d{4}-\d{2}-\d{2})\/(\d{4}-\d{2}-\d{2})$/.exec(location.hash);
    if (!m) return false;
    view.from = Date.parse(m[1] + "T00:00:00Z");
    view.to = Date.parse(m[2] + "T00:00:00Z") + DAY;
    return view.to > view.from;
  }
  if (!fromHash()) fit();
  window.addEventListener("hashchange", function () { if (fromHash()) render(); });

  function width() { return Math.max(box.clientWidth, 400); }
  function x(t) { return GUTTER + (t - view.from) / (view.to - view.from) * (width() - GUTTER - PAD); }

  var STEPS = [
    [DAY, "day"], [7 * DAY, "week"], [30.44 * DAY, "month"], [91.3 * DAY, "quarter"],
    [365.25 * DAY, "year"], [2 * 365.25 * DAY, "2y"], [5 * 365.25 * DAY, "5y"],
    [10 * 365.25 * DAY, "10y"], [20 * 365.25 * DAY, "20y"], [50 * 365.25 * DAY, "50y"], [100 * 365.25 * DAY, "100y"]
  ];
  function ticks() {
    var perPx = (view.to - view.from) / (width() - GUTTER - PAD);
    var step = STEPS[STEPS.length - 1];
    for (var i = 0; i < STEPS.length; i++) if (STEPS[i][0] / perPx >= 90) { step = STEPS[i]; break; }
    var out = [], d = new Date(view.from), name = step[1];
    d.setUTCHours(0, 0, 0, 0);
    if (name === "day" || name === "week") {
      for (var t = d.getTime(); t <= view.to; t += step[0]) out.push([t, new Date(t).toISOString().slice(0, 10)]);
      return out;
    }
    if (name === "month" || name === "quarter") {
      var months = name === "month" ? 1 : 3;
      var m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - d.getUTCMonth() % months, 1));
      while (m.getTime() <= view.to) {
        out.push([m.getTime(), m.toISOString().slice(0, 7)]);
        m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + months, 1));
      }
      return out;
    }
    var years = name === "year" ? 1 : parseInt(name, 10);
    var y = d.getUTCFullYear() - ((d.getUTCFullYear() % years) + years) % years;
    for (; Date.UTC(y, 0, 1) <= view.to; y += years) out.push([Date.UTC(y, 0, 1), String(y)]);
    return out;
  }

  function groupOf(it) { return it.groups[groupBy.value] || "(not stated)"; }

  var selected = null;
  function render() {
    var groups = {};
    data.items.forEach(function (it) { (groups[groupOf(it)] = groups[groupOf(it)] || []).push(it); });
    var names = Object.keys(groups).sort(function (a, b) {
      return Math.min.apply(null, groups[a].map(function (i) { return i.t0; })) -
             Math.min.apply(null, groups[b].map(function (i) { return i.t0; })) || a.localeCompare(b);
    });
    var w = width();
    var svg = s("svg", { width: w, role: "img", "aria-label": "timeline" });
    var defs = s("defs");
    var hatch = s("pattern", { id: "hatch", width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" });
    hatch.appendChild(s("rect", { width: 6, height: 6, fill: "#fff" }));
    hatch.appendChild(s("line", { x1: 0, y1: 0, x2: 0, y2: 6, stroke: "#999", "stroke-width": 3 }));
    defs.appendChild(hatch);
    svg.appendChild(defs);
    var grid = s("g"), body = s("g");
    svg.appendChild(grid);
    svg.appendChild(body);
    var y = AXIS;
    names.forEach(function (name, gi) {
      // Pack the band's items into lanes so marks and labels do not overlap at this zoom.
      var lanes = [];
      groups[name].sort(function (a, b) { return a.t0 - b.t0 || a.sequence - b.sequence; }).forEach(function (it) {
        var text = 7 * (it.label.length + 4);
        var left = x(it.t0), right = Math.max(x(it.t1), left + 8) + 8 + text;
        if (right > width()) { right = Math.max(x(it.t1), left + 8) + 8; left -= text; }
        var lane = 0;
        while (lanes[lane] !== undefined && lanes[lane] > left) lane++;
        lanes[lane] = right;
        it.lane = lane;
      });
      var height = Math.max(lanes.length, 1) * ROW + 8;
      body.appendChild(s("rect", { x: 0, y: y, width: w, height: height, fill: gi % 2 ? "#fafafa" : "#f1f3f6" }));
      var title = s("text", { x: 6, y: y + 16, "font-size": 12, "font-weight": "bold" }, name);
      body.appendChild(title);
      groups[name].forEach(function (it) {
        var top = y + 4 + it.lane * ROW;
        var g = s("g", { "class": "item" + (selected === it.id ? " selected" : ""), "data-id": it.id, tabindex: 0 });
        var color = data.styles[it.kind].color;
        var left = x(it.t0), right = Math.max(x(it.t1), left + 8);
        if (left > w || right < GUTTER) return;
        if (it.point) {
          if (it.kind === "commemoration") {
            var cx = left, cy = top + ROW / 2 - 2;
            g.appendChild(s("path", { d: "M" + cx + " " + (cy - 7) + " L" + (cx + 7) + " " + cy + " L" + cx + " " + (cy + 7) +
              " L" + (cx - 7) + " " + cy + " Z", fill: color, stroke: "#333" }));
          } else {
            g.appendChild(s("circle", { cx: left, cy: top + ROW / 2 - 2, r: 6, fill: color, stroke: "#333" }));
          }
          right = left + 8;
        } else {
          g.appendChild(s("rect", { x: left, y: top + 3, width: right - left, height: ROW - 10, rx: 3,
            fill: it.when.uncertain ? "url(#hatch)" : color, stroke: color, "stroke-width": 2 }));
        }
        var label = (it.sequence ? it.sequence + ". " : "") + it.label;
        // Near the right edge the label goes to the left of its mark, so it is not cut off.
        var flip = right + 8 + 7 * label.length > w && left - 8 - 7 * label.length > GUTTER;
        g.appendChild(s("text", { x: flip ? left - 6 : right + 4, y: top + ROW / 2 + 2, "font-size": 12,
                                  "text-anchor": flip ? "end" : "start" }, label));
        var tip = s("title", {}, it.label + " — " + it.when.text);
        g.appendChild(tip);
        g.addEventListener("click", function (event) { event.stopPropagation(); select(it.id); });
        g.addEventListener("keydown", function (event) { if (event.key === "Enter") select(it.id); });
        body.appendChild(g);
      });
      y += height;
    });
    // The axis and grid lines, drawn over the whole height.
    ticks().forEach(function (tick) {
      var tx = x(tick[0]);
      if (tx < GUTTER || tx > w) return;
      grid.appendChild(s("line", { x1: tx, y1: AXIS - 6, x2: tx, y2: y, stroke: "#ddd" }));
      grid.appendChild(s("text", { x: tx + 3, y: AXIS - 10, "font-size": 11, fill: "#555" }, tick[1]));
    });
    svg.appendChild(s("line", { x1: GUTTER, y1: AXIS - 4, x2: w, y2: AXIS - 4, stroke: "#888" }));
    svg.setAttribute("height", y + 10);
    box.replaceChildren(svg);
  }

  function select(id) {
    selected = id;
    var it = byId[id];
    var relations = it.relations.map(function (r) {
      return { dir: r.dir, label: r.label, other: r.other, otherLabel: r.otherLabel, source: r.source, quote: r.quote };
    });
    KG.showPanel(panel, it, relations, function (other) { if (byId[other]) select(other); });
    render();
  }

  function zoom(factor, atPx) {
    var at = view.from + (atPx - GUTTER) / (width() - GUTTER - PAD) * (view.to - view.from);
    var span = Math.max((view.to - view.from) * factor, 2 * DAY);
    var ratio = (at - view.from) / (view.to - view.from);
    view.from = at - span * ratio;
    view.to = view.from + span;
    render();
  }
  box.addEventListener("wheel", function (event) {
    event.preventDefault();
    zoom(event.deltaY > 0 ? 1.25 : 0.8, event.offsetX);
  }, { passive: false });
  var drag = null;
  box.addEventListener("mousedown", function (event) { drag = { x: event.clientX, from: view.from, to: view.to }; });
  window.addEventListener("mouseup", function () { drag = null; });
  window.addEventListener("mousemove", function (event) {
    if (!drag) return;
    var shift = (event.clientX - drag.x) / (width() - GUTTER - PAD) * (drag.to - drag.from);
    view.from = drag.from - shift;
    view.to = drag.to - shift;
    render();
  });
  document.getElementById("zoom-in").addEventListener("click", function () { zoom(0.5, (GUTTER + width()) / 2); });
  document.getElementById("zoom-out").addEventListener("click", function () { zoom(2, (GUTTER + width()) / 2); });
  document.getElementById("fit").addEventListener("click", function () { fit(); render(); });
  groupBy.addEventListener("change", render);
  window.addEventListener("resize", render);

  var legend = document.getElementById("legend");
  ["incident", "commemoration"].forEach(function (kind) {
    var item = el("span", kind);
    item.style.setProperty("--c", data.styles[kind].color);
    legend.appendChild(item);
  });
  var undated = document.getElementById("undated");
  if (data.undated.length) {
    undated.appendChild(el("strong", "Undated: "));
    data.undated.forEach(function (it, i) {
      undated.appendChild(document.createTextNode(i ? ", " : ""));
      undated.appendChild(el("span", it.label + (it.note ? " (" + it.note + ")" : "")));
    });
  }
  KG.select = select;
  render();
  KG.ready = true;
})();
