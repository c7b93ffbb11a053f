// The error for a batch record over limits::max_record_bytes, shared by the record readers.
#ifndef READINESS_IO_RECORD_LIMIT_HPP
#define READINESS_IO_RECORD_LIMIT_HPP

#include <cstdint>
#include <string>

#include "readiness/error.hpp"

namespace readiness::io {

// errc::limit at `place` ("records.jsonl:7"): the record is `bytes` bytes, more than the limit.
error record_too_long(std::uint64_t bytes, const std::string& place);

}  // namespace readiness::io

#endif
