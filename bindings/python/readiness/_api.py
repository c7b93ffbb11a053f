"""The Pythonic surface over _ffi: a Plan handle, result dataclasses, batch scoring."""

import ctypes
import datetime
import json
import os
import weakref
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Callable, Dict, Iterable, List, Optional, Union

from . import _ffi
from .errors import ClosedError, Error, InvalidArgumentError, OutOfMemoryError

lib = _ffi.lib
NO_VALUE = _ffi.NO_VALUE
_EPOCH = datetime.date(1970, 1, 1)

# Field numbers of readiness.h.
_POINTS = {"total": 0, "base": 1, "bonus": 2, "penalty": 3, "max": 4, "target": 5, "gap": 6}
_ITEM_STATUS = ["full", "partial", "zero", "blank", "no_evidence"]
_TASK_ES, _TASK_EF, _TASK_LS, _TASK_LF, _TASK_DEADLINE = range(5)
_FORECAST_NOW, _FORECAST_ON_DAY = 0, 1
_RISK_MEAN, _RISK_P10, _RISK_P50, _RISK_P90, _RISK_P_TARGET = range(5)


def date_from_days(days: int) -> Optional[datetime.date]:
    """Days since 1970-01-01 (the ABI's date form) as a date; None for RDY_NO_VALUE."""
    if days == NO_VALUE:
        return None
    return _EPOCH + datetime.timedelta(days=days)


def date_to_days(day: Union[datetime.date, str]) -> int:
    """A date, or ISO text checked by the library, as days since 1970-01-01."""
    if isinstance(day, str):
        out = ctypes.c_int32()
        lib.rdy_date_from_iso(day.encode(), ctypes.byref(out))
        return out.value
    if isinstance(day, datetime.datetime):
        day = day.date()
    if not isinstance(day, datetime.date):
        raise InvalidArgumentError(f"expected a datetime.date or ISO text, got {day!r}")
    return (day - _EPOCH).days


def _points(centi: int) -> Optional[Decimal]:
    return None if centi == NO_VALUE else Decimal(centi).scaleb(-2)


def _int_or_none(value: int) -> Optional[int]:
    return None if value == NO_VALUE else value


def _text(value: Optional[bytes]) -> Optional[str]:
    return None if value is None else value.decode("utf-8")


class _Handle:
    """An owned C handle: close() releases it (also at garbage collection); use after close is
    a ClosedError."""

    _destroy: Callable = None
    _what = "handle"

    def __init__(self, pointer):
        self._ptr = pointer
        self._finalizer = weakref.finalize(self, type(self)._destroy, pointer)

    @property
    def _handle(self):
        if self._ptr is None:
            raise ClosedError(f"this {self._what} is closed")
        return self._ptr

    @property
    def closed(self) -> bool:
        return self._ptr is None

    def close(self) -> None:
        """Releases the library's object. Closing twice is harmless."""
        if self._ptr is not None:
            self._ptr = None
            self._finalizer()

    def __enter__(self):
        self._handle
        return self

    def __exit__(self, *exc):
        self.close()


# ---------------------------------------------------------------------------------------------
# Results


@dataclass(frozen=True)
class Totals:
    """A score's "total" object: points are exact Decimals; target and gap None without a
    target."""
    total: Decimal
    base: Decimal
    bonus: Decimal
    penalty: Decimal
    max: Decimal
    target: Optional[Decimal]
    gap: Optional[Decimal]
    grade: str
    qualified: bool


@dataclass(frozen=True)
class CategoryScore:
    id: str
    score: Decimal
    max: Decimal


@dataclass(frozen=True)
class ItemScore:
    id: str
    category: str  # the category id, or "bonus" / "penalty"
    score: Decimal
    max: Decimal
    lost: Decimal
    status: str  # full, partial, zero, blank, no_evidence
    rule: str
    reason: str


@dataclass(frozen=True)
class Score:
    """The score today, item by item (readiness-score/1)."""
    as_of: Optional[datetime.date]
    totals: Totals
    categories: List[CategoryScore]
    items: List[ItemScore]
    _document: str = field(repr=False, compare=False)

    @property
    def total(self) -> Decimal:
        return self.totals.total

    @property
    def grade(self) -> str:
        return self.totals.grade

    @property
    def qualified(self) -> bool:
        return self.totals.qualified

    def item(self, item_id: str) -> ItemScore:
        for it in self.items:
            if it.id == item_id:
                return it
        raise KeyError(item_id)

    def to_dict(self) -> Dict[str, Any]:
        """The readiness-score/1 document."""
        return json.loads(self._document)

    def to_json(self) -> str:
        return self._document


