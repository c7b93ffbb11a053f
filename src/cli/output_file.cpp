#include "cli/output_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <ostream>

#include "readiness/error.hpp"

namespace readiness::cli {

option_spec output_option() {
  return {"-o", true, "write to this file (\"-\": standard output)"};
}
option_spec output_long_option() {
  return {"--output", true, "the same as -o"};
}

std::optional<std::string> output_path(const arguments& args) {
  auto path = args.get("-o");
  if (!path) path = args.get("--output");
  if (!path || *path == "-") return std::nullopt;
  if (path->empty()) throw usage_error{"-o needs a file name"};
  return path;
}

void write_file_atomically(const std::string& path, std::string_view data) {
  std::string temporary = path + ".tmp~";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) throw error(errc::io, path, std::string("cannot write: ") + std::strerror(errno));
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    out.flush();
    if (!out) {
      std::remove(temporary.c_str());
      throw error(errc::io, path, "cannot write (disk full?)");
    }
  }
  std::error_code ec;
  std::filesystem::rename(temporary, path, ec);
  if (ec) {
    std::remove(temporary.c_str());
    throw error(errc::io, path, "cannot write: " + ec.message());
  }
}

void write_output(const arguments& args, context& ctx, std::string_view data) {
  if (auto path = output_path(args))
    write_file_atomically(*path, data);
  else
    ctx.out.write(data.data(), static_cast<std::streamsize>(data.size()));
}

}  // namespace readiness::cli
