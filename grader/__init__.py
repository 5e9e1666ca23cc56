"""grader: an automated code-review grader for LLM output.

The public surface is small: the values stages exchange, the task loader and code
extraction. The stages themselves live in their own modules (see ``grader.pipeline``).
"""

from grader.errors import GraderError, SpecError
from grader.extract import extract_code
from grader.tasks import load_task, load_tasks
from grader.types import (
    Extraction,
    Finding,
    Generation,
    GenerationRequest,
    Note,
    RequirementVerdict,
    RuleCheck,
    SampleResult,
    TaskSpec,
    TestCase,
    TestJob,
    TestRun,
    Verdict,
)

__all__ = [
    "Extraction",
    "Finding",
    "Generation",
    "GenerationRequest",
    "GraderError",
    "Note",
    "RequirementVerdict",
    "RuleCheck",
    "SampleResult",
    "SpecError",
    "TaskSpec",
    "TestCase",
    "TestJob",
    "TestRun",
    "Verdict",
    "extract_code",
    "load_task",
    "load_tasks",
]