@dataclass(frozen=True)
class ScheduledTask:
    id: str
    es: Optional[datetime.date]
    ef: Optional[datetime.date]
    ls: Optional[datetime.date]
    lf: Optional[datetime.date]
    deadline: Optional[datetime.date]
    total_float: Optional[int]  # working days; None for a done task
    free_float: Optional[int]
    remaining: int
    critical: bool
    done: bool
    summary: bool
    light: str  # green, blue, yellow, red, done

    @property
    def late(self) -> bool:
        """Open and finishing after its deadline (negative total float)."""
        return not self.done and self.total_float is not None and self.total_float < 0


@dataclass(frozen=True)
class Schedule:
    """The working-day schedule (readiness-schedule/1)."""
    as_of: Optional[datetime.date]
    ready_by: Optional[datetime.date]
    finish: Optional[datetime.date]
    provisional: bool
    tasks: List[ScheduledTask]
    driving_path: List[str]
    _document: str = field(repr=False, compare=False)

    def task(self, task_id: str) -> ScheduledTask:
        for t in self.tasks:
            if t.id == task_id:
                return t
        raise KeyError(task_id)

    @property
    def late_tasks(self) -> List[ScheduledTask]:
        return [t for t in self.tasks if t.late and not t.summary]

    def to_dict(self) -> Dict[str, Any]:
        return json.loads(self._document)

    def to_json(self) -> str:
        return self._document


@dataclass(frozen=True)
class CurvePoint:
    date: datetime.date
    total: Decimal


@dataclass(frozen=True)
class AtRisk:
    task: str
    item: str
    unit: str
    points: Decimal


@dataclass(frozen=True)
class Gap:
    id: str
    lost: Decimal


@dataclass(frozen=True)
class Forecast:
    """The score on the day the team arrives (readiness-forecast/1)."""
    ready_by: Optional[datetime.date]
    now: Totals
    on_day: Totals
    curve: List[CurvePoint]
    at_risk: List[AtRisk]
    uncovered: List[Gap]
    _document: Optional[str] = field(repr=False, compare=False)

    def to_dict(self) -> Dict[str, Any]:
        if self._document is None:
            raise Error("the forecast document writer is not part of this build of the library")
        return json.loads(self._document)

    def to_json(self) -> str:
        return self._document


@dataclass(frozen=True)
class RiskTask:
    id: str
    p_on_time: float
    finish: Dict[int, Optional[datetime.date]]  # percentile (50, 80, 95) → date
    criticality: float
    sensitivity: float


@dataclass(frozen=True)
class Risk:
    """Monte Carlo results (readiness-risk/1)."""
    iterations: int
    seed: int
    finish: Dict[int, Optional[datetime.date]]
    score_mean: float
    score_p10: float
    score_p50: float
    score_p90: float
    p_target: float
    tasks: List[RiskTask]
    _document: str = field(repr=False, compare=False)

    def to_dict(self) -> Dict[str, Any]:
        return json.loads(self._document)

    def to_json(self) -> str:
        return self._document


@dataclass(frozen=True)
class BatchResult:
    """One batch record: `status` 0 and totals for a good record, the RDY_ERR_* code and
    `error` ("line N: reason") for a bad one. When the batch was ranked (batch_score with
    rank=True or a quota), `place` is the record's place (1 = first) and `inside` whether it is
    inside the quota; both are None for a bad record and for a batch that was not ranked."""
    index: int
    id: Optional[str]
    status: int
    error: str
    totals: Optional[Totals]
    _batch: Any = field(repr=False, compare=False)
    place: Optional[int] = None
    inside: Optional[bool] = None

    @property
    def ok(self) -> bool:
        return self.status == 0

    def to_json(self) -> Optional[str]:
        """{"id": …, "score": <readiness-score/1>} as text for a good record, None for a bad one.
        The library makes the document on first use, from the record it kept."""
        if not self.ok:
            return None
        pointer = lib.rdy_batch_record_json(self._batch._handle, self.index)
        if not pointer:
            raise OutOfMemoryError("the record's document could not be made")
        return ctypes.string_at(pointer).decode("utf-8")

    def to_dict(self) -> Optional[Dict[str, Any]]:
        """{"id": …, "score": <readiness-score/1>} for a good record, None for a bad one."""
        text = self.to_json()
        return None if text is None else json.loads(text)


