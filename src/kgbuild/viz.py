"""Pictures of the relationship view: an interactive graph page, a timeline page, a static figure.

The pages are single self-contained HTML files: vis-network (shipped inside the pyvis package) and
our own scripts are inlined, nothing is fetched, so they work from file:// offline. Article text
travels as JSON in a <script type="application/json"> element with <, > and & escaped, and the
scripts put it on the page with textContent only.
"""

from __future__ import annotations

import base64
import hashlib
import html
import io
import json
import re
from importlib import resources
from pathlib import Path
from typing import Iterable

import networkx as nx

from .errors import KgbuildError
from .network import BETWEENNESS_SAMPLE, EXACT_BETWEENNESS_LIMIT, find_nodes
from .relations import KIND_NAMES, undirected_simple

TEMPLATES = Path(__file__).resolve().parent / "templates"

# One look per class, shared by the pages and the static figure.
KIND_STYLE = {
    "person": {"color": "#7aa6d6", "border": "#2f5f8f", "shape": "dot", "marker": "o"},
    "group": {"color": "#86c5bf", "border": "#2f7a73", "shape": "hexagon", "marker": "h"},
    "institution": {"color": "#f5a65b", "border": "#a35a12", "shape": "square", "marker": "s"},
    "place": {"color": "#8cc37d", "border": "#3b7a2c", "shape": "triangle", "marker": "^"},
    "incident": {"color": "#ec7a7c", "border": "#a12a2d", "shape": "diamond", "marker": "D"},
    "commemoration": {"color": "#c49bbd", "border": "#74466c", "shape": "star", "marker": "*"},
    "cluster": {"color": "#d5d0cc", "border": "#6b625b", "shape": "database", "marker": "8"},
}
ANONYMOUS_STYLE = {"color": "#dddddd", "border": "#666666"}
# Above this many nodes the page folds the periphery into one node per class (see `reduce_view`).
DEFAULT_MAX_NODES = 2500
SIZE_MEASURES = ("degree", "betweenness")


class VizError(KgbuildError):
    """A picture cannot be drawn as asked."""


# ---------------------------------------------------------------------------------------------
# Selecting what to draw


def ego_view(view: nx.MultiDiGraph, names: Iterable[str], hops: int) -> tuple[nx.MultiDiGraph, list[str]]:
    """The things within `hops` steps (either direction) of the things `names` match."""
    centres: list[str] = []
    for name in names:
        found = [name] if name in view else find_nodes(view, name)
        if not found:
            raise VizError(f"--focus {name!r}: nothing in the graph is called that")
        centres.extend(n for n in found if n not in centres)
    simple = undirected_simple(view)
    keep: set[str] = set()
    for centre in centres:
        keep.update(nx.single_source_shortest_path_length(simple, centre, cutoff=hops))
    return view.subgraph(keep).copy(), centres


