"""The C ABI of libreadiness, declared for ctypes: every rdy_* function, table by table.

Each handle is a distinct pointer type, so passing a score where a plan is expected fails in
ctypes itself. Functions returning a status get an errcheck that raises the typed exception of
the thread's last error. Owned strings come back as c_void_p and are copied, then released with
rdy_free (never c_char_p, which would leak them).
"""

import ctypes
import os
import sys
from ctypes import (CFUNCTYPE, POINTER, Structure, c_char, c_char_p, c_double, c_int, c_int32,
                    c_int64, c_size_t, c_uint64, c_void_p)
from pathlib import Path

from . import errors

ABI_VERSION = 1  # the ABI major this package was written against
NO_VALUE = -2147483648  # RDY_NO_VALUE


class _Opaque(Structure):
    _fields_ = []


class rdy_plan(_Opaque):
    pass


class rdy_score(_Opaque):
    pass


class rdy_schedule_options(_Opaque):
    pass


class rdy_schedule(_Opaque):
    pass


class rdy_forecast(_Opaque):
    pass


class rdy_risk_options(_Opaque):
    pass


class rdy_risk(_Opaque):
    pass


class rdy_batch(_Opaque):
    pass


class rdy_ranking(_Opaque):
    pass


PlanPtr = POINTER(rdy_plan)
ScorePtr = POINTER(rdy_score)
ScheduleOptionsPtr = POINTER(rdy_schedule_options)
SchedulePtr = POINTER(rdy_schedule)
ForecastPtr = POINTER(rdy_forecast)
RiskOptionsPtr = POINTER(rdy_risk_options)
RiskPtr = POINTER(rdy_risk)
BatchPtr = POINTER(rdy_batch)
RankingPtr = POINTER(rdy_ranking)

PROGRESS_FN = CFUNCTYPE(c_int, c_uint64, c_uint64, c_void_p)
RECORD_FN = CFUNCTYPE(c_int, c_uint64, POINTER(c_char), c_size_t, c_int, c_char_p, c_void_p)

_LIBRARY_NAMES = {"linux": ["libreadiness.so.1", "libreadiness.so"],
                  "darwin": ["libreadiness.1.dylib", "libreadiness.dylib"],
                  "win32": ["readiness.dll"]}


def _candidates():
    env = os.environ.get("READINESS_LIBRARY")
    if env:
        yield Path(env)
        return
    names = _LIBRARY_NAMES.get(sys.platform, _LIBRARY_NAMES["linux"])
    here = Path(__file__).resolve().parent
    for name in names:  # installed beside the package
        yield here / name
    root = here.parent.parent.parent  # the source tree: bindings/python/readiness → root
    for build in sorted(root.glob("build*")):
        for name in names:
            yield build / name
    for name in names:  # the system's search path
        yield Path(name)


def _load():
    tried = []
    for path in _candidates():
        if path.is_absolute() and not path.exists():
            tried.append(str(path))
            continue
        try:
            return ctypes.CDLL(str(path))
        except OSError as e:
            tried.append(f"{path} ({e})")
    raise ImportError("readiness: cannot find libreadiness; build it, install it beside the "
                      "package, or set READINESS_LIBRARY to its path. Tried: " + "; ".join(tried))


lib = _load()


def _raise_last_error(status, func, args):
    if status != 0:
        code = lib.rdy_last_error_code()
        message = lib.rdy_last_error_message().decode("utf-8", "replace")
        raise errors.from_status(code or status, message, func.__name__)
    return status


DECLARED = set()


def _declare(table, errcheck=None):
    for name, restype, argtypes in table:
        DECLARED.add(name)
        f = getattr(lib, name)
        f.restype = restype
        f.argtypes = argtypes
        if errcheck is not None:
            f.errcheck = errcheck


# -- versions, errors, memory (never fail) ------------------------------------------------------
_declare([
    ("rdy_version_string", c_char_p, []),
    ("rdy_version_number", c_int, []),
    ("rdy_abi_version", c_int, []),
    ("rdy_status_string", c_char_p, [c_int]),
    ("rdy_last_error_code", c_int, []),
    ("rdy_last_error_message", c_char_p, []),
    ("rdy_free", None, [c_void_p]),
    ("rdy_light_string", c_char_p, [c_int]),
])

