"""Running SPARQL over a dataset and showing the answer as a person reads it.

Three engines answer the same queries with the same results: rdflib over a `Dataset` (the API
users see), pyoxigraph (fast, for the CLI and the server) and a remote SPARQL endpoint
(`kgbuild.remote`). The default graph is always the union of the named graphs. Engine types
stop here: every answer is an `Answer` of rdflib terms.
"""

from __future__ import annotations

import csv
import io
import json
import re
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

from rdflib import BNode, Dataset, Graph, Literal, URIRef, Variable
from rdflib.namespace import XSD

from .errors import QueryError
from .namespaces import PREFIXES, bind_prefixes
from .resources import queries_dir

# --- query text ---------------------------------------------------------------------------------


@dataclass
class Table:
    """A SELECT answer: column names and rows of plain display strings (None for unbound)."""

    columns: list[str]
    rows: list[list[str | None]]


def query_text(query: str) -> str:
    """The query itself, or the contents of a .rq file named by it."""
    if query.strip().endswith(".rq") and "\n" not in query.strip():
        path = Path(query.strip())
        try:
            return path.read_text(encoding="utf-8")
        except OSError as exc:
            raise QueryError(f"{path}: cannot read query: {exc.strerror or exc}") from None
    return query


def library() -> dict[str, Path]:
    """The documented queries shipped in queries/, by name (file name without .rq)."""
    folder = queries_dir()
    return {p.stem: p for p in sorted(folder.glob("*.rq"))} if folder.is_dir() else {}


def library_query(name: str) -> str:
    queries = library()
    if name not in queries:
        raise QueryError(f"no query named {name!r} in the library; available: "
                         + ", ".join(queries))
    return queries[name].read_text(encoding="utf-8")


def describe_query(text: str) -> str:
    """The leading comment block of a library query, without the '#' marks."""
    lines = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        lines.append(line[1:].strip())
    return "\n".join(lines).strip()


_PREFIX_DECL = re.compile(r"PREFIX\s+([\w.-]*):", re.IGNORECASE)


def missing_prefixes(query: str) -> dict[str, str]:
    """Our common prefixes that the query uses without declaring them."""
    declared = {m.lower() for m in _PREFIX_DECL.findall(query)}
    body = _strip_literals(query)
    return {p: str(ns) for p, ns in PREFIXES.items()
            if p not in declared and re.search(rf"(?<![\w<:?$.-]){p}:", body)}


