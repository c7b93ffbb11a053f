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

// The first bytes of a file (fewer when it is shorter), to tell a workbook from a document
// without reading a large workbook into memory.
std::string read_file_header(const std::string& path, std::size_t n) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw error(errc::io, path, std::string("cannot open: ") + std::strerror(errno));
  std::string head(n, '\0');
  in.read(head.data(), static_cast<std::streamsize>(n));
  head.resize(static_cast<std::size_t>(in.gcount()));
  return head;
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
  if (std::filesystem::is_directory(path, ec))
    throw error(errc::io, path, "is a folder, not a file");
  plan p;
  if (is_workbook(read_file_header(path, sqlite_header.size()))) {
    // The workbook's plan as it stands now, read in one snapshot; its size is not limited here.
    p = workbook::open(path, {workbook::access::read_only, 5000}).load();
  } else {
    auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > options.max_bytes)
      throw error(errc::limit, path,
                  "the file is " + std::to_string(size) + " bytes, more than the limit of " +
                      std::to_string(options.max_bytes));
    p = read_plan_json(read_text_file(path), options);
  }
  auto folder = std::filesystem::path(path).parent_path();
  p.origin = folder.empty() ? "." : folder.string();
  return p;
}

}  // namespace readiness::io
