// Counting a plan's parts against include/readiness/limits.hpp.
#ifndef READINESS_IO_PLAN_LIMITS_HPP
#define READINESS_IO_PLAN_LIMITS_HPP

#include "readiness/model.hpp"

namespace readiness::io {

// Throws errc::limit naming the section ("/tasks") when a plan has more tasks, links, items,
// units, sites, evidence entries or effects than limits.hpp allows.
void check_plan_limits(const plan& p);

}  // namespace readiness::io

#endif