if lib.rdy_abi_version() != ABI_VERSION:
    raise ImportError(f"readiness: libreadiness has ABI {lib.rdy_abi_version()}, this package "
                      f"needs ABI {ABI_VERSION}")

_OUT_STR = POINTER(c_void_p)
_OUT_LEN = POINTER(c_size_t)

# -- fallible functions: an int status, raising on failure -------------------------------------
_declare([
    # dates
    ("rdy_date_from_iso", c_int, [c_char_p, POINTER(c_int32)]),
    ("rdy_date_to_iso", c_int, [c_int32, c_char_p, c_size_t, POINTER(c_size_t)]),
    # plan
    ("rdy_plan_load_json", c_int, [c_char_p, c_size_t, POINTER(PlanPtr)]),
    ("rdy_plan_load_file", c_int, [c_char_p, POINTER(PlanPtr)]),
    ("rdy_plan_to_json", c_int, [PlanPtr, c_int, _OUT_STR, _OUT_LEN]),
    # score
    ("rdy_plan_score", c_int, [PlanPtr, POINTER(ScorePtr)]),
    ("rdy_score_to_json", c_int, [ScorePtr, _OUT_STR, _OUT_LEN]),
    ("rdy_score_find_item", c_int, [ScorePtr, c_char_p, POINTER(c_size_t)]),
    # schedule
    ("rdy_schedule_options_create", c_int, [POINTER(ScheduleOptionsPtr)]),
    ("rdy_schedule_options_set_status_date", c_int, [ScheduleOptionsPtr, c_int32]),
    ("rdy_schedule_options_set_levelling", c_int, [ScheduleOptionsPtr, c_int]),
    ("rdy_schedule_options_set_warn_days", c_int, [ScheduleOptionsPtr, c_int32]),
    ("rdy_schedule_options_set_tolerance", c_int, [ScheduleOptionsPtr, c_double]),
    ("rdy_plan_schedule", c_int, [PlanPtr, ScheduleOptionsPtr, POINTER(SchedulePtr)]),
    ("rdy_schedule_to_json", c_int, [SchedulePtr, _OUT_STR, _OUT_LEN]),
    ("rdy_schedule_find_task", c_int, [SchedulePtr, c_char_p, POINTER(c_size_t)]),
    # forecast
    ("rdy_plan_forecast", c_int, [PlanPtr, ScheduleOptionsPtr, POINTER(ForecastPtr)]),
    ("rdy_forecast_to_json", c_int, [ForecastPtr, _OUT_STR, _OUT_LEN]),
    # risk
    ("rdy_risk_options_create", c_int, [POINTER(RiskOptionsPtr)]),
    ("rdy_risk_options_set_iterations", c_int, [RiskOptionsPtr, c_uint64]),
    ("rdy_risk_options_set_seed", c_int, [RiskOptionsPtr, c_uint64]),
    ("rdy_risk_options_set_threads", c_int, [RiskOptionsPtr, c_int]),
    ("rdy_risk_options_set_progress", c_int, [RiskOptionsPtr, PROGRESS_FN, c_void_p]),
    ("rdy_risk_options_set_status_date", c_int, [RiskOptionsPtr, c_int32]),
    ("rdy_plan_simulate", c_int, [PlanPtr, RiskOptionsPtr, POINTER(RiskPtr)]),
    ("rdy_risk_to_json", c_int, [RiskPtr, _OUT_STR, _OUT_LEN]),
    # batch
    ("rdy_batch_score_jsonl", c_int, [PlanPtr, c_char_p, c_size_t, c_int, RECORD_FN, c_void_p]),
    ("rdy_batch_run_jsonl", c_int, [PlanPtr, c_char_p, c_size_t, c_int, POINTER(BatchPtr)]),
    ("rdy_batch_to_jsonl", c_int, [BatchPtr, _OUT_STR, _OUT_LEN]),
    # ranking
    ("rdy_batch_rank", c_int, [BatchPtr, c_char_p, POINTER(RankingPtr)]),
    ("rdy_ranking_to_json", c_int, [RankingPtr, _OUT_STR, _OUT_LEN]),
], errcheck=_raise_last_error)

