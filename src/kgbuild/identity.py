"""Cross-document identity: which entities of different documents are one real-world thing.

Each document's extractor says who is who *within* the document; this module decides which of
those entities are the same across documents and gives each resolved thing one IRI. The rules:

- named person: same normalised family and given name (a lone surname joins the one person
  with that surname); a clash of patronymic, rank or gender keeps them apart;
- institution: same code, or same normalised name, or a known abbreviation; two codes that
  differ keep them apart;
- place: same name and type (a missing type agrees with any), and no clash of their parents;
- commemorative day: same day of year and name;
- incident: same type, same date and the same place or institution;
- part of an incident (kgb:partOf): parts of one merged incident merge when they share a named
  participant (a killing and a death count as one type here), or have the same type and the
  same kind of victims (staff, civilians, the perpetrators themselves), or are the only part of
  their type; the evidence must be unique on each side (two killings of civilians in one account
  match nothing), and stated dates, places or kinds of victims that differ keep them apart.

Anonymous persons and groups never merge across documents, and two entities of one document
never merge (the extractor already told them apart). Every merge, and every near-merge that a
clash prevented, is kept as a `Decision` with the evidence of each side, so that
`kgbuild explain` can say why. Curation (`curation.py`) may force merges and splits.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import URIRef

from . import model as m
from .iris import IRIs, short_hash, slug

# Abbreviations a historian of the region meets every day: either form names the same body.
KNOWN_ABBREVIATIONS = {
    "уис": "уголовно-исполнительная система",
    "дуис": "департамент уголовно-исполнительной системы",
    "куис": "комитет уголовно-исполнительной системы",
    "мвд": "министерство внутренних дел",
    "кнб": "комитет национальной безопасности",
    "фсин": "федеральная служба исполнения наказаний",
    "гувд": "главное управление внутренних дел",
    "увд": "управление внутренних дел",
    "овд": "отдел внутренних дел",
    "мчс": "министерство по чрезвычайным ситуациям",
}

# Latin letters that look like Cyrillic ones: codes are typed either way ("EC-164/4").
_HOMOGLYPHS = str.maketrans("ABCEHKMOPTXY", "АВСЕНКМОРТХУ")

MERGED = "merged"
KEPT_APART = "kept apart"
MAX_APART = 3  # kept-apart decisions recorded per node
CURATED_MERGE = "merged by curation"
CURATED_SPLIT = "split by curation"


def normalise(text: str | None) -> str:
    """Lower case, ё as е, quotes dropped, spaces collapsed: the form names are compared in."""
    if not text:
        return ""
    text = text.lower().replace("ё", "е")
    text = re.sub(r"[«»\"“”„'’`]", "", text)
    return re.sub(r"\s+", " ", text).strip()


def normalise_code(code: str | None) -> str:
    if not code:
        return ""
    return re.sub(r"[\s\u2010-\u2015\-]+", "-", code.upper().translate(_HOMOGLYPHS)).strip("-")


@dataclass(slots=True)  # kept-apart decisions run to hundreds of thousands: no __dict__ each
class Member:
    """One document's entity, as it entered an identity decision."""

    doc_id: str
    key: str
    label: str
    details: str = ""  # the attributes that weighed ("отчество Болатович; звание капитан")
    evidence: list[m.Evidence] = field(default_factory=list)


@dataclass(slots=True)
class Decision:
    """Why entities of several documents got one IRI, or why they did not."""

    iri: URIRef
    kind: str
    outcome: str  # MERGED, KEPT_APART, CURATED_MERGE, CURATED_SPLIT
    reason: str
    members: list[Member] = field(default_factory=list)
    other: URIRef | None = None  # for KEPT_APART: the IRI it was kept apart from


@dataclass
class Identities:
    """The result: (document id, local key) → IRI, and the decisions behind it."""

    nodes: dict[tuple[str, str], URIRef] = field(default_factory=dict)
    decisions: list[Decision] = field(default_factory=list)
    warnings: list[tuple] = field(default_factory=list)  # (curation entry, why) not applied

    def of(self, doc_id: str) -> dict[str, URIRef]:
        """The IRIs of one document's entities, by local key (what `Mapper.map` takes)."""
        return {key: iri for (d, key), iri in self.nodes.items() if d == doc_id}


@dataclass
class _Item:
    doc_id: str
    entity: object
    keys: list[tuple]  # what it may be matched on
    attrs: dict  # what may clash
    label: str
    evidence: list[m.Evidence]
    rank: int = 0  # lower goes first: fuller names are placed before partial ones


