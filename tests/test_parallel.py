"""Extraction on several cores, and in batches, gives what one document at a time gives."""

from __future__ import annotations

import io
import os
from importlib import import_module
import time
from itertools import count, islice
from pathlib import Path

import pytest

from kgbuild.extract import extract_all
from kgbuild.extract.batch import analyse_many, extract_many
from kgbuild.extract.nlp import analyse, models, segment
from kgbuild.extract.parallel import default_jobs, extract_parallel
from kgbuild.model import Document, DocumentFacts
from kgbuild.progress import Progress, format_duration, track
from kgbuild.read import read_sources

REPO = Path(__file__).resolve().parents[1]
SYNTHETIC = [  # generated-style texts of very different lengths, so batches need padding
    "Побег из колонии строгого режима ЕС-110/5\n\n25 мая 2005 года в посёлке Шахтёрский "
    "Хромтауского района Актюбинской области бежали 3 осуждённых. Старшим конвоя был прапорщик "
    "Игорь Олегович Тулегенов. «Мы усилили охрану», — сообщила майор юстиции Татьяна Кузнецова.\n",
    "Аким района Арман Ерланович Лебедев выразил соболезнования.\n",
    "Да.\n",
]


@pytest.fixture(scope="module")
def articles():
    return list(read_sources([REPO / "data" / "articles"]))


def _echo(document: Document) -> DocumentFacts:
    # the later documents finish first, so order must come from the pool, not from chance
    time.sleep(0.02 * (5 - int(document.id) % 5))
    return DocumentFacts(document=document)


def _fail_on_three(document: Document) -> DocumentFacts:
    if document.id == "3":
        raise ValueError("document 3 is broken")
    return DocumentFacts(document=document)


def _documents(n: int):
    return (Document(id=str(i), text=f"Текст {i}.") for i in range(n))


def test_results_come_back_in_input_order_whatever_finishes_first():
    out = extract_parallel(_documents(12), jobs=2, chunksize=1, extract=_echo, load=None)
    assert [f.document.id for f in out] == [str(i) for i in range(12)]


def test_an_endless_stream_of_documents_is_consumed_as_results_are_taken():
    endless = (Document(id=str(i), text="Текст.") for i in count())
    first = list(islice(extract_parallel(endless, jobs=2, extract=_echo, load=None), 5))
    assert [f.document.id for f in first] == ["0", "1", "2", "3", "4"]


def test_an_error_in_a_worker_reaches_the_caller():
    with pytest.raises(ValueError, match="document 3 is broken"):
        list(extract_parallel(_documents(6), jobs=2, extract=_fail_on_three, load=None))


def test_default_is_every_core():
    assert default_jobs() >= 1
    assert [f.document.id for f in extract_parallel(_documents(3), jobs=0, chunksize=1, extract=_echo, load=None)] == \
        ["0", "1", "2"]


def _pid(document: Document) -> DocumentFacts:
    return DocumentFacts(document=Document(id=str(os.getpid()), text=document.text))


def test_a_handful_of_documents_is_extracted_here_without_starting_workers():
    few = extract_parallel(_documents(3), jobs=2, chunksize=8, extract=_pid, load=None)
    assert {f.document.id for f in few} == {str(os.getpid())}
    many = extract_parallel(_documents(20), jobs=2, chunksize=8, extract=_pid, load=None)
    assert str(os.getpid()) not in {f.document.id for f in many}


def test_batched_analysis_is_the_analysis_of_each_text_alone(articles):
    texts = [d.text for d in articles] + SYNTHETIC
    batched, alone = analyse_many(texts), [analyse(text) for text in texts]
    assert batched == alone
    assert [[s.normal for s in a.spans] for a in batched] == [[s.normal for s in a.spans] for a in alone]


