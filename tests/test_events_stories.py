"""Short stories of our own: compound incidents in order, dates flowing to parts, reference back."""

from __future__ import annotations

from kgbuild.extract import extract
from kgbuild.model import Document

STORY = (
    "Одним из громких происшествий года стал побег трёх заключённых из колонии ЛА-155/12 в посёлке Сосновка.\n\n"
    "5 марта 2003 года лейтенант Игорь Белов и двое контролёров вели троих заключённых на стройку. "
    "Внезапно заключённые напали на охранников. "
    "Преступники скрылись и угнали грузовик.\n\n"
    "Позже они захватили ещё одну машину с водителем."
)


def test_an_escape_and_what_followed_are_one_whole_in_text_order():
    facts = extract(Document(id="story", text=STORY))
    escape = next(i for i in facts.incidents if i.type == "Escape")
    parts = sorted((i for i in facts.incidents if i.part_of == escape.key), key=lambda i: i.sequence)
    assert [p.type for p in parts] == ["Attack", "VehicleSeizure", "VehicleSeizure"]
    assert [p.sequence for p in parts] == [1, 2, 3]
    assert escape.date.value == "2003-03-05"
    assert {p.date.value for p in parts} == {"2003-03-05"}
    assert "HostageTaking" in parts[2].extra_types


def test_the_escorted_group_is_the_attackers_and_the_escort_the_guards():
    facts = extract(Document(id="story", text=STORY))
    attack = next(i for i in facts.incidents if i.type == "Attack")
    roles = {(p.role, facts.entity(p.agent).__class__.__name__) for p in attack.participations}
    assert ("perpetrator", "Group") in roles
    guards = [facts.entity(p.agent) for p in attack.participations if p.role == "guard"]
    assert any(getattr(g, "label", None) == "Игорь Белов" for g in guards)
    escapees = next(p.agent for p in attack.participations if p.role == "perpetrator")
    assert facts.entity(escapees).member_count == 3


def test_a_verb_and_its_noun_tell_one_incident_not_two():
    for text in ("Министр Олег Смирнов ушёл в отставку.", "Четверо осуждённых совершили побег из колонии."):
        facts = extract(Document(id="one", text=text))
        assert len(facts.incidents) == 1, text


HEADLINE_STORY = (
    "Дерзкий побег под Омском\n\n"
    "Колония ИК-7 стоит на окраине села. 5 мая 2003 года двое заключённых напали на охранника. "
    "Беглецы угнали автомобиль у местного жителя.\n\n"
    "Через сутки их задержали сотрудники полиции."
)


def test_a_headline_names_the_escape_the_body_tells_without_the_word():
    facts = extract(Document(id="headline", text=HEADLINE_STORY))
    escape = next(i for i in facts.incidents if i.type == "Escape")
    colony = next(i for i in facts.institutions if i.code == "ИК-7")
    assert escape.institution == colony.key
    assert escape.evidence[0].quote == "Дерзкий побег под Омском"
    parts = sorted((i for i in facts.incidents if i.part_of == escape.key), key=lambda i: i.sequence)
    assert [p.type for p in parts][:2] == ["Attack", "VehicleSeizure"]
    assert escape.date.value == "2003-05-05"


def test_a_headline_escape_needs_the_one_institution_it_is_from():
    text = HEADLINE_STORY.replace("Колония ИК-7 стоит на окраине села. ", "")
    facts = extract(Document(id="headline", text=text))
    assert not any(i.type == "Escape" for i in facts.incidents)
