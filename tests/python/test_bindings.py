"""The readiness package over libreadiness: declarations, handles, errors, results."""

import datetime
import json
import os
import shutil
import subprocess
import threading
from decimal import Decimal

import pytest

import readiness
from readiness import _ffi


def exported_symbols():
    nm = os.environ.get("READINESS_NM") or shutil.which("nm")
    if not nm:
        pytest.skip("nm not available")
    out = subprocess.run([nm, "-D", "--defined-only", _ffi.lib._name], check=True,
                         capture_output=True, text=True).stdout
    return sorted(line.split()[-1].split("@")[0] for line in out.splitlines() if line.strip())


def test_every_exported_symbol_is_declared_in_ffi():
    exported = exported_symbols()
    assert exported, "no symbols read"
    assert all(name.startswith("rdy_") for name in exported)
    assert sorted(set(exported) - set(_ffi.declared_names())) == []
    assert sorted(set(_ffi.declared_names()) - set(exported)) == []


def test_every_declared_function_has_types():
    for name in _ffi.declared_names():
        f = getattr(_ffi.lib, name)
        assert f.argtypes is not None, name


def test_abi_version_matches_package():
    assert _ffi.lib.rdy_abi_version() == readiness.ABI_VERSION
    assert readiness.__version__.count(".") == 2


def test_handle_types_are_distinct():
    score = _ffi.ScorePtr()
    with pytest.raises(Exception):
        _ffi.lib.rdy_plan_destroy(score)


def test_load_and_score(plan):
    score = plan.score()
    assert isinstance(score.total, Decimal)
    assert score.total == score.totals.total
    assert score.grade
    assert sum(c.score for c in score.categories) == score.totals.base
    assert score.as_of == plan.as_of
    assert isinstance(score.as_of, datetime.date)
    first = score.items[0]
    assert score.item(first.id) == first
    assert first.lost == first.max - first.score
    assert first.status in {"full", "partial", "zero", "blank", "no_evidence"}
    doc = score.to_dict()
    assert doc["format"] == "readiness-score/1"
    assert Decimal(str(doc["total"]["total"])) == score.total


def test_from_json_matches_load(plan, example_path):
    other = readiness.Plan.from_json(example_path.read_text(encoding="utf-8"))
    assert other.score().to_dict() == plan.score().to_dict()
    assert other.title == plan.title
    other.close()


def test_use_after_close_is_a_clear_error(example_path):
    p = readiness.Plan.load(example_path)
    p.close()
    assert p.closed
    with pytest.raises(readiness.ClosedError, match="closed"):
        p.score()
    with pytest.raises(readiness.ClosedError):
        p.title


def test_double_close_and_context_manager(example_path):
    with readiness.Plan.load(example_path) as p:
        p.score()
    assert p.closed
    p.close()
    p.close()
    with pytest.raises(readiness.ClosedError):
        with p:
            pass


def test_results_outlive_the_plan(example_path):
    p = readiness.Plan.load(example_path)
    score = p.score()
    p.close()
    del p
    assert score.to_dict()["format"] == "readiness-score/1"


def test_parse_error_names_the_place():
    with pytest.raises(readiness.ParseError) as e:
        readiness.Plan.from_json('{"format": "readiness/1",\n "title": ')
    assert "line 2" in str(e.value)
    assert e.value.status == 2
    assert isinstance(e.value, readiness.Error)
    assert e.value.function == "rdy_plan_load_json"


def test_validation_error_names_the_json_pointer(example_path):
    doc = json.loads(example_path.read_text(encoding="utf-8"))
    doc["titel"] = "typo"
    with pytest.raises(readiness.ValidationError, match="/titel"):
        readiness.Plan.from_json(json.dumps(doc, ensure_ascii=False))


def test_missing_file_is_an_io_error():
    with pytest.raises(readiness.IoError, match="no/such/plan.json"):
        readiness.Plan.load("no/such/plan.json")


def test_cycle_error(example_path):
    doc = json.loads(example_path.read_text(encoding="utf-8"))
    a, b = doc["tasks"][0], doc["tasks"][1]
    a["after"] = [b["id"]]
    b["after"] = [a["id"]]
    a.pop("parent", None)
    b.pop("parent", None)
    with pytest.raises((readiness.CycleError, readiness.ValidationError)) as e:
        readiness.Plan.from_json(json.dumps(doc, ensure_ascii=False)).schedule()
    assert a["id"] in str(e.value)