def test_cached_lemmas_and_normal_forms_are_natashas_own(articles):
    from natasha import Doc

    m = models()
    text = articles[0].text
    doc = Doc(text)
    segment(doc)  # razdel's sentences cut at line breaks, as analyse() cuts them
    doc.tag_morph(m.morph_tagger)
    doc.parse_syntax(m.syntax_parser)
    doc.tag_ner(m.ner_tagger)
    for token in doc.tokens:
        token.lemmatize(m.morph_vocab)
    for span in doc.spans:
        span.normalize(m.morph_vocab)
    for _ in range(2):  # the second time from the caches
        ours = analyse(text)
        assert [t.lemma for s in ours.sentences for t in s.tokens] == [t.lemma.lower() for t in doc.tokens]
        assert [(s.type, s.normal) for s in ours.spans] == [(s.type, s.normal) for s in doc.spans]
        assert any(s.type == "ORG" for s in ours.spans) and any(s.type == "LOC" for s in ours.spans)


def test_batched_extraction_gives_the_facts_of_one_document_at_a_time(articles):
    assert [f.as_json() for f in extract_many(articles)] == [f.as_json() for f in extract_all(articles)]


def test_two_workers_give_exactly_the_facts_of_sequential_extraction(articles):
    documents = articles
    assert len(documents) >= 5
    sequential = [f.as_json() for f in extract_all(documents)]
    parallel = [f.as_json() for f in extract_parallel(documents, jobs=2, chunksize=2)]
    assert [f["document"]["id"] for f in parallel] == [d.id for d in documents]
    assert parallel == sequential
    assert any(f["persons"] for f in parallel)  # real facts were compared, not empty records


# -- progress ---------------------------------------------------------------------------------
class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_shows_count_rate_and_time_left():
    clock, out = FakeClock(), FakeTerminal()
    progress = Progress(total=100, label="extract", stream=out, clock=clock, interval=0)
    clock.now += 10
    progress.update(20)  # 20 documents in 10 s: 2/s, 80 left → 40 s
    assert out.getvalue() == "\rextract  20/100 docs (20%)  2.0 doc/s  ETA 40s"


def test_progress_is_silent_in_a_log_unless_asked():
    quiet = io.StringIO()
    list(track(range(5), label="extract", stream=quiet))
    assert quiet.getvalue() == ""
    log = io.StringIO()
    list(track(range(5), label="extract", stream=log, enabled=True))
    lines = log.getvalue().splitlines()
    assert lines[0].startswith("extract  1/5 docs (20%)")
    assert lines[-1].startswith("extract  5/5 docs (100%)") and " in " in lines[-1]


@pytest.mark.parametrize("seconds, text", [(0, "0s"), (42, "42s"), (425, "7m05s"), (7380, "2h03m")])
def test_durations_read_short(seconds, text):
    assert format_duration(seconds) == text


# -- mapping, validation and rendering on several cores ------------------------------------------
def _without_build_record(text: str) -> str:
    head, _, rest = text.partition("\n<https://w3id.org/kgbuild/id/graph/build> {\n")
    return head + rest.partition("}\n")[2]


def test_a_build_on_two_processes_writes_the_file_one_process_writes(tmp_path, monkeypatch):
    build_module = import_module("kgbuild.build")  # the module, not the package's build()
    # a chunk per document: the articles are spread over both workers, and come back in any order
    monkeypatch.setattr(build_module, "_CHUNK_DOCUMENTS", 1)
    runs = {}
    for jobs in (1, 2):
        out = tmp_path / f"j{jobs}.trig"
        result = build_module.build([REPO / "data" / "articles"], out, jobs=jobs, use_cache=False)
        runs[jobs] = (result, out.read_text(encoding="utf-8"))
    (one, one_text), (two, two_text) = runs[1], runs[2]
    assert _without_build_record(one_text) == _without_build_record(two_text)
    assert one.triples == two.triples > 1000
    # every source was validated, by whichever process mapped it, and the reports merged
    assert sorted(one.report.graphs) == sorted(two.report.graphs)
    assert len([g for g in two.report.graphs if "/source/" in g]) == len(one.documents) >= 5
    assert [(r.shape, r.focus) for r in one.report.results] == [(r.shape, r.focus) for r in two.report.results]
