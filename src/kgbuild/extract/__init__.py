"""Extraction of facts from Russian text."""

from .pipeline import EXTRACTOR_VERSION, STAGES, extract, extract_all

__all__ = ["EXTRACTOR_VERSION", "STAGES", "extract", "extract_all"]
