// Rules of a plan that hold whatever it was read from (SPEC §2, §3, §5, §9): unique ids, every
// reference resolving, point sums adding up, ranges. Every finding names its JSON pointer.
#ifndef READINESS_VALIDATE_HPP
#define READINESS_VALIDATE_HPP

#include <vector>

#include "readiness/error.hpp"
#include "readiness/model.hpp"

namespace readiness {

// All problems found, in document order (empty when the plan is valid). Warnings are not here.
std::vector<diagnostic> validate(const plan& p);

// Warnings that do not make the plan invalid (e.g. fewer sites in scope than an item's
// min_sample).
std::vector<diagnostic> validation_warnings(const plan& p);

// Throws error(errc::validation, …) when validate() finds anything.
void require_valid(const plan& p);

}  // namespace readiness

#endif