def test_every_status_has_its_exception_class():
    from readiness import errors
    for status in range(1, 15):
        e = errors.from_status(status, "m")
        assert type(e) is not readiness.Error and e.status == status
    assert errors.from_status(99, "m").status == 99


def test_threads_score_one_plan_concurrently(plan):
    expected = plan.score().to_dict()
    results, failures = [], []

    def work():
        try:
            for _ in range(10):
                results.append(plan.score().to_dict() == expected)
        except Exception as e:  # pragma: no cover - reported below
            failures.append(e)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not failures
    assert len(results) == 40 and all(results)


def test_schedule_dates_and_options(plan):
    s = plan.schedule()
    assert s.tasks
    t = s.tasks[0]
    assert isinstance(t.es, datetime.date)
    assert s.task(t.id) == t
    assert all(task.light in {"green", "blue", "yellow", "red", "done"} for task in s.tasks)
    assert s.to_dict()["format"] == "readiness-schedule/1"
    later = plan.schedule(as_of=plan.as_of + datetime.timedelta(days=14))
    assert later.as_of == plan.as_of + datetime.timedelta(days=14)
    with pytest.raises(readiness.InvalidArgumentError):
        plan.schedule(tolerance=3)


def test_forecast(plan):
    f = plan.forecast()
    assert f.curve and isinstance(f.curve[0].date, datetime.date)
    assert f.on_day.total >= 0
    assert all(isinstance(r.points, Decimal) for r in f.at_risk)


def test_batch_score_reports_each_record(plan):
    records = [{"id": "a", "items": {}}, "not json", json.dumps({"id": "c", "items": {}})]
    results = readiness.batch_score(plan, records)
    assert [r.index for r in results] == [0, 1, 2]
    assert results[0].ok and results[0].id == "a"
    assert not results[1].ok and results[1].status == readiness.ParseError.status
    assert results[1].error.startswith("line 2")
    assert results[2].to_dict()["score"]["format"] == "readiness-score/1"
    assert results[0].totals.total == Decimal(str(results[0].to_dict()["score"]["total"]["total"]))


def test_batch_score_of_the_plans_own_assessment_matches_score(plan, example_path):
    doc = json.loads(example_path.read_text(encoding="utf-8"))
    record = dict(doc["assessment"], id="self")
    [result] = readiness.batch_score(plan, [record])
    assert result.ok, result.error
    assert result.totals == plan.score().totals


def test_date_conversions():
    assert readiness.date_to_days(datetime.date(1970, 1, 1)) == 0
    assert readiness.date_to_days("2026-10-12") == 20738
    assert readiness.date_from_days(20738) == datetime.date(2026, 10, 12)
    assert readiness.date_from_days(_ffi.NO_VALUE) is None
    with pytest.raises(readiness.ParseError):
        readiness.date_to_days("2026-02-30")
    for days in range(-400, 40000, 373):
        assert readiness.date_to_days(readiness.date_from_days(days)) == days


def test_owned_strings_are_freed_copies(plan):
    text = plan.to_json(indent=0)
    assert json.loads(text)["format"] == "readiness/1"
    assert plan.to_json() != text


def cli_json(*args):
    cli = os.environ.get("READINESS_CLI")
    if not cli or not os.path.exists(cli):
        pytest.skip("the readiness command is not built")
    out = subprocess.run([cli, *args, "--json"], capture_output=True, text=True)
    if out.returncode == 2 and "unknown command" in out.stderr:
        pytest.skip(f"the command line has no '{args[0]}' verb yet")
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_score_identical_to_cli_json(plan, example_path):
    assert plan.score().to_dict() == cli_json("score", str(example_path))


def test_schedule_identical_to_cli_json(plan, example_path):
    assert plan.schedule().to_dict() == cli_json("schedule", str(example_path))


def test_forecast_identical_to_cli_json(plan, example_path):
    f = plan.forecast()
    if f.to_json() is None:
        pytest.skip("the forecast document writer is not part of this build")
    assert f.to_dict() == cli_json("forecast", str(example_path))
