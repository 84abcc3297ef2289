"""Fuzzing the readers: whatever bytes a source or sidecar holds, reading ends in documents or
in one `InputError`, never in another exception, and hostile pages stay cheap to read."""

from __future__ import annotations

import json
import os
import re
import resource
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kgbuild.errors import InputError
from kgbuild.read import read_documents

# 200 examples per test keeps CI short; KGBUILD_FUZZ_EXAMPLES=5000 for a longer local run.
FUZZ = settings(max_examples=int(os.environ.get("KGBUILD_FUZZ_EXAMPLES", 200)), deadline=None, suppress_health_check=[HealthCheck.too_slow])
ARTICLE = "Майор Сергей Котов служил в Омске. В 2001 году он возглавил отдел охраны колонии."


def read_files(files: dict[str, bytes]):
    """Documents read from a folder holding `files`, or the InputError reading raised."""
    with tempfile.TemporaryDirectory() as folder:
        for name, data in files.items():
            (Path(folder) / name).write_bytes(data)
        try:
            documents = read_documents([folder])
        except InputError as error:
            assert str(error).strip() and "\n" not in str(error)
            return error
    for document in documents:
        assert isinstance(document.text, str) and document.text.strip()
        assert document.id and document.encoding and len(document.sha256) == 64
    return documents


# Pieces that make the readers take their less common paths.
HTML_PIECES = [
    "<html>", "</html>", "<head>", "<body>", "<article>", "</article>", "<p>", "</p>", "<div>",
    "</div>", "<script>", "</script>", "<style>", "<!--", "-->", "<![CDATA[", "]]>",
    "<!DOCTYPE html>", '<meta charset="windows-1251">', '<meta charset="koi8-r">',
    '<meta charset="no-such">', "<title>", "</title>", "&amp;", "&nbsp;", "&#0;", "&#xD800;",
    "&unknown;", '<a href="javascript:x">', "<br/>", "<h1>", "<time datetime=\"2024-13-45\">",
    '<link rel="canonical" href=" relative path">', "<?xml version='1.0'?>", "\x00", "\ufeff",
    ARTICLE, "Комментарии", "Ctrl+Enter", "• Главная", "\r\n", "\u2028",
]
html_text = st.lists(st.one_of(st.sampled_from(HTML_PIECES), st.text(max_size=20)), max_size=40).map("".join)
encodings = st.sampled_from(["utf-8", "utf-8-sig", "cp1251", "koi8_r", "utf-16", "latin-1"])


@FUZZ
@given(data=st.binary(max_size=2000), name=st.sampled_from(["a.txt", "a.html", "a.jsonl"]))
def test_any_bytes_as_a_source(data, name):
    read_files({name: data})


@FUZZ
@given(page=html_text, encoding=encodings)
def test_html_like_pages(page, encoding):
    read_files({"page.html": page.encode(encoding, errors="replace")})


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
records = st.fixed_dictionaries(
    {},
    optional={"id": st.one_of(st.text(max_size=6), st.integers(), st.booleans(), json_values),
              "text": st.one_of(st.just(ARTICLE), st.text(max_size=80), json_values),
              "title": st.one_of(st.text(max_size=20), json_values),
              "published": st.one_of(st.sampled_from(["2024-02-29", "2023-02-29", "2024-1", "1997", ""]),
                                     st.text(max_size=12), json_values),
              "url": st.one_of(st.sampled_from(["https://example.org/a", "example.org", "a b"]),
                               json_values)},
)
jsonl_lines = st.lists(st.one_of(records.map(lambda r: json.dumps(r, ensure_ascii=False)),
                                 json_values.map(json.dumps), st.text(max_size=30)), max_size=8)


@FUZZ
@given(lines=jsonl_lines, separator=st.sampled_from(["\n", "\r\n"]), encoding=encodings)
def test_json_lines(lines, separator, encoding):
    read_files({"news.jsonl": separator.join(lines).encode(encoding, errors="replace")})


@FUZZ
@given(meta=st.one_of(records.map(json.dumps), json_values.map(json.dumps), st.binary(max_size=200).map(
    lambda b: b.decode("latin-1"))))
def test_metadata_sidecars(meta):
    result = read_files({"a.txt": ARTICLE.encode(), "a.meta.json": meta.encode("utf-8", errors="replace")})
    if isinstance(result, InputError):
        assert "a.meta.json" in str(result) or "a.txt" in str(result)


# --- hostile pages ---------------------------------------------------------------------------

def billion_laughs(root: str) -> str:
    entities = ['<!ENTITY lol "lol">', '<!ENTITY lol1 "' + "&lol;" * 10 + '">']
    entities += [f'<!ENTITY lol{i} "' + f"&lol{i - 1};" * 10 + '">' for i in range(2, 10)]
    return f"<!DOCTYPE {root} [\n" + "\n".join(entities) + "\n]>\n"


def page_with(prologue: str) -> bytes:
    body = "".join(f"<p>{ARTICLE} Абзац {n}: &lol9;</p>" for n in range(5))
    return (prologue + f"<html><body><article>{body}</article></body></html>").encode()


