"""Stored views: a store answers the library's listings from answers written with it, the same
rows as evaluating them, and never from answers the store has outgrown."""

from __future__ import annotations

import gzip
import json
import shutil
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Literal

from kgbuild.cli import main
from kgbuild.query import OxigraphEngine, library, library_query, serialize_results
from kgbuild.server import ServerConfig, running
from kgbuild.store import materialize_union, open_store, write_store
from kgbuild.views import NOT_MATERIALIZED, VIEWS_DIR, Views, refresh_views

SAMPLE = Path(__file__).parent / "fixtures" / "queries" / "sample.trig"
LISTINGS = [name for name in library() if name not in NOT_MATERIALIZED]
NEW_CAMP = ("<https://w3id.org/kgbuild/id/institution/new-camp> a <https://w3id.org/kgbuild/ontology#Institution> ; "
            "<http://www.w3.org/2000/01/rdf-schema#label> \"Новый лагерь\"@ru .")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return write_store(SAMPLE, tmp_path_factory.mktemp("views") / "kg.store")


@pytest.fixture
def own_store(tmp_path):
    """A store a test may change."""
    return write_store(SAMPLE, tmp_path / "kg.store")


def labels(answer, column="label") -> set[str]:
    at = answer.columns.index(column)
    return {str(row[at]) for row in answer.rows if row[at] is not None}


def add_new_camp(store) -> None:
    """A new institution in a source's graph and in the union, as an update would leave it."""
    store.update(f"INSERT DATA {{ GRAPH <https://w3id.org/kgbuild/id/source/new> {{ {NEW_CAMP} }} }}")
    materialize_union(store, refresh=True)