def with_prefixes(query: str) -> str:
    """Add the PREFIX declarations of our common namespaces that the query uses but lacks."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in missing_prefixes(query).items()) + query


_LITERALS = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
                       r'|<[^<>"{}|^`\\\s]*>|#[^\n]*')


def _strip_literals(query: str) -> str:
    """The query with strings, IRIs and comments blanked (keeps lengths for positions)."""
    return _LITERALS.sub(lambda m: " " * len(m.group(0)), query)


def query_form(query: str) -> str:
    body = re.sub(r"(?i)\b(PREFIX|BASE)\b[^>]*>", "", _strip_literals(query))
    match = re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", body, re.IGNORECASE)
    return match.group(1).upper() if match else "SELECT"


def uses_keyword(query: str, keyword: str) -> bool:
    """Whether the query uses a SPARQL keyword outside strings, IRIs, comments and names."""
    body = _strip_literals(query)
    return re.search(rf"(?<![\w:?$.-]){keyword}(?![\w:-])", body, re.IGNORECASE) is not None


UPDATE_KEYWORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH")


def is_update(text: str) -> bool:
    return any(uses_keyword(text, k) for k in UPDATE_KEYWORDS) and \
        not any(uses_keyword(text, k) for k in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"))


# --- bindings -----------------------------------------------------------------------------------

_LANG_SUFFIX = re.compile(r"^(?P<text>.*\S)@(?P<lang>[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]+)*)$", re.DOTALL)


def parse_binding(spec: str) -> tuple[str, URIRef | Literal]:
    """`name=value` from the command line: a variable name and an RDF term.

    `<iri>` and `kgb:x` give IRIs; `"..."`, `"..."@ru` and `"..."^^xsd:date` are N3 literals;
    numbers and true/false are typed literals; `text@ru` is a language-tagged literal (labels
    are, in kgbuild graphs); other text is a plain string (as ranks, descriptions, kin terms).
    """
    name, sep, value = spec.partition("=")
    name = name.strip().lstrip("?$")
    if not sep or not re.fullmatch(r"[A-Za-z_][\w]*", name):
        raise QueryError(f"--bind {spec!r}: expected NAME=VALUE")
    return name, parse_term(value)


_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^<>\"{}|^`\\\s]*")


def parse_term(value: str) -> URIRef | Literal:
    from rdflib.util import from_n3

    value = value.strip()
    prefixed = re.fullmatch(r"([\w-]*):([^\s<>\"]*)", value)
    try:
        if value.startswith("<") and value.endswith(">"):
            if not _IRI.fullmatch(value[1:-1]):
                raise ValueError(value)
            return URIRef(value[1:-1])
        if prefixed and prefixed.group(1) in PREFIXES:
            return URIRef(str(PREFIXES[prefixed.group(1)]) + prefixed.group(2))
        if value.startswith('"'):
            nsm = bind_prefixes(Graph()).namespace_manager
            term = from_n3(value, nsm=nsm)
            if isinstance(term, Literal):
                return term
        if re.fullmatch(r"[+-]?\d+", value):
            return Literal(int(value))
        if re.fullmatch(r"[+-]?\d+\.\d+", value):
            return Literal(value, datatype=XSD.decimal)
        if value in ("true", "false"):
            return Literal(value == "true")
    except Exception:
        raise QueryError(f"--bind value {value!r} is not a valid RDF term") from None
    tagged = _LANG_SUFFIX.match(value)
    if tagged:
        return Literal(tagged.group("text"), lang=tagged.group("lang"))
    return Literal(value)


def values_clause(bindings: dict[str, URIRef | Literal]) -> str:
    """A VALUES block for the bindings (terms written by rdflib's n3(), which escapes them)."""
    if not bindings:
        return ""
    names = " ".join(f"?{n}" for n in bindings)
    terms = " ".join(term.n3() for term in bindings.values())
    return f" VALUES ({names}) {{ ({terms}) }} "


def bind_values(query: str, bindings: dict[str, URIRef | Literal]) -> str:
    """The query with the bindings as a VALUES block opening its WHERE clause.

    For engines without a bindings API (remote servers). At the start of the WHERE group the
    values join the pattern, as rdflib's initBindings and pyoxigraph's substitutions do; a
    trailing VALUES clause would be joined after grouping, and Virtuoso mishandles it. The
    values also open the subqueries that select a bound variable, where that keeps the answer
    (`_subquery_values`).
    """
    if not bindings:
        return query
    body = _strip_literals(query)
    form = re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", body, re.IGNORECASE)
    start = form.end() if form else 0
    where = re.compile(r"\bWHERE\b", re.IGNORECASE).search(body, start)
    if where is None and form and form.group(1).upper() == "CONSTRUCT":
        return query + values_clause(bindings)  # no WHERE keyword to anchor on
    brace = body.find("{", where.end() if where else start)
    if brace < 0:
        return query + values_clause(bindings)
    inserts = [(brace + 1, bindings)] + _subquery_values(body, brace, set(bindings))
    for at, values in sorted(inserts, key=lambda insert: insert[0], reverse=True):
        query = query[:at] + values_clause({n: bindings[n] for n in bindings if n in values}) + query[at:]
    return query


_SUBSELECT = re.compile(r"\{\s*SELECT\b", re.IGNORECASE)
_PROJECTED_AS = re.compile(r"\(([^()]|\([^()]*\))*\)")  # (expression AS ?x), two levels of brackets
_AFTER_GROUP = re.compile(r"\b(GROUP|LIMIT|OFFSET)\b", re.IGNORECASE)


def _closing(body: str, brace: int) -> int:
    """The position of the brace closing the one at `brace` (len(body) if none)."""
    depth = 0
    for at in range(brace, len(body)):
        depth += {"{": 1, "}": -1}.get(body[at], 0)
        if depth == 0:
            return at
    return len(body)


def _subquery_values(body: str, brace: int, names: set[str]) -> list[tuple[int, set[str]]]:
    """Where the bound values also open a subquery's WHERE group inside the group at `brace`.

    A subquery hides its inner variables, so the top VALUES block joins only its answer, after
    it read every row: with the value inside, it reads one thing's rows (1 ms instead of 0.1 s).
    Only where that cannot change the answer: the subquery SELECTs the variable as is, the
    variable is always bound in it (in a triple pattern of its WHERE group, outside any nested
    group or bracket), and no GROUP BY, LIMIT or OFFSET would see fewer rows.
    """
    found: list[tuple[int, set[str]]] = []
    end = _closing(body, brace)
    at = brace + 1
    while names:
        match = _SUBSELECT.search(body, at, end)
        if match is None:
            break
        wrapper = match.start()
        wrapper_end = _closing(body, wrapper)
        where = body.find("{", match.end(), wrapper_end)
        at = wrapper_end + 1
        if where < 0:
            continue
        projection = _PROJECTED_AS.sub(" ", body[match.end():where])
        projected = {n for n in re.findall(r"[?$]([A-Za-z_]\w*)", projection)}
        group_end = _closing(body, where)
        if "*" in projection or _AFTER_GROUP.search(body, group_end, wrapper_end):
            continue
        top = re.sub(r"(?i)\bVALUES\s+[?$]\w+", " ", _top_level(body[where + 1:group_end]))  # may be UNDEF
        inner = {n for n in names & projected if re.search(rf"[?$]{n}(?!\w)", top)}
        if inner:
            found.append((where + 1, inner))
            found += _subquery_values(body, where, inner)
    return found


def _top_level(group: str) -> str:
    """A group's text outside its nested groups and brackets (where a variable is always bound)."""
    out, depth = [], 0
    for char in group:
        if char in "{(":
            depth += 1
        elif char in "})":
            depth -= 1
        elif depth == 0:
            out.append(char)
    return "".join(out)


# --- answers ------------------------------------------------------------------------------------


@dataclass
class Answer:
    """What any engine returns: rows of rdflib terms, a boolean, or a graph."""

    form: str
    columns: list[str] = field(default_factory=list)
    rows: list[list] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None
    truncated: bool = False
    view: str | None = None  # the stored view it was read from (`kgbuild.views`), if any

    def canonical(self) -> list[tuple[str, ...]]:
        """The rows as sorted tuples of N-Triples terms ('' for unbound): to compare engines."""
        return sorted(tuple("" if t is None else t.n3() for t in row) for row in self.rows)

    def table(self) -> Table:
        return Table(self.columns, [[None if t is None else display(t) for t in row] for row in self.rows])


class Deadline:
    """A point in time after which a running query is given up."""

    def __init__(self, seconds: float | None):
        self.seconds = seconds
        self.at = None if not seconds else time.monotonic() + seconds

    def check(self) -> None:
        if self.at is not None and time.monotonic() > self.at:
            raise QueryTimeout(f"query timed out after {self.seconds:g} s")


class QueryTimeout(QueryError):
    """The query ran longer than allowed."""


def with_timeout(func, seconds: float | None):
    """Run func() in a worker thread; raise QueryTimeout if it is not done in time.

    Python cannot stop a running query, so the worker is abandoned (a daemon thread): callers
    that must bound work (the server) also limit how many queries run at once.
    """
    if not seconds:
        return func()
    box: dict = {}

    def work():
        try:
            box["value"] = func()
        except BaseException as exc:  # handed to the caller's thread
            box["error"] = exc

    worker = threading.Thread(target=work, daemon=True, name="kgbuild-query")
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        raise QueryTimeout(f"query timed out after {seconds:g} s")
    if "error" in box:
        raise box["error"]
    return box["value"]


class RdflibEngine:
    """SPARQL over an rdflib Dataset whose default graph is the union of its named graphs."""

    name = "rdflib"

    def __init__(self, dataset: Dataset):
        self.dataset = dataset

    def run(self, text: str, bindings=None, limit: int | None = None, timeout: float | None = None) -> Answer:
        return with_timeout(lambda: self._run(text, bindings or {}, limit), timeout)

    def _run(self, text, bindings, limit) -> Answer:
        try:
            result = self.dataset.query(text, initNs=missing_prefixes(text),
                                        initBindings={Variable(k): v for k, v in bindings.items()})
            if result.type == "ASK":
                return Answer("ASK", boolean=bool(result.askAnswer))
            if result.type in ("CONSTRUCT", "DESCRIBE"):
                graph = bind_prefixes(Graph())
                for triple in result.graph if result.graph is not None else result:
                    graph.add(triple)
                return Answer(result.type, graph=graph)
            columns = [str(v) for v in result.vars]
            answer = Answer("SELECT", columns)
            for row in result:
                if limit is not None and len(answer.rows) >= limit:
                    answer.truncated = True
                    break
                answer.rows.append([row[i] for i in range(len(columns))])
            return answer
        except QueryError:
            raise
        except Exception as exc:
            raise QueryError(_rdflib_message(exc)) from None


def _rdflib_message(exc: Exception) -> str:
    text = str(exc).strip()
    where = re.search(r"\(line:(\d+), col:(\d+)\)", text)
    first = text.splitlines()[0] if text else type(exc).__name__
    if where:
        found = re.sub(r"\s*\(at char \d+\).*$", "", first)
        return f"SPARQL syntax error at line {where.group(1)}, column {where.group(2)}: {found}"
    return f"SPARQL error: {first}"


class OxigraphEngine:
    """SPARQL over a pyoxigraph Store whose default graph holds the union of the named graphs
    (`store.materialize_union`; `load_oxigraph` and `write_store` see to it).

    With `views` (`kgbuild.views.Views` of the store's directory), a library query asked with
    the library's text and no bindings is read from its stored answer instead of evaluated.
    """

    name = "pyoxigraph"

    def __init__(self, store, views=None):
        self.store = store
        self.views = views

    @classmethod
    def at(cls, path: str | Path, live: bool = False) -> OxigraphEngine:
        """An engine over a store directory (with its views unless `live`) or a TriG/N-Quads file."""
        from .store import is_store_dir, load_oxigraph
        from .views import Views

        views = None if live or not is_store_dir(path) else Views.open(path)
        return cls(load_oxigraph(path), views)

    def run(self, text: str, bindings=None, limit: int | None = None, timeout: float | None = None) -> Answer:
        deadline = Deadline(timeout)  # a view, if any, is read by answer()
        return with_timeout(lambda: self.answer(text, bindings, limit, deadline), timeout)

    def view(self, text: str, bindings=None):
        """The stored view that answers this query text unbound, or None."""
        if self.views is None or bindings:
            return None
        return self.views.find(text)

    def solutions(self, text: str, bindings=None):
        """The raw pyoxigraph result."""
        import pyoxigraph as ox

        bindings = bindings or {}
        prefixes = missing_prefixes(text)
        try:
            if bindings:
                # A VALUES block opening the WHERE clause, not pyoxigraph's substitutions: its
                # planner starts from the values (1 ms for one person's network on 1 M quads),
                # while substituted values are only checked row by row (0.5 s).
                try:
                    return self.store.query(bind_values(text, bindings), prefixes=prefixes)
                except (SyntaxError, ValueError, OSError, RuntimeError):
                    pass  # e.g. the query BINDs a bound variable itself: substitute it instead
            try:
                return self.store.query(
                    text, prefixes=prefixes,
                    substitutions={ox.Variable(k): to_oxigraph(v) for k, v in bindings.items()})
            except (ValueError, OSError, RuntimeError) as exc:
                # pyoxigraph substitutes only projected variables; others join a VALUES block.
                if not bindings or "projection" not in str(exc):
                    raise
                return self.store.query(bind_values(text, bindings), prefixes=prefixes)
        except SyntaxError as exc:
            raise QueryError(_oxigraph_message(exc)) from None
        except (OSError, ValueError, RuntimeError) as exc:
            raise QueryError(f"SPARQL error: {exc}") from None

    def answer(self, text: str, bindings=None, limit: int | None = None,
               deadline: Deadline | None = None) -> Answer:
        """Evaluate in this thread (or read its view), keeping at most `limit` rows or triples
        (flagged if cut)."""
        view = self.view(text, bindings)
        if view is not None:
            return view.answer(limit)
        return self._answer(text, bindings, limit, deadline or Deadline(None), sort_here=True)

    def _answer(self, text, bindings, limit, deadline: Deadline, sort_here: bool) -> Answer:
        import pyoxigraph as ox

        convert = TermConverter()
        ordering = Ordering.of(text) if sort_here else None
        result = self.solutions(ordering.query if ordering else text, bindings)
        try:
            if isinstance(result, ox.QueryBoolean):
                return Answer("ASK", boolean=bool(result))
            if isinstance(result, ox.QueryTriples):
                form = query_form(text)
                answer = Answer(form if form in ("CONSTRUCT", "DESCRIBE") else "CONSTRUCT",
                                graph=bind_prefixes(Graph()))
                for count, triple in enumerate(result):
                    deadline.check()
                    if limit is not None and count >= limit:
                        answer.truncated = True
                        break
                    answer.graph.add((convert(triple.subject), convert(triple.predicate), convert(triple.object)))
                return answer
            columns = [v.value for v in result.variables]
            answer = Answer("SELECT", columns)
            if ordering is not None:
                for solution in result:
                    deadline.check()
                    answer.rows.append(convert.row(solution))
                if not ordering.sort(answer.rows, columns):
                    # values this module does not order as SPARQL does: pyoxigraph sorts them
                    result = answer = None
                    return self._answer(text, bindings, limit, deadline, sort_here=False)
                ordering.page(answer.rows)
                if limit is not None and len(answer.rows) > limit:
                    answer.truncated = True
                    del answer.rows[limit:]
                return answer
            for solution in result:
                deadline.check()
                if limit is not None and len(answer.rows) >= limit:
                    answer.truncated = True
                    break
                answer.rows.append(convert.row(solution))
            return answer
        except (OSError, ValueError, RuntimeError) as exc:
            raise QueryError(f"SPARQL error: {exc}") from None
        finally:
            # pyoxigraph results may only be dropped by the thread that made them; an exception
            # traceback would otherwise carry this one to another thread.
            result = None


_ORDER_BY = re.compile(r"\bORDER\s+BY\b", re.IGNORECASE)
_ORDER_SKIP = re.compile(r"(?:\s+|#[^\n]*)*")
_ORDER_VAR = r"[?$]([A-Za-z_]\w*)"
_ORDER_EXPRESSIONS = (  # (kind, pattern): the key expressions sorted here
    ("term", re.compile(_ORDER_VAR)),
    ("str", re.compile(rf"STR\s*\(\s*{_ORDER_VAR}\s*\)", re.IGNORECASE)),
    ("coalesce", re.compile(rf"COALESCE\s*\(\s*STR\s*\(\s*{_ORDER_VAR}\s*\)\s*,\s*\"([^\"\\\n]*)\"\s*\)",
                            re.IGNORECASE)),
)
_ORDER_DIRECTION = re.compile(r"(ASC|DESC)\s*\(", re.IGNORECASE)
_ORDER_PAGE = re.compile(r"(LIMIT|OFFSET)\s+(\d+)", re.IGNORECASE)
_XSD = "http://www.w3.org/2001/XMLSchema#"
_NUMERIC = {_XSD + t for t in (
    "integer decimal double float int long short byte nonNegativeInteger positiveInteger "
    "negativeInteger nonPositiveInteger unsignedLong unsignedInt unsignedShort unsignedByte").split()}
_STRING = {_XSD + "string"}


class _Unsortable(Exception):
    """Values whose SPARQL order this module does not reproduce."""


@dataclass
class Ordering:
    """A SELECT's closing ORDER BY, applied in Python to pyoxigraph's rows.

    pyoxigraph evaluates the ORDER BY keys inside every comparison and reads each string from
    RocksDB to compare it: ordering 21 650 rows by four labels took 3 s of CPU, in Python 0.05 s.
    Only keys on projected variables whose order SPARQL defines are taken over: `?v` (unbound,
    blank nodes, IRIs, then literals: strings, language-tagged strings or numbers, one kind per
    key), `STR(?v)` and `COALESCE(STR(?v), "...")`, each maybe in ASC()/DESC(). Rows equal on
    every key keep the engine's order (SPARQL leaves it open). A LIMIT or OFFSET after it is
    applied here too (pyoxigraph would sort every row for the first page anyway).
    """

    query: str  # the query without its ORDER BY
    keys: list[tuple[str, str, str, bool]]  # (kind, variable, default, descending)
    offset: int = 0
    limit: int | None = None

    @classmethod
    def of(cls, text: str) -> Ordering | None:
        body = _strip_literals(text)
        found = list(_ORDER_BY.finditer(body))
        if not found or query_form(text) != "SELECT":
            return None
        start = found[-1].start()
        if body.count("{", 0, start) != body.count("}", 0, start) or "{" in body[start:] or "}" in body[start:] \
                or re.search(r"\bVALUES\b", body[start:], re.IGNORECASE):
            return None  # inside a subquery, or values joined after the order
        keys, at, page = [], found[-1].end(), {}
        while True:
            at = _ORDER_SKIP.match(text, at).end()
            if at == len(text):
                break
            modifier = _ORDER_PAGE.match(text, at)
            if modifier and modifier.group(1).upper() not in page:
                page[modifier.group(1).upper()] = int(modifier.group(2))
                at = modifier.end()
                continue
            if page:
                return None
            direction = _ORDER_DIRECTION.match(text, at)
            if direction:
                at = _ORDER_SKIP.match(text, direction.end()).end()
            for kind, pattern in _ORDER_EXPRESSIONS[::-1]:
                key = pattern.match(text, at)
                if key:
                    break
            else:
                return None
            at = key.end()
            if direction:
                at = _ORDER_SKIP.match(text, at).end()
                if not text.startswith(")", at):
                    return None
                at += 1
            descending = bool(direction) and direction.group(1).upper() == "DESC"
            keys.append((kind, key.group(1), key.group(2) if kind == "coalesce" else "", descending))
        return cls(text[:start], keys, page.get("OFFSET", 0), page.get("LIMIT")) if keys else None

    def page(self, rows: list[list]) -> None:
        """Keep the rows of the OFFSET and LIMIT, in place."""
        del rows[:self.offset]
        if self.limit is not None:
            del rows[self.limit:]

    def sort(self, rows: list[list], columns: list[str]) -> bool:
        """Sort rows of rdflib terms in place; False (rows untouched) if it cannot."""
        try:
            keyed = [(self._key(kind, columns.index(name), default, rows), descending)
                     for kind, name, default, descending in self.keys]
        except (ValueError, _Unsortable):  # a key on a variable not projected, or unsortable values
            return False
        for key, descending in reversed(keyed):  # stable sorts, the last key first
            rows.sort(key=key, reverse=descending)
        return True

    @staticmethod
    def _key(kind: str, column: int, default: str, rows: list[list]):
        """The sort key of one ORDER BY condition, computed once per distinct term (TermConverter
        gives equal terms as one object)."""
        numeric = False
        if kind == "term":  # SPARQL orders literals of one kind; mixed kinds are left to pyoxigraph
            literal_kinds = {_literal_kind(row[column]) for row in rows if isinstance(row[column], Literal)}
            if len(literal_kinds) > 1 or "other" in literal_kinds:
                raise _Unsortable(column)
            numeric = literal_kinds == {"numeric"}

        def compute(term):
            if kind == "coalesce":
                return default if term is None or isinstance(term, BNode) else str(term)
            if kind == "str":
                return (0, "") if term is None or isinstance(term, BNode) else (1, str(term))
            if term is None:
                return (0, "")
            if isinstance(term, BNode):
                return (1, str(term))
            if isinstance(term, URIRef):
                return (2, str(term))
            if numeric:
                from decimal import Decimal, InvalidOperation

                try:
                    value = Decimal(str(term))
                except InvalidOperation:
                    raise _Unsortable(term) from None
                if value.is_nan():
                    raise _Unsortable(term)
                return (3, value)
            return (3, str(term), term.language or "")

        keys: dict[int, object] = {}
        for row in rows:  # all keys first: an unsortable value stops before any row moves
            if id(row[column]) not in keys:
                keys[id(row[column])] = compute(row[column])
        return lambda row: keys[id(row[column])]


def _literal_kind(term: Literal) -> str:
    if term.language:
        return "lang"
    datatype = str(term.datatype) if term.datatype is not None else _XSD + "string"
    return "numeric" if datatype in _NUMERIC else "string" if datatype in _STRING else "other"


class TermConverter:
    """from_oxigraph with a memory: answers repeat the same IRIs and labels, and building an
    rdflib Literal (which parses its value) costs more than the query that found it."""

    LIMIT = 100_000

    def __init__(self):
        self.cache: dict = {}

    def __call__(self, term):
        if term is None:
            return None
        found = self.cache.get(term)
        if found is None:
            if len(self.cache) >= self.LIMIT:
                self.cache.clear()
            found = self.cache[term] = from_oxigraph(term)
        return found

    def row(self, solution) -> list:
        """A solution's values in the order of its variables (the loop inlined: a listing
        converts hundreds of thousands of terms, most of them already seen)."""
        get = self.cache.get
        return [self(term) if (found := get(term)) is None else found for term in solution]


def _oxigraph_message(exc: SyntaxError) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else "invalid query"
    where = re.match(r"error at (\d+):(\d+): (.*)", text)
    if where:
        detail = where.group(3)
        if len(detail) > 100:  # pyoxigraph lists every token it would have accepted
            detail = detail[:100].rsplit(",", 1)[0] + ", ..."
        return f"SPARQL syntax error at line {where.group(1)}, column {where.group(2)}: {detail}"
    return f"SPARQL syntax error: {text}"


def to_oxigraph(term):
    import pyoxigraph as ox

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype or XSD.string)))


