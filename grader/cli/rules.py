"""``grade rules``: test the static rules, run them on a file, list them, write their schema."""

from __future__ import annotations

import json
from pathlib import Path

import click
import yaml

from grader import rules
from grader.errors import GraderError
from grader.languages import by_extension
from grader.types import RuleBinding, dump


@click.group("rules")
def rules_group() -> None:
    """Static rules: test them, check code with them, list them, write their schema."""


@rules_group.command("test")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("-v", "--verbose", is_flag=True, help="List every case, not only failures.")
def test_command(paths: tuple[Path, ...], verbose: bool) -> None:
    """Run the rule test files (*-test.yml) under PATHS (default: rubrics/rules/).

    Exit 1 when a case fails."""
    files = rules.find_test_files(paths)
    if not files:
        raise GraderError(
            f"no *-test.yml files under {', '.join(map(str, paths)) or rules.RULES_DIR}"
        )
    reports = [rules.run_test_file(path) for path in files]
    failed = 0
    for report in reports:
        status = "PASS" if report.ok else "FAIL"
        click.echo(f"{status} {report.rule} ({len(report.cases)} cases)")
        if report.error:
            click.echo(f"  error: {report.error}")
        for case in report.cases:
            if not case.ok or verbose:
                click.echo(
                    f"  {'ok  ' if case.ok else 'FAIL'} {case.name}"
                    + (f": {case.problem}" if case.problem else "")
                )
        failed += not report.ok
    cases = sum(len(r.cases) for r in reports)
    click.echo(f"{len(reports) - failed}/{len(reports)} rules passed, {cases} cases")
    raise SystemExit(1 if failed else 0)


def _parse_with(pairs: tuple[str, ...]) -> dict[str, object]:
    params: dict[str, object] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise GraderError(f"--with: expected KEY=VALUE, got {pair!r}")
        params[key] = yaml.safe_load(value)
    return params


@rules_group.command("check")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "-r", "--rule", "rule_ids", multiple=True, required=True, help="Rule id (repeatable)."
)
@click.option("-l", "--language", help="Language (default: from the file's extension).")
@click.option(
    "-w", "--with", "with_", multiple=True, help="Parameter KEY=VALUE, VALUE in YAML (repeatable)."
)
@click.option(
    "--rules-dir",
    multiple=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder searched for rules before rubrics/rules/ (repeatable).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the checks as JSON.")
def check_command(
    file: Path,
    rule_ids: tuple[str, ...],
    language: str | None,
    with_: tuple[str, ...],
    rules_dir: tuple[Path, ...],
    as_json: bool,
) -> None:
    """Run rules on FILE and print what they found. Exit 1 when a check fails."""
    if language is None and (spec := by_extension(file.suffix)) is not None:
        language = spec.name
    if language is None:
        raise GraderError(f"{file}: cannot tell the language from the extension; give --language")
    params = _parse_with(with_)
    bindings = [RuleBinding(rule=rule_id) for rule_id in rule_ids]
    checks = rules.check_code(
        file.read_text(encoding="utf-8"), language, bindings, params, list(rules_dir)
    )
    if as_json:
        click.echo(json.dumps([dump(c) for c in checks], indent=2))
    else:
        for check in checks:
            status = "n/a " if not check.applicable else ("PASS" if check.passed else "FAIL")
            click.echo(f"{status} {check.rule}")
            for finding in check.findings:
                click.echo(
                    f"  {file}:{finding.line}:{finding.column}: {finding.severity}: {finding.message}"
                )
    raise SystemExit(0 if all(c.passed or not c.applicable for c in checks) else 1)


@rules_group.command("list")
def list_command() -> None:
    """List the repo's rules with what they check."""
    for path in sorted(rules.RULES_DIR.glob("*.yml")):
        if path.name.endswith("-test.yml"):
            continue
        spec = rules.load_rule_file(path).spec
        click.echo(f"{spec.id:28} {spec.severity:8} {spec.expect:8} {spec.description}")


@rules_group.command("schema")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Where to write it (default: rubrics/rules/schema.json).",
)
def schema_command(out: Path | None) -> None:
    """Write the JSON schema of rule files."""
    path = rules.write_schema(out or rules.RULES_DIR / "schema.json")
    click.echo(f"wrote {path}")


def register(grade: click.Group) -> None:
    grade.add_command(rules_group)