def test_entity_expansion_in_an_html_page_is_not_performed(tmp_path):
    # Ten levels of ten-fold entities would expand to 10⁹ "lol"s (3 GB) if a parser resolved them.
    (tmp_path / "bomb.html").write_bytes(page_with(billion_laughs("html")))
    started, before = time.perf_counter(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    [document] = read_documents([tmp_path / "bomb.html"])
    assert time.perf_counter() - started < 10
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100 * 1024  # KiB: < 100 MB
    assert "Сергей Котов" in document.text
    assert "lollol" not in document.text and len(document.text) < 2000


def test_entity_expansion_behind_an_xml_prologue_is_not_performed(tmp_path):
    (tmp_path / "bomb.html").write_bytes(page_with('<?xml version="1.0"?>\n' + billion_laughs("lolz")))
    started = time.perf_counter()
    result = read_files({"bomb.html": (tmp_path / "bomb.html").read_bytes()})
    assert time.perf_counter() - started < 10
    if isinstance(result, InputError):
        assert "no article text found" in str(result)
    else:
        assert all("lollol" not in d.text for d in result)


def test_external_entities_are_not_fetched_or_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("ПАРОЛЬ-12345", encoding="utf-8")
    doctype = f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    (tmp_path / "xxe.html").write_bytes(page_with(doctype).replace(b"&lol9;", b"&xxe;"))
    [document] = read_documents([tmp_path / "xxe.html"])
    assert "ПАРОЛЬ" not in document.text


def test_very_deep_nesting_is_read_or_refused_quickly(tmp_path):
    depth = 100_000
    page = "<html><body>" + "<div>" * depth + f"<p>{ARTICLE}</p>" + "</div>" * depth + "</body></html>"
    (tmp_path / "deep.html").write_text(page, encoding="utf-8")
    started = time.perf_counter()
    result = read_files({"deep.html": page.encode()})
    assert time.perf_counter() - started < 20
    if isinstance(result, InputError):
        assert "deep.html: no article text found" in str(result)
    else:
        assert "Сергей Котов" in result[0].text


# --- XML before any parser sees it -----------------------------------------------------------

RDF_XML = ('<?xml version="1.0"?>\n{doctype}\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
           ' xmlns:ex="http://example.org/"><rdf:Description rdf:about="{about}"><ex:p>{value}</ex:p>'
           '</rdf:Description></rdf:RDF>')


def rdf_xml(doctype="", about="http://example.org/a", value="x") -> str:
    return RDF_XML.format(doctype=doctype, about=about, value=value)


@pytest.mark.parametrize("document, problem", [
    (rdf_xml(billion_laughs("rdf:RDF"), value="&lol9;"), "entity 'lol1' refers to entity 'lol'"),
    (rdf_xml('<!DOCTYPE rdf:RDF [<!ENTITY big "' + "x" * 50_000 + '">]>', value="&big;" * 100),
     "would expand to 5,000,000 characters"),
    (rdf_xml('<!DOCTYPE rdf:RDF [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', value="&xxe;"),
     "external XML entity 'xxe'"),
    (rdf_xml('<!DOCTYPE rdf:RDF [<!ENTITY % p SYSTEM "http://example.org/evil.dtd"> %p;]>'),
     "parameter entity %p"),
    (rdf_xml('<!DOCTYPE rdf:RDF [<!ENTITY a "]>"><!ENTITY b SYSTEM "file:///etc/passwd">]>', value="&b;"),
     "external XML entity 'b'"),
])
def test_dangerous_xml_entities_are_refused_before_parsing(document, problem):
    from kgbuild.readers import check_xml_entities

    started = time.perf_counter()
    with pytest.raises(InputError, match=re.escape(problem)):
        check_xml_entities(document.encode(), "ontology.rdf")
    assert time.perf_counter() - started < 1


def test_flat_namespace_entities_of_ontology_editors_are_allowed():
    from rdflib import Graph, URIRef

    from kgbuild.readers import check_xml_entities

    document = rdf_xml('<!DOCTYPE rdf:RDF [\n  <!ENTITY ex "http://example.org/" >\n'
                       "  <!ENTITY owl 'http://www.w3.org/2002/07/owl#' >\n]>", about="&ex;a")
    check_xml_entities(document.encode(), "ontology.owl")
    graph = Graph().parse(data=document, format="xml")
    assert (URIRef("http://example.org/a"), None, None) in graph


@FUZZ
@given(data=st.one_of(st.binary(max_size=500), st.lists(st.sampled_from(
    ["<!DOCTYPE x [", "]>", "<!ENTITY ", "% ", "a ", "b ", '"', "'", "&a;", "&b;", "SYSTEM ", ">", "x"]),
    max_size=30).map(lambda parts: "".join(parts).encode())))
def test_xml_guard_on_any_bytes(data):
    from kgbuild.readers import check_xml_entities

    try:
        check_xml_entities(data, "f.rdf")
    except InputError as error:
        assert str(error).startswith("f.rdf: ")


@pytest.mark.parametrize("name, data", [
    ("long.html", b"<html><body><p>" + "слово ".encode() * 800_000 + b"</p></body></html>"),
    ("long.txt", "слово ".encode() * 800_000),
    ("entities.rdf", b'<!ENTITY a "' * 200_000),
    ("comments.txt", ("Комментарии\n" + ARTICLE + "\n").encode() * 100_000),
])
def test_megabytes_of_hostile_text_cost_linear_time(name, data):
    from kgbuild.readers import check_xml_entities

    started = time.perf_counter()
    if name.endswith(".rdf"):
        with pytest.raises(InputError):
            check_xml_entities(data, name)
    else:
        read_files({name: data})
    assert time.perf_counter() - started < 30


def test_run_of_html_comments_before_the_text_is_cheap(tmp_path):
    # Regression: a pattern for "comments, then <html>" took 8 s on 24 comments, doubling each.
    started = time.perf_counter()
    read_files({"a.txt": ("<!---->" * 500 + ARTICLE).encode()})
    [page] = read_files({"b.txt": ("<!-- saved -->\n<!DOCTYPE html><html><body><article><p>" + ARTICLE
                                   + "</p></article></body></html>").encode()})
    assert time.perf_counter() - started < 5
    assert page.text == ARTICLE + "\n"
