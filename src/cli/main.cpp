// Entry point: finds the verb, parses its options, runs it, turns errors into exit statuses.
#include <unistd.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <iostream>
#include <new>

#include "cli/command.hpp"
#include "readiness/error.hpp"
#include "readiness/version.h"

namespace readiness::cli {
namespace {

std::vector<command>& registry() {
  static std::vector<command> commands;
  return commands;
}

void print_help(std::ostream& out) {
  out << "readiness " RDY_VERSION_STRING
         " — how ready an office is for an evaluation visit\n\n"
         "Usage: readiness COMMAND [ARGS] [OPTIONS]\n\nCommands:\n";
  std::size_t width = 0;
  for (const auto& c : all_commands()) width = std::max(width, c.name.size());
  for (const auto& c : all_commands())
    out << "  " << c.name << std::string(width - c.name.size() + 2, ' ') << c.summary << '\n';
  out << "\nRun 'readiness COMMAND --help' for a command's options.\n"
         "Exit status: 0 success, 1 invalid input or failed check, 2 usage error.\n";
}

void print_command_help(const command& c, std::ostream& out) {
  out << "Usage: readiness " << c.name << ' ' << c.usage << "\n\n" << c.summary << "\n";
  if (!c.options.empty()) out << "\nOptions:\n";
  std::size_t width = 0;
  for (const auto& o : c.options) width = std::max(width, o.name.size() + (o.takes_value ? 6 : 0));
  for (const auto& o : c.options) {
    std::string left = o.name + (o.takes_value ? " VALUE" : "");
    out << "  " << left << std::string(width - left.size() + 2, ' ') << o.meaning << '\n';
  }
}

// Finds the longest registered name matching the first words of argv.
const command* find_command(const std::vector<std::string>& words, std::size_t& used) {
  const command* best = nullptr;
  for (const auto& c : all_commands()) {
    std::string joined;
    for (std::size_t n = 0; n < words.size() && n < 3; ++n) {
      joined += (n ? " " : "") + words[n];
      if (joined == c.name && (!best || c.name.size() > best->name.size())) {
        best = &c;
        used = n + 1;
      }
    }
  }
  return best;
}

int parse(const command& c, const std::vector<std::string>& words, arguments& args,
          std::ostream& err) {
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (w.size() > 1 && w[0] == '-' && w != "-") {
      std::string name = w, value;
      bool inline_value = false;
      if (auto eq = w.find('='); eq != std::string::npos) {
        name = w.substr(0, eq);
        value = w.substr(eq + 1);
        inline_value = true;
      }
      auto spec = std::find_if(c.options.begin(), c.options.end(),
                               [&](const option_spec& o) { return o.name == name; });
      if (spec == c.options.end()) {
        err << "readiness " << c.name << ": unknown option '" << name << "'\n";
        return exit_usage;
      }
      if (spec->takes_value && !inline_value) {
        if (i + 1 >= words.size()) {
          err << "readiness " << c.name << ": option '" << name << "' needs a value\n";
          return exit_usage;
        }
        value = words[++i];
      } else if (!spec->takes_value && inline_value) {
        err << "readiness " << c.name << ": option '" << name << "' takes no value\n";
        return exit_usage;
      }
      args.options[name] = value;
    } else {
      args.positional.push_back(w);
    }
  }
  if (args.positional.size() < c.min_positional || args.positional.size() > c.max_positional) {
    err << "readiness " << c.name << ": expected " << c.usage << "\n";
    return exit_usage;
  }
  return exit_ok;
}

}  // namespace

std::optional<std::string> arguments::get(const std::string& name) const {
  auto it = options.find(name);
  if (it == options.end()) return std::nullopt;
  return it->second;
}

command_registration::command_registration(command cmd) {
  cmd.options.push_back({"--help", false, "show this help"});
  registry().push_back(std::move(cmd));
}

const std::vector<command>& all_commands() {
  auto& r = registry();
  std::sort(r.begin(), r.end(), [](const command& a, const command& b) { return a.name < b.name; });
  return r;
}

}  // namespace readiness::cli

int main(int argc, char** argv) {
  using namespace readiness::cli;
  std::vector<std::string> words(argv + 1, argv + argc);
  if (words.empty() || words[0] == "--help" || words[0] == "-h" || words[0] == "help") {
    print_help(words.empty() ? std::cerr : std::cout);
    return words.empty() ? exit_usage : exit_ok;
  }
  if (words[0] == "--version" || words[0] == "-V") {
    std::cout << "readiness " RDY_VERSION_STRING " (C ABI " << RDY_ABI_VERSION << ")\n";
    return exit_ok;
  }
  std::size_t used = 0;
  const command* cmd = find_command(words, used);
  if (!cmd) {
    std::cerr << "readiness: unknown command '" << words[0] << "' (see readiness --help)\n";
    return exit_usage;
  }
  words.erase(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(used));
  if (std::find(words.begin(), words.end(), "--help") != words.end()) {
    print_command_help(*cmd, std::cout);
    return exit_ok;
  }
  arguments args;
  if (int rc = parse(*cmd, words, args, std::cerr); rc != exit_ok) return rc;
  context ctx{std::cout, std::cerr, isatty(STDERR_FILENO) != 0};
  try {
    return cmd->run(args, ctx);
  } catch (const usage_error& e) {
    std::cerr << "readiness " << cmd->name << ": " << e.message << "\n";
    return exit_usage;
  } catch (const readiness::error& e) {
    std::cerr << "readiness " << cmd->name << ": " << readiness::errc_name(e.code()) << ":\n";
    for (const auto& d : e.diagnostics())
      std::cerr << "  " << (d.where.empty() ? "" : d.where + ": ") << d.message << "\n";
    return exit_failure;
  } catch (const std::bad_alloc&) {
    std::cerr << "readiness " << cmd->name << ": out of memory\n";
    return exit_failure;
  } catch (const std::exception& e) {
    std::cerr << "readiness " << cmd->name << ": " << e.what() << "\n";
    return exit_failure;
  }
}
