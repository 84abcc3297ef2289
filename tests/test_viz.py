"""The relationship view and the pictures drawn from it: graph page, timeline page, static figure."""

import json
import re
import warnings

import networkx as nx
import pytest
from click.testing import CliRunner
from rdflib import Dataset, Literal, URIRef

from kgbuild.cli import main
from kgbuild.relations import parse_when, relationship_view
from kgbuild.viz import (
    TEMPLATES,
    ego_view,
    figure,
    graph_data,
    graph_html,
    reduce_view,
    script_json,
    timeline_data,
    timeline_html,
)
from graph_fixtures import FIXTURE, ID, EVIL, EVIL_QUOTE, load_fixture, add_evil_person



@pytest.fixture(scope="module")
def dataset():
    return load_fixture()


@pytest.fixture(scope="module")
def view(dataset):
    return relationship_view(dataset)




@pytest.fixture
def evil_dataset(tmp_path):
    ds = Dataset()
    ds.parse(FIXTURE, format="trig")
    add_evil_person(ds)
    path = tmp_path / "evil.trig"
    path.write_text(ds.serialize(format="trig"), encoding="utf-8")
    return path


# --- the relationship view ---------------------------------------------------------------------


def test_view_holds_every_kind_of_thing(view):
    kinds = {}
    for _, data in view.nodes(data=True):
        kinds[data["kind"]] = kinds.get(data["kind"], 0) + 1
    assert kinds == {"person": 10, "group": 2, "institution": 4, "place": 5, "incident": 8, "commemoration": 2}
    anonymous = [d["label"] for _, d in view.nodes(data=True) if d["anonymous"] and d["kind"] == "person"]
    assert "маленькая трёхлетняя дочь" in anonymous and len(anonymous) == 8


def edges_between(view, a, b):
    return [d for d in view.get_edge_data(ID + a, ID + b, default={}).values()]


def test_participations_are_edges_labelled_by_role_with_quotes(view):
    roles = {d["label"]: d for d in edges_between(view, "person/serik-omarov", "incident/escape-1997-08-09")}
    assert roles["guard"]["relation"] == "participation"
    assert roles["guard"]["source"] == "zhaman-sopka-escape"
    assert roles["guard"]["quote"].text.startswith("Капитан внутренней службы Серик Омаров")
    assert roles["diedIn"]["source"] == "duis-sko-minute-of-silence"  # the note's less precise account stays


def test_kinship_is_drawn_once_with_its_kin_term(view):
    spouse = edges_between(view, "person/serik-omarov", "person/kaiken") + \
        edges_between(view, "person/kaiken", "person/serik-omarov")
    assert [(d["relation"], d["label"]) for d in spouse] == [("spouse", "супруга")]
    assert [d["label"] for d in edges_between(view, "person/hostage-man", "person/hostage-son-in-law")] == ["зять"]
    parents = [u for u, _, d in view.in_edges(ID + "person/civilian-girl", data=True) if d["relation"] == "parentOf"]
    assert sorted(parents) == [ID + "person/civilian-man", ID + "person/civilian-woman"]


def test_each_source_keeps_its_own_edge(view):
    sources = sorted(d["source"] for d in edges_between(view, "incident/escape-1997-08-09", "institution/es-164-4"))
    assert sources == ["duis-sko-minute-of-silence", "zhaman-sopka-escape"]


def test_view_of_one_source(dataset):
    note = relationship_view(dataset, sources=["duis-sko-minute-of-silence"])
    assert sorted(d["label"] for _, d in note.nodes(data=True)) == [
        "Горный", "ДУИС по СКО", "ЕС-164/4", "Минута молчания в Горном", "Побег из ЕС-164/4", "Серик Омаров"]


