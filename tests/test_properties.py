"""Properties of the whole pipeline on any text: reading and extraction never crash, every
evidence quotes the stored text exactly, every IRI is valid, and the output TriG parses."""

from __future__ import annotations

import dataclasses
import html
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rdflib import Dataset, URIRef
from rdflib.term import _is_valid_uri

from kgbuild.errors import InputError
from kgbuild.extract import extract
from kgbuild.iris import IRIs
from kgbuild.mapping import Mapper
from kgbuild.model import Evidence
from kgbuild.read import clean_text, read_documents
from kgbuild.store import add_graph, new_dataset

# Words of our own: names (Russian, Kazakh, foreign), ranks, places, institutions, dates.
GIVEN = ["Сергей", "Анна", "Ерлан", "Айгерим", "Пётр", "Жанна", "Тимур", "Ольга", "Джон", "Гульнар"]
FAMILY = ["Котов", "Котова", "Сапаров", "Ахметовой", "Громова", "Лукину", "Смит", "Беловым"]
PATRONYMIC = ["Ильич", "Сергеевна", "Бекович", "Маратовна", "Петровичем"]
WORDS = ["капитан", "старший сержант", "генерал-майор полиции", "начальник отдела", "колония",
         "в посёлке", "Заречный", "Луговом", "района", "области", "ДУИС", "МВД", "ОМОН", "АК-159/5",
         "ЕС-164/4", "13 декабря", "в августе 1994 года", "в начале 1960-х", "сегодня", "в прошлом году",
         "погиб", "задержан", "вдова", "его зять", "дочь", "открыли", "мемориальную доску", "побег",
         "заключённые", "напали", "на", "и", "с", "—", "«", "»", "(", ")", "№", "2001", "1997 года"]
PUNCT = [".", ",", "!", "?", "…", ":", ";", " — ", "\n", "\n\n", "\r\n", "\t", "  "]


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


random_name = st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюя", min_size=1, max_size=10).map(capitalised)
token = st.one_of(
    st.sampled_from(GIVEN), st.sampled_from(FAMILY), st.sampled_from(PATRONYMIC),
    st.sampled_from(WORDS), st.sampled_from(PUNCT), random_name,
    st.text(min_size=1, max_size=8),  # anything at all, including symbols and other scripts
)
texts = st.lists(token, min_size=1, max_size=60).map(" ".join)

SETTINGS = settings(max_examples=30, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def read_text(text: str, kind: str):
    """The documents read from `text` written as a .txt file, one JSON line or a web page."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"a.{kind}"
        if kind == "jsonl":
            path.write_text(json.dumps({"id": "x", "text": text}, ensure_ascii=False) + "\n", encoding="utf-8")
        elif kind == "html":
            paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n"))
            path.write_text(f"<html><body><article>{paragraphs}</article></body></html>", encoding="utf-8")
        else:
            path.write_text(text, encoding="utf-8")
        try:
            return read_documents([path])
        except InputError:
            return []


def evidence_of(value):
    """Every `Evidence` anywhere inside a dataclass record."""
    if isinstance(value, Evidence):
        yield value
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            yield from evidence_of(getattr(value, f.name))
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from evidence_of(item)


@SETTINGS
@given(text=texts, kind=st.sampled_from(["txt", "jsonl", "html"]))
@example(text="Вчера Иван \U00017000ов напал на \U00017000", kind="txt")  # letters with no Unicode name
def test_any_text_reads_extracts_and_maps_to_valid_rdf(text, kind):
    for document in read_text(text, kind):
        assert document.text.strip()
        facts = extract(document)
        for evidence in evidence_of(facts):
            assert evidence.doc_id == document.id
            assert 0 <= evidence.start < evidence.end <= len(document.text)
            assert document.text[evidence.start:evidence.end] == evidence.quote
            assert 0 <= evidence.confidence <= 1

        graph = Mapper(IRIs()).map(facts)
        for term in (t for triple in graph for t in triple):
            if isinstance(term, URIRef):
                assert _is_valid_uri(str(term)) and " " not in term, term
                assert str(term).startswith(("https://", "http://")), term

        dataset = new_dataset()
        add_graph(dataset, graph)
        trig = dataset.serialize(format="trig")
        again = Dataset()
        again.parse(data=trig, format="trig")
        assert len(again.graph(graph.identifier)) == len(graph)


@SETTINGS
@given(text=texts)
def test_reading_keeps_the_article_lines_it_does_not_drop_intact(text):
    """Whatever chrome is dropped, each kept line is a whole line of the input, unchanged."""
    source_lines = {line.strip() for line in clean_text(text, "x").split("\n")}
    for document in read_text(text, "txt"):
        for line in document.text.split("\n"):
            assert not line or line in source_lines
