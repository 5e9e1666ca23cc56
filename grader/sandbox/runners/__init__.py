"""One runner per language: how a sample's files are laid out, run and read back.

File conventions (task authors rely on these):

- **python**: the code is saved as ``solution.py`` (or the task's ``solution_file``).
  Test files are pytest files that ``from solution import <entry_point>``; hypothesis is
  importable (no deadline, no example database). Plain ``def test_*():`` files take a fast
  path (pytest's assertion rewriting, no plugin start-up); files with fixtures,
  parametrize, classes or a ``conftest.py`` run under ``pytest.main``.
- **javascript**: the code is saved as ``solution.js``, normalised to CommonJS (ESM
  ``export``/``import`` lines rewritten) with a footer that exports the entry point even
  when the model forgot to. Tests are CommonJS ``*.test.js`` files using ``node:test`` and
  ``node:assert`` that ``require('./solution.js')``. Each test file runs as ``node FILE``
  (its own process) with a trusted guard preloaded (``assets/node-guard.js``): it records each
  ``test()``/``it()`` outcome itself, runs the test file in strict mode and deletes it once
  read, and freezes ``node:assert``, ``node:test``, the module loader and promises.
- **typescript**: the code is saved as ``solution.ts`` and transpiled inside the sandbox to
  ``solution.js`` (CommonJS, types stripped) by the ``typescript`` npm package that
  ``grader.sandbox.setup`` installs into ``~/.cache/grader/node``; any ``*.ts`` test file is
  transpiled too. Tests otherwise as for javascript.
- **java**: the code is saved as the task's ``solution_file`` (the class's file, e.g.
  ``UserFlagsService.java``; default ``Solution.java``). Tests are JUnit 5 Jupiter
  ``*Test.java`` classes in the default package; ``javac`` then a trusted launcher
  (``assets/GraderLauncher.java``) on Debian's ``junit5`` platform, for the test classes only.
- **csharp**: the code is saved as ``Solution.cs`` and compiled with ``mcs`` together with
  the test files and a small harness (``assets/GraderHarness.cs``): test files get an
  ``Assert`` class (MSTest/xUnit-style: ``AreEqual``/``Equal``, ``IsTrue``/``True``,
  ``IsFalse``/``False``, ``IsNull``/``Null``, ``IsNotNull``/``NotNull``, ``Contains``,
  ``DoesNotContain``, ``Throws<T>``, ``Fail``) and every ``public static void Test*()`` method (or one marked
  ``[Test]``) of a public class declared in a test file is a test case.
- **go**: the code is saved as ``solution.go`` with its ``package`` clause rewritten to the
  test files' package; a ``go.mod`` (module ``sandbox``) is generated; ``go test -json``.
  Standard-library builds come from a warm, read-only build cache made once by
  ``grader.sandbox.setup``; each sample writes to its own copy-on-write layer of it. One
  generated test runs every ``TestXxx`` through the trusted ``sandbox/gradertrust`` package.

Results the sample cannot write (all but python): the sandbox's init gives each test step a
fresh nonce in a file that the trusted reporter reads and deletes before any sample code
runs; only result lines that start with it count, and each test name counted on the host from
the test sources that did not report is a failed case. Stdout and the frameworks' own
reports are never read as outcomes. The reporters also delete the test sources before the
solution runs.

Support files are copied next to the solution under their own names.
"""

from __future__ import annotations

from grader.languages import LANGUAGES
from grader.registry import Registry
from grader.sandbox.runners.base import LanguageRunner, Parsed, Plan

RUNNERS: Registry[LanguageRunner] = Registry("language runner")
for _spec in LANGUAGES.values():  # each language's spec names its runner class
    RUNNERS.register(_spec.name)(_spec.load_runner)

__all__ = ["RUNNERS", "Parsed", "Plan", "LanguageRunner"]