def from_oxigraph(term):
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == str(XSD.string):
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    raise QueryError(f"unsupported RDF term in a result: {term!r}")


# --- the API the rest of kgbuild uses (rdflib datasets) -----------------------------------------


def select(dataset: Dataset, query: str) -> Table:
    answer = RdflibEngine(dataset).run(query)
    if answer.form != "SELECT":
        raise QueryError("expected a SELECT query")
    return answer.table()


def run(dataset: Dataset, query: str):
    """Any query form over an rdflib Dataset, as an `Answer`."""
    return RdflibEngine(dataset).run(query)


# --- showing answers ----------------------------------------------------------------------------


def display(term) -> str:
    if isinstance(term, Literal):
        return str(term)
    if isinstance(term, URIRef):
        for prefix, namespace in PREFIXES.items():
            if str(term).startswith(str(namespace)):
                return f"{prefix}:{term[len(str(namespace)):]}"
        return str(term)
    return str(term)


def format_table(table: Table, fmt: str = "table") -> str:
    if fmt == "csv" or fmt == "tsv":
        out = io.StringIO()
        writer = csv.writer(out, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(table.columns)
        writer.writerows([["" if c is None else c for c in row] for row in table.rows])
        return out.getvalue()
    if fmt == "json":
        return json.dumps([dict(zip(table.columns, row)) for row in table.rows], ensure_ascii=False, indent=2)
    if fmt == "markdown":
        return _markdown(table)
    cells = [table.columns] + [["" if c is None else c.replace("\n", " ") for c in row] for row in table.rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(table.columns))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(cells[0], widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells[1:]]
    lines.append(f"({len(table.rows)} row{'s' if len(table.rows) != 1 else ''})")
    return "\n".join(lines)


def _markdown(table: Table) -> str:
    def cell(value):
        return "" if value is None else value.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(cell(c) for c in table.columns) + " |",
             "|" + "|".join(" --- " for _ in table.columns) + "|"]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in table.rows]
    return "\n".join(lines)