@dataclass(eq=False)  # a cluster is itself: comparing contents made clustering quadratic
class _Cluster:
    items: list[_Item]
    attrs: dict
    reasons: list[str] = field(default_factory=list)
    keys: set = field(default_factory=set)

    docs: set = field(default_factory=set)  # the documents of its items, kept as they join

    def __post_init__(self) -> None:
        self.docs.update(i.doc_id for i in self.items)


class Resolver:
    """Resolves the identities of a whole corpus; `merges`/`splits` come from curation."""

    def __init__(self, iris: IRIs, merges: Iterable[tuple] = (), splits: Iterable[tuple] = ()) -> None:
        """`merges`: (refs, into, ...) and `splits`: (ref, document id or None, ...), where a ref
        is an IRI or a (document id, local key) pair."""
        self.iris = iris
        self.merges = list(merges)
        self.splits = list(splits)

    def resolve(self, corpus: Iterable[m.DocumentFacts]) -> Identities:
        # Resolution makes a great many small objects and no reference cycles: the cyclic
        # collector would walk the whole corpus again and again (half the time at 3 000 documents).
        collecting = gc.isenabled()
        gc.disable()
        try:
            return self._resolve(corpus)
        finally:
            if collecting:
                gc.enable()

    def _resolve(self, corpus: Iterable[m.DocumentFacts]) -> Identities:
        corpus = sorted(corpus, key=lambda f: f.document.id)
        result = Identities()
        by_key = {(f.document.id, e.key): e for f in corpus for e in _entities(f)}
        # Order matters: places and institutions first, since incidents are matched on them.
        for kind, items, compatible, ambiguous_stays_alone in (
            ("place", _place_items(corpus), _places_compatible, False),
            ("institution", _institution_items(corpus), _institutions_compatible, False),
            ("person", _person_items(corpus), _persons_compatible, True),
            ("commemoration", _commemoration_items(corpus), _always, False),
        ):
            clusters, apart = _cluster(items, compatible, ambiguous_stays_alone,
                                       ("surname", "given") if kind == "person" else None)
            self._assign(kind, clusters, apart, result)
        # Wholes before their parts: a part is matched within the merged whole it belongs to.
        depths = _incident_depths(corpus)
        for depth in sorted(set(depths.values())):
            items = _incident_items(corpus, result, depths, depth)
            clusters, apart = _cluster(items, _incidents_compatible, False)
            self._assign("incident", clusters, apart, result)
        self._sites_of_merged_incidents(corpus, result, by_key)
        for f in corpus:  # what belongs to one document only
            doc = f.document.id
            for p in f.persons:
                if p.anonymous or not p.label:
                    result.nodes[(doc, p.key)] = self.iris.local("person", doc, p.key)
            for g in f.groups:
                result.nodes[(doc, g.key)] = self.iris.local("group", doc, g.key)
        self._curate(result, by_key)
        return result

    def _sites_of_merged_incidents(self, corpus, result: Identities, by_key: dict) -> None:
        """"В больнице" in two accounts of one incident is one hospital, though the word alone
        never merges places: an unnamed site is merged when it is the place of a merged incident."""
        sites: dict[tuple, list[tuple[str, str]]] = {}
        for f in corpus:
            doc = f.document.id
            unnamed = {p.key: p for p in f.places if _unnamed(p)}
            for inc in f.incidents:
                if inc.place in unnamed:
                    place = unnamed[inc.place]
                    sites.setdefault((result.nodes[(doc, inc.key)], place.place_type or "",
                                      normalise(place.label)), []).append((doc, place.key))
        replaced: dict[URIRef, URIRef] = {}
        for (incident, _, label), nodes in sorted(sites.items()):
            iris = list(dict.fromkeys(result.nodes[n] for n in sorted(nodes)))
            if len({doc for doc, _ in nodes}) < 2 or len(iris) < 2:
                continue
            replaced.update((iri, iris[0]) for iri in iris[1:])
            result.decisions.append(Decision(
                iri=iris[0], kind="place", outcome=MERGED,
                reason=f"the place «{label}» of one merged incident ({_short(incident)})",
                members=[_member_of(n, by_key) for n in sorted(nodes)]))
        if replaced:  # one pass over the nodes, not one per site
            for node, iri in result.nodes.items():
                if iri in replaced:
                    result.nodes[node] = replaced[iri]

    # -- IRIs --------------------------------------------------------------------------------
    def _assign(self, kind: str, clusters: list[_Cluster], apart: list[tuple[_Cluster, _Cluster, str, _Item]],
                result: Identities) -> None:
        taken: set[URIRef] = set(result.nodes.values())
        iri_of: dict[int, URIRef] = {}
        members: dict[int, Member] = {}  # one per item, however many decisions name it

        def member(item: _Item) -> Member:
            found = members.get(id(item))
            if found is None:
                found = members[id(item)] = _member(item)
            return found

        for cluster in clusters:
            first = cluster.items[0]
            iri = self.iris.named(kind, _iri_name(kind, first, len(cluster.docs) > 1))
            if iri in taken:  # a namesake came first: tell them apart with the first mention's hash
                iri = URIRef(f"{iri}-{short_hash(first.doc_id, first.entity.key, length=6)}")
            taken.add(iri)
            iri_of[id(cluster)] = iri
            for item in cluster.items:
                result.nodes[(item.doc_id, item.entity.key)] = iri
            if len(cluster.docs) > 1:
                result.decisions.append(Decision(
                    iri=iri, kind=kind, outcome=MERGED, reason="; ".join(dict.fromkeys(cluster.reasons)),
                    members=[member(i) for i in cluster.items]))
        # Kept-apart pairs are many (every namesake with every other, quadratic in an archive
        # where thousands share a name): each node keeps the first MAX_APART of them, which is
        # what a historian asking "why two?" reads; the pair is recorded once, whichever way round.
        number: dict[URIRef, int] = {}
        number_of = {c: number.setdefault(iri, len(number)) for c, iri in iri_of.items()}
        recorded: set[int] = set()  # a pair {i, j} as the number min * n + max
        told: dict[int, int] = {}  # node number -> kept-apart decisions naming it
        n = len(number)
        reasons: dict[str, str] = {}
        for cluster, other, why, item in apart:
            i, j = number_of.get(id(cluster)), number_of.get(id(other))
            if i is None or j is None:
                continue  # one side was later absorbed into a bigger cluster
            pair = min(i, j) * n + max(i, j)
            if i == j or pair in recorded or told.get(i, 0) >= MAX_APART or told.get(j, 0) >= MAX_APART:
                continue
            recorded.add(pair)
            told[i] = told.get(i, 0) + 1
            told[j] = told.get(j, 0) + 1
            result.decisions.append(Decision(
                iri=iri_of[id(cluster)], kind=kind, outcome=KEPT_APART, reason=reasons.setdefault(why, why),
                members=[member(item)], other=iri_of[id(other)]))  # the other's members: its own decision

    def _curate(self, result: Identities, by_key: dict) -> None:
        """Apply the historian's merges and splits; refs are IRIs or (document id, key) pairs."""
        if not self.merges and not self.splits:
            return
        # Indexes instead of a pass over every node and decision per entry: at 10 000 documents
        # there are a quarter of a million nodes and well over a million decisions.
        position = {node: n for n, node in enumerate(result.nodes)}  # curation adds no node
        holders: dict[URIRef, set[tuple[str, str]]] = {}  # IRI -> its nodes
        for node, iri in result.nodes.items():
            holders.setdefault(iri, set()).add(node)
        naming: dict[URIRef, dict[int, Decision]] = {}  # IRI -> the decisions it is the iri or other of

        def file(d: Decision) -> None:
            for iri in (d.iri, d.other):
                if iri is not None:
                    naming.setdefault(iri, {})[id(d)] = d

        for d in result.decisions:
            file(d)

        def nodes_of(ref) -> list[tuple[str, str]]:
            if isinstance(ref, tuple):
                return [ref] if ref in result.nodes else []
            return sorted(holders.get(ref, ()), key=position.__getitem__)  # in the nodes' order

        for refs, into, *tag in self.merges:
            present = list(dict.fromkeys(result.nodes[n] for ref in refs for n in nodes_of(ref)))
            if len(present) < 2:
                result.warnings.append((tag[0] if tag else refs, "fewer than two of these are in this build"))
                continue
            target_nodes = nodes_of(into) if into is not None else []
            target = result.nodes[target_nodes[0]] if target_nodes else present[0]
            moved = sorted(node for iri in present for node in holders.get(iri, ()))
            for node in moved:
                result.nodes[node] = target
            members = [_member_of(node, by_key) for node in moved]
            renamed: dict[int, Decision] = {}
            for iri in present:
                renamed.update(naming.pop(iri, {}))
                if iri != target:
                    holders.setdefault(target, set()).update(holders.pop(iri, ()))
            for d in renamed.values():
                if d.iri in present:
                    d.iri = target
                if d.other in present:
                    d.other = target
                file(d)
            result.decisions.append(Decision(
                iri=target, kind=_kind_of(target), outcome=CURATED_MERGE,
                reason="merged by the historian: " + ", ".join(str(i) for i in present), members=members))
            file(result.decisions[-1])
        for ref, doc_id, *tag in self.splits:
            moved = [n for n in nodes_of(ref) if doc_id is None or n[0] == doc_id]
            if not moved:
                result.warnings.append((tag[0] if tag else ref, "nothing to split off in this build"))
                continue
            iri = result.nodes[moved[0]]
            if len(moved) == len(holders.get(iri, ())):
                result.warnings.append((tag[0] if tag else ref, "the split would take every mention"))
                continue
            new = URIRef(f"{iri}-{short_hash(*moved[0], 'split', length=6)}")
            for node in moved:
                result.nodes[node] = new
                holders[iri].discard(node)
                holders.setdefault(new, set()).add(node)
            result.decisions.append(Decision(
                iri=new, kind=_kind_of(iri), outcome=CURATED_SPLIT, other=iri,
                reason=f"split by the historian from {iri}: "
                       + ", ".join(f"{d} ({k})" for d, k in moved) + " is someone else",
                members=[_member_of(node, by_key) for node in moved]))
            file(result.decisions[-1])


