#include "cli/db_common.hpp"

#include <cstdlib>

namespace readiness::cli {

option_spec author_option() {
  return {"--author", true, "who records the change (default: $USER)"};
}

write_options author_of(const arguments& args) {
  write_options w;
  if (auto a = args.get("--author"); a && !a->empty()) {
    w.author = *a;
  } else if (const char* user = std::getenv("USER"); user && *user) {
    w.author = user;
  } else {
    w.author = "unknown";
  }
  return w;
}

}  // namespace readiness::cli
