"""The README's two set-up commands are the ones CI and users actually run."""

from __future__ import annotations

import re

from conftest import REPO


def _readme_commands() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```bash\n(.*?)```", text, re.S)
    assert block, "README.md must open with a bash block of set-up commands"
    return [line.split("#")[0].strip() for line in block.group(1).splitlines() if line.strip()]


def test_readme_opens_with_build_and_test_commands():
    build, test = _readme_commands()[:2]
    assert build.startswith("pip install -e .") and "kg build examples/" in build
    assert "[test]" in test and "pytest" in test


def test_ci_runs_exactly_the_readme_test_command():
    test = _readme_commands()[1]
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert test in [line.strip() for line in ci.splitlines()], "CI must run the README test command verbatim"
    assert "-eq 5" in ci, "CI must fail when pytest collects no test (exit 5)"