def kg(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.mark.parametrize("name", LISTINGS)
def test_each_listing_read_from_its_view_is_the_live_answer_row_for_row(store, name):
    text = library_query(name)
    stored = OxigraphEngine.at(store).run(text)
    live = OxigraphEngine.at(store, live=True).run(text)
    assert stored.view == name and live.view is None
    assert stored.columns == live.columns
    assert stored.rows == live.rows  # same terms, same order
    assert stored.rows, f"{name}: the fixture should give rows"


@pytest.mark.parametrize("name", LISTINGS)
def test_each_views_stored_json_csv_and_tsv_are_what_the_live_answer_serializes_to(store, name):
    text = library_query(name)
    view = OxigraphEngine.at(store).view(text)
    live = OxigraphEngine.at(store, live=True)
    for fmt in ("json", "csv", "tsv"):
        data, cut = view.serialized(fmt)
        assert data.decode("utf-8") == serialize_results(live.run(text), fmt) and not cut
        first, cut = view.serialized(fmt, 1)
        assert first.decode("utf-8") == serialize_results(live.run(text, limit=1), fmt)
        assert cut == (view.rows > 1)
    json.loads(view.serialized("json", 0)[0])  # no rows is still a whole document


def test_a_limit_cuts_the_stored_answer_and_says_so(store):
    text = library_query("participants")
    cut = OxigraphEngine.at(store).run(text, limit=2)
    assert cut.view == "participants" and cut.truncated
    assert cut.rows == OxigraphEngine.at(store, live=True).run(text).rows[:2]


def test_source_unbound_is_not_stored_and_is_answered_live(store):
    manifest = json.loads((store / VIEWS_DIR / "manifest.json").read_text(encoding="utf-8"))
    assert "source" not in manifest["views"]
    assert sorted(manifest["views"]) == LISTINGS
    answer = OxigraphEngine.at(store).run(library_query("source"))
    assert answer.view is None and len(answer.rows) > 100


def test_a_changed_query_text_or_a_bound_variable_is_answered_live(store):
    engine = OxigraphEngine.at(store)
    text = library_query("persons")
    assert engine.run(text.replace("\n", "\r\n") + "\n\n").view == "persons"  # line endings do not count
    assert engine.run(text + "\n# my copy\n").view is None
    assert engine.run(text.replace("ORDER BY", "ORDER  BY")).view is None
    serik = {"name": Literal("Серик Омаров", lang="ru")}
    bound = engine.run(library_query("person-network"), bindings=serik)
    assert bound.view is None and bound.rows


def test_a_store_opened_writable_loses_its_views_and_shows_the_change(own_store):
    text = library_query("institutions")
    assert "Новый лагерь" not in labels(OxigraphEngine.at(own_store).run(text))
    store = open_store(own_store, writable=True)
    assert not (own_store / VIEWS_DIR).exists()
    add_new_camp(store)
    del store
    answer = OxigraphEngine.at(own_store).run(text)
    assert answer.view is None and "Новый лагерь" in labels(answer)


def test_a_store_changed_behind_kgbuilds_back_does_not_use_its_stale_views(own_store):
    import pyoxigraph as ox

    store = ox.Store(str(own_store / "oxigraph"))  # not through open_store: the views stay on disk
    add_new_camp(store)
    del store
    assert (own_store / VIEWS_DIR / "manifest.json").exists()
    assert Views.open(own_store) is None
    answer = OxigraphEngine.at(own_store).run(library_query("institutions"))
    assert answer.view is None and "Новый лагерь" in labels(answer)


def test_views_of_another_store_or_another_kgbuild_version_are_not_used(own_store, tmp_path):
    other = write_store(SAMPLE, tmp_path / "other.store")
    shutil.rmtree(own_store / VIEWS_DIR)
    shutil.copytree(other / VIEWS_DIR, own_store / VIEWS_DIR)
    assert Views.open(own_store) is None  # same data, but written by another build

    manifest_path = other / VIEWS_DIR / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    assert Views.open(other) is not None
    manifest["kgbuild"] = "0.0.0-older"
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    assert Views.open(other) is None


def test_writing_the_store_again_writes_views_of_the_new_data(own_store, tmp_path):
    changed = tmp_path / "changed.trig"
    changed.write_text(SAMPLE.read_text(encoding="utf-8")
                       + f"\n<https://w3id.org/kgbuild/id/source/new> {{ {NEW_CAMP} }}\n", encoding="utf-8")
    write_store(changed, own_store)
    answer = OxigraphEngine.at(own_store).run(library_query("institutions"))
    assert answer.view == "institutions" and "Новый лагерь" in labels(answer)


def test_views_dropped_by_a_writer_can_be_written_again_for_the_store_as_it_is(own_store):
    store = open_store(own_store, writable=True)
    add_new_camp(store)
    del store
    manifest = refresh_views(own_store)
    assert sorted(manifest["views"]) == LISTINGS
    answer = OxigraphEngine.at(own_store).run(library_query("institutions"))
    assert answer.view == "institutions" and "Новый лагерь" in labels(answer)


def test_a_store_written_without_views_answers_live(tmp_path):
    bare = write_store(SAMPLE, tmp_path / "kg.store", views=False)
    assert not (bare / VIEWS_DIR).exists()
    assert OxigraphEngine.at(bare).run(library_query("persons")).view is None


# --- kgbuild query ------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json", "xml", "markdown"])
def test_cli_prints_the_same_from_the_view_as_live(store, fmt):
    stored = kg("query", store, "--name", "participants", "--format", fmt)
    live = kg("query", store, "--name", "participants", "--format", fmt, "--live")
    assert stored.exit_code == 0 and live.exit_code == 0, stored.output + live.output
    assert stored.output == live.output
    cut = kg("query", store, "--name", "participants", "--format", fmt, "--limit", "2")
    assert cut.output == kg("query", store, "--name", "participants", "--format", fmt, "--limit", "2",
                            "--live").output


# --- kgbuild serve ------------------------------------------------------------------------------


def get(base, text, accept, encoding=None):
    headers = {"Accept": accept, **({"Accept-Encoding": encoding} if encoding else {})}
    request = urllib.request.Request(f"{base}/sparql?{urllib.parse.urlencode({'query': text})}", headers=headers)
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read(), dict(response.headers)


def test_the_server_answers_a_library_listing_from_its_view(store):
    text = library_query("person-network")
    live = OxigraphEngine.at(store, live=True).run(text)
    with running(store, ServerConfig(port=0, quiet=True, max_running=1)) as base:
        body, headers = get(base, text, "text/csv")
        assert headers["X-Kgbuild-View"] == "person-network"
        assert body.decode("utf-8") == serialize_results(live, "csv")
        packed, headers = get(base, text, "application/sparql-results+json", encoding="gzip")
        assert headers["Content-Encoding"] == "gzip"
        assert gzip.decompress(packed).decode("utf-8") == serialize_results(live, "json")
        body, headers = get(base, text, "application/sparql-results+xml")
        assert headers["X-Kgbuild-View"] == "person-network"
        assert body.decode("utf-8") == serialize_results(live, "xml")
        body, headers = get(base, text + "\n# changed", "text/csv")
        assert "X-Kgbuild-View" not in headers and body.decode("utf-8") == serialize_results(live, "csv")


def test_the_servers_row_limit_cuts_the_stored_answer_and_live_serves_without_views(store):
    text = library_query("participants")
    live = OxigraphEngine.at(store, live=True).run(text, limit=2)
    with running(store, ServerConfig(port=0, quiet=True, max_running=1, max_results=2)) as base:
        body, headers = get(base, text, "text/tab-separated-values", encoding="gzip")
        assert headers["X-Kgbuild-View"] == "participants" and headers["X-Kgbuild-Truncated"] == "true"
        assert "Content-Encoding" not in headers
        assert body.decode("utf-8") == serialize_results(live, "tsv")
    with running(store, ServerConfig(port=0, quiet=True, max_running=1, max_results=2, live=True)) as base:
        body, headers = get(base, text, "text/tab-separated-values")
        assert "X-Kgbuild-View" not in headers and headers["X-Kgbuild-Truncated"] == "true"
        assert body.decode("utf-8") == serialize_results(live, "tsv")


def test_a_server_that_takes_updates_drops_the_views_and_answers_what_the_update_made(own_store):
    text = library_query("institutions")
    update = f"INSERT DATA {{ GRAPH <https://w3id.org/kgbuild/id/source/new> {{ {NEW_CAMP} }} }}"
    with running(own_store, ServerConfig(port=0, quiet=True, allow_updates=True)) as base:
        assert not (own_store / VIEWS_DIR).exists()
        request = urllib.request.Request(f"{base}/update", data=update.encode("utf-8"), method="POST",
                                         headers={"Content-Type": "application/sparql-update"})
        urllib.request.urlopen(request, timeout=30).close()
        body, headers = get(base, text, "text/csv")
        assert "X-Kgbuild-View" not in headers and "Новый лагерь" in body.decode("utf-8")
    assert Views.open(own_store) is None


def test_an_engine_opened_before_the_store_was_written_again_does_not_read_the_new_views(own_store, tmp_path):
    engine = OxigraphEngine.at(own_store)
    changed = tmp_path / "changed.trig"
    changed.write_text(SAMPLE.read_text(encoding="utf-8")
                       + f"\n<https://w3id.org/kgbuild/id/source/new> {{ {NEW_CAMP} }}\n", encoding="utf-8")
    write_store(changed, own_store)
    answer = engine.run(library_query("institutions"))
    assert answer.view is None and "Новый лагерь" not in labels(answer)  # the store it opened


def test_cli_live_evaluates_instead_of_reading_the_view(own_store):
    # A view edited on disk (its stamp untouched) shows which answer each run printed.
    (own_store / VIEWS_DIR / "persons.csv.gz").write_bytes(gzip.compress(b"name\r\nfrom the view\r\n"))
    assert kg("query", own_store, "--name", "persons", "--format", "csv").output == "name\nfrom the view\n"
    live = kg("query", own_store, "--name", "persons", "--format", "csv", "--live").output
    assert "from the view" not in live and "Серик Омаров" in live