@dataclass(frozen=True)
class RankedRecord:
    """One record of a ranking: its place (1 = first), whether it is inside the quota, and its
    index in the batch (the BatchResult.index of the same record)."""
    place: int
    id: str
    inside: bool
    index: int
    totals: Totals


@dataclass(frozen=True)
class Ranking:
    """Good records ranked as `readiness rank` ranks them (qualified first, then total, then
    id), with the quota applied (readiness-ranking/1)."""
    quota: Optional[str]
    inside: int  # how many records are inside the quota (0 without one)
    records: List[RankedRecord]
    _document: str = field(repr=False, compare=False)

    def to_dict(self) -> Dict[str, Any]:
        return json.loads(self._document)

    def to_json(self) -> str:
        return self._document


# ---------------------------------------------------------------------------------------------
# Reading results out of their handles (each handle is destroyed right after).


def _totals(points, grade, qualified) -> Totals:
    values = {name: _points(points(code)) for name, code in _POINTS.items()}
    return Totals(grade=_text(grade) or "", qualified=bool(qualified), **values)


def _read_score(s) -> Score:
    totals = _totals(lambda f: lib.rdy_score_points(s, f), lib.rdy_score_grade(s),
                     lib.rdy_score_qualified(s) == 1)
    categories = [CategoryScore(_text(lib.rdy_score_category_id(s, i)),
                                _points(lib.rdy_score_category_points(s, i)),
                                _points(lib.rdy_score_category_max(s, i)))
                  for i in range(lib.rdy_score_category_count(s))]
    items = [ItemScore(_text(lib.rdy_score_item_id(s, i)), _text(lib.rdy_score_item_category(s, i)),
                       _points(lib.rdy_score_item_points(s, i)),
                       _points(lib.rdy_score_item_max(s, i)),
                       _points(lib.rdy_score_item_lost(s, i)),
                       _ITEM_STATUS[lib.rdy_score_item_status(s, i)],
                       _text(lib.rdy_score_item_rule(s, i)), _text(lib.rdy_score_item_reason(s, i)))
             for i in range(lib.rdy_score_item_count(s))]
    return Score(date_from_days(lib.rdy_score_as_of(s)), totals, categories, items,
                 _ffi.take_string(lib.rdy_score_to_json, s))


def _read_schedule(s) -> Schedule:
    tasks = []
    for i in range(lib.rdy_schedule_task_count(s)):
        d = [date_from_days(lib.rdy_schedule_task_date(s, i, f)) for f in range(5)]
        tasks.append(ScheduledTask(
            _text(lib.rdy_schedule_task_id(s, i)), d[_TASK_ES], d[_TASK_EF], d[_TASK_LS],
            d[_TASK_LF], d[_TASK_DEADLINE],
            _int_or_none(lib.rdy_schedule_task_total_float(s, i)),
            _int_or_none(lib.rdy_schedule_task_free_float(s, i)),
            lib.rdy_schedule_task_remaining(s, i), lib.rdy_schedule_task_critical(s, i) == 1,
            lib.rdy_schedule_task_done(s, i) == 1, lib.rdy_schedule_task_summary(s, i) == 1,
            _text(lib.rdy_light_string(lib.rdy_schedule_task_light(s, i)))))
    path = [_text(lib.rdy_schedule_driving_path_task(s, i))
            for i in range(lib.rdy_schedule_driving_path_count(s))]
    return Schedule(date_from_days(lib.rdy_schedule_as_of(s)),
                    date_from_days(lib.rdy_schedule_ready_by(s)),
                    date_from_days(lib.rdy_schedule_finish(s)),
                    lib.rdy_schedule_provisional(s) == 1, tasks, path,
                    _ffi.take_string(lib.rdy_schedule_to_json, s))


