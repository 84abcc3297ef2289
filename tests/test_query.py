"""`kgbuild query` and the query library: the same answers from rdflib and pyoxigraph."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef

from kgbuild.cli import main
from kgbuild.errors import QueryError
from kgbuild.query import OxigraphEngine, RdflibEngine, library, library_query, parse_binding
from kgbuild.store import load_dataset, load_oxigraph, write_store

SAMPLE = Path(__file__).parent / "fixtures" / "queries" / "sample.trig"
LIBRARY = ["anonymous-victims", "commemorations", "conflicts", "fallen", "institutions", "participants",
           "person-network", "persons", "source", "timeline"]
SERIK = "<https://w3id.org/kgbuild/id/person/serik-omarov>"


@pytest.fixture(scope="module")
def engines():
    return RdflibEngine(load_dataset(SAMPLE)), OxigraphEngine(load_oxigraph(SAMPLE))


def kg(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    return result


def test_the_library_holds_the_documented_queries_each_with_a_comment_header():
    assert sorted(library()) == LIBRARY
    for name in LIBRARY:
        text = library_query(name)
        assert text.startswith("# "), name


@pytest.mark.parametrize("name", LIBRARY)
def test_every_library_query_gives_identical_rows_on_rdflib_and_pyoxigraph(engines, name):
    rdflib_, oxigraph = engines
    expected = rdflib_.run(library_query(name))
    assert expected.rows, f"{name} finds nothing in the sample"
    assert oxigraph.run(library_query(name)).canonical() == expected.canonical()


@pytest.mark.parametrize("name, binding, expected_rows", [
    ("participants", "incident=<https://w3id.org/kgbuild/id/incident/seizure-1997>", 2),
    ("person-network", "name=Серик Омаров@ru", 8),
    ("source", "source=<https://w3id.org/kgbuild/id/source/b>", None),
])
def test_bindable_library_queries_narrow_to_the_bound_value_on_both_engines(engines, name, binding,
                                                                           expected_rows):
    variable, term = parse_binding(binding)
    answers = [engine.run(library_query(name), bindings={variable: term}) for engine in engines]
    assert answers[0].canonical() == answers[1].canonical()
    column = answers[0].columns.index(variable)
    assert {row[column] for row in answers[0].rows} == {term}
    if expected_rows is not None:
        assert len(answers[0].rows) == expected_rows


def test_conflicts_shows_both_ages_with_their_sources_and_quotes(engines):
    rows = engines[1].run(library_query("conflicts")).table().rows
    ages = [r for r in rows if r[2] == "kgb:age"]
    assert {(r[3], r[6]) for r in ages} == {("40", "41")}
    assert {r[5] for r in ages} == {"капитан Омаров", "погиб 40-летний"}
    assert {r[8] for r in ages} == {"41-летний Серик Омаров"}


def test_a_persons_network_lists_kin_institution_death_roles_and_honours(engines):
    expected = {
        ("kgb:spouse", "Айгуль Омарова"), ("kgb:parentOf", "трёхлетняя дочь"),
        ("kgb:relativeOf", "Кайкен Омаров"), ("kgb:memberOf", "ЕС-164/4"),
        ("kgb:diedIn", "Побег из ЕС-164/4"), ("kgr:victim", "Побег из ЕС-164/4"),
        ("kgb:commemorates", "Мемориальная доска Серику Омарову"), ("kgb:commemorates", "Орден Мужества"),
    }
    for engine in engines:
        rows = engine.run(library_query("person-network"), bindings=dict([parse_binding("name=Серик Омаров@ru")])).table().rows
        assert {(r[2], r[4]) for r in rows} == expected, engine.name


def test_binding_a_variable_the_query_computes_itself_still_narrows_the_answer(engines):
    # participants.rq BINDs ?agentLabel: a VALUES block cannot bind it, a substitution can.
    answer = engines[1].run(library_query("participants"), bindings=dict([parse_binding("agentLabel=водитель")]))
    assert [(r[2], r[4]) for r in answer.table().rows] == [("kgr:hostage", "водитель")]


def test_a_bound_name_is_data_not_query_text(engines):
    # A value that would break out of a string if it were pasted into the query.
    hostile = parse_binding('name=x" } ; DROP ALL ; SELECT * { "@ru')[1]
    for engine in engines:
        assert engine.run(library_query("person-network"), bindings={"name": hostile}).rows == []


def test_cli_runs_a_library_query_by_name_on_a_trig_file_and_on_a_store(tmp_path):
    store = write_store(SAMPLE, tmp_path / "kg.store")
    for dataset in (SAMPLE, store):
        result = kg("query", dataset, "--name", "fallen", "--format", "csv")
        assert result.exit_code == 0, result.output
        assert "трёхлетняя дочь" in result.output and "Серик Омаров" in result.output


def test_cli_adds_missing_prefixes_and_keeps_line_numbers_in_syntax_errors():
    ok = kg("query", SAMPLE, "SELECT ?n WHERE { ?p a kgb:Person ; rdfs:label ?n } ORDER BY ?n")
    assert ok.exit_code == 0 and "Айгуль Омарова" in ok.output
    for engine in ("oxigraph", "rdflib"):
        bad = kg("query", SAMPLE, "--engine", engine, "SELECT ?n WHERE {\n  ?p a kgb:Person ;\n  ?? }")
        assert bad.exit_code == 2
        assert "SPARQL syntax error at line 3, column" in bad.output
        assert "Traceback" not in bad.output


@pytest.mark.parametrize("fmt, expected", [
    ("csv", "name,age\nСерик Омаров,40\nСерик Омаров,41\n"),
    ("tsv", '?name\t?age\n"Серик Омаров"@ru\t40\n"Серик Омаров"@ru\t41\n'),
    ("markdown", "| name | age |\n| --- | --- |\n| Серик Омаров | 40 |\n| Серик Омаров | 41 |\n"),
])
def test_cli_output_formats(fmt, expected):
    query = f"SELECT ?name ?age WHERE {{ {SERIK} rdfs:label ?name ; kgb:age ?age }} ORDER BY ?age"
    result = kg("query", SAMPLE, query, "--format", fmt)
    assert result.exit_code == 0, result.output
    assert result.output.replace("\r\n", "\n") == expected


def test_cli_json_is_sparql_results_json():
    result = kg("query", SAMPLE, f"SELECT ?age WHERE {{ {SERIK} kgb:age ?age }} ORDER BY ?age", "--format", "json")
    doc = json.loads(result.output)
    assert doc["head"]["vars"] == ["age"]
    assert doc["results"]["bindings"][0]["age"] == {
        "type": "literal", "value": "40", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}


def test_cli_construct_prints_turtle_and_ask_prints_yes_or_no():
    construct = kg("query", SAMPLE, f"CONSTRUCT {{ {SERIK} kgb:age ?a }} WHERE {{ {SERIK} kgb:age ?a }}")
    assert construct.exit_code == 0
    graph = Graph().parse(data=construct.output, format="turtle")
    assert sorted(int(o) for o in graph.objects()) == [40, 41]
    ask = kg("query", SAMPLE, "ASK { ?x kgb:posthumous true }")
    assert ask.output.strip() == "yes"


def test_cli_bind_limit_and_list():
    bound = kg("query", SAMPLE, "--name", "participants", "--format", "csv",
               "--bind", "incident=<https://w3id.org/kgbuild/id/incident/seizure-1997>")
    assert bound.exit_code == 0 and "водитель" in bound.output and "трёхлетняя дочь" not in bound.output
    limited = kg("query", SAMPLE, "--name", "source", "--limit", "3", "--format", "csv")
    assert len(limited.output.strip().splitlines()) == 4
    listing = kg("query", "--list")
    assert "timeline" in listing.output and "conflicts" in listing.output


def test_cli_timeout_gives_a_clear_error():
    # In a child process: the abandoned query thread ends with it instead of running on here.
    import subprocess
    import sys

    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . ?g ?s ?h }"
    result = subprocess.run([sys.executable, "-c", "from kgbuild.cli import main; main()", "query", str(SAMPLE),
                             slow, "--engine", "rdflib", "--timeout", "0.5"], capture_output=True, text=True,
                            timeout=60, env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1] / "src")})
    assert result.returncode == 2
    assert "timed out after 0.5 s" in result.stderr and "Traceback" not in result.stderr


def test_unknown_library_name_lists_the_available_ones():
    with pytest.raises(QueryError, match="available: anonymous-victims, commemorations"):
        library_query("battles")


@pytest.mark.parametrize("spec, n3", [
    ("x=<https://example.org/a>", "<https://example.org/a>"),
    ("x=kgr:victim", "<https://w3id.org/kgbuild/role#victim>"),
    ("x=42", '"42"^^<http://www.w3.org/2001/XMLSchema#integer>'),
    ("x=Серик Омаров@ru", '"Серик Омаров"@ru'),
    ("x=старший сержант", '"старший сержант"'),
    ('x="1997-08"^^xsd:gYearMonth', '"1997-08"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>'),
])
def test_bind_values_read_as_rdf_terms(spec, n3):
    assert parse_binding(spec)[1].n3() == n3


@pytest.mark.parametrize("spec", ['x=<urn:"x>', "x=<not an iri>", "nameonly", "1x=2"])
def test_bad_bind_values_are_refused(spec):
    with pytest.raises(QueryError, match="--bind"):
        parse_binding(spec)


def test_a_value_both_sources_give_is_not_a_conflict(tmp_path):
    # Source a gives two ages, 40 and 41, source b gives 41: b agrees with one of a's values, so
    # the ages are no conflict; the ranks differ outright and are one.
    data = tmp_path / "two.trig"
    data.write_text("""
        @prefix kgb: <https://w3id.org/kgbuild/ontology#> .
        <urn:a> { <urn:p> kgb:age 40, 41 ; kgb:rank "капитан" . }
        <urn:b> { <urn:p> kgb:age 41 ; kgb:rank "майор" . }
    """, encoding="utf-8")
    for engine in (RdflibEngine(load_dataset(data)), OxigraphEngine(load_oxigraph(data))):
        rows = {(r[2], r[3], r[6]) for r in engine.run(library_query("conflicts")).table().rows}
        assert rows == {("kgb:rank", "капитан", "майор")}, engine.name


@pytest.mark.parametrize("name", LIBRARY)
def test_the_store_orders_library_rows_as_pyoxigraph_itself_does(engines, name):
    # OxigraphEngine sorts a closing ORDER BY in Python: the rows must come out in an order
    # pyoxigraph's own ORDER BY agrees with (rows equal on every key may come in either order).
    from kgbuild.query import Deadline, Ordering, with_prefixes

    text = with_prefixes(library_query(name))
    ordering = Ordering.of(text)
    assert ordering is not None, f"{name}: its ORDER BY is left to pyoxigraph"
    own = engines[1]._answer(text, None, None, Deadline(None), sort_here=False)
    rows = list(own.rows)
    assert ordering.sort(rows, own.columns)
    assert rows == own.rows
    assert engines[1].run(text).canonical() == own.canonical()


@pytest.mark.parametrize("query", [
    f"SELECT ?age WHERE {{ {SERIK} kgb:age ?age }} ORDER BY DESC(?age)",
    # dates sorted bare are left to pyoxigraph
    "SELECT DISTINCT ?date WHERE { ?x kgb:date|kgb:diedOn ?date FILTER (DATATYPE(?date) = xsd:date) } ORDER BY DESC(?date)",
    f'SELECT ?age WHERE {{ {SERIK} kgb:age ?age }} ORDER BY COALESCE(STR(?age), "") LIMIT 1',
    f"SELECT ?age WHERE {{ {SERIK} kgb:age ?age }} ORDER BY DESC(?age) OFFSET 1 LIMIT 5",
    "SELECT DISTINCT ?name WHERE { ?p rdfs:label ?name } ORDER BY STR(?name) LIMIT 2 OFFSET 1",
])
def test_ordered_answers_are_the_same_on_the_store_and_rdflib(engines, query):
    expected = engines[0].run(query).table().rows
    assert len(expected) == len({tuple(row) for row in expected}) >= 1
    assert engines[1].run(query).table().rows == expected


SEIZURE = "<https://w3id.org/kgbuild/id/incident/seizure-1997>"
PARTICIPANTS_BY_PARTS = """
SELECT DISTINCT ?incident ?role ?agent ?label
WHERE {
  { SELECT ?incident ?agent ?role WHERE { ?incident kgb:participation ?p . ?p kgb:agent ?agent ; kgb:role ?role } }
  OPTIONAL { { SELECT ?incident ?agent ?label WHERE { ?incident kgb:participation/kgb:agent ?agent . ?agent rdfs:label ?label } } }
}"""


def test_a_bound_value_also_opens_the_subqueries_that_select_it():
    from kgbuild.query import bind_values

    text = bind_values(PARTICIPANTS_BY_PARTS, dict([parse_binding(f"incident={SEIZURE}")]))
    assert text.count(f"VALUES (?incident) {{ ({SEIZURE}) }}") == 3
    # not where the answer could change: a subquery's LIMIT, a variable only OPTIONAL binds
    # (or that the subquery does not select) keeps its rows as they are
    for query in ("SELECT ?x WHERE { { SELECT ?x WHERE { ?x a ?c } LIMIT 1 } }",
                  "SELECT ?x WHERE { { SELECT ?x WHERE { ?y a ?c OPTIONAL { ?y ?p ?x } } } }",
                  "SELECT ?x WHERE { ?x ?p ?y { SELECT ?y WHERE { ?x a ?y } } }"):
        assert bind_values(query, {"x": URIRef("urn:x")}).count("VALUES") == 1


@pytest.mark.parametrize("binding", [None, f"incident={SEIZURE}", "incident=<urn:nothing>"])
def test_subqueries_answer_alike_on_both_engines_bound_and_unbound(engines, binding):
    bindings = dict([parse_binding(binding)]) if binding else {}
    expected = engines[0].run(PARTICIPANTS_BY_PARTS, bindings=bindings)
    assert engines[1].run(PARTICIPANTS_BY_PARTS, bindings=bindings).canonical() == expected.canonical()
    assert len(expected.rows) == {None: 6, f"incident={SEIZURE}": 2}.get(binding, 0)


@pytest.mark.parametrize("query, binding", [
    # bound only by OPTIONAL inside the subquery: its unbound rows join any value
    ("SELECT ?person ?age WHERE { { SELECT ?person ?age WHERE { ?person a kgb:Person "
     "OPTIONAL { ?person kgb:age ?age } } } }", "age=40"),
    ("SELECT ?incident WHERE { { SELECT ?incident WHERE { ?incident kgb:participation ?p } "
     "ORDER BY ?incident LIMIT 1 } }", f"incident={SEIZURE}"),  # the first is another
])
def test_a_bound_value_joins_a_subquery_as_sparql_says(engines, query, binding):
    # The value joins the subquery's answer (rdflib binds it inside, and answers otherwise).
    name, term = parse_binding(binding)
    unbound = engines[1].run(query)
    column = unbound.columns.index(name)
    joined = [[term if i == column else t for i, t in enumerate(row)] for row in unbound.rows
              if row[column] in (None, term)]
    assert engines[1].run(query, bindings={name: term}).rows == joined
