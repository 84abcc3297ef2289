"""Reading sources: what is kept of a page, which encoding it was in, what metadata came along."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kgbuild.read import read_documents, read_sources, strip_chrome

REPO = Path(__file__).resolve().parents[1]
ARTICLES = REPO / "data" / "articles"


def read_one(path):
    documents = list(read_sources([path]))
    assert len(documents) == 1
    return documents[0]


# --- the seed article: a news page copied as plain text --------------------------------------

HEADLINE = ("Кровавый побег из Жаман-сопки: сотрудники УИС в свой первый профессиональный "
            "праздник вспоминают погибших героев")


@pytest.fixture(scope="module")
def seed_text(seed_path):
    return read_one(seed_path).text


@pytest.mark.parametrize("chrome", [
    "• Главная", "Ctrl+Enter", "Если вы заметили ошибку", "Комментарии", "Последние новости",
    "Объявления", "фото-1", "фото-4", "13:00, Сегодня",
])
def test_seed_page_chrome_is_gone(seed_text, chrome):
    assert chrome not in seed_text


def test_seed_headline_is_kept_once(seed_text):
    assert seed_text.count(HEADLINE) == 1
    assert seed_text.startswith(HEADLINE)


def test_seed_keeps_the_outlets_hashtags_and_every_paragraph(seed_text, seed_path):
    assert "#ДУИС по СКО #память #сотрудники" in seed_text
    raw = seed_path.read_text(encoding="utf-8")
    for paragraph in raw.split("\n\n"):
        paragraph = paragraph.strip()
        if len(paragraph) > 200 and "\n" not in paragraph:  # the article's own paragraphs
            assert paragraph in seed_text


def test_seed_rubric_label_around_the_headline_is_dropped(seed_text):
    # "ДУИС" printed alone above and below the headline is the site's rubric, not text.
    assert "\nДУИС\n" not in "\n" + seed_text
    assert "ДУИС по СКО" in seed_text


# --- the chrome rules, on lines of our own ---------------------------------------------------

ARTICLE = ("Вчера в селе Луговом открыли новую библиотеку. На открытие пришли жители "
           "и ученики местной школы.")


@pytest.mark.parametrize("page, dropped", [
    (f"• Главная\n• Новости\n{ARTICLE}", ["Главная", "Новости"]),
    (f"12:45, Вчера\n{ARTICLE}", ["12:45"]),
    (f"{ARTICLE}\n3 марта 2024, 09:15", ["09:15"]),
    (f"{ARTICLE}\nНашли опечатку? Выделите её и нажмите Ctrl + Enter.", ["опечатку"]),
    (f"{ARTICLE}\nФото: пресс-служба акимата", ["пресс-служба"]),
    (f"{ARTICLE}\nБиблиотека в Луговом, фото-2", ["фото-2"]),
    (f"{ARTICLE}\nПоделиться: ВКонтакте Telegram", ["Поделиться"]),
    (f"{ARTICLE}\n© 2024 Районная газета. Все права защищены.", ["©"]),
    (f"{ARTICLE}\n2 345 просмотров", ["просмотров"]),
    (f"{ARTICLE}\nКомментарии (2)\nАнна: Поздравляем всех жителей села!", ["Комментарии", "Анна"]),
    (f"{ARTICLE}\nЧитайте также\nВ городе Заречном построили мост через реку Быструю.",
     ["Читайте", "Заречном"]),
])
def test_chrome_lines_are_dropped(page, dropped):
    text = strip_chrome(page)
    assert ARTICLE in text
    for word in dropped:
        assert word not in text


@pytest.mark.parametrize("line", [
    "— Мы долго ждали этого дня, — сказала директор библиотеки Ольга Сергеевна Белова.",
    "• 1200 книг передали в дар жители соседних районов и областной фонд.",
    "Комментарии к закону дал депутат Иван Лукин.",
    "Фотограф Сергей Волков снимал открытие.",
    "#Луговое #библиотека",
])
def test_article_lines_that_resemble_chrome_are_kept(line):
    assert line in strip_chrome(f"{ARTICLE}\n{line}\n")


def test_a_heading_like_comments_before_the_article_does_not_cut_it():
    text = strip_chrome(f"Новости\nКомментарии\n{ARTICLE}")
    assert text == ARTICLE + "\n"


def test_headline_repeated_under_the_photo_is_kept_once():
    headline = "В селе Луговом открыли библиотеку на месте старого клуба"
    text = strip_chrome(f"{headline}\n\n{headline}\n{headline}, фото-1\n{ARTICLE}")
    assert text.count(headline) == 1


# --- HTML ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def plaque():
    return read_one(ARTICLES / "memorial-plaque.html")


@pytest.mark.parametrize("chrome", [
    "Ctrl+Enter", "Комментарии", "Последние новости", "Объявления", "Продам гараж", "Главная",
    "Поделиться", "Все права защищены", "window.dataLayer",
])
def test_html_page_keeps_the_article_only(plaque, chrome):
    assert chrome not in plaque.text


def test_html_page_text_and_metadata(plaque):
    headline = "В Петропавловске открыли мемориальную доску капитану Серику Омарову"
    assert plaque.text.count(headline) == 1
    assert "полковник Нурлан Асетович Жакупов" in plaque.text
    assert plaque.title == headline
    assert plaque.published == "2025-08-08"
    assert plaque.publisher == "Северный курьер"
    assert plaque.url == "https://example.org/severny-kurier/news/2025/08/08/doska-omarovu"
    assert plaque.encoding == "utf-8"


def test_html_page_in_cp1251_declared_in_meta(tmp_path):
    page = ("<html><head><meta charset=\"windows-1251\"><title>Открытие школы</title></head><body>"
            "<article><h1>Открытие школы</h1><p>В посёлке Заречном открыли новую школу на двести "
            "мест. Ленту перерезал глава района Пётр Ильич Громов.</p><p>Строительство шло два "
            "года и обошлось областному бюджету в сумму, о которой много спорили.</p></article>"
            "</body></html>")
    (tmp_path / "school.html").write_bytes(page.encode("cp1251"))
    document = read_one(tmp_path / "school.html")
    assert document.encoding == "cp1251"
    assert "Пётр Ильич Громов" in document.text


def test_saved_web_page_with_a_txt_extension_is_read_as_html(tmp_path):
    page = ("<!DOCTYPE html><html><body><nav><a href='/'>Главная</a></nav><article><p>Жители "
            "посёлка Заречного собрали деньги на памятник землякам, погибшим на фронте. "
            "Открытие назначено на девятое мая.</p></article><footer>© Газета</footer></body></html>")
    (tmp_path / "page.txt").write_text(page, encoding="utf-8")
    text = read_one(tmp_path / "page.txt").text
    assert "Жители посёлка Заречного" in text
    assert "<" not in text and "Главная" not in text


# --- encodings -------------------------------------------------------------------------------

SHORT = "Старший сержант Ерлан Касымов вернулся домой."


@pytest.mark.parametrize("encoding, reported", [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("cp1251", "cp1251"), ("koi8_r", "koi8_r"),
    ("utf-16", "utf-16"),
])
def test_short_text_in_each_encoding(tmp_path, encoding, reported):
    (tmp_path / "note.txt").write_bytes(SHORT.encode(encoding))
    document = read_one(tmp_path / "note.txt")
    assert document.text == SHORT + "\n"
    assert document.encoding == reported


def test_folder_of_mixed_encodings_reads_each_file_in_its_own(tmp_path):
    for name, encoding in [("a", "utf-8"), ("b", "cp1251"), ("c", "koi8_r"), ("d", "utf-8-sig")]:
        (tmp_path / f"{name}.txt").write_bytes(f"{SHORT} Файл {name}.".encode(encoding))
    documents = read_documents([tmp_path])
    assert [d.encoding for d in documents] == ["utf-8", "cp1251", "koi8_r", "utf-8-sig"]
    assert all(d.text.startswith(SHORT) for d in documents)


# --- metadata --------------------------------------------------------------------------------

def test_sidecar_metadata_is_read(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps({
        "id": "lugovoe-library", "title": "Библиотека", "published": "2024-03-03",
        "publisher": "Районная газета", "url": "https://example.org/a"}), encoding="utf-8")
    document = read_one(tmp_path / "a.txt")
    assert (document.id, document.title, document.published, document.publisher, document.url) == (
        "lugovoe-library", "Библиотека", "2024-03-03", "Районная газета", "https://example.org/a")


def test_sidecar_named_by_a_shell_glob_is_not_a_source(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text('{"title": "Библиотека"}', encoding="utf-8")
    documents = read_documents(sorted(tmp_path.iterdir()))
    assert [d.title for d in documents] == ["Библиотека"]


def test_jsonl_records_with_metadata(tmp_path):
    lines = [{"id": 7, "text": ARTICLE, "published": "2024-03", "publisher": "Газета"},
             {"id": "b", "text": "Вторая заметка о том, как в Луговом прошёл праздник урожая."}]
    (tmp_path / "n.jsonl").write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines)
                                      + "\n\n", encoding="utf-8")
    first, second = read_documents([tmp_path / "n.jsonl"])
    assert (first.id, first.published, first.publisher, first.path) == ("7", "2024-03", "Газета",
                                                                        f"{tmp_path / 'n.jsonl'}:1")
    assert second.id == "b" and second.path.endswith("n.jsonl:2")


def test_jsonl_text_may_hold_a_line_separator_inside_a_string(tmp_path):
    # U+2028 is legal inside a JSON string; the file must not be split there.
    record = {"id": "x", "text": "Первая строка.\u2028Вторая строка о селе Луговом и его жителях."}
    (tmp_path / "n.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    document = read_one(tmp_path / "n.jsonl")
    assert document.text == "Первая строка.\nВторая строка о селе Луговом и его жителях.\n"


def test_offsets_refer_to_the_stored_text(tmp_path):
    (tmp_path / "a.txt").write_bytes(("• Меню\r\n" + ARTICLE + "\r\n").encode("cp1251"))
    document = read_one(tmp_path / "a.txt")
    start = document.text.index("Луговом")
    assert document.text[start:start + len("Луговом")] == "Луговом"
    assert "\r" not in document.text


def test_a_name_captioned_twice_above_the_article_is_kept():
    # Alt text and caption of the photo: they name someone, they are not a rubric.
    text = strip_chrome(f"В селе Луговом открыли библиотеку\n\nОльга Белова\nОльга Белова\n{ARTICLE}")
    assert "Ольга Белова" in text


def test_a_section_headed_comments_inside_the_article_is_kept():
    expert = "Историк Пётр Громов считает, что библиотека станет центром жизни села."
    text = strip_chrome(f"{ARTICLE}\n\nКомментарии\n\n{expert}\n")
    assert expert in text


def test_the_articles_own_short_list_is_kept():
    text = strip_chrome(f"{ARTICLE} В жюри конкурса вошли:\n• Анна Лукина (Омск)\n• Тимур Ахметов\n")
    assert "• Анна Лукина (Омск)" in text and "• Тимур Ахметов" in text
