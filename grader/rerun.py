"""Code that did not build or load, made to: the jobs of the tests' second look at it.

A function is often fine to run when the file around it is not: its demo raises at load, it
imports a module that does not exist for names it never uses (or that are Python's own
built-ins), Go refuses an import it leaves unused, TypeScript's type check rejects code that
runs as JavaScript. The tests then run again with that left out, from the least change to
the most, until one run loads. What those runs observe is said (with what was left out), and
nothing is credited: the code as given did not build or load.
"""

from __future__ import annotations

import ast
import builtins
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from tree_sitter import Node

from grader.demo import demo_lines, without_lines
from grader.notes import does_not_load, line_spans, listed
from grader.rules import node_text, parse_tree, walk
from grader.types import Rerun, TestJob, TestRun


@dataclass(frozen=True)
class Attempt:
    """One job of the second look, and what it left out (a ``Rerun`` once it ran)."""

    job: TestJob
    demo_lines: list[int] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)
    untyped: bool = False

    def ran(self, run: TestRun) -> Rerun:
        return Rerun(
            demo_lines=self.demo_lines, changes=self.changes, untyped=self.untyped, run=run
        )


@dataclass(frozen=True)
class _Edit:
    """The code with one thing changed that does not change what it does, as a note says it."""

    code: str
    said: str


Edit = Callable[[str, str], "_Edit | None"]


MAX_RERUNS = 4  # Go says some errors only once others are gone: a few rounds, no more


def first(job: TestJob, tests: TestRun) -> Attempt | None:
    """The first job to run when ``tests`` (the code as given) did not build or load; none
    when it did, or when nothing is there to leave out."""
    if not does_not_load(tests.status, tests.cases):
        return None
    demo = demo_lines(job.code, job.language, job.entry_point)
    start = Attempt(job.model_copy(update={"code": without_lines(job.code, demo)}), demo)
    return _edited(start, tests) or (start if demo else _untyped(start, tests))


def after(attempt: Attempt, run: TestRun) -> Attempt | None:
    """The next job when ``attempt``'s run did not build or load either: more left out from
    what that run said (Go's next errors), or, last, TypeScript without its type check."""
    if not does_not_load(run.status, run.cases):
        return None
    return _edited(attempt, run) or _untyped(attempt, run)


def _edited(attempt: Attempt, run: TestRun) -> Attempt | None:
    said = "\n".join([run.note, run.output, *(c.message for c in run.cases)])
    code, changes = attempt.job.code, list(attempt.changes)
    for edit in _edits(attempt.job):
        if (done := edit(code, said)) is not None:
            code, changes = done.code, [*changes, done.said]
    if code == attempt.job.code:
        return None
    job = attempt.job.model_copy(update={"code": code})
    return Attempt(job, attempt.demo_lines, changes, attempt.untyped)


def _untyped(attempt: Attempt, run: TestRun) -> Attempt | None:
    if not attempt.job.typecheck or run.status != "compile_error":
        return None
    job = attempt.job.model_copy(update={"typecheck": False})
    return Attempt(job, attempt.demo_lines, attempt.changes, untyped=True)


def _edits(job: TestJob) -> list[Edit]:
    language = job.language
    if language == "go":
        return [
            _go_unused_imports,
            _go_missing_modules,
            _go_unused_variables,
            _go_redeclared,
            _go_unimported,
        ]
    if language == "python":
        return [_python_unresolved]
    if language in ("javascript", "typescript"):
        return [lambda code, said: _js_unresolved(code, language, said)]
    if language == "java":
        tests = [t.read_text(encoding="utf-8", errors="replace") for t in job.test_files]
        return [
            lambda code, said: _java_package(code, tests),
            _java_missing_packages,
            _java_unimported,
        ]
    if language == "csharp":
        return [_csharp_missing_namespaces, _csharp_missing_usings]
    return []


# --------------------------------------------------------------------------- Go