def _read_forecast(f) -> Forecast:
    def totals(when):
        return _totals(lambda field_: lib.rdy_forecast_points(f, when, field_),
                       lib.rdy_forecast_grade(f, when), lib.rdy_forecast_qualified(f, when) == 1)

    curve = [CurvePoint(date_from_days(lib.rdy_forecast_curve_date(f, i)),
                        _points(lib.rdy_forecast_curve_points(f, i)))
             for i in range(lib.rdy_forecast_curve_count(f))]
    at_risk = [AtRisk(_text(lib.rdy_forecast_at_risk_task(f, i)),
                      _text(lib.rdy_forecast_at_risk_item(f, i)),
                      _text(lib.rdy_forecast_at_risk_unit(f, i)),
                      _points(lib.rdy_forecast_at_risk_points(f, i)))
               for i in range(lib.rdy_forecast_at_risk_count(f))]
    uncovered = [Gap(_text(lib.rdy_forecast_uncovered_item(f, i)),
                     _points(lib.rdy_forecast_uncovered_lost(f, i)))
                 for i in range(lib.rdy_forecast_uncovered_count(f))]
    try:
        document = _ffi.take_string(lib.rdy_forecast_to_json, f)
    except Error as e:  # a build without the forecast writer still gives the numbers
        if "not part of this build" not in e.message:
            raise
        document = None
    return Forecast(date_from_days(lib.rdy_forecast_ready_by(f)), totals(_FORECAST_NOW),
                    totals(_FORECAST_ON_DAY), curve, at_risk, uncovered, document)


def _read_risk(r) -> Risk:
    def finish(get):
        return {p: date_from_days(get(p)) for p in (50, 80, 95)}

    tasks = [RiskTask(_text(lib.rdy_risk_task_id(r, i)), lib.rdy_risk_task_p_on_time(r, i),
                      finish(lambda p, i=i: lib.rdy_risk_task_finish(r, i, p)),
                      lib.rdy_risk_task_criticality(r, i), lib.rdy_risk_task_sensitivity(r, i))
             for i in range(lib.rdy_risk_task_count(r))]
    return Risk(lib.rdy_risk_iterations(r), lib.rdy_risk_seed(r),
                finish(lambda p: lib.rdy_risk_finish(r, p)),
                lib.rdy_risk_score(r, _RISK_MEAN), lib.rdy_risk_score(r, _RISK_P10),
                lib.rdy_risk_score(r, _RISK_P50), lib.rdy_risk_score(r, _RISK_P90),
                lib.rdy_risk_score(r, _RISK_P_TARGET), tasks,
                _ffi.take_string(lib.rdy_risk_to_json, r))


def _run(make, read, destroy, pointer_type, *args):
    """Makes a result handle, reads it into a dataclass, destroys it — also on errors."""
    out = pointer_type()
    make(*args, ctypes.byref(out))
    try:
        return read(out)
    finally:
        destroy(out)


class _ScheduleOptions:
    """Context manager around rdy_schedule_options."""

    def __init__(self, as_of=None, level=False, warn_days=None, tolerance=None):
        self.ptr = _ffi.ScheduleOptionsPtr()
        lib.rdy_schedule_options_create(ctypes.byref(self.ptr))
        try:
            if as_of is not None:
                lib.rdy_schedule_options_set_status_date(self.ptr, date_to_days(as_of))
            lib.rdy_schedule_options_set_levelling(self.ptr, 1 if level else 0)
            if warn_days is not None:
                lib.rdy_schedule_options_set_warn_days(self.ptr, int(warn_days))
            if tolerance is not None:
                lib.rdy_schedule_options_set_tolerance(self.ptr, float(tolerance))
        except BaseException:
            lib.rdy_schedule_options_destroy(self.ptr)
            raise

    def __enter__(self):
        return self.ptr

    def __exit__(self, *exc):
        lib.rdy_schedule_options_destroy(self.ptr)


# ---------------------------------------------------------------------------------------------
# The plan


