"""Throughput of the extractor: documents per second on articles of a given size."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..model import Document


@dataclass
class Throughput:
    documents: int
    size: int  # characters per document
    seconds: float

    @property
    def per_second(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0

    def as_json(self) -> dict:
        return {"documents": self.documents, "chars_per_document": self.size,
                "seconds": round(self.seconds, 2), "documents_per_second": round(self.per_second, 2)}


def articles(directory: Path, size: int = 5000, count: int = 20) -> list[str]:
    """`count` texts of about `size` characters, cut at paragraph ends from the folder's .txt files."""
    paragraphs: list[str] = []
    for path in sorted(Path(directory).glob("*.txt")):
        paragraphs += [p for p in path.read_text(encoding="utf-8").split("\n") if p.strip()]
    if not paragraphs:
        raise InputError(f"{directory}: no .txt files to measure throughput on")
    texts, current = [], ""
    for paragraph in paragraphs:
        current += paragraph + "\n"
        if len(current) >= size:
            texts.append(current[:size])
            current = ""
            if len(texts) == count:
                break
    return texts


def measure(texts: list[str], extract=None) -> Throughput:
    if extract is None:
        from ..extract import extract
    from ..extract.nlp import models

    models()
    extract(Document(id="warm-up", text=texts[0]))
    started = time.perf_counter()
    for i, text in enumerate(texts):
        extract(Document(id=f"t{i}", text=text))
    return Throughput(len(texts), len(texts[0]) if texts else 0, time.perf_counter() - started)