# -- clustering ----------------------------------------------------------------------------------
def _cluster(items: list[_Item], compatible, ambiguous_stays_alone: bool, weak: tuple[str, str] | None = None):
    """Greedy, order-fixed clustering: an item joins the clusters it shares a key with and agrees with.

    Items come sorted (fullest first, then by document and key), so the result is the same on
    every run. Returns the clusters and the (cluster, cluster, why) pairs a clash kept apart.

    `weak` = (key kind, attribute), for persons ("surname", "given"): a key thousands of clusters
    share, looked up by the cluster's value of the attribute, so that "Серик Омаров" meets the
    Омаровs with no given name or his own, not every Омаров of the archive. Only for ambiguous
    clustering (where an item with two fits stays alone), and only where `compatible` rejects two
    different non-empty values of the attribute, and weak keys come last among an item's keys.
    """
    assert weak is None or ambiguous_stays_alone, "weak keys are looked up for ambiguous clustering only"
    clusters: dict[_Cluster, None] = {}  # an ordered set: a merged cluster leaves it in O(1)
    index: dict[tuple, dict[_Cluster, None]] = {}  # key -> the clusters holding it, in joining order
    by_value: dict[tuple, dict[str, dict[_Cluster, None]]] = {}  # weak key -> attribute value -> clusters
    weak_kind, attr = weak or (None, None)
    apart: list[tuple[_Cluster, _Cluster, str, _Item]] = []
    for item in sorted(items, key=lambda i: (i.rank, i.doc_id, _natural(i.entity.key))):
        candidates = dict.fromkeys(cluster for key in item.keys if key[0] != weak_kind
                                   for cluster in index.get(key, ()))
        fitting, clashes = [], []
        for cluster in candidates:
            if item.doc_id in cluster.docs:
                continue  # one document's two entities stay two
            why = compatible(item.attrs, cluster.attrs)
            (clashes if why else fitting).append((cluster, why))
        if weak_kind is not None:
            _weak_fits(item, weak_kind, attr, by_value, candidates, compatible, fitting)
        if ambiguous_stays_alone and len(fitting) > 1:
            fitting = []  # "Омаров" with two Омаровs about: we cannot tell which
        if fitting:
            target = fitting[0][0]
            target.reasons.append(_reason(item, target))
            target.items.append(item)
            target.docs.add(item.doc_id)
            before = target.attrs.get(attr) if attr else None
            _absorb(target.attrs, item.attrs)
            if attr and target.attrs.get(attr) != before:  # refiled under its new value
                for key in target.keys:
                    if key[0] == weak_kind:
                        del by_value[key][before or ""][target]
                        by_value[key].setdefault(target.attrs.get(attr) or "", {})[target] = None
            for other, _ in fitting[1:]:  # never for weak clustering: it is ambiguous
                if compatible(other.attrs, target.attrs) is None and not (other.docs & target.docs):
                    target.items.extend(other.items)
                    target.docs |= other.docs
                    target.reasons.extend(other.reasons)
                    for key in other.keys:  # exactly the buckets that hold it
                        bucket = index[key]
                        del bucket[other]
                        bucket.setdefault(target)
                    target.keys.update(other.keys)
                    _absorb(target.attrs, other.attrs)
                    del clusters[other]
        else:
            target = _Cluster(items=[item], attrs=dict(item.attrs))
            clusters[target] = None
        for key in item.keys:
            if key[0] == weak_kind:
                by_value.setdefault(key, {}).setdefault(target.attrs.get(attr) or "", {})[target] = None
            else:
                index.setdefault(key, {}).setdefault(target)
        target.keys.update(item.keys)
        for cluster, why in clashes:
            # a near-merge worth explaining shares a name or code, not just a surname (clashes
            # met on a weak key are not collected: with surnames weak, every clash shares more)
            if cluster is not target and (weak_kind == "surname" or any(
                    k[0] != "surname" for k in set(item.keys) & cluster.keys)):
                apart.append((target, cluster, why, item))
    return list(clusters), apart


