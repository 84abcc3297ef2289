"""kgbuild: a knowledge-graph builder for historians, from Russian news texts to RDF.

The stages, each usable on its own: `read_sources` → `extract` → `Mapper.map` →
`validate` → `save_dataset` / `select`; `build` runs them all.
"""

from importlib.metadata import PackageNotFoundError, version

from .build import BuildResult, build
from .errors import InputError, KgbuildError, OutputError, QueryError
from .extract import extract
from .iris import IRIs
from .mapping import Mapper
from .model import DocumentFacts, Document
from .query import format_table, select
from .read import read_sources
from .store import load_dataset, save_dataset

try:
    __version__ = version("kgbuild")
except PackageNotFoundError:  # running from a checkout without installing
    __version__ = "0.0.0"

__all__ = [
    "BuildResult", "Document", "DocumentFacts", "IRIs", "InputError", "KgbuildError", "Mapper",
    "OutputError", "QueryError", "build", "extract", "format_table", "load_dataset", "read_sources",
    "save_dataset", "select",
]
