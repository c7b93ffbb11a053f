// The report people look at: one self-contained HTML file (inline CSS and SVG, no scripts, no
// external assets) with the headline numbers, the readiness curve against the target, a Gantt
// chart on the working-day calendar, category bars, shortfalls, uncovered gaps and the unit table.
#ifndef READINESS_REPORT_HTML_REPORT_HPP
#define READINESS_REPORT_HTML_REPORT_HPP

#include <string>
#include <string_view>

#include "readiness/calendar.hpp"
#include "readiness/forecast.hpp"
#include "readiness/model.hpp"
#include "readiness/schedule.hpp"

namespace readiness::report {

// `calendar` is the plan calendar the schedule used (days off are shaded in the Gantt chart).
std::string render_html_report(const plan& p, const schedule& s, const readiness_forecast& f,
                               const working_calendar& calendar);

// Text for HTML element content and attribute values: & < > " ' escaped.
std::string html_escape(std::string_view text);

}  // namespace readiness::report

#endif
