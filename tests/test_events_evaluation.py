"""The NEREL event-relation scorer on a hand-made annotation (our own text)."""

from __future__ import annotations

from kgbuild.evaluation.brat import Annotation, parse_ann
from kgbuild.evaluation.events import EventReport, score_document
from kgbuild.extract import extract
from kgbuild.model import Document

TEXT = "3 мая 2001 года в Омске грабитель Пётр Соколов застрелил охранника."
ANN = """T1\tDATE 0 15\t3 мая 2001 года
T2\tCITY 18 23\tОмске
T3\tPERSON 34 46\tПётр Соколов
T4\tEVENT 47 56\tзастрелил
T5\tPROFESSION 57 66\tохранника
R1\tAGENT Arg1:T3 Arg2:T4\t
R2\tPOINT_IN_TIME Arg1:T4 Arg2:T1\t
R3\tTAKES_PLACE_IN Arg1:T4 Arg2:T2\t
R4\tPARTICIPANT_IN Arg1:T5 Arg2:T4\t
"""


def annotation() -> Annotation:
    entities, relations = parse_ann(ANN)
    return Annotation(name="t", text=TEXT, entities=entities, relations=relations)


def test_a_killing_read_right_scores_its_agent_victim_time_and_place():
    assert TEXT[47:56] == "застрелил" and TEXT[34:46] == "Пётр Соколов"
    report, scoped = EventReport(), EventReport()
    score_document(annotation(), extract(Document(id="t", text=TEXT)), report, scoped)
    assert report.tp["AGENT"] == 1
    assert report.tp["POINT_IN_TIME"] == 1
    assert report.tp["PARTICIPANT_IN"] == 1
    precision, recall, f1 = report.scores()
    assert precision == 1.0 and recall >= 0.75
    assert "| micro |" in report.table()


def test_nothing_predicted_is_all_missed():
    report = EventReport()
    empty = extract(Document(id="t", text="Погода была ясной."))
    score_document(annotation(), empty, report)
    assert report.scores() == (0.0, 0.0, 0.0)
    assert sum(report.fn.values()) == 4
