// The schedule document, "readiness-schedule/1" (SPEC §10).
#ifndef READINESS_SCHEDULE_IO_HPP
#define READINESS_SCHEDULE_IO_HPP

#include <string>

#include "readiness/schedule.hpp"

namespace readiness::io {

// The document: as_of, ready_by, provisional, finish, tasks (id order) with es, ef, ls, lf,
// total_float, free_float, critical, light, deadline, done, remaining, and driving_path; plus
// day0, levelled, and per task title, lead, summary, milestone, in_progress, provisional,
// finish_index and (levelled) delay. Absent values are null. indent 0 writes one line.
std::string write_schedule_json(const schedule& s, int indent = 2);

}  // namespace readiness::io

#endif
