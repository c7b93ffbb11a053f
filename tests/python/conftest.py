import os
import pathlib

import pytest

import readiness


@pytest.fixture
def example_path():
    return pathlib.Path(os.environ.get(
        "READINESS_EXAMPLE_PLAN",
        pathlib.Path(__file__).resolve().parents[2] / "data/examples/district-2026.json"))


@pytest.fixture
def plan(example_path):
    with readiness.Plan.load(example_path) as p:
        yield p
