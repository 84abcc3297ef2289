"""A check to run on XML (RDF/XML, OWL) before any parser sees it: entity declarations
that could blow up (billion laughs, quadratic blow-up) or read files (external entities)
are refused.

Measured here: rdflib 7 (via expat 2.5) spends minutes of CPU on a ten-level "billion
laughs" RDF/XML file, and pyoxigraph 0.5 needs 37 s for three levels (3 000 characters);
neither has a switch to turn entities off. Ontology files written by Protégé do declare
entities, but only flat ones naming namespaces (`<!ENTITY owl "http://…/owl#">`), which
stay allowed.
"""

from __future__ import annotations

import codecs
import re

from ..errors import InputError

# Characters all entity references of a document may expand to, beyond the document itself.
MAX_EXPANSION = 1_000_000

# Declarations are looked for in the whole text, not only in a DOCTYPE found by a pattern:
# a quoted "]>" inside a declaration must not hide the declarations after it.
# Lengths are bounded so that a file of unterminated declarations costs linear time.
_ENTITY = re.compile(r"<!ENTITY\s+(?P<percent>%\s+)?(?P<name>[^\s\"'>]{1,200})\s*"
                     r"(?P<rest>(?:\"[^\"]{0,65536}\"|'[^']{0,65536}'|[^\"'>]){0,256})>", re.S)
MAX_DECLARATIONS = 1000
_VALUE = re.compile(r"^(\"(?P<dq>[^\"]*)\"|'(?P<sq>[^']*)')\s*$", re.S)
_REFERENCE = re.compile(r"[&%]([A-Za-z_:][\w.\-:]*);")


def check_xml_entities(raw: bytes | str, where: str, *, max_expansion: int = MAX_EXPANSION) -> None:
    """Raise `InputError` if the document's DTD declares external, parameter or nested
    entities, or flat ones whose references would add more than `max_expansion` characters."""
    text = raw if isinstance(raw, str) else _as_text(raw)
    if "<!ENTITY" not in text:
        return
    if text.count("<!ENTITY") > MAX_DECLARATIONS:
        raise InputError(f"{where}: declares more than {MAX_DECLARATIONS} XML entities; refused")
    declarations = list(_ENTITY.finditer(text))
    if len(declarations) != text.count("<!ENTITY"):
        raise InputError(f"{where}: has an XML entity declaration that cannot be read; refused")
    values: dict[str, str] = {}
    for match in declarations:
        name = match.group("name")
        if match.group("percent"):
            raise InputError(f"{where}: declares the XML parameter entity %{name}; refused")
        value = _VALUE.match(match.group("rest").strip())
        if value is None:  # SYSTEM or PUBLIC: the parser would read a file or a URL
            raise InputError(f"{where}: declares the external XML entity {name!r}; refused")
        values[name] = value.group("dq") if value.group("dq") is not None else value.group("sq")
    for name, value in values.items():
        nested = [r for r in _REFERENCE.findall(value) if r in values]
        if nested:
            raise InputError(f"{where}: XML entity {name!r} refers to entity {nested[0]!r} "
                             "(nested entities can expand without bound); refused")
    body = text[declarations[-1].end():]
    expansion = sum(len(values[r]) for r in _REFERENCE.findall(body) if r in values)
    if expansion > max_expansion:
        raise InputError(f"{where}: XML entities would expand to {expansion:,} characters "
                         f"(limit {max_expansion:,}); refused")


def _as_text(raw: bytes) -> str:
    """Enough of a decoding to see markup: UTF-16 by its BOM, anything else byte for byte."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16", errors="replace")
    return raw.decode("latin-1")