RESULT_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
GRAPH_TYPES = {
    "turtle": "text/turtle",
    "json-ld": "application/ld+json",
    "nt": "application/n-triples",
    "xml": "application/rdf+xml",
}


def format_answer(answer: Answer, fmt: str = "table") -> str:
    """An answer as the CLI prints it: tables for people, SPARQL result formats for programs."""
    if answer.form == "ASK":
        if fmt in ("json", "xml", "csv", "tsv"):
            return serialize_results(answer, fmt)
        return "yes" if answer.boolean else "no"
    if answer.graph is not None:
        return serialize_graph(answer.graph, "turtle" if fmt not in GRAPH_TYPES else fmt)
    if fmt in ("json", "xml", "csv", "tsv"):
        return serialize_results(answer, fmt)
    text = format_table(answer.table(), fmt)
    if answer.truncated:
        text += f"\n(stopped after {len(answer.rows)} rows: --limit)" if fmt == "table" else ""
    return text


def serialize_graph(graph: Graph, fmt: str = "turtle") -> str:
    return graph.serialize(format={"nt": "nt", "json-ld": "json-ld", "xml": "xml"}.get(fmt, "turtle"))


def serialize_results(answer: Answer, fmt: str) -> str:
    """SPARQL 1.1 query results in JSON, XML, CSV or TSV (W3C result formats)."""
    if fmt == "xml":
        return _xml_results(answer)
    if answer.form == "ASK":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": bool(answer.boolean)})
        return ("true" if answer.boolean else "false") + "\n"
    head, rows, separator, tail = result_parts(answer.columns, answer.rows, fmt)
    return head + separator.join(rows) + tail


