"""Measurement: BRAT and factRuEval readers, span scoring, the `kgbuild eval` commands, the seed."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kgbuild.cli import main
from kgbuild.evaluation.brat import parse_ann, read_directory
from kgbuild.evaluation.factrueval import read_document
from kgbuild.evaluation.scoring import exact, match, overlaps
from kgbuild.errors import InputError

TEXT = "Майор Олег Сомов служит в Омске. Сомов родился 5 мая 1980 года."
ANN = """T1\tPROFESSION 0 5\tМайор
T2\tPERSON 6 16\tОлег Сомов
T3\tCITY 26 31\tОмске
T4\tPERSON 33 38\tСомов
T5\tDATE 47 62\t5 мая 1980 года
T6\tORGANIZATION 0 5;26 31\tМайор Омске
R1\tWORKS_AS Arg1:T2 Arg2:T1\t
R2\tALTERNATIVE_NAME Arg1:T2 Arg2:T4
N1\tReference T3 Wikidata:Q1\tОмск
"""


def test_brat_reads_entities_with_fragments_and_relations():
    entities, relations = parse_ann(ANN)
    assert entities["T6"].fragments == ((0, 5), (26, 31))
    assert (entities["T6"].start, entities["T6"].end) == (0, 31)
    assert entities["T2"].text == "Олег Сомов"
    assert [(r.type, r.arg1, r.arg2) for r in relations] == [("WORKS_AS", "T2", "T1"),
                                                            ("ALTERNATIVE_NAME", "T2", "T4")]


def test_brat_reports_a_broken_line_with_its_place():
    with pytest.raises(InputError, match="x.ann:1"):
        parse_ann("T1\tPERSON zero 5\tМайор\n", "x.ann")


@pytest.mark.parametrize("predicted, gold, same, counts", [
    ([(0, 5)], [(0, 5)], exact, (1, 0, 0)),
    ([(0, 4)], [(0, 5)], exact, (0, 1, 1)),
    ([(0, 4)], [(0, 5)], overlaps, (1, 0, 0)),
    ([(0, 4), (1, 3)], [(0, 5)], overlaps, (1, 1, 0)),  # one gold span absorbs one prediction
    ([], [(0, 5), (6, 9)], exact, (0, 0, 2)),
])
def test_matching_counts(predicted, gold, same, counts):
    score = match(predicted, gold, same)
    assert (score.tp, score.fp, score.fn) == counts


@pytest.fixture()
def tiny_nerel(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.ann").write_text(ANN, encoding="utf-8")
    return tmp_path


def test_eval_nerel_prints_a_table_and_json(tiny_nerel):
    runner = CliRunner()
    result = runner.invoke(main, ["eval", "nerel", str(tiny_nerel)])
    assert result.exit_code == 0, result.output
    assert "PERSON" in result.output and "RELATIONS" in result.output
    result = runner.invoke(main, ["eval", "nerel", str(tiny_nerel), "--json"])
    data = json.loads(result.output)
    assert data["documents"] == 1
    person = data["scores"]["PERSON"]["exact"]
    assert person["tp"] + person["fn"] == 2
    assert person["recall"] == 1.0
    assert data["scores"]["DATE"]["exact"]["tp"] == 1
    assert data["scores"]["rel:WORKS_AS"]["exact"]["tp"] == 1


def test_eval_nerel_on_a_missing_folder_is_a_one_line_error(tmp_path):
    result = CliRunner().invoke(main, ["eval", "nerel", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "not a directory" in result.output


def test_factrueval_reader(tmp_path):
    (tmp_path / "b.txt").write_text("Послом стала Ирина Ковалёва.", encoding="utf-8")
    (tmp_path / "b.spans").write_text("1 job 0 6 10 1  # 10 Послом\n2 name 13 5 12 1  # 12 Ирина\n"
                                      "3 surname 19 8 13 1  # 13 Ковалёва\n", encoding="utf-8")
    (tmp_path / "b.objects").write_text("7 Person 2 3 # Ирина Ковалёва\n", encoding="utf-8")
    (tmp_path / "b.coref").write_text("4 7\nfirstname Ирина\n", encoding="utf-8")
    (tmp_path / "b.facts").write_text("1-0 Occupation\nWho obj4 Ковалёва Ирина\nPosition span1 Послом\n",
                                      encoding="utf-8")
    doc = read_document(tmp_path / "b.txt")
    assert doc.mentions == [("PERSON", 13, 27)]
    assert doc.occupations[0].who == [(13, 27)] and doc.occupations[0].positions == [(0, 6)]


def test_nerel_dev_reads_cleanly(shared_dir):
    dev = shared_dir / "data" / "nerel" / "dev"
    if not dev.is_dir():
        pytest.skip("NEREL is not present")
    docs = read_directory(dev)
    for doc in docs[:20]:
        for entity in doc.entities.values():
            assert " ".join(doc.text[a:b] for a, b in entity.fragments) == entity.text


def test_seed_names_the_persons_organizations_and_places_of_the_gold(seed_facts):
    f = seed_facts
    persons = {(p.given_name, p.family_name) for p in f.persons if not p.anonymous}
    assert persons == {("Серик", "Омаров"), ("Кайкен", None)}
    kaiken = next(p for p in f.persons if p.given_name == "Кайкен")
    assert kaiken.gender == "female"
    omarov = next(p for p in f.persons if p.family_name == "Омаров")
    assert omarov.ranks == ["капитан внутренней службы"]
    labels = {i.label for i in f.institutions}
    assert {"ЕС-164/4", "уголовно-исполнительная система", "7152.kz",
            "Департамент уголовно-исполнительной системы по Северо-Казахстанской области"} <= labels
    colony = next(i for i in f.institutions if i.code == "ЕС-164/4")
    assert colony.institution_type == "исправительное учреждение особого режима"
    assert colony.founded.edtf == "196X"
    assert "Жаман-сопка" in colony.alt_names
    places = {p.label: p for p in f.places}
    gorny = places["Горный"]
    assert gorny.place_type == "посёлок"
    assert colony.located_in == gorny.key
    assert f.entity(gorny.located_in).label == "Есильский район"
    assert "Казахстан" in places
    for bucket in (f.persons, f.institutions, f.places):
        for item in bucket:
            for ev in item.mentions:
                assert f.document.text[ev.start:ev.end] == ev.quote


def test_kin_ties_between_named_persons_are_scored_as_nerel_relations():
    from kgbuild.evaluation.adapter import relations
    from kgbuild.model import Document, DocumentFacts, Evidence, Kinship, Person

    text = "Иван Петров и его жена Анна Петрова приехали в город. Их сын Олег остался дома."
    def ev(quote, nth=0):
        start = text.index(quote)
        return Evidence("t", start, start + len(quote), quote)
    ivan = Person("p1", "Иван Петров", mentions=[ev("Иван Петров")])
    anna = Person("p2", "Анна Петрова", mentions=[ev("Анна Петрова")])
    oleg = Person("p3", "Олег", mentions=[ev("Олег")])
    facts = DocumentFacts(Document("t", text), persons=[ivan, anna, oleg], kinships=[
        Kinship("p1", "p2", "spouse", "жена", [ev("Иван Петров и его жена Анна Петрова приехали в город.")]),
        # stated in another sentence than Иван's mention: NEREL links mentions within a sentence
        Kinship("p1", "p3", "parent", "сын", [ev("Их сын Олег остался дома.")]),
        Kinship("p3", "p2", "child", "мать", [ev("Иван Петров и его жена Анна Петрова приехали в город.")]),
    ])
    found = {(r.type, text[r.source.start:r.source.end], text[r.target.start:r.target.end])
             for r in relations(facts)}
    assert ("SPOUSE", "Иван Петров", "Анна Петрова") in found
    assert not any(kind == "PARENT_OF" and child == "Олег" for kind, _, child in found)
