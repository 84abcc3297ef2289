"""Precision, recall and F1 of predicted spans against gold spans, exact and overlapping."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field


@dataclass
class Score:
    tp: int = 0  # predictions matched to a gold item
    fp: int = 0
    fn: int = 0  # gold items left unmatched

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "Score") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_json(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def exact(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a == b


def match(predicted: Iterable, gold: Iterable, same: Callable[[object, object], bool]) -> Score:
    """One-to-one greedy matching: each gold item absorbs at most one prediction."""
    predicted, gold = list(predicted), list(gold)
    used = [False] * len(gold)
    score = Score()
    for item in predicted:
        for i, g in enumerate(gold):
            if not used[i] and same(item, g):
                used[i] = True
                score.tp += 1
                break
        else:
            score.fp += 1
    score.fn = used.count(False)
    return score


@dataclass
class Report:
    """Scores per category and match mode ("exact", "overlap"), summed over documents."""

    corpus: str
    documents: int = 0
    seconds: float = 0.0
    scores: dict[str, dict[str, Score]] = field(default_factory=dict)

    def add(self, category: str, mode: str, score: Score) -> None:
        self.scores.setdefault(category, {}).setdefault(mode, Score()).add(score)

    def as_json(self) -> dict:
        return {"corpus": self.corpus, "documents": self.documents,
                "seconds": round(self.seconds, 2),
                "scores": {c: {m: s.as_json() for m, s in modes.items()}
                           for c, modes in self.scores.items()}}

    def table(self, targets: dict[str, float] | None = None) -> str:
        targets = targets or {}
        modes = sorted({m for modes in self.scores.values() for m in modes})
        head = ["category"] + [f"{m} {x}" for m in modes for x in ("P", "R", "F1")] + ["gold", "target"]
        rows = [head]
        for category, by_mode in self.scores.items():
            row = [category]
            for mode in modes:
                s = by_mode.get(mode)
                row += [f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}"] if s else ["", "", ""]
            any_score = next(iter(by_mode.values()))
            row.append(str(any_score.tp + any_score.fn))
            target = targets.get(category)
            if target is None:
                row.append("")
            else:
                f1 = by_mode.get(modes[0] if "exact" not in by_mode else "exact", any_score).f1
                row.append(f"{target:.2f} {'met' if f1 >= target else 'MISSED'}")
            rows.append(row)
        widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
        lines = ["  ".join(cell.ljust(w) for cell, w in zip(r, widths)).rstrip() for r in rows]
        lines.insert(1, "  ".join("-" * w for w in widths))
        return "\n".join(lines) + f"\n{self.documents} documents, {self.seconds:.1f} s"
