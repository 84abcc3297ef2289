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


def _relations(text: str) -> set[tuple[str, str, str]]:
    from kgbuild.evaluation.events import predicted_relations

    facts = extract(Document(id="t", text=text))
    return {(kind, text[a[0]:a[1]], text[b[0]:b[1]]) for kind, a, b in predicted_relations(facts)}


def test_a_participant_named_by_a_pronoun_links_through_its_last_mention():
    text = "Иван Орлов родился в Омске. В 2005 году он был назначен послом."
    assert ("PARTICIPANT_IN", "Иван Орлов", "назначен") in _relations(text)


def test_the_institution_of_a_post_takes_part_in_the_appointment():
    text = "Директором завода «Сириус» назначен инженер Пётр Гуров."
    found = _relations(text)
    assert ("PARTICIPANT_IN", "Пётр Гуров", "назначен") in found
    assert not [r for r in found if r[0] == "AGENT" and r[1] == "Пётр Гуров"]


def test_a_name_in_cyrillic_is_linked_rather_than_its_latin_spelling_beside_the_verb():
    text = "Вчера в Омске пианист Джон Мартин (John Martin) был задержан полицией."
    people = {r[1] for r in _relations(text) if r[0] == "PARTICIPANT_IN" and r[2] == "задержан"}
    assert "Джон Мартин" in people and "John Martin" not in people


def test_a_latin_spelling_with_diacritics_is_still_the_latin_one():
    text = "Вчера в Омске пианист Томас Шефер (Thomas Schäfer) был задержан полицией."
    people = {r[1] for r in _relations(text) if r[0] == "PARTICIPANT_IN" and r[2] == "задержан"}
    assert "Томас Шефер" in people and "Thomas Schäfer" not in people


def test_a_pronoun_links_through_the_cyrillic_name_told_before():
    text = "Пианист Джон Мартин (John Martin) родился в Омске. В 2005 году он был назначен послом."
    people = {r[1] for r in _relations(text) if r[0] == "PARTICIPANT_IN" and r[2] == "назначен"}
    assert "Джон Мартин" in people and "John Martin" not in people


def test_the_police_who_arrest_are_the_agent():
    assert ("AGENT", "Полиция", "задержала") in _relations("Полиция задержала Петра Гурова.")


def test_a_death_in_a_setting_is_its_subevent():
    assert ("SUBEVENT_OF", "погиб", "взрыве") in _relations("Полицейский Олег Лось погиб при взрыве.")


def test_a_place_under_the_verb_a_happening_hangs_on():
    text = "Пианист Иван Орлов в Омске принял участие в концерте."
    assert ("TAKES_PLACE_IN", "концерте", "Омске") in _relations(text)


def test_a_headline_that_retells_an_incident_links_its_own_date_phrase():
    text = "Митинг 12 марта 2011 года в Омске\nМитинг против закрытия завода прошёл 12 марта 2011 года в Омске."
    from kgbuild.evaluation.events import predicted_relations

    dated = {(a, b) for kind, a, b in predicted_relations(extract(Document(id="t", text=text)))
             if kind == "POINT_IN_TIME"}
    assert ((0, 6), (7, 25)) in dated  # the headline's word and the headline's date
    assert len(dated) == 2


def test_the_words_telling_a_happening_run_to_its_companion_noun():
    facts = extract(Document(id="t", text="Министр Иван Орлов ушёл в отставку."))
    resignation = next(i for i in facts.incidents if i.type == "Resignation")
    assert resignation.trigger.quote == "ушёл в отставку"


def test_a_headline_naming_someone_the_body_appointments_do_not_is_its_own_incident():
    text = ("Президент назначил Олега Белова послом в Италии\n"
            "Ранее министром культуры была назначена Анна Ким.")
    facts = extract(Document(id="t", text=text))
    appointments = [i for i in facts.incidents if i.type == "Appointment"]
    assert len(appointments) == 2
    assert {facts.entity(p.agent).label for i in appointments for p in i.participations} >= {"Олег Белов", "Анна Ким"}


def test_misses_lists_the_gold_relations_no_prediction_matched():
    from kgbuild.evaluation.events import misses

    facts = extract(Document(id="t", text=TEXT))
    missed = misses(annotation(), facts)
    assert all(m[3] == TEXT for m in missed)  # each with the line it stands in
    assert not [m for m in missed if m[0] == "AGENT"]  # the agent was read
    assert misses(annotation(), extract(Document(id="t", text="Погода была ясной.")), "AGENT") == [
        ("AGENT", "Пётр Соколов", "застрелил", TEXT)]


def test_a_life_span_gives_the_date_of_death_it_states():
    # no death is told as a happening here: the date comes from the span in brackets
    text = "Художник Олег Зимин (1921 — 1997) писал пейзажи северных рек."
    assert ("DATE_OF_DEATH", "Олег Зимин", "1997") in _relations(text)
