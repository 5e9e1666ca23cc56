"""Where things live: the repo's data folders and the user's cache."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_ROOT = PACKAGE_DIR.parent
RUBRICS_DIR = REPO_ROOT / "rubrics"
RULES_DIR = RUBRICS_DIR / "rules"
MODELS_DIR = REPO_ROOT / "models"
REPORTS_DIR = REPO_ROOT / "reports"


def cache_root() -> Path:
    """``$GRADER_CACHE`` or ``~/.cache/grader``: models, wheels, generations."""
    return Path(os.environ.get("GRADER_CACHE") or Path.home() / ".cache" / "grader")