class Plan(_Handle):
    """A parsed, validated plan. Read-only: one Plan may be used from many threads at once."""

    _destroy = staticmethod(lib.rdy_plan_destroy)
    _what = "plan"

    @classmethod
    def load(cls, path: Union[str, os.PathLike]) -> "Plan":
        """Reads a plan file: a JSON document or a workbook."""
        out = _ffi.PlanPtr()
        lib.rdy_plan_load_file(os.fsencode(path), ctypes.byref(out))
        return cls(out)

    @classmethod
    def from_json(cls, text: Union[str, bytes]) -> "Plan":
        """Reads a plan from the text of a `readiness/1` document."""
        data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        out = _ffi.PlanPtr()
        lib.rdy_plan_load_json(data, len(data), ctypes.byref(out))
        return cls(out)

    @property
    def title(self) -> str:
        return _text(lib.rdy_plan_title(self._handle))

    @property
    def as_of(self) -> Optional[datetime.date]:
        return date_from_days(lib.rdy_plan_as_of(self._handle))

    def to_json(self, indent: int = 2) -> str:
        """The canonical plan document."""
        return _ffi.take_string(lib.rdy_plan_to_json, self._handle, indent)

    def score(self) -> Score:
        """The score today."""
        return _run(lib.rdy_plan_score, _read_score, lib.rdy_score_destroy, _ffi.ScorePtr,
                    self._handle)

    def schedule(self, as_of: Optional[datetime.date] = None, level: bool = False,
                 warn_days: Optional[int] = None, tolerance: Optional[float] = None) -> Schedule:
        """The working-day schedule on the status date `as_of` (default: the plan's)."""
        plan = self._handle
        with _ScheduleOptions(as_of, level, warn_days, tolerance) as options:
            return _run(lib.rdy_plan_schedule, _read_schedule, lib.rdy_schedule_destroy,
                        _ffi.SchedulePtr, plan, options)

    def forecast(self, as_of: Optional[datetime.date] = None, level: bool = False) -> Forecast:
        """The score on the day: now, at ready_by, the curve, points at risk, uncovered gaps."""
        plan = self._handle
        with _ScheduleOptions(as_of, level) as options:
            return _run(lib.rdy_plan_forecast, _read_forecast, lib.rdy_forecast_destroy,
                        _ffi.ForecastPtr, plan, options)

    def risk(self, iterations: Optional[int] = None, seed: Optional[int] = None,
             threads: int = 0, progress: Optional[Callable[[int, int], Any]] = None,
             as_of: Optional[datetime.date] = None) -> Risk:
        """Monte Carlo over uncertain durations. `progress(done, total)` returning True cancels
        (readiness.CancelledError); an exception it raises is re-raised here."""
        plan = self._handle
        options = _ffi.RiskOptionsPtr()
        lib.rdy_risk_options_create(ctypes.byref(options))
        raised = []

        def on_progress(done, total, _user):
            try:
                return 1 if progress(done, total) else 0
            except BaseException as e:  # never unwind through C
                raised.append(e)
                return 1

        callback = _ffi.PROGRESS_FN(on_progress) if progress else _ffi.PROGRESS_FN()
        try:
            if iterations is not None:
                lib.rdy_risk_options_set_iterations(options, int(iterations))
            if seed is not None:
                lib.rdy_risk_options_set_seed(options, int(seed))
            lib.rdy_risk_options_set_threads(options, int(threads))
            if as_of is not None:
                lib.rdy_risk_options_set_status_date(options, date_to_days(as_of))
            lib.rdy_risk_options_set_progress(options, callback, None)
            try:
                return _run(lib.rdy_plan_simulate, _read_risk, lib.rdy_risk_destroy,
                            _ffi.RiskPtr, plan, options)
            except Error:
                if raised:
                    raise raised[0]
                raise
        finally:
            lib.rdy_risk_options_destroy(options)


# ---------------------------------------------------------------------------------------------
# Batch