_GO_AT = r"(?<!\S)(?:\./)?(?P<file>[\w./-]+\.go):(?P<line>\d+):(?P<column>\d+): "
_GO_UNUSED = re.compile(_GO_AT + r'"(?P<path>[^"]+)" imported (?:as \w+ )?and not used')
_GO_SPEC = re.compile(r'^\s*(?:import\s+)?(?:[\w.]+\s+)?"[^"]+"\s*(?://.*)?$')
_GO_UNREAD = re.compile(_GO_AT + r"declared and not used: (?P<name>\w+)")
_GO_REDECLARED = re.compile(
    _GO_AT + r"(?P<name>\w+) redeclared in this block\s+(?:\./)?(?P<other>[\w./-]+\.go):\d+"
)
_GO_OPENS = re.compile(r"[{(,\[]\s*$")  # a line that opens a block or goes on to the next


def _in_code(found: re.Match[str]) -> bool:
    return found["file"].startswith("solution") and not found["file"].endswith("_test.go")


def _go_unused_imports(code: str, said: str) -> _Edit | None:
    """The imports Go's compiler says are unused, in its own words (``"fmt" imported and not
    used``), each on a line of its own: blanked, the rest is as it was."""
    found = _import_lines(code, said, _GO_UNUSED, _GO_SPEC, _in_code)
    return _blanked(code, found, "its unused {what} of {names} ({lines}) left out")


_GO_NO_MODULE = re.compile(
    _GO_AT + r"(?:cannot find module providing package|package) (?P<path>\S+?):? "
    r"(?:module lookup disabled|is not in std)"
)


def _go_missing_modules(code: str, said: str) -> _Edit | None:
    """Imports of modules the sandbox cannot fetch (no network) and the standard library
    lacks: blanked, so the compiler says which of their names the code uses."""
    found = _import_lines(code, said, _GO_NO_MODULE, _GO_SPEC, _in_code)
    return _blanked(code, found, _NOT_THERE)


_NOT_THERE = "its {what} of {names}, not there ({lines}), left out"


def _import_lines(
    code: str,
    said: str,
    pattern: re.Pattern[str],
    spec: re.Pattern[str],
    in_code: Callable[[re.Match[str]], bool],
) -> dict[int, str]:
    """The import lines of ``code`` that the compiler's messages (``pattern``, with the line
    they point at) name, each with what it imports: the message's ``path``, else the line's
    own ``name``. A message about another file, or about a line that is not an import
    (``spec``), names none."""
    lines = code.splitlines()
    found: dict[int, str] = {}
    for m in pattern.finditer(said):
        line = int(m["line"])
        if in_code(m) and 0 < line <= len(lines) and (own := spec.match(lines[line - 1])):
            found[line] = m.groupdict().get("path") or own["name"]
    return found


def _blanked(code: str, found: dict[int, str], says: str, kind: str = "import") -> _Edit | None:
    """``code`` with the import lines ``found`` blanked, said as ``says`` puts it."""
    if not found:
        return None
    at = sorted(found)
    names = listed(list(dict.fromkeys(found[line] for line in at)))
    what = f"{kind}s" if len(at) > 1 else kind
    return _Edit(without_lines(code, at), says.format(what=what, names=names, lines=line_spans(at)))


def _go_unused_variables(code: str, said: str) -> _Edit | None:
    """Go refuses a variable declared and never read; a read of it (``_ = err``) at the end
    of the line that declares it changes nothing the code does. Only where that line is a
    whole statement (no comment, nothing it opens or goes on with)."""
    lines = code.splitlines(keepends=True)
    read: dict[int, list[str]] = {}
    for m in _GO_UNREAD.finditer(said):
        line = int(m["line"])
        if not _in_code(m) or not 0 < line <= len(lines):
            continue
        text = lines[line - 1].rstrip("\n")
        if _GO_OPENS.search(text) or "//" in text or not text.strip():
            continue
        if m["name"] not in read.setdefault(line, []):
            read[line].append(m["name"])
    if not read:
        return None
    for line, names in read.items():
        text = lines[line - 1].rstrip("\n")
        lines[line - 1] = text + "".join(f"; _ = {n}" for n in names) + "\n"
    at = sorted(read)
    names = [n for line in at for n in read[line]]
    what = "variables" if len(names) > 1 else "variable"
    return _Edit(
        "".join(lines), f"a read of its unused {what} {listed(names)} ({line_spans(at)}) added"
    )