def result_parts(columns: list[str], rows, fmt: str):
    """A SELECT answer in JSON, CSV or TSV as (head, one text per row, separator, tail): joined,
    the whole document; cut after any row, still a whole document (stored views are).

    Each distinct term is written once (rows share terms, and `n3()` is slow), keyed by the
    term object's id: the rows keep every term alive while the parts are made.
    """
    if fmt == "json":
        # json.dumps of the whole document writes exactly this (default separators).
        head = json.dumps({"head": {"vars": columns}, "results": {"bindings": []}}, ensure_ascii=False)[:-3]
        keys = [json.dumps(c, ensure_ascii=False) + ": " for c in columns]
        write = _cached(lambda t: json.dumps(_json_term(t), ensure_ascii=False))
        return (head, ("{" + ", ".join([k + write(t) for k, t in zip(keys, row) if t is not None]) + "}"
                       for row in rows), ", ", "]}}")
    if fmt == "csv":
        out = io.StringIO()
        csv.writer(out, lineterminator="\r\n").writerow(columns)
        return out.getvalue(), _csv_rows(rows), "", ""
    write = _cached(_tsv_term)
    return ("\t".join(f"?{c}" for c in columns) + "\n",
            ("\t".join(["" if t is None else write(t) for t in row]) + "\n" for row in rows), "", "")