def _jsonl(records) -> bytes:
    if isinstance(records, bytes):
        return records
    if isinstance(records, str):
        return records.encode("utf-8")
    lines = []
    for r in records:
        if isinstance(r, bytes):
            lines.append(r)
        elif isinstance(r, str):
            lines.append(r.encode("utf-8"))
        else:
            lines.append(json.dumps(r, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    return b"\n".join(lines) + b"\n"


class _Batch(_Handle):
    """The library's batch result, kept while any BatchResult of it lives (documents are made
    from it on first use)."""

    _destroy = staticmethod(lib.rdy_batch_destroy)
    _what = "batch"


def _run_batch(rubric_plan: Plan, records, threads: int) -> _Batch:
    text = _jsonl(records)
    out = _ffi.BatchPtr()
    lib.rdy_batch_run_jsonl(rubric_plan._handle, text, len(text), int(threads), ctypes.byref(out))
    return _Batch(out)


def _quota_text(quota: Union[None, int, str]) -> Optional[bytes]:
    if quota is None:
        return None
    if isinstance(quota, bool) or not isinstance(quota, (int, str)):
        raise InvalidArgumentError(
            f"quota: expected a count (5) or a share as text ('10%'), got {quota!r}")
    return str(quota).encode("utf-8")


def _rank(batch: _Batch, quota, read):
    out = _ffi.RankingPtr()
    lib.rdy_batch_rank(batch._handle, _quota_text(quota), ctypes.byref(out))
    try:
        return read(out)
    finally:
        lib.rdy_ranking_destroy(out)


def _batch_totals(b):
    """totals(i): the Totals of good record i of batch handle b. The per-record cost of batch
    scoring from Python is ctypes calls and objects, so equal points share one Decimal and equal
    grades one str."""
    points, grade_of, qualified_of = (lib.rdy_batch_record_points, lib.rdy_batch_record_grade,
                                      lib.rdy_batch_record_qualified)
    decimals = {NO_VALUE: None}
    grades = {None: ""}
    fields = range(len(_POINTS))  # RDY_POINTS_* 0 … 6: the order of Totals' fields

    def totals(i):
        values = []
        for f in fields:
            centi = points(b, i, f)
            value = decimals.get(centi)
            if value is None and centi != NO_VALUE:
                value = decimals[centi] = Decimal(centi).scaleb(-2)
            values.append(value)
        raw_grade = grade_of(b, i)
        grade = grades.get(raw_grade)
        if grade is None:
            grade = grades[raw_grade] = raw_grade.decode("utf-8")
        return Totals(*values, grade, qualified_of(b, i) == 1)

    return totals


def _batch_results(batch: _Batch, places=None) -> List[BatchResult]:
    b = batch._handle
    status_of, id_of, error_of = (lib.rdy_batch_record_status, lib.rdy_batch_record_id,
                                  lib.rdy_batch_record_error)
    totals_of = _batch_totals(b)
    results = []
    append = results.append
    for i in range(lib.rdy_batch_count(b)):
        status = status_of(b, i)
        place = inside = None
        if status == 0:
            totals = totals_of(i)
            error = ""  # a good record's, without asking
            if places is not None:
                place, inside = places[i]
        else:
            totals = None
            error = _text(error_of(b, i))
        append(BatchResult(i, _text(id_of(b, i)), status, error, totals, batch, place, inside))
    return results


def batch_score(rubric_plan: Plan, records: Union[str, bytes, Iterable[Any]], threads: int = 0,
                rank: bool = False, quota: Union[None, int, str] = None) -> List[BatchResult]:
    """Scores many assessments against the rubric of `rubric_plan` in one call.

    `records` is JSON Lines text, or an iterable of records (dicts, or JSON text each): an
    assessment ("as_of", "items", "vetoes", "sites") with its own "id". Returns one BatchResult
    per record in input order; a bad record is a result with its error, not an exception.

    With rank=True, or a quota (a count, 5 or "5", or a share, "10%"), each good result also
    gets its `place` and whether it is `inside` the quota (see batch_rank for the rank order)."""
    batch = _run_batch(rubric_plan, records, threads)
    places = None
    if rank or quota is not None:
        def read(r):
            return [(_int_or_none(lib.rdy_ranking_place_of(r, i)),
                     lib.rdy_ranking_inside_of(r, i) == 1)
                    for i in range(lib.rdy_batch_count(batch._handle))]
        places = _rank(batch, quota, read)
    return _batch_results(batch, places)


def batch_rank(rubric_plan: Plan, records: Union[str, bytes, Iterable[Any]],
               quota: Union[None, int, str] = None, threads: int = 0) -> Ranking:
    """Scores many assessments and ranks the good ones as `readiness rank` does: qualified
    first, then total (descending), then id. A quota is a count (5 or "5": the first five) or a
    share ("10%": floor(share x n), at least 1); records inside it have `inside` True. Bad
    records are left out (batch_score reports them)."""
    batch = _run_batch(rubric_plan, records, threads)
    totals_of = _batch_totals(batch._handle)

    def read(r):
        index_of, id_of, place_of, inside_of = (
            lib.rdy_ranking_record_index, lib.rdy_ranking_record_id, lib.rdy_ranking_record_place,
            lib.rdy_ranking_record_inside)
        ranked = []
        for k in range(lib.rdy_ranking_count(r)):
            index = index_of(r, k)
            ranked.append(RankedRecord(place_of(r, k), _text(id_of(r, k)), inside_of(r, k) == 1,
                                       index, totals_of(index)))
        return Ranking(None if quota is None else str(quota), lib.rdy_ranking_inside_count(r),
                       ranked, _ffi.take_string(lib.rdy_ranking_to_json, r))

    try:
        return _rank(batch, quota, read)
    finally:
        batch.close()
