"""The HTML report a reviewer works in: one self-contained file per run."""

from grader.report._render import REPORT_FILE, render_report, write_report
from grader.report.review import REVIEW_FILE, ImportSummary, import_review, load_review

__all__ = [
    "REPORT_FILE",
    "REVIEW_FILE",
    "ImportSummary",
    "import_review",
    "load_review",
    "render_report",
    "write_report",
]
