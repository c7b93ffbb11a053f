// Named baselines: the schedule as planned (each task's start and finish) saved at a moment, so
// later lights (yellow: behind the baseline's expected progress) compare against it.
#ifndef READINESS_STORE_BASELINE_HPP
#define READINESS_STORE_BASELINE_HPP

#include <SQLiteCpp/Database.h>

#include <optional>
#include <string>

#include "readiness/model.hpp"

namespace readiness::store {

// Fills every task's `baseline` from the chosen saved baseline (only those saved before
// `before`): `name` nullopt picks the latest and keeps the document's own dates when none is
// saved; "" keeps the document's own dates. errc::not_found for an unknown name.
void apply_baseline(SQLite::Database& db, const std::optional<std::string>& before,
                    const std::optional<std::string>& name, plan& p, const std::string& where);

}  // namespace readiness::store

#endif