def _weak_fits(item: _Item, weak_kind: str, attr: str, by_value: dict, seen: dict, compatible,
               fitting: list) -> None:
    """Add to `fitting` the clusters met on a weak key only that agree with the item, stopping at
    two fits in all (the item then stays alone). A clash met only on a weak key is never worth
    explaining, so clashes are not collected; clusters whose value of `attr` differs from the
    item's are not even looked at (they clash)."""
    mine = item.attrs.get(attr) or ""
    for key in item.keys:
        if key[0] != weak_kind or key not in by_value:
            continue
        groups = by_value[key]
        pools = (groups.get(""), groups.get(mine)) if mine else tuple(groups.values())
        for pool in pools:
            for cluster in pool or ():
                if len(fitting) > 1:
                    return
                if cluster in seen or item.doc_id in cluster.docs:
                    continue
                seen[cluster] = None
                if compatible(item.attrs, cluster.attrs) is None:
                    fitting.append((cluster, None))


def _natural(key: str) -> tuple:
    """"p2" before "p10"."""
    return tuple(int(t) if t.isdigit() else t for t in re.findall(r"\d+|\D+", key))


def _absorb(into: dict, attrs: dict) -> None:
    for name, value in attrs.items():
        if isinstance(value, set):
            into.setdefault(name, set()).update(value)
        elif value and not into.get(name):
            into[name] = value