def _go_redeclared(code: str, said: str) -> _Edit | None:
    """A type or function the code declares again that the task's own files declare (the
    prompt showed it): the code's copy left out, so the task's is the one used. The compiler
    then says whether the two agree."""
    at: dict[int, str] = {}
    for m in _GO_REDECLARED.finditer(said):
        if _in_code(m) and not m["other"].startswith("solution"):
            at[int(m["line"])] = m["name"]
    if not at:
        return None
    root = parse_tree(code, "go")
    declarations = [
        n
        for n in root.children
        if n.start_point[0] + 1 in at
        and n.type in ("type_declaration", "function_declaration", "var_declaration")
    ]
    if not declarations:
        return None
    lines = [line for n in declarations for line in range(n.start_point[0] + 1, n.end_point[0] + 2)]
    names = listed([at[n.start_point[0] + 1] for n in declarations])
    said = f"its own {names} ({line_spans(lines)}), which the task's files declare, left out"
    return _Edit(without_lines(code, lines), said)


_GO_UNDEFINED = re.compile(_GO_AT + r"undefined: (?P<name>\w+)$", re.M)
# standard packages a reply uses without importing them, by the name it calls them by
_GO_STANDARD = {
    name: name
    for name in ("bytes", "errors", "fmt", "math", "os", "regexp", "sort", "strconv", "strings")
} | {"time": "time", "utf8": "unicode/utf8", "unicode": "unicode"}


def _go_unimported(code: str, said: str) -> _Edit | None:
    """A standard package the code calls (``strconv.Atoi``) and never imports: imported on
    the package line (``package solution; import "strconv"``), so no line moves."""
    wanted = {
        m["name"]
        for m in _GO_UNDEFINED.finditer(said)
        if _in_code(m) and m["name"] in _GO_STANDARD
        if re.search(rf"\b{m['name']}\.[A-Z]", code)
    }
    lines = code.splitlines(keepends=True)
    at = next((i for i, line in enumerate(lines) if line.startswith("package ")), None)
    if not wanted or at is None:
        return None
    paths = [_GO_STANDARD[name] for name in sorted(wanted)]
    imports = "".join(f'; import "{path}"' for path in paths)
    lines[at] = lines[at].rstrip("\n") + imports + "\n"
    what = "imports" if len(paths) > 1 else "import"
    return _Edit("".join(lines), f"the missing {what} of {listed(paths)} added")


# --------------------------------------------------------------------------- Java

_JAVA_PACKAGE = re.compile(r"^\s*package\s+[\w.]+\s*;\s*$", re.M)
_JAVA_AT = r"(?m)^(?P<file>\w+)\.java:(?P<line>\d+): error: "
_JAVA_NO_PACKAGE = re.compile(_JAVA_AT + r"package (?P<path>[\w.]+) does not exist")
_JAVA_NO_CLASS = re.compile(
    _JAVA_AT + r"cannot find symbol\n(?:.*\n){0,3}?\s*symbol:\s+class (?P<name>\w+)"
)
_JAVA_IMPORT = re.compile(r"^\s*import\s+(?:static\s+)?[\w.*]+\s*;\s*$")
# the standard classes a reply uses without importing them
_JAVA_STANDARD = {
    **{
        name: "java.util"
        for name in (
            "ArrayList",
            "Arrays",
            "Collection",
            "Collections",
            "HashMap",
            "HashSet",
            "Iterator",
            "LinkedHashMap",
            "LinkedList",
            "List",
            "Map",
            "Objects",
            "Optional",
            "Set",
            "TreeMap",
        )
    },
    **{name: "java.math" for name in ("BigDecimal", "BigInteger", "RoundingMode")},
    "Callable": "java.util.concurrent",
    "IOException": "java.io",
}


def _java_package(code: str, tests: list[str]) -> _Edit | None:
    """A package the code declares where the tests declare none: its line blanked, so the
    class is where the tests look for it."""
    if any(_JAVA_PACKAGE.search(t) for t in tests):
        return None
    lines = code.splitlines()
    line = next((n for n, text in enumerate(lines, 1) if _JAVA_PACKAGE.match(text)), None)
    if line is None:
        return None
    said = f"its package line (line {line}) left out"
    return _Edit(without_lines(code, [line]), said)


