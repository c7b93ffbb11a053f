// Text views of a readiness forecast that several verbs print (forecast, gaps, units).
#ifndef READINESS_CLI_FORECAST_TEXT_HPP
#define READINESS_CLI_FORECAST_TEXT_HPP

#include <cstddef>
#include <iosfwd>
#include <string>

#include "readiness/forecast.hpp"

namespace readiness::cli {

std::string points_text(centi v);
const char* light_text(light l);  // 红灯, 黄灯, 蓝灯, 绿灯, 已完成

// The readiness curve: one row per week (the week's last working day) with a bar, then a
// one-line sparkline of every working day.
void print_curve(std::ostream& out, const readiness_forecast& f);
// Uncovered gaps (填空白), shortfalls (补短板), bonus not yet taken (增特色).
void print_gaps(std::ostream& out, const plan& p, const readiness_forecast& f);
// The accountability table, one row per unit.
void print_units(std::ostream& out, const readiness_forecast& f);
// The first `limit` priorities.
void print_priorities(std::ostream& out, const readiness_forecast& f, std::size_t limit);

}  // namespace readiness::cli

#endif
