"""Task specs: YAML files -> validated ``TaskSpec`` values. Never calls a model."""

from grader.tasks.loader import find_spec_files, load_task, load_tasks

__all__ = ["find_spec_files", "load_task", "load_tasks"]
