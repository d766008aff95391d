"""The Typer app, built from the description in `spec`; answers come from `app.run`."""

from __future__ import annotations

import inspect
import os
from enum import Enum
from typing import Annotated, Any

import typer

from . import __version__, spec
from .app import run
from .completion import SHELLS
from .errors import report

app = typer.Typer(
    name="cstoref",
    # Help is plain text that the terminal prints as it is, so it stays in English: Arabic
    # here would reach a terminal without bidi unshaped and reversed.
    help=spec.APP_HELP,
    # Plain Click help: the rich formatter roughly doubles the time --help takes.
    rich_markup_mode=None,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    # Typer's completion starts Python on every Tab; ours are scripts (see `completion`).
    add_completion=False,
)


def _parameter(opt: spec.Opt) -> inspect.Parameter:
    """The function parameter Typer reads `opt` from: its type, its Option or Argument, its default."""
    kind: Any
    default = opt.default
    extra: dict[str, Any] = {}
    if opt.kind == "flag":
        kind = bool
    elif opt.kind == "choice":
        kind = Enum(opt.dest.title(), {choice: choice for choice in opt.choices}, type=str)  # type: ignore[misc]
        extra["case_sensitive"] = False
        default = None if default is None else kind(default)
    elif opt.kind == "int":
        kind = int
        extra.update(min=opt.min, max=opt.max)
    elif opt.kind == "words":
        kind = list[str]
    else:
        kind = str
    if default is None and not opt.required:
        kind = kind | None
    if opt.flag is None:
        info = typer.Argument(metavar=opt.metavar, help=opt.help, show_default=False, **extra)
    else:
        info = typer.Option(opt.flag, metavar=opt.metavar, help=opt.help, show_default=opt.show_default, **extra)
    value = inspect.Parameter.empty if opt.required else default
    return inspect.Parameter(opt.dest, inspect.Parameter.KEYWORD_ONLY, default=value, annotation=Annotated[kind, info])


def _plain(value: Any) -> Any:
    if isinstance(value, list):  # an argument of words, as the fast path joins them
        return " ".join(value) if value else None
    return value.value if isinstance(value, Enum) else value


def _answering_command(name: str) -> Any:
    """A function for Typer whose parameters are the options and arguments of `spec` for `name`."""
    command = spec.COMMANDS[name]
    own = [*command.arguments, *command.options.values()]

    def answer(**values: Any) -> None:
        params = {opt.dest: _plain(values[opt.dest]) for opt in own}
        common = {opt.dest: _plain(values[opt.dest]) for opt in output}
        raise typer.Exit(run(name, params, **common))

    output = [*spec.COMMON.values(), *command.output.values()]
    parameters = [_parameter(opt) for opt in [*own, *output]]
    answer.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    answer.__annotations__ = {p.name: p.annotation for p in parameters}
    answer.__doc__ = command.help
    answer.__name__ = name
    return answer


def _version(value: bool) -> None:
    if value:
        print(f"cstoref {__version__}")
        raise typer.Exit()


def _shell_from_env() -> str:
    shell = os.path.basename(os.environ.get("SHELL", ""))
    if shell not in SHELLS:
        report(f"cannot tell your shell from SHELL={shell!r}; run `cstoref completion {'|'.join(SHELLS)}` instead")
        raise typer.Exit(2)
    return shell


def _print_script(shell: str) -> None:
    from .completion import emit

    emit(_script(shell), exact=True)


def _install_script(shell: str) -> None:
    from .completion import emit, install
    from .errors import CstorefError, end_on_signals, restore_signals

    # SIGTERM and SIGHUP unwind like Ctrl-C: the temporary file goes, the lock is freed.
    previous = end_on_signals()
    try:
        done = install(shell, _script(shell))
    except (OSError, CstorefError) as exc:
        report(f"cannot install the {shell} completion: {exc}")
        raise typer.Exit(1) from None
    finally:
        restore_signals(previous)
    emit("".join(f"{line}\n" for line in done) + f"Open a new {shell} to use it.\n")


def _install_completion(value: bool) -> None:
    if value:
        _install_script(_shell_from_env())
        raise typer.Exit()


def _show_completion(value: bool) -> None:
    if value:
        _print_script(_shell_from_env())
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool | None, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = None,
    install_completion: Annotated[
        bool | None,
        typer.Option("--install-completion", callback=_install_completion, is_eager=True, expose_value=False,
                     help="Install Tab completion for your shell (from SHELL), per user."),
    ] = None,
    show_completion: Annotated[
        bool | None,
        typer.Option("--show-completion", callback=_show_completion, is_eager=True, expose_value=False,
                     help="Show the Tab-completion script for your shell (from SHELL)."),
    ] = None,
) -> None:
    """A bilingual Arabic/English reference on the CSTO. Every fact cites its source."""


for _name in spec.COMMANDS:
    app.command(_name)(_answering_command(_name))


completion_app = typer.Typer(
    name="completion",
    help="Print the Tab-completion script for bash, fish or zsh, or install it with --install.",
    no_args_is_help=True,
)
app.add_typer(completion_app)


def _completion_command(shell: str):
    def command(
        install: Annotated[bool, typer.Option("--install", help="Install it for this user instead of printing it.")] = False,
    ) -> None:
        if install:
            _install_script(shell)
        else:
            _print_script(shell)

    command.__doc__ = f"The {shell} completion script (see the README to install it)."
    return command


for _shell in SHELLS:
    completion_app.command(_shell)(_completion_command(_shell))


@completion_app.command("values", hidden=True)
def completion_values(kind: str, db: Annotated[str | None, typer.Option("--db", metavar="PATH", help=spec.COMMON["--db"].help, show_default=False)] = None) -> None:
    """One value per line for the completion scripts; prints nothing for a store it cannot read."""
    from .completion import print_values

    raise typer.Exit(print_values(kind, db, os.environ))


def help_texts() -> dict[str, str]:
    """--help of the app and of each visible command, as Typer prints them at 80 columns.

    `cstoref/helptext.py` keeps a copy, so `entry` can answer --help without importing Typer;
    a test fails when the copy is stale. Rewrite it with ``python -m cstoref.generate``.
    """
    from typer.testing import CliRunner

    runner = CliRunner()
    texts = {"": runner.invoke(app, ["--help"], prog_name="cstoref", env={"COLUMNS": "80"}).output}
    for name, command in typer.main.get_command(app).commands.items():
        if not command.hidden:
            texts[name] = runner.invoke(app, [name, "--help"], prog_name="cstoref", env={"COLUMNS": "80"}).output
    return texts


def _script(shell: str) -> str:
    from .completion import script

    return script(shell, typer.main.get_command(app))


def bash_script() -> str:
    """The text of `completions/cstoref.bash` (see `cstoref.generate`)."""
    return _script("bash")


def zsh_script() -> str:
    return _script("zsh")


def fish_script() -> str:
    return _script("fish")


def help_module() -> str:
    """The text of `cstoref/helptext.py` (see `cstoref.generate`)."""
    lines = ['"""--help texts, written by `python -m cstoref.generate` from the Typer app; do not edit."""', "", "HELP = {"]
    lines += [f"    {name!r}: {text!r}," for name, text in help_texts().items()]
    lines += ["}", ""]
    return "\n".join(lines)