def _java_missing_packages(code: str, said: str) -> _Edit | None:
    """Imports of packages javac cannot find: blanked, so javac says which of their classes
    the code uses."""
    found = _import_lines(code, said, _JAVA_NO_PACKAGE, _JAVA_IMPORT, _java_in_code)
    return _blanked(code, found, _NOT_THERE)


def _java_in_code(found: re.Match[str]) -> bool:
    return not found["file"].endswith("Test")


def _java_unimported(code: str, said: str) -> _Edit | None:
    """A standard class the code uses and never imports (``Map``): imported at the top of the
    file, on the line the package sits on or the first line, so no line moves."""
    wanted = sorted(
        {
            m["name"]
            for m in _JAVA_NO_CLASS.finditer(said)
            if _java_in_code(m) and m["name"] in _JAVA_STANDARD
        }
    )
    if not wanted:
        return None
    imports = " ".join(f"import {_JAVA_STANDARD[name]}.{name};" for name in wanted)
    return _Edit(_at_top(code, imports, _JAVA_PACKAGE), f"the missing {_imports(wanted)} added")


# --------------------------------------------------------------------------- C#

_CS_AT = r"(?m)^(?P<file>\w+)\.cs\((?P<line>\d+),\d+\): error CS\d+: "
_CS_NO_NAMESPACE = re.compile(
    _CS_AT
    + r"The type or namespace name `\w+' (?:does not exist in the namespace|could not be found)"
)
_CS_USING = re.compile(r"^\s*using\s+(?P<name>[\w.]+)\s*;\s*$")
_CS_MISSING_USING = re.compile(_CS_AT + r".*Are you missing `(?P<name>[\w.]+)' using directive")


def _csharp_missing_namespaces(code: str, said: str) -> _Edit | None:
    """``using`` lines of namespaces the compiler cannot find (a cloud SDK the sandbox does not
    have): blanked, so it says which of their types the code uses."""
    found = _import_lines(code, said, _CS_NO_NAMESPACE, _CS_USING, lambda _: True)
    return _blanked(code, found, _NOT_THERE, kind="using")


def _csharp_missing_usings(code: str, said: str) -> _Edit | None:
    """A ``using`` the compiler itself names as missing (``Are you missing
    `System.Collections.Generic' using directive?``): added on the first line."""
    wanted = sorted({m["name"] for m in _CS_MISSING_USING.finditer(said)})
    if not wanted:
        return None
    usings = " ".join(f"using {name};" for name in wanted)
    what = "usings" if len(wanted) > 1 else "using"
    return _Edit(_at_top(code, usings, None), f"the missing {what} of {listed(wanted)} added")


def _at_top(code: str, text: str, after: re.Pattern[str] | None) -> str:
    """``code`` with ``text`` at its top: on the line ``after`` matches, else before line 1."""
    lines = code.splitlines(keepends=True)
    at = next((i for i, line in enumerate(lines) if after and after.match(line)), None)
    if at is not None:
        lines[at] = lines[at].rstrip("\n") + " " + text + "\n"
    elif lines:
        lines[0] = text + " " + lines[0]
    return "".join(lines)


def _imports(names: list[str]) -> str:
    return ("imports of " if len(names) > 1 else "import of ") + listed(names)


# --------------------------------------------------------------------------- Python

_NO_MODULE = re.compile(r"ModuleNotFoundError: No module named '([\w.]+)'")
_NO_NAME = re.compile(r"ImportError: cannot import name '(\w+)' from '([\w.]+)'")
_BUILTINS = frozenset(dir(builtins))


