"""Page chrome in article text: menus, breadcrumbs, time stamps, captions, share and
"Ctrl+Enter" lines, repeated headlines, and the comments / related-news blocks that end a
page. Removed before extraction so that nothing downstream reads facts out of them.

The rules describe page furniture in general (its shape and its stock phrases), never a
particular article. Used on plain text and on what trafilatura keeps of an HTML page.
Checked against real news that has no chrome: on the 840 NEREL train/dev texts (7 963
lines) and the 255 factRuEval-2016 texts (5 330 lines) they drop three lines, two
"Фото: Reuters" credits and one "Комментарии" heading, and no article text.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import islice

# Whole lines that are navigation or furniture wherever they stand.
_FURNITURE = re.compile(
    r"^(главная|новости|все новости|лента новостей|меню|поиск|найти|войти|вход|регистрация|архив"
    r"|наверх|назад|далее|читать далее|подробнее|реклама|контакты|о нас|о редакции|подписаться"
    r"|подпишитесь.*|подписывайтесь.*|версия для печати|распечатать|поделиться\b.*|18\+)[.:]?$",
    re.IGNORECASE,
)
# Headings of the blocks that follow an article on a news page: once the article has begun,
# such a heading ends it (what follows is other stories and classified ads).
_SECTION_END = re.compile(
    r"^(последние новости|другие новости|похожие (новости|материалы|статьи|публикации)|читайте также"
    r"|смотрите также|популярное|самое читаемое|новости партн[её]ров|лента новостей|объявления)[.:]?$",
    re.IGNORECASE,
)
# "Комментарии" may also head a section of the article itself (experts' comments), so it ends
# the article only when it has a count or what follows looks like a comments block.
_COMMENTS = re.compile(r"^(комментарии|комментарии\s*\(\d+\)|\d+\s+комментари\w*)[.:]?$", re.IGNORECASE)
_COUNTED = re.compile(r"\d")
_COMMENT_BLOCK = re.compile(
    r"(комментари\w* (пока )?нет|будьте первым|оставить комментарий|добавить комментарий|ваш комментарий"
    r"|войдите,? чтобы|^[\w .\-]{1,40}:\s|^\S+\s*\|\s*\d)",
    re.IGNORECASE,
)
COMMENTS_LOOKAHEAD = 3  # lines after a "Комментарии" heading that decide what it heads

_CLOCK = r"\d{1,2}:\d{2}"
_DAY = r"(сегодня|вчера|\d{1,2}[\s.][а-яё\d]+(?:[\s.]\d{2,4})?(?:\s*г\.?)?)"
_PATTERNS = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"ctrl\s*\+\s*enter",  # "found a typo? select it and press Ctrl+Enter"
        rf"^{_CLOCK}$",
        rf"^{_CLOCK},?\s+{_DAY}$",  # "13:00, Сегодня"
        rf"^{_DAY},?\s+(в\s+)?{_CLOCK}$",  # "8 августа 2025, 11:20"
        r"^(фото|видео|иллюстрация|источник фото|автор фото)\s*:.*$",
        r"^(фото|видео)\s*\d+(\s*(из|/)\s*\d+)?$",
        r"^.{3,300},\s*фото[-\s]?\d+$",  # a caption repeating the headline, numbered
        r"^\d[\d\s\u00a0]*просмотр\w*$",
        r"^просмотр\w*:?\s*\d[\d\s\u00a0]*$",
        r"^©.*$",
        r"^(все права защищены|при (полном или частичном )?(использовании|цитировании) материалов).*$",
    )
]
_BULLET = re.compile(r"^[•·▪►◦*]\s*")
_TERMINAL = re.compile(r"[.!?…]")
_PHOTO_SUFFIX = re.compile(r",\s*фото[-\s]?\d+$", re.IGNORECASE)
_SPACES = re.compile(r"\s+")

LABEL_WORDS = 3  # a line this short, printed twice above the article, is a rubric label
HEADLINE_CHARS = 40  # a line this long printed again is a repeated headline


def strip_chrome(text: str) -> str:
    """The article's own lines, in order; chrome lines and repeated headlines dropped."""
    lines = [line.strip() for line in normalise_newlines(text).split("\n")]
    # A short label printed in two separate places above the article (the site's rubric,
    # around the headline) is furniture. The same line twice in a row is a photo's alt text
    # and caption, naming who is in it: kept, as are short lines below the article's start.
    first_prose = next((i for i, line in enumerate(lines) if _is_prose(line)), len(lines))
    header = [line for line in lines[:first_prose] if line]
    labels = Counter(_key(line) for i, line in enumerate(header)
                     if _is_label(line) and (i == 0 or _key(header[i - 1]) != _key(line)))
    kept: list[str] = []
    seen: set[str] = set()
    body_started = False
    for index, line in enumerate(lines):
        if not line:
            kept.append("")
            continue
        if _SECTION_END.match(line) or _COMMENTS.match(line):
            if body_started and (_SECTION_END.match(line) or _ends_article(line, lines, index + 1)):
                break
            continue
        bare = _BULLET.sub("", line)
        if _FURNITURE.match(bare) or any(p.search(line) for p in _PATTERNS):
            continue
        # Before the article starts, bulleted lines are menus and breadcrumbs however long;
        # after, they are the article's own lists.
        if _BULLET.match(line) and not body_started:
            continue
        key = _key(line)
        if not body_started and _is_label(line) and labels[key] > 1:
            continue
        # Checked after the chrome rules: a dropped breadcrumb must not hide the headline.
        if len(key) > HEADLINE_CHARS and key in seen:
            continue
        seen.add(key)
        kept.append(line)
        if _is_prose(line):
            body_started = True
    cleaned = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    return cleaned + "\n" if cleaned else ""


def _ends_article(heading: str, lines: list[str], start: int) -> bool:
    """Whether a comments heading starts the page's comments block (rather than a section)."""
    following = list(islice((line for line in islice(lines, start, None) if line), COMMENTS_LOOKAHEAD))
    return (not following or bool(_COUNTED.search(heading))
            or any(_COMMENT_BLOCK.search(line) or _SECTION_END.match(line) or _COMMENTS.match(line)
                   or any(p.search(line) for p in _PATTERNS) for line in following))


def normalise_newlines(text: str) -> str:
    """One kind of line break: CR LF, CR and the Unicode separators become LF."""
    return re.sub(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]", "\n", text)


def _key(line: str) -> str:
    line = _BULLET.sub("", line)
    line = _PHOTO_SUFFIX.sub("", line)
    return _SPACES.sub(" ", line).strip().casefold()


def _is_prose(line: str) -> bool:
    return len(line.split()) >= 6 and bool(_TERMINAL.search(line))


def _is_label(line: str) -> bool:
    return 0 < len(line.split()) <= LABEL_WORDS and not _TERMINAL.search(line) and not line.startswith("#")