def _reason(item: _Item, cluster: _Cluster) -> str:
    shared = [k for k in item.keys if k in cluster.keys]  # the keys of its items, kept as they join
    # a part's key carries a readable form of itself last ("Killing, civilians, part of ...")
    parts = [_KEY_WORDS.get(k[0], k[0]) + f" «{k[-1] if k[0] in _PART_KEYS else k[1]}»"
             for k in shared[:1]]
    for name, word in (("patronymic", "same patronymic"), ("ranks", "ranks agree"),
                       ("parents", "parents agree")):
        mine, theirs = item.attrs.get(name), cluster.attrs.get(name)
        if mine and theirs:
            if isinstance(mine, dict):
                common = {k: v for k, v in mine.items() if theirs.get(k) == v}
                if common:
                    parts.append(f"{word}: " + ", ".join(sorted(common.values())))
            elif isinstance(mine, set):
                parts.append(f"{word}: " + ", ".join(sorted(mine | theirs)))
            else:
                parts.append(f"{word}: {mine}")
    return "; ".join(parts)


_KEY_WORDS = {"name": "same normalised name", "surname": "same surname", "code": "same code",
              "abbr": "known abbreviation", "day": "same day of year and name",
              "at-institution": "same type, date and institution",
              "at-place": "same type, date and place",
              "part-with": "part of one merged incident, with the same participant",
              "part-victims": "part of one merged incident, of one type, with the same kind of victims",
              "part-sole": "the only part of its type in one merged incident, in each source"}
_PART_KEYS = ("part-with", "part-victims", "part-sole")


# -- items per kind ----------------------------------------------------------------------------
def _person_items(corpus) -> list[_Item]:
    items = []
    for f in corpus:
        for p in f.persons:
            if p.anonymous or not p.label:
                continue
            family, given = normalise(p.family_name), normalise(p.given_name)
            if family and given:
                keys, rank = [("name", f"{given} {family}"), ("surname", family)], 0
            elif family:
                keys, rank = [("surname", family)], 1
            else:
                keys, rank = [("name", normalise(p.label))], 0
            ranks = {normalise(r) for r in p.ranks}
            attrs = {"given": given, "patronymic": normalise(p.patronymic), "gender": p.gender or "",
                     "ranks": ranks, "rank_heads": {r.split()[0] for r in ranks if r.strip()}}
            items.append(_Item(f.document.id, p, keys, attrs, p.label, p.mentions, rank))
    return items


def _persons_compatible(a: dict, b: dict) -> str | None:
    if a["given"] and b.get("given") and a["given"] != b["given"]:
        return f"given names differ: {a['given']} / {b['given']}"
    if a["patronymic"] and b.get("patronymic") and a["patronymic"] != b["patronymic"]:
        return f"patronymics differ: {a['patronymic']} / {b['patronymic']}"
    if a["gender"] and b.get("gender") and a["gender"] != b["gender"]:
        return f"genders differ: {a['gender']} / {b['gender']}"
    ranks_a, ranks_b = a["ranks"], b.get("ranks") or set()
    # ranks agree when one of each begins with the same word ("капитан" and "капитан внутренней
    # службы", not "майор"): the first words are kept beside the ranks, as this runs millions of
    # times at 10 000 documents
    if ranks_a and ranks_b and not a["rank_heads"] & b["rank_heads"]:
        return f"ranks differ: {', '.join(sorted(ranks_a))} / {', '.join(sorted(ranks_b))}"
    return None


