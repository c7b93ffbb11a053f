// The forecast and risk documents, "readiness-forecast/1" and "readiness-risk/1" (SPEC §10), the
// ranking document, and the plan-level entry points that load a plan's calendars first.
#ifndef READINESS_FORECAST_IO_HPP
#define READINESS_FORECAST_IO_HPP

#include <string>

#include "readiness/forecast.hpp"
#include "readiness/rank.hpp"
#include "readiness/schedule.hpp"
#include "readiness/simulate.hpp"

namespace readiness::io {

// {"format", "as_of", "ready_by", "arrives", "target", "provisional", "now", "on_day",
//  "reaches_target", "curve": [{"date", "total", "qualified", "grade"}],
//  "at_risk": [{"task", "item", "veto", "points", "unit", "finish", "deadline", "on_day"}]
//  (task id, then item id), "points_at_risk", "points_missing",
//  "uncovered": [{"id", "lost", "owner"}] (id order), "shortfalls": [{"id", "lost"}] (lost
//  descending, then id), "bonus_opportunities": [{"id", "gain"}],
//  "units": [{"id", "name", "tasks", "done", "red", "yellow", "blue", "green", "late",
//  "points_at_risk", "items_owned", "points_lost"}] (id order),
//  "priorities": [{"task", "title", "lead", "light", "critical", "own", "downstream", "secured",
//  "remaining", "latest_start", "finish", "reason"}] (rank order)}.
std::string write_forecast_json(const readiness_forecast& f, int indent = 2);

// {"format", "iterations", "seed", "as_of", "ready_by", "target", "provisional",
//  "finish": {"p50", "p80", "p95"}, "score": {"mean", "p10", "p50", "p90", "p_target",
//  "p_qualified"}, "tasks": [{"id", "summary", "uncertain", "deadline", "p_on_time", "p50",
//  "p80", "p95", "criticality", "sensitivity"}] (id order)}. Shares and correlations are
// rounded to four decimals. The thread count is not written: the document is the same whatever it
// was.
std::string write_risk_json(const risk_result& r, int indent = 2);

// {"format": "readiness-ranking/1", "count", "quota": "10%" | 5 | null, "inside",
//  "records": [{"place", "id", "inside", "total": <score total object>}] (rank order)}.
std::string write_ranking_json(const ranking& r, int indent = 2);

// Loads the plan's calendars, builds its task graph, schedule and compiled rubric, then runs the
// core (forecast / simulate).
readiness_forecast forecast_plan(const plan& p, const schedule_options& options = {});
risk_result simulate_plan(const plan& p, const simulation_options& options = {});

}  // namespace readiness::io

#endif
