"""When an incident happened, sixth round: a date told by an adjective ("на декабрьском заседании",
"прошлогодний пожар"), "в нынешнем году", and a date at the head of a line the parser split into
two sentences. Each date carries only what its words say. Sentences of our own."""

from __future__ import annotations

import pytest

from kgbuild.extract import extract
from kgbuild.model import DateValue, Document
from test_events_time_s5 import dated


def dates(text: str, published: str | None = None) -> list[tuple[str, str, str | None]]:
    facts = extract(Document(id="t", text=text, published=published))
    return [(d.phrase, d.edtf, d.value) for d in facts.dates]


# -- a date told by an adjective ----------------------------------------------------------------

@pytest.mark.parametrize("text, word, phrase, edtf", [
    ("Следователи завершили проверку мартовского пожара на складе в Омске.", "пожара", "мартовского", "XXXX-03"),
    ("Решение о новом налоге приняли на декабрьском заседании городской думы Твери.", "заседании",
     "декабрьском", "XXXX-12"),
    ("Прошлогодний пожар на складе в Омске унёс жизни двоих.", "пожар", "Прошлогодний", "XXXX"),
])
def test_an_adjective_for_a_month_or_a_year_dates_its_happening_by_its_words(text, word, phrase, edtf):
    assert dated(text)[word] == (phrase, edtf, None)


def test_a_month_adjective_tells_the_month_not_the_year_even_with_a_publication_date():
    # the December before the article or the one after it: the adjective does not say
    assert dates("Итоги декабрьских выборов в Твери оспорили.", published="2019-03-02") \
        == [("декабрьских", "XXXX-12", None)]


@pytest.mark.parametrize("text, value", [
    ("Итоги прошлогоднего конкурса в Перми отменили.", "2018"),
    ("Вчерашний пожар на складе в Омске потушили.", "2019-03-01"),
])
def test_a_publication_date_resolves_an_adjective_for_the_year_or_the_day_before(text, value):
    assert [v for _, _, v in dates(text, published="2019-03-02")] == [value]


def test_a_weekday_adjective_is_a_day_not_known_which():
    assert dates("После субботнего матча в Казани болельщиков задержали.") == [("субботнего", "XXXX-XX-XX", None)]


@pytest.mark.parametrize("text", [
    "В городе Октябрьском задержали двух грабителей.",  # a town's name, not October
    "На сегодняшний день о пострадавших ничего не известно.",  # the present, no date
])
def test_a_name_or_the_present_is_no_date(text):
    assert dates(text) == []


@pytest.mark.parametrize("text, phrase, published, value", [
    ("В нынешнем году в Омске сгорел склад.", "В нынешнем году", None, None),
    ("В нынешнем году в Омске сгорел склад.", "В нынешнем году", "2019-03-02", "2019"),
    ("В феврале нынешнего года в Омске сгорел склад.", "В феврале нынешнего года", "2019-03-02", "2019-02"),
])
def test_this_year_said_as_nyneshnij(text, phrase, published, value):
    assert dated(text, published)["сгорел"][0::2] == (phrase, value)


# -- a line the parser read as two sentences ----------------------------------------------------

def test_a_date_heading_the_line_dates_the_verb_the_parser_set_apart():
    found = dated("5 марта утром во время совещания в своём кабинете потерял сознание и был срочно "
                  "госпитализирован бывший мэр Пскова Олег Жуков.")
    assert found["госпитализирован"][0] == "5 марта"


def test_a_clause_after_another_does_not_take_its_date():
    # "после того как": the election came before the announcement, on a day the line does not give
    found = dated("Губернатор объявил об этом в пятницу, вскоре после того как депутаты избрали его на новый срок.")
    assert found.get("избрали") is None


# -- a "когда" clause, a date below the noun, a season ------------------------------------------