def _institution_items(corpus) -> list[_Item]:
    items = []
    for f in corpus:
        for i in f.institutions:
            keys = []
            code = normalise_code(i.code)
            if code:
                keys.append(("code", code))
            names = {normalise(n) for n in [i.label, *i.alt_names] if n}
            if i.abbreviation:
                names.add(normalise(i.abbreviation))
            for name in sorted(names):
                keys.append(("name", name))
                if name in KNOWN_ABBREVIATIONS:
                    keys.append(("abbr", KNOWN_ABBREVIATIONS[name]))
                for abbr, full in KNOWN_ABBREVIATIONS.items():
                    if name == full:
                        keys.append(("abbr", full))
            items.append(_Item(f.document.id, i, keys, {"code": code}, i.label, i.mentions,
                               0 if code else 1))
    return items


def _institutions_compatible(a: dict, b: dict) -> str | None:
    if a["code"] and b.get("code") and a["code"] != b["code"]:
        return f"codes differ: {a['code']} / {b['code']}"
    return None


def _place_items(corpus) -> list[_Item]:
    items = []
    for f in corpus:
        places = {p.key: p for p in f.places}
        for p in f.places:
            parents, seen, up = {}, {p.key}, p.located_in
            while up and up in places and up not in seen:  # the chain of containing places
                seen.add(up)
                parent = places[up]
                parents[parent.place_type or f"?{len(parents)}"] = normalise(parent.label)
                up = parent.located_in
            attrs = {"type": p.place_type or "", "parents": parents, "unnamed": _unnamed(p)}
            keys = [("name", normalise(p.label))] + [("name", normalise(a)) for a in p.alt_names]
            if attrs["unnamed"]:  # "больница" is the same hospital only in the same named place
                keys = [("site", normalise(p.label), level, name) for level, name in parents.items()
                        if not level.startswith("?")] or [("only", f.document.id, p.key)]
            items.append(_Item(f.document.id, p, keys, attrs, p.label, p.mentions,
                               0 if p.place_type else 1))
    return items


def _unnamed(place: m.Place) -> bool:
    """A site told by its kind only ("больница", "карьер"): many such places share the word."""
    return not place.label[:1].isupper()


def _places_compatible(a: dict, b: dict) -> str | None:
    if (a.get("unnamed") or b.get("unnamed")) and not any(
            not level.startswith("?") and (b.get("parents") or {}).get(level) == name
            for level, name in a["parents"].items()):
        return "an unnamed site is one place only where both sources put it in the same named place"
    if a["type"] and b.get("type") and a["type"] != b["type"]:
        return f"types differ: {a['type']} / {b['type']}"
    for level, name in a["parents"].items():
        other = (b.get("parents") or {}).get(level)
        if not level.startswith("?") and other and other != name:
            return f"lie in different places: {level} {name} / {other}"
    return None


def _commemoration_items(corpus) -> list[_Item]:
    items = []
    for f in corpus:
        for c in f.commemorations:
            if c.type == "CommemorativeDay" and c.day_of_year and c.label:
                keys = [("day", f"{c.day_of_year} {normalise(c.label)}")]
            else:
                keys = [("only", f.document.id, c.key)]  # ceremonies, plaques: one document's
            items.append(_Item(f.document.id, c, keys, {}, c.label or c.type, c.evidence))
    return items


def _incident_depths(corpus) -> dict[tuple[str, str], int]:
    """How deep each incident sits in its document's kgb:partOf chain (0 for a whole)."""
    depths = {}
    for f in corpus:
        parent = {inc.key: inc.part_of for inc in f.incidents}
        for inc in f.incidents:
            depth, up, seen = 0, inc.part_of, {inc.key}
            while up in parent and up not in seen:  # a cycle is the extractor's error: stop at it
                seen.add(up)
                depth, up = depth + 1, parent[up]
            depths[(f.document.id, inc.key)] = depth
    return depths


