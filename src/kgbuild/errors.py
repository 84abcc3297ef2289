"""User-facing errors: each prints as one line naming the file and the problem."""


class KgbuildError(Exception):
    """Root of every error kgbuild reports to a user (exit code 2 unless said otherwise)."""

    exit_code = 2


class InputError(KgbuildError):
    """A source, graph or configuration file cannot be read as what it should be."""


class OutputError(KgbuildError):
    """An output cannot be written."""


class QueryError(KgbuildError):
    """A SPARQL query is malformed or failed."""