@pytest.mark.parametrize("text, word, phrase", [
    ("Министр отдыхал на даче 12 мая, когда в столице произошла попытка переворота.", "переворота", "12 мая"),
    ("Осада закончилась 3 июня 1995 года, когда в здании вспыхнул пожар.", "пожар", "3 июня 1995 года"),
])
def test_a_when_clause_shares_the_time_it_is_told_of(text, word, phrase):
    assert dated(text)[word][0] == phrase


def test_a_date_in_the_nouns_own_clause_is_its_date_even_after_until():
    # "до конгресса": the extension lasts until it, but the congress's own clause tells its day
    found = dated("Совет продлил его полномочия до конгресса ФИФА, который пройдёт 14 марта 2019 года в Казани.")
    assert found["конгресса"][2] == "2019-03-14"


def test_a_date_on_a_season_dates_the_verb_the_season_hangs_on():
    assert dated("Выборы мэра Самары назначены на осень 2021 года.")["Выборы"][2] == "2021"


def test_of_two_dates_the_parser_hangs_on_one_verb_the_nearest_is_its():
    # "18 марта поступили документы, в связи с чем 21 марта он был задержан", when the parser puts
    # both dates under "задержан": the day told beside the verb is the detention's
    from types import SimpleNamespace

    from kgbuild.extract.events import _on_token
    from kgbuild.extract.nlp import Sentence, Token
    from kgbuild.model import Evidence

    text = "18 марта документы поступили, и 21 марта он задержан"
    # (start, word, head): both dates hang on "задержан", the root
    words = [(0, "18", 7), (3, "марта", 0), (9, "документы", 3), (19, "поступили", 7), (32, "21", 7),
             (35, "марта", 4), (41, "он", 7), (44, "задержан", None)]
    tokens = [Token(index=i, start=start, end=start + len(w), text=w, lemma=w, pos="VERB" if i in (3, 7) else "NOUN",
                    feats={}, head=head, rel="root" if head is None else "obl")
              for i, (start, w, head) in enumerate(words)]
    seg = SimpleNamespace(sentence=Sentence(start=0, end=len(text), text=text, tokens=tokens))

    def day(start, end):
        return DateValue(edtf="XXXX", value=None, phrase=text[start:end],
                         evidence=Evidence(doc_id="t", start=start, end=end, quote=text[start:end]))

    assert _on_token(seg, tokens[7], [day(0, 8), day(32, 40)]).phrase == "21 марта"


def test_an_accusation_in_a_when_clause_does_not_date_what_it_accuses_of():
    found = dated("Беспорядки в Самаре начались на прошлой неделе, когда губернатор обвинил фермеров "
                  "в нападении на полицейских.")
    assert found["нападении"] is None


# -- last week ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, word, phrase", [
    ("На прошлой неделе в Омске сгорел склад.", "сгорел", "На прошлой неделе"),
    ("Ранее на этой неделе бывшего мэра Омска арестовали.", "арестовали", "на этой неделе"),
])
def test_a_happening_of_last_week_is_dated_a_day_not_known_which(text, word, phrase):
    # a week is no EDTF date, but the happening took one of its days; a publication date does not say which
    assert dated(text)[word] == (phrase, "XXXX-XX-XX", None)
    assert dated(text, published="2019-03-02")[word] == (phrase, "XXXX-XX-XX", None)


def test_a_month_adjectives_date_conforms_and_stays_off_the_timeline():
    from rdflib import Dataset

    from kgbuild.iris import IRIs
    from kgbuild.mapping import Mapper
    from kgbuild.relations import relationship_view
    from kgbuild.validate import validate
    from kgbuild.viz import timeline_data

    facts = extract(Document(id="omsk", text="Следователи завершили проверку мартовского пожара на складе в Омске."))
    ds = Dataset()
    mapper = Mapper(IRIs())
    mapper.map(facts, into=ds.graph(mapper.source_iri("omsk")))
    report = validate(ds.graph(mapper.source_iri("omsk")))
    assert report.conforms, [(r.shape, r.message_en) for r in report.violations]
    data = timeline_data(relationship_view(ds), title="t")
    assert data["items"] == [] and [u["note"] for u in data["undated"]] == ["XXXX-03"]