# -- destroy functions (accept NULL, never fail) -----------------------------------------------
_declare([
    ("rdy_plan_destroy", None, [PlanPtr]),
    ("rdy_score_destroy", None, [ScorePtr]),
    ("rdy_schedule_options_destroy", None, [ScheduleOptionsPtr]),
    ("rdy_schedule_destroy", None, [SchedulePtr]),
    ("rdy_forecast_destroy", None, [ForecastPtr]),
    ("rdy_risk_options_destroy", None, [RiskOptionsPtr]),
    ("rdy_risk_destroy", None, [RiskPtr]),
    ("rdy_batch_destroy", None, [BatchPtr]),
    ("rdy_ranking_destroy", None, [RankingPtr]),
])

# -- accessors (never fail, never touch the last error) ----------------------------------------
_declare([
    ("rdy_plan_title", c_char_p, [PlanPtr]),
    ("rdy_plan_as_of", c_int32, [PlanPtr]),
])
_declare([
    ("rdy_score_points", c_int64, [ScorePtr, c_int]),
    ("rdy_score_points_double", c_double, [ScorePtr, c_int]),
    ("rdy_score_grade", c_char_p, [ScorePtr]),
    ("rdy_score_qualified", c_int, [ScorePtr]),
    ("rdy_score_as_of", c_int32, [ScorePtr]),
    ("rdy_score_category_count", c_size_t, [ScorePtr]),
    ("rdy_score_category_id", c_char_p, [ScorePtr, c_size_t]),
    ("rdy_score_category_points", c_int64, [ScorePtr, c_size_t]),
    ("rdy_score_category_max", c_int64, [ScorePtr, c_size_t]),
    ("rdy_score_item_count", c_size_t, [ScorePtr]),
    ("rdy_score_item_id", c_char_p, [ScorePtr, c_size_t]),
    ("rdy_score_item_category", c_char_p, [ScorePtr, c_size_t]),
    ("rdy_score_item_points", c_int64, [ScorePtr, c_size_t]),
    ("rdy_score_item_max", c_int64, [ScorePtr, c_size_t]),
    ("rdy_score_item_lost", c_int64, [ScorePtr, c_size_t]),
    ("rdy_score_item_status", c_int, [ScorePtr, c_size_t]),
    ("rdy_score_item_rule", c_char_p, [ScorePtr, c_size_t]),
    ("rdy_score_item_reason", c_char_p, [ScorePtr, c_size_t]),
])
_declare([
    ("rdy_schedule_as_of", c_int32, [SchedulePtr]),
    ("rdy_schedule_ready_by", c_int32, [SchedulePtr]),
    ("rdy_schedule_finish", c_int32, [SchedulePtr]),
    ("rdy_schedule_provisional", c_int, [SchedulePtr]),
    ("rdy_schedule_task_count", c_size_t, [SchedulePtr]),
    ("rdy_schedule_task_id", c_char_p, [SchedulePtr, c_size_t]),
    ("rdy_schedule_task_date", c_int32, [SchedulePtr, c_size_t, c_int]),
    ("rdy_schedule_task_date_iso", c_char_p, [SchedulePtr, c_size_t, c_int]),
    ("rdy_schedule_task_total_float", c_int32, [SchedulePtr, c_size_t]),
    ("rdy_schedule_task_free_float", c_int32, [SchedulePtr, c_size_t]),
    ("rdy_schedule_task_remaining", c_int32, [SchedulePtr, c_size_t]),
    ("rdy_schedule_task_critical", c_int, [SchedulePtr, c_size_t]),
    ("rdy_schedule_task_done", c_int, [SchedulePtr, c_size_t]),
    ("rdy_schedule_task_summary", c_int, [SchedulePtr, c_size_t]),
    ("rdy_schedule_task_light", c_int, [SchedulePtr, c_size_t]),
    ("rdy_schedule_driving_path_count", c_size_t, [SchedulePtr]),
    ("rdy_schedule_driving_path_task", c_char_p, [SchedulePtr, c_size_t]),
])
_declare([
    ("rdy_forecast_ready_by", c_int32, [ForecastPtr]),
    ("rdy_forecast_points", c_int64, [ForecastPtr, c_int, c_int]),
    ("rdy_forecast_grade", c_char_p, [ForecastPtr, c_int]),
    ("rdy_forecast_qualified", c_int, [ForecastPtr, c_int]),
    ("rdy_forecast_curve_count", c_size_t, [ForecastPtr]),
    ("rdy_forecast_curve_date", c_int32, [ForecastPtr, c_size_t]),
    ("rdy_forecast_curve_points", c_int64, [ForecastPtr, c_size_t]),
    ("rdy_forecast_at_risk_count", c_size_t, [ForecastPtr]),
    ("rdy_forecast_at_risk_task", c_char_p, [ForecastPtr, c_size_t]),
    ("rdy_forecast_at_risk_item", c_char_p, [ForecastPtr, c_size_t]),
    ("rdy_forecast_at_risk_unit", c_char_p, [ForecastPtr, c_size_t]),
    ("rdy_forecast_at_risk_points", c_int64, [ForecastPtr, c_size_t]),
    ("rdy_forecast_uncovered_count", c_size_t, [ForecastPtr]),
    ("rdy_forecast_uncovered_item", c_char_p, [ForecastPtr, c_size_t]),
    ("rdy_forecast_uncovered_lost", c_int64, [ForecastPtr, c_size_t]),
])
_declare([
    ("rdy_risk_iterations", c_uint64, [RiskPtr]),
    ("rdy_risk_seed", c_uint64, [RiskPtr]),
    ("rdy_risk_finish", c_int32, [RiskPtr, c_int]),
    ("rdy_risk_score", c_double, [RiskPtr, c_int]),
    ("rdy_risk_task_count", c_size_t, [RiskPtr]),
    ("rdy_risk_task_id", c_char_p, [RiskPtr, c_size_t]),
    ("rdy_risk_task_p_on_time", c_double, [RiskPtr, c_size_t]),
    ("rdy_risk_task_finish", c_int32, [RiskPtr, c_size_t, c_int]),
    ("rdy_risk_task_criticality", c_double, [RiskPtr, c_size_t]),
    ("rdy_risk_task_sensitivity", c_double, [RiskPtr, c_size_t]),
])
_declare([
    ("rdy_batch_count", c_size_t, [BatchPtr]),
    ("rdy_batch_failed_count", c_size_t, [BatchPtr]),
    ("rdy_batch_record_id", c_char_p, [BatchPtr, c_size_t]),
    ("rdy_batch_record_status", c_int, [BatchPtr, c_size_t]),
    ("rdy_batch_record_error", c_char_p, [BatchPtr, c_size_t]),
    ("rdy_batch_record_json", c_void_p, [BatchPtr, c_size_t]),  # borrowed, read by length
    ("rdy_batch_record_points", c_int64, [BatchPtr, c_size_t, c_int]),
    ("rdy_batch_record_grade", c_char_p, [BatchPtr, c_size_t]),
    ("rdy_batch_record_qualified", c_int, [BatchPtr, c_size_t]),
])
_declare([
    ("rdy_ranking_count", c_size_t, [RankingPtr]),
    ("rdy_ranking_inside_count", c_size_t, [RankingPtr]),
    ("rdy_ranking_record_index", c_size_t, [RankingPtr, c_size_t]),
    ("rdy_ranking_record_id", c_char_p, [RankingPtr, c_size_t]),
    ("rdy_ranking_record_place", c_int64, [RankingPtr, c_size_t]),
    ("rdy_ranking_record_inside", c_int, [RankingPtr, c_size_t]),
    ("rdy_ranking_record_points", c_int64, [RankingPtr, c_size_t, c_int]),
    ("rdy_ranking_place_of", c_int64, [RankingPtr, c_size_t]),
    ("rdy_ranking_inside_of", c_int, [RankingPtr, c_size_t]),
])


def declared_names():
    """Every rdy_* function this module declared (tests compare it with the exported symbols)."""
    return sorted(DECLARED)


def take_string(call, *args):
    """Calls a function returning an owned string (char** out, size_t* out_len), copies the text
    and releases the library's copy with rdy_free."""
    out = c_void_p()
    length = c_size_t()
    call(*args, ctypes.byref(out), ctypes.byref(length))
    try:
        return ctypes.string_at(out.value, length.value).decode("utf-8")
    finally:
        lib.rdy_free(out)


def text(value):
    """A borrowed char* from an accessor as str (None stays None)."""
    return None if value is None else value.decode("utf-8")