def reduce_view(view: nx.MultiDiGraph, max_nodes: int) -> tuple[nx.MultiDiGraph, str]:
    """A view of at most `max_nodes` nodes, and a note saying what was folded.

    Things no relation connects are dropped first (they only carry evidence); then the least
    connected things are folded into one cluster node per class, their edges redirected to it.
    """
    if view.number_of_nodes() <= max_nodes:
        return view, ""
    simple = undirected_simple(view)
    isolated = [n for n in view if simple.degree(n) == 0]
    reduced = view.copy()
    reduced.remove_nodes_from(isolated)
    note = f"{len(isolated)} unconnected things hidden" if isolated else ""
    if reduced.number_of_nodes() <= max_nodes:
        return reduced, note
    kinds = {d["kind"] for _, d in reduced.nodes(data=True)}
    budget = max(max_nodes - len(kinds), 1)
    degree = dict(undirected_simple(reduced).degree())
    ranked = sorted(reduced, key=lambda n: (-degree[n], reduced.nodes[n]["label"]))
    keep = set(ranked[:budget])
    folded: dict[str, list[str]] = {}
    for node in ranked[budget:]:
        folded.setdefault(reduced.nodes[node]["kind"], []).append(node)
    result = nx.MultiDiGraph(**reduced.graph)
    result.add_nodes_from((n, reduced.nodes[n]) for n in keep)
    cluster_of = {}
    for kind, members in folded.items():
        cluster = f"cluster:{kind}"
        cluster_of.update({m: cluster for m in members})
        sources = sorted({s for m in members for s in reduced.nodes[m]["sources"]})
        result.add_node(cluster, kind="cluster", type=f"{len(members)} × {kind}", label=f"+{len(members)} {kind}",
                        anonymous=False, description=f"{len(members)} less connected {kind} nodes folded together",
                        sources=sources, facts=[], quotes=[], when=None)
    counts: dict[tuple[str, str, str], int] = {}
    for u, v, key, data in reduced.edges(keys=True, data=True):
        a, b = cluster_of.get(u, u), cluster_of.get(v, v)
        if a == u and b == v:
            result.add_edge(u, v, key=key, **data)
        elif a != b:
            counts[(a, b, data["relation"])] = counts.get((a, b, data["relation"]), 0) + 1
    for (a, b, relation), count in counts.items():
        result.add_edge(a, b, key=f"{relation}×{count}", relation=relation, label=f"{relation} ×{count}",
                        source="", quote=None)
    folded_count = sum(len(m) for m in folded.values())
    note = "; ".join(filter(None, [note, f"{folded_count} less connected things folded into class clusters "
                                         f"(limit {max_nodes}; use --focus to see them)"]))
    return result, note


def node_sizes(view: nx.MultiDiGraph, measure: str) -> dict[str, float]:
    """Centrality of each node, scaled 1..10, for drawing node sizes."""
    simple = undirected_simple(view)
    if measure == "degree":
        raw = dict(simple.degree())
    elif measure == "betweenness":
        k = BETWEENNESS_SAMPLE if simple.number_of_nodes() > EXACT_BETWEENNESS_LIMIT else None
        raw = nx.betweenness_centrality(simple, k=k, seed=1)
    else:
        raise VizError(f"--size-by {measure!r}: choose one of {', '.join(SIZE_MEASURES)}")
    top = max(raw.values(), default=0) or 1
    return {n: 1 + 9 * value / top for n, value in raw.items()}


# ---------------------------------------------------------------------------------------------
# Page data


def _when(when) -> dict | None:
    if when is None:
        return None
    return {"text": when.text, "start": when.start, "end": when.end, "uncertain": when.uncertain}


def _quote(quote) -> dict | None:
    if quote is None:
        return None
    return {"text": quote.text, "source": quote.source, "start": quote.start, "end": quote.end}


def _merged_facts(facts) -> list[list[str]]:
    """[name, value, sources]: a value stated by several sources is listed once, with all of them."""
    merged: dict[tuple[str, str], list[str]] = {}
    for fact in facts:
        sources = merged.setdefault((fact.name, fact.value), [])
        if fact.source not in sources:
            sources.append(fact.source)
    return [[name, value, ", ".join(sources)] for (name, value), sources in merged.items()]


def _node_record(node: str, data: dict) -> dict:
    return {
        "id": node,
        "label": data["label"],
        "kind": data["kind"],
        "type": data["type"],
        "anonymous": bool(data["anonymous"]),
        "description": data["description"],
        "sources": list(data["sources"]),
        "facts": _merged_facts(data["facts"]),
        "quotes": [_quote(q) for q in data["quotes"]],
        "when": _when(data["when"]),
    }


def graph_data(view: nx.MultiDiGraph, *, title: str, focus: list[str] | None = None,
               sizes: dict[str, float] | None = None, note: str = "") -> dict:
    nodes = []
    for node, data in view.nodes(data=True):
        record = _node_record(node, data)
        if sizes:
            record["size"] = round(sizes.get(node, 1), 3)
        nodes.append(record)
    edges = [
        {"from": u, "to": v, "relation": d["relation"], "label": d["label"], "source": d["source"],
         "quote": _quote(d.get("quote"))}
        for u, v, d in view.edges(data=True)
    ]
    present = {n["kind"] for n in nodes}
    return {
        "title": title,
        "nodes": nodes,
        "edges": edges,
        "kinds": [k for k in KIND_NAMES if k in present],
        "sources": sorted({s for n in nodes for s in n["sources"]}),
        "styles": KIND_STYLE,
        "anonymous": ANONYMOUS_STYLE,
        "focus": focus or [],
        "note": note,
    }


