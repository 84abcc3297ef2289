"""How things are connected: paths with their evidence, centrality, communities."""

import csv
import io

import pytest
from click.testing import CliRunner

from kgbuild.cli import main
from kgbuild.namespaces import KGB
from kgbuild.network import NotFound, centrality, connections, find_nodes, format_path, resolve
from kgbuild.relations import relationship_view
from graph_fixtures import FIXTURE, ID, load_fixture



@pytest.fixture(scope="module")
def dataset():
    return load_fixture()


@pytest.fixture(scope="module")
def view(dataset):
    return relationship_view(dataset)


def source_texts(dataset) -> dict[str, str]:
    return {str(g.value(s, KGB.identifier)): str(g.value(s, KGB.text))
            for g in dataset.graphs() for s in g.subjects(KGB.text, None)}


def labels(view, hops):
    return [view.nodes[hops[0].start]["label"]] + [view.nodes[h.end]["label"] for h in hops]


def test_fixture_evidence_points_at_its_quote(dataset):
    texts = source_texts(dataset)
    checked = 0
    for graph in dataset.graphs():
        for evidence in graph.subjects(KGB.quote, None):
            source = str(graph.value(graph.value(evidence, KGB.source), KGB.identifier))
            start, end = int(graph.value(evidence, KGB.start)), int(graph.value(evidence, KGB.end))
            assert texts[source][start:end] == str(graph.value(evidence, KGB.quote))
            checked += 1
    assert checked >= 70


def test_kaiken_reaches_the_colony_through_omarov_and_the_escape(view, dataset):
    routes = connections(view, "Кайкен", "ЕС-164/4", max_hops=3)
    found = [r for r in routes if labels(view, r) == ["Кайкен", "Серик Омаров", "Побег из ЕС-164/4", "ЕС-164/4"]]
    assert found, [labels(view, r) for r in routes]
    spouse, guard, institution = found[0]
    assert (spouse.label, guard.label, institution.label) == ("супруга", "guard", "institution")
    texts = source_texts(dataset)
    for hop in found[0]:
        assert hop.quote is not None
        assert texts[hop.quote.source][hop.quote.start:hop.quote.end] == hop.quote.text
    assert "Серик Омаров вместе с двумя военнослужащими" in guard.quote.text


def test_shortest_routes_come_first(view):
    routes = connections(view, "Кайкен", "ЕС-164/4", max_hops=3)
    lengths = [len(r) for r in routes]
    assert lengths == sorted(lengths) and lengths[0] == 2  # Omarov served there: kgb:memberOf
    assert [labels(view, r) for r in connections(view, "Кайкен", "ЕС-164/4")] == [
        ["Кайкен", "Серик Омаров", "ЕС-164/4"]]


@pytest.mark.parametrize("typed, expected", [
    ("Серик Омаров", "person/serik-omarov"),
    ("омаров", "person/serik-omarov"),
    ("Omarov", "person/serik-omarov"),          # Latin input, transliterated labels
    ("Kaiken", "person/kaiken"),
    ("ес-164/4", "institution/es-164-4"),       # exact label beats "Побег из ЕС-164/4"
    ("Жаман-сопка", "institution/es-164-4"),    # another name
    ("побег", "incident/escape-1997-08-09"),
    ("Горный", "place/gornyi"),
])
def test_things_are_found_by_what_a_historian_types(view, typed, expected):
    assert resolve(view, typed) == ID + expected


def test_an_ambiguous_name_lists_the_candidates(view):
    with pytest.raises(NotFound, match="'мужчина' matches 2 things"):
        resolve(view, "мужчина")
    assert len(find_nodes(view, "мужчина")) == 2


def test_unconnected_things_have_no_path(view):
    assert connections(view, "7152.kz", "Кайкен") == []


def test_path_text_shows_relation_source_and_quote(view):
    route = connections(view, "Кайкен", "Серик Омаров")[0]
    text = format_path(view, route)
    assert text.splitlines()[0] == "Кайкен → Серик Омаров"
    assert "Кайкен ←супруга— Серик Омаров  [zhaman-sopka-escape]" in text
    assert "«У капитана Омаров остались супруга Кайкен»" in text


def test_cli_paths_prints_each_hop(tmp_path):
    result = CliRunner().invoke(main, ["paths", str(FIXTURE), "Kaiken", "ЕС-164/4", "--max-hops", "3"])
    assert result.exit_code == 0, result.output
    assert "Кайкен → Серик Омаров → Побег из ЕС-164/4 → ЕС-164/4" in result.output
    assert "Серик Омаров —guard→ Побег из ЕС-164/4  [zhaman-sopka-escape]" in result.output


def test_cli_paths_with_an_unknown_name_is_one_line(tmp_path):
    result = CliRunner().invoke(main, ["paths", str(FIXTURE), "Кайкен", "Наполеон"])
    assert result.exit_code != 0
    assert result.output.strip() == "kgbuild: error: nothing in the graph is called 'Наполеон'"


def test_the_escape_is_the_bridge_of_the_story(view):
    rows = centrality(view)
    assert rows[0].label == "Побег из ЕС-164/4"
    assert len(rows) == view.number_of_nodes()
    by_label = {r.label: r for r in rows}
    assert by_label["Серик Омаров"].degree == 7
    assert by_label["7152.kz"].betweenness == 0
    # the family killed together falls in one community
    family = {by_label[name].community for name in ("Убийство семьи", "маленькая трёхлетняя дочь", "женщина")}
    assert len(family) == 1


def test_cli_network_csv_has_a_row_per_thing(view):
    result = CliRunner().invoke(main, ["network", str(FIXTURE), "--csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert len(rows) == view.number_of_nodes()
    assert rows[0]["label"] == "Побег из ЕС-164/4" and rows[0]["class"] == "incident"


def test_cli_network_table_lists_communities():
    result = CliRunner().invoke(main, ["network", str(FIXTURE), "--top", "5"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].split() == ["label", "class", "degree", "betweenness", "community"]
    assert "… 26 more (--top 0 shows all)" in result.output
    assert "communities (Louvain):" in result.output


def test_cli_network_of_one_source(tmp_path):
    result = CliRunner().invoke(main, ["network", str(FIXTURE), "--csv", "--source", "duis-sko-minute-of-silence"])
    assert result.exit_code == 0, result.output
    assert len(list(csv.DictReader(io.StringIO(result.output)))) == 6


def test_in_the_seed_articles_own_graph_kaiken_reaches_the_colony_through_omarov_and_the_escape(
        seed_build, tmp_path):
    """Built from the seed article itself, not a fixture: the route runs through Омаров's
    part in the escape (the attack on his escort, or his killing) to ЕС-164/4, each hop quoted."""
    out = tmp_path / "seed.trig"
    from kgbuild.store import save_dataset

    save_dataset(seed_build.dataset, out)
    result = CliRunner().invoke(main, ["paths", str(out), "Кайкен", "ЕС-164/4", "--max-hops", "4"])
    assert result.exit_code == 0, result.output
    first = result.output.split("\n\n")[0]
    route = first.splitlines()[0]
    assert route.startswith("Кайкен → Серик Омаров →") and route.endswith("→ побег → ЕС-164/4")
    assert "«У капитана Омаров остались супруга Кайкен" in first
    assert first.count("«") >= 4  # a quote for every hop
