"""How a failed step ends the run: one line naming the step, the cause and the log; the
traceback goes to the log, not the terminal."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scripts import run_pipeline
from scripts.inputs import InputError


def test_a_failing_step_names_itself_its_cause_and_its_log(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    log = tmp_path / "logs" / "pipeline.log"
    monkeypatch.setattr(run_pipeline, "PIPELINE_LOG", log)
    with pytest.raises(run_pipeline.StepFailed) as failed, run_pipeline.step("report"):
        raise ValueError("chart store_funnel has no data\nsecond line of detail")
    message = str(failed.value)
    assert "\n" not in message
    assert re.fullmatch(
        r"report failed: ValueError: chart store_funnel has no data\. "
        r"Nothing was published; see .+pipeline\.log",
        message,
    ), message
    assert str(log) in message
    assert "Traceback" in log.read_text(encoding="utf-8")
    assert "second line of detail" in log.read_text(encoding="utf-8")


def test_an_input_error_keeps_its_own_line(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.setattr(run_pipeline, "PIPELINE_LOG", tmp_path / "pipeline.log")
    with pytest.raises(InputError, match="events.csv: file is empty"), run_pipeline.step("inputs"):
        raise InputError("events.csv: file is empty")