def _group_label(view: nx.MultiDiGraph, node: str, relation: str, seen: frozenset = frozenset()) -> str | None:
    """Label of the item's place (or institution); a sub-incident without one takes its whole's."""
    targets = sorted(view.nodes[v]["label"] for _, v, d in view.out_edges(node, data=True) if d["relation"] == relation)
    if targets:
        return targets[0]
    for _, whole, d in view.out_edges(node, data=True):
        if d["relation"] == "partOf" and whole not in seen:
            return _group_label(view, whole, relation, seen | {node})
    return None


def timeline_data(view: nx.MultiDiGraph, *, title: str, group_by: str = "place") -> dict:
    items, undated = [], []
    for node, data in view.nodes(data=True):
        if data["kind"] not in ("incident", "commemoration"):
            continue
        when = data["when"]
        if when is None or when.start is None or when.end is None:
            day = next((f.value for f in data["facts"] if f.name == "dayOfYear"), None)
            undated.append({"id": node, "label": data["label"],
                            "note": f"yearly on {day[2:]}" if day else (when.text if when else "")})
            continue
        record = _node_record(node, data)
        sequence = next((f.value for f in data["facts"] if f.name == "sequence"), None)
        record["sequence"] = int(sequence) if sequence and sequence.isdigit() else 0
        record["groups"] = {rel: _group_label(view, node, rel) for rel in ("place", "institution")}
        record["relations"] = [
            {"dir": "out" if u == node else "in", "label": d["label"], "other": v if u == node else u,
             "otherLabel": view.nodes[v if u == node else u]["label"], "source": d["source"],
             "quote": _quote(d.get("quote"))}
            for u, v, d in list(view.out_edges(node, data=True)) + list(view.in_edges(node, data=True))
        ]
        items.append(record)
    items.sort(key=lambda r: (r["when"]["start"], r["sequence"], r["label"]))
    return {"title": title, "items": items, "undated": sorted(undated, key=lambda u: u["label"]),
            "styles": KIND_STYLE, "groupBy": group_by}


# ---------------------------------------------------------------------------------------------
# HTML


def script_json(data: dict) -> str:
    """JSON safe inside <script>: no character of it can close the element or start markup."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _vis_assets() -> tuple[str, str]:
    """vis-network's script and stylesheet from the pyvis package (newest bundled version)."""
    try:
        lib = resources.files("pyvis") / "lib"
        versions = sorted((p for p in lib.iterdir() if p.name.startswith("vis-")),
                          key=lambda p: [int(x) for x in re.findall(r"\d+", p.name)])
        folder = versions[-1]
        js = (folder / "vis-network.min.js").read_text(encoding="utf-8")
        css = (folder / "vis-network.css").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, IndexError, OSError) as exc:
        raise VizError(f"vis-network not found in the pyvis package ({exc}); install pyvis>=0.3") from None
    return js, css


def _inline(text: str, closing: str) -> str:
    # An inlined library must not contain its own closing tag; "<\/" means the same to JS and CSS.
    return re.sub(f"</({closing})", r"<\\/\1", text, flags=re.IGNORECASE)


def _fill(template: str, values: dict[str, str]) -> str:
    # One pass, so text put in for one placeholder is never searched for another.
    return re.sub(r"@@([A-Z_]+)@@", lambda m: values[m.group(1)], template)


def _page(template: str, values: dict[str, str], scripts: tuple[str, ...]) -> str:
    """Fill a page template; only the page's own scripts may run (CSP hashes, no 'unsafe-inline'),
    so even markup that slipped into the page could not run an inline event handler."""
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(values[name].encode("utf-8")).digest()).decode() + "'"
        for name in scripts)
    return _fill(_template(template), {**values, "SCRIPT_HASHES": hashes})


