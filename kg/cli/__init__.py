"""The ``kg`` command: a thin click face over the library.

Each command lives in its own module under ``kg.cli`` and only parses options,
calls the library and prints. Errors derived from :class:`kg.errors.KgError`
become one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import importlib
import sys

import click

from ..errors import KgError

# module name -> command name; each module defines `command` (a click.Command)
COMMAND_MODULES: dict[str, str] = {
    "build": "build",
    "parse": "parse",
    "eval": "eval_",
    "query": "query",
    "export": "export",
    "view": "view",
    "validate": "validate",
    "remove": "remove",
    "serve": "serve",
}


class KgGroup(click.Group):
    """Loads a command's module only when that command runs (fast ``--help``)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMAND_MODULES)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        module = COMMAND_MODULES.get(name)
        if module is None:
            return None
        try:
            return importlib.import_module(f"kg.cli.{module}").command
        except ModuleNotFoundError as exc:  # a command not built yet; real import bugs still raise
            if exc.name == f"kg.cli.{module}":
                return None
            raise

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KgError as exc:
            click.echo(f"kg: error: {exc}", err=True)
            ctx.exit(2)


@click.group(
    cls=KgGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog="""\b
Examples:
  kg build examples/                 build the graph of the sample corpus into exports/
  kg parse page.txt --json           show the cleaned article the extractors read
  kg query --name who-said-what      run a canned SPARQL query
  kg view --focus "Dmitry Peskov"    write exports/explorer.html around one actor
  kg eval ../shared/gold ../shared/seeds   score extraction against gold files
""",
)
@click.version_option(package_name="kg", prog_name="kg")
def cli() -> None:
    """Build a knowledge graph of actors, roles, events and claims from Vietnamese news."""


def main() -> None:
    try:
        cli(prog_name="kg")
    except KgError as exc:  # raised outside a command's invoke
        click.echo(f"kg: error: {exc}", err=True)
        sys.exit(2)