@pytest.mark.parametrize("literal, edtf, expected", [
    (Literal("1997-08-09", datatype=URIRef("http://www.w3.org/2001/XMLSchema#date")), None,
     ("1997-08-09", "1997-08-09", False)),
    (Literal("1997-08", datatype=URIRef("http://www.w3.org/2001/XMLSchema#gYearMonth")), "1997-08~",
     ("1997-08-01", "1997-08-31", True)),
    (Literal("1996", datatype=URIRef("http://www.w3.org/2001/XMLSchema#gYear")), None,
     ("1996-01-01", "1996-12-31", False)),
    (None, "196X", ("1960-01-01", "1969-12-31", True)),
    (None, "1994-08/1994-09", ("1994-08-01", "1994-09-30", True)),
])
def test_dates_become_day_ranges(literal, edtf, expected):
    when = parse_when(literal, edtf)
    assert (when.start, when.end, when.uncertain) == expected


# --- the graph page ----------------------------------------------------------------------------


def page_data(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    return json.loads(match.group(1))


def test_graph_page_is_self_contained(view):
    page = graph_html(view, title="Жаман-сопка")
    assert "vis-network" in page and "new vis.Network" in page
    assert not re.search(r"""<(script|link|img|iframe)[^>]+(src|href)\s*=""", page, re.I)
    assert "default-src 'none'; script-src 'sha256-" in page  # only its own scripts run
    data = page_data(page)
    assert len(data["nodes"]) == 31 and len(data["edges"]) == view.number_of_edges()
    omarov = next(n for n in data["nodes"] if n["label"] == "Серик Омаров")
    assert ["rank", "капитан внутренней службы", "zhaman-sopka-escape"] in omarov["facts"]
    assert ["familyName", "Омаров", "duis-sko-minute-of-silence, zhaman-sopka-escape"] in omarov["facts"]
    assert {"text": "Капитан Омаров", "source": "zhaman-sopka-escape", "start": 2782, "end": 2796} in omarov["quotes"]


def test_article_text_reaches_the_page_only_as_escaped_json(evil_dataset):
    ds = Dataset()
    ds.parse(evil_dataset, format="trig")
    page = graph_html(relationship_view(ds))
    assert EVIL not in page and "<b>bold</b>" not in page
    assert page.count("</script") == 4  # data, vis-network, panel, graph: no element closed early
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in page
    evil = next(n for n in page_data(page)["nodes"] if n["id"] == ID + "person/evil")
    assert evil["label"] == EVIL and evil["quotes"][0]["text"] == EVIL_QUOTE
    for script in ("graph.js", "timeline.js", "panel.js"):
        code = (TEMPLATES / script).read_text(encoding="utf-8")
        assert not re.search(r"\.(innerHTML|outerHTML|insertAdjacentHTML)|document\.write", code), script


def test_script_json_cannot_close_the_script_element():
    text = script_json({"a": "</script><!-- & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"a": "</script><!-- & \u2028"}


def test_title_is_escaped(view):
    page = graph_html(view, title="<b>Жаман</b>")
    assert "<title>&lt;b&gt;Жаман&lt;/b&gt;</title>" in page


def test_focus_keeps_the_ego_network(view):
    ego, centres = ego_view(view, ["Кайкен"], 1)
    assert centres == [ID + "person/kaiken"]
    assert sorted(d["label"] for _, d in ego.nodes(data=True)) == ["Кайкен", "Серик Омаров"]
    wider, _ = ego_view(view, ["Кайкен"], 2)
    assert "Побег из ЕС-164/4" in {d["label"] for _, d in wider.nodes(data=True)}


def test_size_by_centrality_gives_the_escape_the_biggest_node(view):
    nodes = graph_data(view, title="t", sizes=None)["nodes"]
    assert all("size" not in n for n in nodes)
    page = graph_html(view, size_by="betweenness")
    sized = {n["label"]: n["size"] for n in page_data(page)["nodes"]}
    assert max(sized, key=sized.get) == "Побег из ЕС-164/4"


def big_view(n_people: int) -> nx.MultiDiGraph:
    view = nx.MultiDiGraph()

    def node(key, kind, label):
        view.add_node(key, kind=kind, type=kind.capitalize(), label=label, anonymous=False, description=None,
                      sources=["s"], facts=[], quotes=[], when=None)
    node("colony", "institution", "ЕС-164/4")
    for i in range(n_people):
        node(f"p{i}", "person", f"заключённый {i}")
        view.add_edge(f"p{i}", "colony", relation="memberOf", label="memberOf", source="s", quote=None)
    for i in range(50):
        node(f"lonely{i}", "place", f"место {i}")
    return view


def test_large_graphs_are_folded_to_stay_usable():
    view = big_view(3000)
    reduced, note = reduce_view(view, 500)
    assert reduced.number_of_nodes() <= 500
    cluster = reduced.nodes["cluster:person"]
    assert cluster["kind"] == "cluster" and cluster["label"].startswith("+")
    assert "50 unconnected things hidden" in note and "folded into class clusters" in note
    assert reduced.has_edge("cluster:person", "colony")
    assert reduce_view(view, 10_000) == (view, "")


# --- the timeline ------------------------------------------------------------------------------


def test_timeline_items_carry_ranges_and_bands(view):
    data = timeline_data(view, title="t")
    items = {i["label"]: i for i in data["items"]}
    assert len(items) == 9  # 8 incidents, the minute of silence; the yearly day has no year
    death = items["Смерть задержанного в больнице"]
    assert death["when"] == {"text": "1997-08~", "start": "1997-08-01", "end": "1997-08-31", "uncertain": True}
    assert items["Угон автомобиля"]["groups"]["place"] == "Горный"  # from the escape it is part of
    assert items["Перестрелка с блокпостом"]["groups"]["place"] == "блокпост на трассе"
    assert items["Нападение на караул"]["sequence"] == 1
    assert data["undated"] == [{"id": ID + "commemoration/uis-day",
                                "label": "День сотрудников уголовно-исполнительной системы",
                                "note": "yearly on 12-13"}]


def test_timeline_page_is_self_contained_and_escaped(evil_dataset):
    ds = Dataset()
    ds.parse(evil_dataset, format="trig")
    page = timeline_html(relationship_view(ds), title=EVIL, group_by="institution")
    assert EVIL not in page
    assert page.count("</script") == 3
    assert '"groupBy":"institution"' in page


# --- the static figure -------------------------------------------------------------------------


@pytest.mark.parametrize("fmt, magic", [("svg", b"<?xml"), ("png", b"\x89PNG")])
def test_figure_draws_cyrillic_labels_without_missing_glyphs(view, fmt, magic):
    pytest.importorskip("matplotlib")
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=".*[Gg]lyph.*missing.*")
        data = figure(view, fmt, title="Жаман-сопка")
    assert data.startswith(magic)


# --- the command -------------------------------------------------------------------------------


def test_cli_viz_writes_each_kind_of_picture(tmp_path):
    runner = CliRunner()
    for args, name in ((["--focus", "Омаров", "--hops", "1"], "graph.html"),
                       (["--timeline"], "timeline.html"),
                       ([], "figure.svg")):
        result = runner.invoke(main, ["viz", str(FIXTURE), "--out", str(tmp_path / name), *args])
        assert result.exit_code == 0, result.output
        assert (tmp_path / name).stat().st_size > 1000
    focused = page_data((tmp_path / "graph.html").read_text(encoding="utf-8"))
    assert focused["focus"] == [ID + "person/serik-omarov"]
    # Omarov, his wife, his colony, the escape, two of its parts, two commemorations
    assert len(focused["nodes"]) == 8


def test_cli_viz_with_unknown_focus_is_one_line(tmp_path):
    result = CliRunner().invoke(main, ["viz", str(FIXTURE), "--out", str(tmp_path / "g.html"), "--focus", "Наполеон"])
    assert result.exit_code != 0
    assert result.output.strip() == "kgbuild: error: --focus 'Наполеон': nothing in the graph is called that"
    assert not (tmp_path / "g.html").exists()


def test_cli_viz_of_malformed_trig_names_the_file(tmp_path):
    bad = tmp_path / "bad.trig"
    bad.write_text("@prefix : <x> .\n:a :b \"open\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["viz", str(bad), "--out", str(tmp_path / "g.html")])
    assert result.exit_code != 0
    assert result.output.startswith(f"kgbuild: error: {bad}: not valid TriG") and "Traceback" not in result.output