def _template(name: str) -> str:
    return (TEMPLATES / name).read_text(encoding="utf-8")


def graph_html(view: nx.MultiDiGraph, *, title: str = "kgbuild graph", focus: list[str] | None = None,
               size_by: str | None = None, max_nodes: int = DEFAULT_MAX_NODES) -> str:
    """The interactive graph page for `view` (already cut to a focus, if any)."""
    reduced, note = reduce_view(view, max_nodes)
    sizes = node_sizes(reduced, size_by) if size_by else None
    data = graph_data(reduced, title=title, focus=focus, sizes=sizes, note=note)
    vis_js, vis_css = _vis_assets()
    return _page("graph.html", {
        "TITLE": html.escape(title),
        "VIS_CSS": _inline(vis_css, "style"),
        "PAGE_CSS": _inline(_template("page.css"), "style"),
        "DATA": script_json(data),
        "VIS_JS": _inline(vis_js, "script"),
        "PANEL_JS": _inline(_template("panel.js"), "script"),
        "APP_JS": _inline(_template("graph.js"), "script"),
    }, scripts=("VIS_JS", "PANEL_JS", "APP_JS"))


def timeline_html(view: nx.MultiDiGraph, *, title: str = "kgbuild timeline", group_by: str = "place") -> str:
    """The timeline page: incidents and commemorations of `view` on a time axis."""
    if group_by not in ("place", "institution"):
        raise VizError(f"--group-by {group_by!r}: choose place or institution")
    data = timeline_data(view, title=title, group_by=group_by)
    return _page("timeline.html", {
        "TITLE": html.escape(title),
        "PAGE_CSS": _inline(_template("page.css"), "style"),
        "DATA": script_json(data),
        "PANEL_JS": _inline(_template("panel.js"), "script"),
        "APP_JS": _inline(_template("timeline.js"), "script"),
    }, scripts=("PANEL_JS", "APP_JS"))


# ---------------------------------------------------------------------------------------------
# Static figure


def figure(view: nx.MultiDiGraph, fmt: str, *, title: str = "", size_by: str | None = None,
           max_nodes: int = 300) -> bytes:
    """A static drawing of `view` as SVG or PNG bytes (matplotlib, labels in DejaVu Sans)."""
    if fmt not in ("svg", "png"):
        raise VizError(f"figure format {fmt!r}: choose svg or png")
    try:
        import matplotlib
    except ModuleNotFoundError:
        raise VizError("static figures need matplotlib: pip install 'matplotlib>=3.7'") from None
    matplotlib.use("Agg")  # no display needed
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    reduced, note = reduce_view(view, max_nodes)
    simple = undirected_simple(reduced)
    n = simple.number_of_nodes()
    if n == 0:
        raise VizError("nothing to draw: the graph has no persons, places, institutions, incidents or commemorations")
    sizes = node_sizes(reduced, size_by) if size_by else {node: 3.0 for node in reduced}
    pos = _layout(simple)
    side = min(6 + n ** 0.5 * 1.6, 40)
    with plt.rc_context({"font.family": "DejaVu Sans", "svg.fonttype": "path", "svg.hashsalt": "kgbuild"}):
        fig, ax = plt.subplots(figsize=(side * 1.25, side))
        ax.set_axis_off()
        _draw_edges(ax, reduced, pos)
        _draw_nodes(ax, reduced, pos, sizes)
        ax.legend(handles=_legend(reduced, Line2D), loc="lower left", fontsize=9, frameon=False)
        if title or note:
            ax.set_title("\n".join(filter(None, [title, note])), fontsize=11)
        buffer = io.BytesIO()
        fig.savefig(buffer, format=fmt, dpi=150, bbox_inches="tight", metadata=_figure_metadata(fmt))
        plt.close(fig)
    return buffer.getvalue()


