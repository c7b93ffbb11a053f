// read_plan_file and read_text_file: from a path to a plan, whatever the file holds.
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "readiness/error.hpp"
#include "readiness/plan_io.hpp"
#include "readiness/workbook.hpp"

namespace readiness::io {
namespace {

constexpr std::string_view sqlite_header("SQLite format 3\0", 16);

bool is_workbook(std::string_view text) {
  return text.substr(0, sqlite_header.size()) == sqlite_header;
}

}  // namespace

std::string read_text_file(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw error(errc::io, path, "is a folder, not a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw error(errc::io, path, std::string("cannot open: ") + std::strerror(errno));
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw error(errc::io, path, "cannot read");
  return text.str();
}

plan read_plan_file(const std::string& path, const read_options& options) {
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > options.max_bytes)
    throw error(errc::limit, path,
                "the file is " + std::to_string(size) + " bytes, more than the limit of " +
                    std::to_string(options.max_bytes));
  std::string text = read_text_file(path);
  if (is_workbook(text))  // the workbook's plan as it stands now, read in one snapshot
    return workbook::open(path, {workbook::access::read_only, 5000}).load();
  plan p = read_plan_json(text, options);
  auto folder = std::filesystem::path(path).parent_path();
  p.origin = folder.empty() ? "." : folder.string();
  return p;
}

}  // namespace readiness::io
