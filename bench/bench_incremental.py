"""How much faster is a rebuild after one source changed than a full build?

Generates a corpus of small synthetic Russian news items (names, ranks, places, dates, codes
drawn from fixed lists with a seeded generator), then times, each as a real `kgbuild build`
process: a full build with an empty cache, and a rebuild after touching one document.

    python bench/bench_incremental.py              # 1 000 documents
    python bench/bench_incremental.py --docs 20    # smoke size

The goal (issue 6): the rebuild takes under a tenth of the full build.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"

GIVEN = ["Серик", "Ерлан", "Асхат", "Марат", "Нурлан", "Иван", "Олег", "Пётр", "Дмитрий", "Алексей",
         "Бауыржан", "Канат", "Руслан", "Сергей", "Андрей", "Айдар", "Тимур", "Виктор", "Николай", "Арман"]
FAMILY = ["Омаров", "Петров", "Смирнов", "Ильин", "Бекетов", "Жумабаев", "Сидоров", "Ахметов",
          "Козлов", "Нуржанов", "Волков", "Касымов", "Морозов", "Исаев", "Абенов", "Лебедев"]
RANKS = ["капитан внутренней службы", "майор полиции", "старший сержант", "лейтенант",
         "полковник", "подполковник юстиции", "прапорщик"]
PLACES = ["Петропавловск", "Кокшетау", "Астана", "Караганда", "Павлодар", "Омск", "Костанай", "Тайынша"]
DISTRICTS = ["Есильского района", "Тайыншинского района", "Кызылжарского района", "Аккайынского района"]
MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
          "октября", "ноября", "декабря"]
TEMPLATES = [
    "{day} {month} {year} года в посёлке Горный {district} {rank} {given} {family} задержал двух "
    "осуждённых, бежавших из колонии {code}. Сотрудники учреждения {code} получили награды.",
    "В городе {place} {day} {month} {year} года прошла встреча ветеранов. {rank_cap} {given} {family} "
    "рассказал о службе в колонии {code}, основанной в {founded} году.",
    "{rank_cap} {given} {family} назначен начальником учреждения {code} в {place_prep}. Ранее он "
    "служил в {district_prep}. Приказ подписан {day} {month} {year} года.",
    "{day} {month} {year} года в {place_prep} простились с {rank_ins} {given_ins} {family_ins}, "
    "погибшим при исполнении служебных обязанностей.",
]


def document(rng: random.Random, n: int) -> str:
    given, family = rng.choice(GIVEN), rng.choice(FAMILY)
    rank = rng.choice(RANKS)
    place = rng.choice(PLACES)
    values = dict(
        day=rng.randint(1, 28), month=rng.choice(MONTHS), year=rng.randint(1990, 2024), given=given,
        family=family, rank=rank, rank_cap=rank[0].upper() + rank[1:], place=place,
        place_prep=place + ("е" if not place.endswith(("а", "у")) else ""),
        district=rng.choice(DISTRICTS), district_prep=rng.choice(DISTRICTS).replace("ого", "ом"),
        code=f"ЕС-164/{rng.randint(1, 9)}", founded=rng.randint(1950, 1990),
        rank_ins=rank.split()[0] + "ом", given_ins=given + "ом", family_ins=family + "ым",
    )
    title = f"Новость {n}"
    return f"{title}\n\n" + rng.choice(TEMPLATES).format(**values) + "\n"


def make_corpus(folder: Path, docs: int, seed: int = 6) -> list[Path]:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(docs):
        path = folder / f"doc{n:05d}.txt"
        path.write_text(document(rng, n), encoding="utf-8")
        paths.append(path)
    return paths


def kgbuild(*args: str) -> float:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]))
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", "import sys; from kgbuild.cli import main; sys.exit(main())",
                           *args], env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if proc.returncode not in (0, 1):  # 1: SHACL violations, still a full build
        raise SystemExit(f"kgbuild {' '.join(args)} failed:\n{proc.stderr}")
    print("   ", (proc.stdout.strip().splitlines() or [""])[0])
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000, help="corpus size (default 1000; 20 for a smoke run)")
    parser.add_argument("--workdir", type=Path, help="where to build (default: a temporary folder, removed)")
    parser.add_argument("--no-validate", action="store_true", help="time builds without SHACL validation")
    args = parser.parse_args(argv)

    work = args.workdir or Path(tempfile.mkdtemp(prefix="kgbuild-bench-"))
    if (work / "cache").exists():
        shutil.rmtree(work / "cache")  # "full build" means an empty cache
    try:
        paths = make_corpus(work / "corpus", args.docs)
        out = work / "out" / "kg.trig"
        # a cache of the bench's own: the user's cache may already know these documents
        options = ["--cache", str(work / "cache"), *(["--no-validate"] if args.no_validate else [])]
        print(f"{args.docs} documents in {work / 'corpus'}")
        print("full build (empty cache):")
        full = kgbuild("build", str(work / "corpus"), "--out", str(out), *options)
        touched = paths[len(paths) // 2]
        touched.write_text(touched.read_text(encoding="utf-8") + "Материал дополнен.\n", encoding="utf-8")
        print(f"rebuild after touching {touched.name}:")
        again = kgbuild("build", str(work / "corpus"), "--out", str(out), *options)
        ratio = again / full
        print(f"full build {full:.1f} s, rebuild {again:.1f} s, ratio {ratio:.3f} "
              f"({'under' if ratio < 0.1 else 'NOT under'} a tenth)")
        return 0 if ratio < 0.1 else 1
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