def _cached(write):
    done: dict = {}

    def cached(term) -> str:
        text = done.get(id(term))
        if text is None:
            text = done[id(term)] = write(term)
        return text
    return cached


def _csv_rows(rows):
    """Each row as the csv module writes it (quoting only where needed), one string per row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for row in rows:
        writer.writerow(["" if t is None else (f"_:{t}" if isinstance(t, BNode) else str(t)) for t in row])
        yield out.getvalue()
        out.seek(0)
        out.truncate()


_TSV_PLAIN = {str(XSD.integer): r"[+-]?\d+", str(XSD.decimal): r"[+-]?\d*\.\d+", str(XSD.boolean): r"true|false"}


def _tsv_term(term) -> str:
    """A term in SPARQL TSV: N-Triples syntax, with integers, decimals and booleans written bare."""
    if isinstance(term, Literal) and term.datatype is not None:
        pattern = _TSV_PLAIN.get(str(term.datatype))
        if pattern and re.fullmatch(pattern, str(term)):
            return str(term)
    return term.n3()


def _json_term(term) -> dict:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    value = {"type": "literal", "value": str(term)}
    if term.language:
        value["xml:lang"] = term.language
    elif term.datatype is not None and term.datatype != XSD.string:
        value["datatype"] = str(term.datatype)
    return value


def _xml_results(answer: Answer) -> str:
    out = ['<?xml version="1.0"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">', "<head>"]
    out += [f'<variable name="{xml_escape(c, {chr(34): "&quot;"})}"/>' for c in answer.columns]
    out.append("</head>")
    if answer.form == "ASK":
        out.append(f"<boolean>{'true' if answer.boolean else 'false'}</boolean>")
    else:
        out.append("<results>")
        for row in answer.rows:
            out.append("<result>")
            for column, term in zip(answer.columns, row):
                if term is None:
                    continue
                out.append(f'<binding name="{xml_escape(column)}">{_xml_term(term)}</binding>')
            out.append("</result>")
        out.append("</results>")
    out.append("</sparql>")
    return "\n".join(out) + "\n"


def _xml_term(term) -> str:
    if isinstance(term, URIRef):
        return f"<uri>{xml_escape(str(term))}</uri>"
    if isinstance(term, BNode):
        return f"<bnode>{xml_escape(str(term))}</bnode>"
    attrs = ""
    if term.language:
        attrs = f' xml:lang="{xml_escape(term.language)}"'
    elif term.datatype is not None and term.datatype != XSD.string:
        attrs = f' datatype="{xml_escape(str(term.datatype))}"'
    return f"<literal{attrs}>{xml_escape(str(term))}</literal>"


def parse_results_json(data: str | bytes) -> Answer:
    """SPARQL results JSON (from a remote endpoint) as an Answer."""
    try:
        doc = json.loads(data)
    except ValueError:
        raise QueryError("the endpoint did not answer with SPARQL results JSON") from None
    if "boolean" in doc:
        return Answer("ASK", boolean=bool(doc["boolean"]))
    columns = doc.get("head", {}).get("vars", [])
    rows = [[_term_from_json(b.get(c)) for c in columns] for b in doc.get("results", {}).get("bindings", [])]
    return Answer("SELECT", columns, rows)


def _term_from_json(value):
    if value is None:
        return None
    kind = value.get("type")
    if kind == "uri":
        return URIRef(value["value"])
    if kind == "bnode":
        return BNode(value["value"])
    if "xml:lang" in value:
        return Literal(value["value"], lang=value["xml:lang"])
    datatype = value.get("datatype")
    if datatype and datatype != str(XSD.string):
        return Literal(value["value"], datatype=URIRef(datatype))
    return Literal(value["value"])
