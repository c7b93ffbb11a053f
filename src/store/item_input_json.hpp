// An item's assessment input given as JSON text ({"deficiencies": 1}, SPEC §3.1), read by the
// plan reader's own rules, for the command line and other callers that record one input.
#ifndef READINESS_STORE_ITEM_INPUT_JSON_HPP
#define READINESS_STORE_ITEM_INPUT_JSON_HPP

#include <string>
#include <string_view>

#include "readiness/model.hpp"

namespace readiness::store {

// errc::parse for malformed JSON or UTF-8 (with line and column), errc::validation for a value
// of the wrong type or an unknown key, named "item ID input" plus its JSON pointer inside the
// object. Whether the input suits the item's rule is checked when it is recorded.
item_input read_item_input_json(std::string_view text, const std::string& item_id);

}  // namespace readiness::store

#endif
