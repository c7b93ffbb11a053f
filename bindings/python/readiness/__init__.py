"""readiness — how ready an office is for an evaluation visit, from Python.

    import readiness
    with readiness.Plan.load("plan.json") as plan:
        score = plan.score()
        print(score.total, score.grade)

A thin ctypes layer over libreadiness's C ABI (readiness.h). Results are plain dataclasses with
exact points (decimal.Decimal) and datetime.date values; .to_dict() gives the SPEC §10 document.
"""

from ._api import (AtRisk, BatchResult, CategoryScore, CurvePoint, Forecast, Gap, ItemScore,
                   Plan, RankedRecord, Ranking, Risk, RiskTask, Schedule, ScheduledTask, Score,
                   Totals, batch_rank, batch_score, date_from_days, date_to_days)
from ._ffi import ABI_VERSION
from .errors import (BusyError, CancelledError, ClosedError, CycleError, Error, InternalError,
                     InvalidArgumentError, IoError, LimitError, NotFoundError, OutOfMemoryError,
                     ParseError, ReadOnlyError, StoreError, ValidationError, VersionError)
from . import _ffi

__version__ = _ffi.lib.rdy_version_string().decode()

__all__ = [
    "ABI_VERSION", "AtRisk", "BatchResult", "BusyError", "CancelledError", "CategoryScore",
    "ClosedError", "CurvePoint", "CycleError", "Error", "Forecast", "Gap", "InternalError",
    "InvalidArgumentError", "IoError", "ItemScore", "LimitError", "NotFoundError",
    "OutOfMemoryError", "ParseError", "Plan", "RankedRecord", "Ranking", "ReadOnlyError", "Risk",
    "RiskTask", "Schedule", "ScheduledTask", "Score", "StoreError", "Totals", "ValidationError",
    "VersionError", "batch_rank", "batch_score", "date_from_days", "date_to_days",
]
