// Parts of the score document that other documents embed (the forecast's "now" and "on_day").
#ifndef READINESS_IO_SCORE_JSON_HPP
#define READINESS_IO_SCORE_JSON_HPP

#include "io/json_writer.hpp"
#include "readiness/scoring.hpp"

namespace readiness::io {

// The score total object: {"base", "bonus", "penalty", "total", "max", "grade", "qualified",
// "vetoes_triggered", "gates_failed", "target", "gap"}; target, gap and an empty grade as null.
void write_score_total(json_writer& w, const score_total& total);

}  // namespace readiness::io

#endif
