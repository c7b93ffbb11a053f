"""Batch scoring and ranking from Python: readiness.batch_score(..., quota=...) and
readiness.batch_rank, against the library and the command line."""

import gc
import json
import os
import pathlib
import subprocess

import pytest

import readiness

# The example plan's assessment, qualified and varied: A (75.60), C and B2 tie (74.60), a bad
# line, D (70.60), V (disqualified by a veto, 75.60), B2 again (72.60). Shared with tests/capi.
RECORDS = (pathlib.Path(__file__).resolve().parents[1] / "capi" / "ranked_records.jsonl") \
    .read_text(encoding="utf-8").splitlines()


def expected_order(results):
    """Indices of the good results in rank order, computed here from their totals."""
    good = [r for r in results if r.ok]
    return [r.index for r in sorted(good, key=lambda r: (not r.totals.qualified,
                                                         -r.totals.total, r.id))]


def test_batch_rank_orders_by_qualified_then_total_then_id(plan):
    results = readiness.batch_score(plan, RECORDS)
    assert not results[5].totals.qualified and results[4].totals.qualified
    ranking = readiness.batch_rank(plan, RECORDS)
    assert [r.index for r in ranking.records] == expected_order(results) == [0, 3, 1, 6, 4, 5]
    assert ranking.records[-1].id == "V"  # vetoed: last although its total is the highest
    assert [r.place for r in ranking.records] == [1, 2, 3, 4, 5, 6]
    assert all(results[r.index].id == r.id and results[r.index].totals == r.totals
               for r in ranking.records)
    assert ranking.inside == 0 and not any(r.inside for r in ranking.records)


@pytest.mark.parametrize("quota, inside", [(2, 2), ("2", 2), ("40%", 2), ("1%", 1), ("0%", 0),
                                           ("100%", 6), (99, 6)])
def test_batch_rank_quota_marks_the_first_records_inside(plan, quota, inside):
    ranking = readiness.batch_rank(plan, RECORDS, quota=quota)
    assert ranking.inside == inside
    assert [r.inside for r in ranking.records] == [k < inside for k in range(6)]
    doc = ranking.to_dict()
    assert doc["format"] == "readiness-ranking/1"
    assert doc["inside"] == inside and doc["count"] == 6
    assert [r["id"] for r in doc["records"]] == [r.id for r in ranking.records]


def test_batch_score_with_a_quota_gives_each_result_its_place(plan):
    results = readiness.batch_score(plan, RECORDS, quota="40%")
    order = expected_order(results)
    for r in results:
        if r.ok:
            assert r.place == order.index(r.index) + 1
            assert r.inside == (r.place <= 2)
        else:
            assert r.place is None and r.inside is None
    unranked = readiness.batch_score(plan, RECORDS)
    assert all(r.place is None and r.inside is None for r in unranked)
    assert [r.place for r in readiness.batch_score(plan, RECORDS, rank=True) if r.ok] == \
        [r.place for r in results if r.ok]


@pytest.mark.parametrize("quota", ["-1", "101%", "1.5", "ten", 1.5, True])
def test_a_bad_quota_is_an_invalid_argument(plan, quota):
    with pytest.raises(readiness.InvalidArgumentError):
        readiness.batch_rank(plan, RECORDS, quota=quota)


def test_batch_documents_are_made_on_first_use_and_outlive_the_call(plan):
    results = readiness.batch_score(plan, RECORDS)
    gc.collect()  # the call's own references are gone; the results keep the batch
    doc = results[4].to_dict()
    assert doc["id"] == "D" and doc["score"]["format"] == "readiness-score/1"
    assert doc["score"]["total"]["total"] == float(results[4].totals.total)
    assert results[4].to_json() == results[4].to_json()
    assert results[2].to_dict() is None and results[2].to_json() is None


def test_batch_rank_identical_to_cli_rank_json(plan, example_path, tmp_path):
    cli = os.environ.get("READINESS_CLI")
    if not cli or not os.path.exists(cli):
        pytest.skip("the readiness command is not built")
    good = [r for r in RECORDS if r.startswith("{")]
    records = tmp_path / "records.jsonl"
    records.write_text("".join(r + "\n" for r in good), encoding="utf-8")
    out = subprocess.run([cli, "rank", str(example_path), str(records), "--quota", "40%",
                          "--json"], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert readiness.batch_rank(plan, good, quota="40%").to_dict() == json.loads(out.stdout)