def _incident_items(corpus, result: Identities, depths: dict, depth: int) -> list[_Item]:
    items = []
    on_duty = _on_duty(corpus, result) if depth else set()
    for f in corpus:
        doc = f.document.id
        incidents = [inc for inc in f.incidents if depths[(doc, inc.key)] == depth]
        part_keys = _part_keys(f, incidents, result, on_duty) if depth else {}
        unnamed = {p.key for p in f.places if _unnamed(p)}  # "в больнице" tells two parts apart from nothing
        for inc in incidents:
            keys = list(part_keys.get(inc.key, ()))
            if inc.date and inc.date.value:
                for where, name in ((inc.institution, "at-institution"), (inc.place, "at-place")):
                    iri = result.nodes.get((doc, where)) if where else None
                    if iri is not None:
                        keys.append((name, f"{_what(inc)} {inc.date.value} {iri}"))
            if not keys:
                keys = [("only", doc, inc.key)]
            where_iri = result.nodes.get((doc, inc.institution or inc.place or ""))
            attrs = {"where": str(where_iri or "")}
            if depth:  # what may keep two parts apart
                attrs.update(
                    # a date known only by its words ("в среду": "XXXX-XX-XX") does not keep two accounts apart
                    date=(inc.date.value or inc.date.edtf) if inc.date and re.search(r"\d", inc.date.edtf) else "",
                    place=str(result.nodes.get((doc, inc.place or ""), "")) if inc.place not in unnamed else "",
                    institution=str(result.nodes.get((doc, inc.institution or ""), "")),
                    victims=_victim_kinds(f, inc, result, on_duty),
                    part_of=str(result.nodes.get((doc, inc.part_of or ""), "")))
            items.append(_Item(doc, inc, keys, attrs, inc.label or inc.type, inc.evidence,
                               0 if inc.part_of is None else 1))
    return items


# A killing in one account is often a death ("погибли") in another: one type when matched on a
# named participant, who is strong enough evidence on their own.
_BROADER_TYPE = {"Killing": "Death"}
_AFFECTED_ROLES = (m.VICTIM, m.CASUALTY)
# Nouns that tell what kind of people the victims were when no rank, post or institution does.
_STAFF_WORDS = re.compile(r"сотрудник|военнослужащ|солдат|охран|конво|караул|милиционер|полицейск|"
                          r"офицер|надзирател|контрол[её]р|прапорщик|сержант|пограничник|инспектор")
_PRISONER_WORDS = re.compile(r"заключ[её]нн|осужд[её]нн|беглец|беглы|преступник|бандит|нападавш|арестант")
_KIND_WORDS = {"staff": "staff", "civilians": "civilians", "perpetrators": "the perpetrators"}


def _on_duty(corpus, result: Identities) -> set[URIRef]:
    """The persons some source gives a rank, a post or an institution: one account may name the
    captain without his rank."""
    return {result.nodes[(f.document.id, p.key)] for f in corpus for p in f.persons
            if (p.ranks or p.member_of or any(_STAFF_WORDS.search(normalise(o)) for o in p.occupations))
            and (f.document.id, p.key) in result.nodes}


def _victim_kinds(f: m.DocumentFacts, inc: m.Incident, result: Identities, on_duty: set) -> set[str]:
    """Staff, civilians or the perpetrators themselves: who the incident's victims were."""
    perpetrators = {p.agent for i in f.incidents for p in i.participations if p.role == m.PERPETRATOR}
    kinds = set()
    for p in inc.participations:
        if p.role not in _AFFECTED_ROLES:
            continue
        try:
            agent = f.entity(p.agent)
        except KeyError:
            continue
        if isinstance(agent, m.Person):
            words = normalise(agent.description or "")
            staff = result.nodes.get((f.document.id, agent.key)) in on_duty
            theirs = agent.key in perpetrators or agent.in_group in perpetrators
        elif isinstance(agent, m.Group):
            words = normalise(agent.description or agent.label or "")
            staff, theirs = bool(agent.member_of), agent.key in perpetrators
        else:
            continue  # an institution as a victim says nothing about people
        if staff or (_STAFF_WORDS.search(words) and not theirs):
            kinds.add("staff")
        elif theirs or _PRISONER_WORDS.search(words):
            kinds.add("perpetrators")
        else:
            kinds.add("civilians")
    return kinds


