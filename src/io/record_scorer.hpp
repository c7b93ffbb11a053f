// Batch records of the common form scored without building the model (SPEC §6): the line is
// parsed into a reused buffer and each item's input is read straight into a slot by item index,
// then scored. A record it does not take on — a parse error, a value of the wrong type, a key it
// does not read (a record's own evidence or sites, "x-" members), anything the full reader would
// report — is left to the full reader (parse_assessment_record), which gives the exact result or
// the located error. So the fast path can only agree with the full one; a test checks it does.
#ifndef READINESS_IO_RECORD_SCORER_HPP
#define READINESS_IO_RECORD_SCORER_HPP

#include <boost/json/parser.hpp>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/json_walker.hpp"
#include "readiness/model.hpp"
#include "readiness/scoring.hpp"

namespace readiness::io {

class record_scorer {
 public:
  // `rubric` must outlive the scorer. One scorer per thread.
  explicit record_scorer(const compiled_rubric& rubric);

  // The record's id and totals; false when the full reader must take the record.
  bool score(std::string_view line, const std::vector<evidence_entry>& evidence,
             std::optional<centi> target, std::string& id, score_total& total);

 private:
  bool read_record(const boost::json::object& o, std::string& id);
  bool read_items(const boost::json::value& v);
  bool read_input(const boost::json::object& o, item_input& in, std::vector<std::string>& spare);
  bool read_flags(const boost::json::value& v, id_map<bool>& out);
  void clear();

  const compiled_rubric& rubric_;
  boost::json::parser parser_;
  std::size_t buffer_size_;
  std::unique_ptr<unsigned char[]> buffer_;      // the parsed value lives here (monotonic)
  std::vector<item_input> slots_;                // by item index; the last one for unknown items
  std::vector<std::vector<std::string>> spare_;  // per slot: a condition list's last buffer
  std::vector<const item_input*> inputs_;        // by item index; null: blank
  std::vector<std::uint32_t> touched_;
  assessment rest_;  // vetoes and site checks (items stay empty)
  detail::diagnostics_sink sink_;
  detail::reading reading_;
};

}  // namespace readiness::io

#endif
