// History timestamps: UTC "YYYY-MM-DDTHH:MM:SS.mmmZ", fixed width, so text order is time order.
#ifndef READINESS_STORE_TIMESTAMP_HPP
#define READINESS_STORE_TIMESTAMP_HPP

#include <optional>
#include <string>
#include <string_view>

#include "readiness/model.hpp"

namespace readiness::store {

std::string now_timestamp();

// Accepts "YYYY-MM-DDTHH:MM:SSZ" or with ".mmm" milliseconds; nullopt when it is not a time.
std::optional<std::string> normalize_timestamp(std::string_view text);

// The first timestamp of a day, "2026-08-01T00:00:00.000Z".
std::string start_of_day(date day);

// Every timestamp of `day` or earlier compares less than this text (the next day's "YYYY-MM-DD").
std::string after_day(date day);

// The UTC day of a timestamp.
date timestamp_day(const std::string& timestamp);

}  // namespace readiness::store

#endif
