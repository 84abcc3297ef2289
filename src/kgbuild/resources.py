"""Where the ontology, shapes and query library live: the checkout, or the installed wheel."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _folder(name: str) -> Path:
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parents[1] / name


def ontology_dir() -> Path:
    return _folder("ontology")


def shapes_dir() -> Path:
    return _folder("shapes")


def queries_dir() -> Path:
    return _folder("queries")