def _part_keys(f: m.DocumentFacts, parts: list[m.Incident], result: Identities,
               on_duty: set) -> dict[str, list[tuple]]:
    """The keys a part may meet its counterpart on, within the whole it is part of; a key that
    two parts of this document share is dropped, so that it cannot join them to one."""
    doc = f.document.id
    keys: dict[str, list[tuple]] = {}
    for inc in parts:
        whole = result.nodes.get((doc, inc.part_of or ""))
        if whole is None:
            continue
        short = _short(whole)
        mine = []
        for p in inc.participations:
            person = result.nodes.get((doc, p.agent))
            agent = next((x for x in f.persons if x.key == p.agent), None)
            if person is not None and agent is not None and agent.label and not agent.anonymous:
                broad = _BROADER_TYPE.get(inc.type, inc.type)
                mine.append(("part-with", f"{broad} {whole} {person}",
                             f"{agent.label}, {broad}, part of {short}"))
        kinds = _victim_kinds(f, inc, result, on_duty)
        if kinds:
            named = ", ".join(_KIND_WORDS[k] for k in sorted(kinds))
            mine.append(("part-victims", f"{inc.type} {whole} {' '.join(sorted(kinds))}",
                         f"{inc.type}, victims: {named}, part of {short}"))
        mine.append(("part-sole", f"{inc.type} {whole}", f"{inc.type}, part of {short}"))
        keys[inc.key] = list(dict.fromkeys(mine))
    counts: dict[tuple, int] = {}
    for mine in keys.values():
        for key in mine:
            counts[key] = counts.get(key, 0) + 1
    return {k: [key for key in mine if counts[key] == 1] for k, mine in keys.items()}


def _incidents_compatible(a: dict, b: dict) -> str | None:
    for name, word in (("date", "dates"), ("place", "places"), ("institution", "institutions")):
        if a.get(name) and b.get(name) and a[name] != b[name]:
            return f"{word} differ: {a[name]} / {b[name]}"
    if a.get("part_of") and b.get("part_of") and a["part_of"] != b["part_of"]:
        return f"parts of different incidents: {a['part_of']} / {b['part_of']}"
    victims_a, victims_b = a.get("victims"), b.get("victims")
    if victims_a and victims_b and not victims_a & victims_b:
        return f"victims differ: {', '.join(sorted(victims_a))} / {', '.join(sorted(victims_b))}"
    return None


def _short(iri) -> str:
    """An IRI from its kind on ("incident/escape-1997-08-09-..."), as curation files write it."""
    return "/".join(str(iri).rstrip("/").split("/")[-2:])


def _always(a: dict, b: dict) -> str | None:
    return None


def _what(inc: m.Incident) -> str:
    """An incident's kind; a happening of no more specific class is known by its label ("концерт")."""
    return inc.type if inc.type != "Incident" else f"{inc.type} {normalise(inc.label)}"


def _iri_name(kind: str, item: _Item, shared: bool = False) -> str:
    e = item.entity
    if kind == "person":
        # given + family name only: learning a patronymic later must not change the IRI
        if e.given_name and e.family_name:
            return f"{e.given_name} {e.family_name}"
        return e.label
    if kind == "institution":
        return e.code or e.label
    if kind == "commemoration":
        if item.keys and item.keys[0][0] == "day":
            return f"{e.label} {e.day_of_year}"
        return f"{item.doc_id} {e.key}"
    if kind == "incident":
        if e.date and e.date.value and item.attrs["where"]:
            return f"{_what(e)} {e.date.value} {item.attrs['where'].rstrip('/').rsplit('/', 1)[-1]}"
        if shared and item.attrs.get("part_of"):  # a part that several sources tell: named by its whole
            kinds = "-".join(sorted(item.attrs.get("victims") or ()))
            return f"{item.attrs['part_of'].rstrip('/').rsplit('/', 1)[-1]} {e.type} {kinds}"
        return f"{item.doc_id} {e.key}"
    return e.label


def _details(e) -> str:
    parts = []
    for name, word in (("patronymic", "отчество"), ("code", "код"), ("place_type", "тип"),
                       ("day_of_year", "день"), ("type", "тип"), ("gender", "пол")):
        value = getattr(e, name, None)
        if value:
            parts.append(f"{word} {value}")
    for rank in getattr(e, "ranks", []) or []:
        parts.append(f"звание {rank}")
    date = getattr(e, "date", None)
    if isinstance(date, m.DateValue):
        parts.append(f"дата {date.value or date.edtf}")
    return "; ".join(parts)


def _member(item: _Item) -> Member:
    return Member(item.doc_id, item.entity.key, item.label, _details(item.entity), list(item.evidence))


def _member_of(node: tuple[str, str], by_key: dict) -> Member:
    e = by_key.get(node)
    if e is None:
        return Member(node[0], node[1], node[1])
    label = getattr(e, "label", None) or getattr(e, "description", None) or node[1]
    evidence = getattr(e, "mentions", None) or getattr(e, "evidence", None) or []
    return Member(node[0], node[1], label, _details(e), list(evidence))


def _entities(f: m.DocumentFacts):
    for bucket in (f.persons, f.groups, f.institutions, f.places, f.incidents, f.commemorations):
        yield from bucket


def _kind_of(iri: URIRef) -> str:
    parts = str(iri).rstrip("/").split("/")
    return parts[-2] if len(parts) > 1 else ""


__all__ = ["Decision", "Identities", "Member", "Resolver", "normalise", "normalise_code", "slug"]
