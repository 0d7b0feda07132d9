"""Bringing project folders written by older pcpv versions up to the current format.

Each step turns the raw data of schema N into schema N+1; steps never drop information. When a
project is opened for writing and needs migrating, its YAML files are first copied into
``backups/schema-N-<time>/`` and only then rewritten. Opening for reading migrates in memory only.

History:
- Schema 1 (the first prototype): ``project.yaml`` had flat fields ``meeting_kind``,
  ``meeting_title``, ``meeting_date``, ``question_set``, ``question_set_version``, ``presenter``,
  ``theme``; answers said ``patient_words: true|false`` instead of ``words_by``.
- Schema 2: nested ``meeting``, ``questions`` and ``presentation``; ``words_by: patient|staff``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pcpv.model import SCHEMA_VERSION

RawFiles = dict[str, Any]
"""The raw loaded data of a project's files, by file name ("project.yaml", "answers.yaml"...)."""


def _v1_to_v2(files: RawFiles) -> RawFiles:
    project = dict(files.get("project.yaml") or {})
    meeting = {
        "kind": project.pop("meeting_kind", None),
        "title": project.pop("meeting_title", None),
        "date": project.pop("meeting_date", None),
    }
    questions = {
        "set": project.pop("question_set", None),
        "version": project.pop("question_set_version", 1),
    }
    presentation = {
        "presenter": project.pop("presenter", "together"),
        "theme": project.pop("theme", "cream"),
    }
    project.update(schema=2, meeting=meeting, questions=questions, presentation=presentation)
    answers_file = dict(files.get("answers.yaml") or {})
    answers = {}
    for prompt_id, answer in (answers_file.get("answers") or {}).items():
        answer = dict(answer or {})
        patient = answer.pop("patient_words", True)
        if answer.get("words"):
            answer["words_by"] = "patient" if patient else "staff"
        answers[prompt_id] = answer
    answers_file.update(schema=2, answers=answers)
    sessions_file = dict(files.get("sessions.yaml") or {})
    sessions_file["schema"] = 2
    return {
        **files,
        "project.yaml": project,
        "answers.yaml": answers_file,
        "sessions.yaml": sessions_file,
    }


STEPS: dict[int, Callable[[RawFiles], RawFiles]] = {1: _v1_to_v2}
"""``STEPS[n]`` turns schema n into schema n + 1."""


def migrate(files: RawFiles, from_version: int) -> RawFiles:
    """Run every step from ``from_version`` up to ``SCHEMA_VERSION``."""
    version = from_version
    while version < SCHEMA_VERSION:
        files = STEPS[version](files)
        version += 1
    return files
