"""Every language the grader knows, one ``LanguageSpec`` each; the one place that lists them.

Adding a language takes about three files:

1. ``grader/languages/<name>.py``: its ``SPEC`` (extensions, fence tags, tree-sitter grammar,
   runner, default solution file, test-name pattern, scaffold, concept tables), added to
   ``_MODULES`` below and to the ``Language`` literal in ``grader/types.py`` (a test checks
   that the two agree); its grammar package goes into ``pyproject.toml``.
2. ``grader/sandbox/runners/<name>.py``: the runner the spec names (how the code and tests
   are laid out, run and read back); it registers itself through the spec.
3. Rule fixtures and a task variant (``tests/rules/fixtures/``, ``tasks/<task>/<name>.yaml``)
   so the rule and corpus tests cover it.

Importing this package is cheap: grammars and runners are named by ``module:attribute``
strings and imported only when ``grader.rules`` or ``grader.sandbox`` first needs them.
"""

from __future__ import annotations

from grader.errors import GraderError

from . import csharp, go, java, javascript, python, typescript
from .spec import Entry, LanguageSpec, Layout, Names, ToolchainLimit

_MODULES = (python, javascript, typescript, java, csharp, go)

# name -> spec, in the order the grader lists languages
LANGUAGES: dict[str, LanguageSpec] = {module.SPEC.name: module.SPEC for module in _MODULES}
_BY_EXTENSION = {ext: spec for spec in LANGUAGES.values() for ext in spec.extensions}
_BY_TAG = {tag: spec for spec in LANGUAGES.values() for tag in spec.fence_tags}


def language_spec(name: str) -> LanguageSpec:
    """The spec of ``name``; a ``GraderError`` naming the known languages if there is none."""
    try:
        return LANGUAGES[name]
    except (KeyError, TypeError):  # TypeError: not a name at all (a list from YAML)
        raise GraderError(f"unknown language {name!r} (known: {', '.join(LANGUAGES)})") from None


def by_extension(extension: str) -> LanguageSpec | None:
    """The language of a file extension (``".py"`` or ``"py"``), if any."""
    return _BY_EXTENSION.get(extension.removeprefix("."))


def by_fence_tag(tag: str) -> LanguageSpec | None:
    """The language a code fence's info string (``ts``, ``c#``) names, if any."""
    return _BY_TAG.get(tag.lower())


__all__ = [
    "LANGUAGES",
    "Entry",
    "LanguageSpec",
    "Layout",
    "Names",
    "ToolchainLimit",
    "by_extension",
    "by_fence_tag",
    "language_spec",
]
