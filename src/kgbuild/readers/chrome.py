"""Page chrome in article text: menus, breadcrumbs, time stamps, captions, share and
"Ctrl+Enter" lines, repeated headlines, and the comments / related-news blocks that end a
page. Removed before extraction so that nothing downstream reads facts out of them.

The rules describe page furniture in general (its shape and its stock phrases), never a
particular article. Used on plain text and on what trafilatura keeps of an HTML page.
"""

from __future__ import annotations

import re
from collections import Counter

# Whole lines that are navigation or furniture wherever they stand.
_FURNITURE = re.compile(
    r"^(главная|новости|все новости|лента новостей|меню|поиск|найти|войти|вход|регистрация|архив"
    r"|наверх|назад|далее|читать далее|подробнее|реклама|контакты|о нас|о редакции|подписаться"
    r"|подпишитесь.*|подписывайтесь.*|версия для печати|распечатать|поделиться\b.*|18\+)[.:]?$",
    re.IGNORECASE,
)
# Headings of the blocks that follow an article on a news page: once the article has begun,
# such a heading ends it (what follows is comments, other stories, classified ads).
_SECTION_END = re.compile(
    r"^(комментарии|комментарии\s*\(\d+\)|\d+\s+комментари\w*|последние новости|другие новости"
    r"|похожие (новости|материалы|статьи|публикации)|читайте также|смотрите также|по теме"
    r"|популярное|самое читаемое|новости партн[её]ров|объявления)[.:]?$",
    re.IGNORECASE,
)
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

MENU_ITEM_WORDS = 4  # a bulleted line this short is a menu item, not a list in the article
LABEL_WORDS = 3  # a line this short, printed more than once, is a rubric label
HEADLINE_CHARS = 40  # a line this long printed again is a repeated headline


def strip_chrome(text: str) -> str:
    """The article's own lines, in order; chrome lines and repeated headlines dropped."""
    lines = [line.strip() for line in normalise_newlines(text).split("\n")]
    labels = Counter(_key(line) for line in lines if _is_label(line))
    kept: list[str] = []
    seen: set[str] = set()
    body_started = False
    for line in lines:
        if not line:
            kept.append("")
            continue
        if _SECTION_END.match(line):
            if body_started:
                break
            continue
        if _FURNITURE.match(line) or any(p.search(line) for p in _PATTERNS):
            continue
        bullet = _BULLET.match(line)
        # Before the article starts, bulleted lines are breadcrumbs however long.
        if bullet and (not body_started or len(line.split()) <= MENU_ITEM_WORDS + 1):
            continue
        key = _key(line)
        if _is_label(line) and labels[key] > 1:
            continue
        # Checked after the chrome rules: a dropped breadcrumb must not hide the headline.
        if len(key) > HEADLINE_CHARS and key in seen:
            continue
        seen.add(key)
        kept.append(line)
        if len(line.split()) >= 6 and _TERMINAL.search(line):
            body_started = True
    cleaned = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    return cleaned + "\n" if cleaned else ""


def normalise_newlines(text: str) -> str:
    """One kind of line break: CR LF, CR and the Unicode separators become LF."""
    return re.sub(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]", "\n", text)


def _key(line: str) -> str:
    line = _BULLET.sub("", line)
    line = _PHOTO_SUFFIX.sub("", line)
    return _SPACES.sub(" ", line).strip().casefold()


def _is_label(line: str) -> bool:
    return 0 < len(line.split()) <= LABEL_WORDS and not _TERMINAL.search(line) and not line.startswith("#")
