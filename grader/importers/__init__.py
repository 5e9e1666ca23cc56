"""Turn peer benchmark suites into task specs (``grade import ...``)."""

from grader.importers.humaneval import import_humaneval

__all__ = ["import_humaneval"]