def _python_unresolved(code: str, said: str) -> _Edit | None:
    """The top-level import Python failed on, left out when what it would bind is never read
    elsewhere or is one of Python's built-ins (``from typing import Exception``: the code
    means the built-in). A name the code reads and Python lacks keeps the import, and the
    code stays unloaded."""
    missing = _NO_MODULE.search(said)
    name = _NO_NAME.search(said)
    if not (missing or name):
        return None
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return None
    read = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    lines = code.splitlines(keepends=True)
    for statement in tree.body:
        if not isinstance(statement, ast.Import | ast.ImportFrom):
            continue
        dropped = _failing_aliases(statement, missing, name)
        if not dropped:
            continue
        bound = [a.asname or a.name.split(".")[0] for a in dropped]
        if any(b in read and b not in _BUILTINS for b in bound):
            return None
        kept = [a for a in statement.names if a not in dropped]
        first, last = statement.lineno, statement.end_lineno or statement.lineno
        rewritten = _import_text(statement, kept) if kept else ""
        indent = " " * statement.col_offset
        lines[first - 1] = f"{indent}{rewritten}\n" if rewritten else "\n"
        for number in range(first + 1, last + 1):
            lines[number - 1] = "\n"
        own = [b for b in bound if b in read]
        are = "are" if len(own) > 1 else "is"
        then = f"; {listed(own)} {are} then Python's own" if own else ""
        what = "import" if len(bound) == 1 else "imports"
        return _Edit("".join(lines), f"the {what} of {listed(bound)} (line {first}{then}) left out")
    return None


def _failing_aliases(
    statement: ast.Import | ast.ImportFrom,
    missing: re.Match[str] | None,
    name: re.Match[str] | None,
) -> list[ast.alias]:
    def under(module: str, failed: str) -> bool:
        return module == failed or module.startswith(failed + ".")

    if isinstance(statement, ast.Import):
        return [a for a in statement.names if missing and under(a.name, missing.group(1))]
    module = statement.module or ""
    if statement.level:
        return []
    if missing and under(module, missing.group(1)):
        return list(statement.names)
    if name and module == name.group(2):
        return [a for a in statement.names if a.name == name.group(1)]
    return []


def _import_text(statement: ast.Import | ast.ImportFrom, kept: list[ast.alias]) -> str:
    names = ", ".join(a.name + (f" as {a.asname}" if a.asname else "") for a in kept)
    if isinstance(statement, ast.Import):
        return f"import {names}"
    return f"from {statement.module} import {names}"


# --------------------------------------------------------------------------- JavaScript

_NO_JS_MODULE = re.compile(r"Cannot find module '([^']+)'")
_READS = {"identifier", "type_identifier", "shorthand_property_identifier"}
_BINDS = {"identifier", "shorthand_property_identifier_pattern"}


def _js_unresolved(code: str, language: str, said: str) -> _Edit | None:
    """A top-level ``require``/``import`` of a module Node cannot find, left out when the code
    never reads what it binds (``const User = require('./User')`` and no other ``User``)."""
    missing = _NO_JS_MODULE.search(said)
    if not missing:
        return None
    module = missing.group(1)
    root = parse_tree(code, language)
    source = code.encode("utf-8")
    for statement in root.children:
        if not _loads(statement, module, source):
            continue
        bound = _bound(statement, source)
        if not bound or any(
            node_text(n, source) in bound
            for other in root.children
            if other is not statement
            for n in walk(other)
            if n.type in _READS
        ):
            return None
        at = list(range(statement.start_point[0] + 1, statement.end_point[0] + 2))
        what = "import" if len(bound) == 1 else "imports"
        said = f"the unused {what} of {listed(sorted(bound))} ({line_spans(at)}) left out"
        return _Edit(without_lines(code, at), said)
    return None


def _loads(statement: Node, module: str, source: bytes) -> bool:
    """Whether a top-level statement is an import or ``require`` of ``module``."""
    if statement.type not in ("import_statement", "lexical_declaration", "variable_declaration"):
        return False
    strings = [n for n in walk(statement) if n.type == "string"]
    if statement.type != "import_statement":
        calls = [n for n in walk(statement) if n.type == "call_expression"]
        if not any(
            node_text(c.child_by_field_name("function"), source) == "require" for c in calls
        ):
            return False
    return any(node_text(s, source)[1:-1] == module for s in strings)


def _bound(statement: Node, source: bytes) -> set[str]:
    if statement.type == "import_statement":
        clause = next((c for c in statement.children if c.type == "import_clause"), None)
        targets = [clause] if clause is not None else []
    else:
        targets = [
            name
            for d in statement.named_children
            if d.type == "variable_declarator" and (name := d.child_by_field_name("name"))
        ]
    return {node_text(n, source) for t in targets for n in walk(t) if n.type in _BINDS}