def _draw_edges(ax, view: nx.MultiDiGraph, pos: dict) -> None:
    for u, v, data in view.edges(data=True):
        color = "#b55" if data["relation"] == "participation" else "#999"
        ax.annotate("", xy=pos[v], xytext=pos[u],
                    arrowprops={"arrowstyle": "-|>", "color": color, "lw": 0.8, "shrinkA": 9, "shrinkB": 9,
                                "connectionstyle": "arc3,rad=0.08"})
    if view.number_of_edges() > 150:
        return  # edge labels would bury the drawing
    seen = set()
    for u, v, data in view.edges(data=True):
        if (u, v) in seen:
            continue
        seen.add((u, v))
        (x1, y1), (x2, y2) = pos[u], pos[v]
        ax.text((x1 + x2) / 2, (y1 + y2) / 2, data["label"], fontsize=6, color="#844", ha="center", va="center",
                bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.7})


def _draw_nodes(ax, view: nx.MultiDiGraph, pos: dict, sizes: dict) -> None:
    for kind in (*KIND_NAMES, "cluster"):
        style = KIND_STYLE[kind]
        for anonymous in (False, True):
            members = [m for m, d in view.nodes(data=True)
                       if d["kind"] == kind and bool(d["anonymous"]) == anonymous]
            if not members:
                continue
            look = ANONYMOUS_STYLE if anonymous else style
            ax.scatter([pos[m][0] for m in members], [pos[m][1] for m in members],
                       s=[60 + 40 * sizes[m] for m in members], marker=style["marker"],
                       c=look["color"], edgecolors=look["border"],
                       linewidths=1.4 if anonymous else 0.8, linestyles="--" if anonymous else "-", zorder=3)
    for node, data in view.nodes(data=True):
        label = data["label"] if len(data["label"]) <= 32 else data["label"][:31] + "…"
        x, y = pos[node]
        ax.text(x, y - 0.035, label, fontsize=8, ha="center", va="top", zorder=4,
                color="#555" if data["anonymous"] else "#111", style="italic" if data["anonymous"] else "normal")


def _legend(view: nx.MultiDiGraph, line) -> list:
    kinds = {d["kind"] for _, d in view.nodes(data=True)}
    handles = [line([], [], linestyle="", marker=KIND_STYLE[k]["marker"], markersize=9, label=k,
                    markerfacecolor=KIND_STYLE[k]["color"], markeredgecolor=KIND_STYLE[k]["border"])
               for k in (*KIND_NAMES, "cluster") if k in kinds]
    if any(d["anonymous"] for _, d in view.nodes(data=True)):
        handles.append(line([], [], linestyle="", marker="o", markersize=9, label="anonymous",
                            markerfacecolor=ANONYMOUS_STYLE["color"], markeredgecolor=ANONYMOUS_STYLE["border"]))
    return handles


def _layout(simple: nx.Graph) -> dict:
    """Each connected component laid out on its own, the largest on the left, the rest stacked
    beside it: a lone node would otherwise push everything else into a corner."""
    components = sorted(nx.connected_components(simple), key=lambda c: (-len(c), min(c)))
    pos: dict = {}
    column_x, column_y = 0.0, 0.0
    for index, members in enumerate(components):
        sub = simple.subgraph(members)
        # Fruchterman-Reingold on numpy alone (figures stay below networkx's scipy threshold of 500).
        local = nx.spring_layout(sub, seed=1, k=2.2 / len(members) ** 0.5, iterations=400) if len(members) > 1 \
            else {next(iter(members)): (0.0, 0.0)}
        scale = 1.0 if index == 0 else max(0.12, 0.5 * (len(members) / len(components[0])) ** 0.5)
        if index == 0:
            for node, (x, y) in local.items():
                pos[node] = (x, y)
            column_x, column_y = 1.35, 1.0
            continue
        if column_y - 2 * scale < -1.0:
            column_x, column_y = column_x + 0.6, 1.0
        for node, (x, y) in local.items():
            pos[node] = (column_x + x * scale, column_y - scale + y * scale)
        column_y -= 2 * scale + 0.15
    return pos


def _figure_metadata(fmt: str) -> dict:
    # Without a date the same graph gives the same file: figures can be committed and diffed.
    return {"Date": None} if fmt == "svg" else {}
