"""The `kgbuild` command: a thin shell that parses options and calls the library.

Every user error is a `KgbuildError` and prints as one line, with no traceback unless
`--debug` is given.
"""

from __future__ import annotations

import sys

import click

from ..errors import KgbuildError


class KgbuildGroup(click.Group):
    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KgbuildError as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"kgbuild: error: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("kgbuild: interrupted; earlier outputs are left as they were", err=True)
            ctx.exit(130)


@click.group(cls=KgbuildGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show full tracebacks for errors.")
@click.version_option(package_name="kgbuild")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """Build a knowledge graph of persons, institutions, incidents and commemorations
    from Russian news texts, and query, validate, export and draw it."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


def _register() -> None:
    from . import building, querying

    for module in (building, querying):
        for command in module.COMMANDS:
            main.add_command(command)
    for name in ("validating", "exporting", "serving", "evaluating", "curating"):
        try:
            module = __import__(f"{__name__}.{name}", fromlist=["COMMANDS"])
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
            continue
        for command in module.COMMANDS:
            main.add_command(command)


_register()

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
