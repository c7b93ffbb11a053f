// The command line's verbs. Each verb file defines one `command` and registers it with a static
// `command_registration`, so adding a verb touches no other file.
#ifndef READINESS_CLI_COMMAND_HPP
#define READINESS_CLI_COMMAND_HPP

#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace readiness::cli {

// Exit statuses shared by every verb.
constexpr int exit_ok = 0;
constexpr int exit_failure = 1;  // invalid input, a failed check, some records bad
constexpr int exit_usage = 2;

struct option_spec {
  std::string name;     // "--json"
  bool takes_value;     // "--as-of DATE"
  std::string meaning;  // one line for --help
};

struct arguments {
  std::vector<std::string> positional;
  std::map<std::string, std::string> options;  // name → value ("" for flags)

  bool has(const std::string& name) const { return options.count(name) != 0; }
  std::optional<std::string> get(const std::string& name) const;
};

struct context {
  std::ostream& out;
  std::ostream& err;
  bool err_is_terminal;
};

struct command {
  std::string name;     // "score", or "db init" for a two-word verb
  std::string usage;    // "PLAN [--json]"
  std::string summary;  // one line
  std::vector<option_spec> options;
  std::size_t min_positional;
  std::size_t max_positional;  // SIZE_MAX for "any number"
  int (*run)(const arguments& args, context& ctx);
};

struct command_registration {
  explicit command_registration(command cmd);
};

const std::vector<command>& all_commands();

// Thrown by a verb for a usage mistake it finds itself (exit status 2).
struct usage_error {
  std::string message;
};

}  // namespace readiness::cli

#endif
