// A fresh folder under the system temporary folder, removed with everything in it at the end.
#ifndef READINESS_TESTS_SUPPORT_TEMP_FOLDER_HPP
#define READINESS_TESTS_SUPPORT_TEMP_FOLDER_HPP

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <string>

namespace test_support {

class temp_folder {
 public:
  explicit temp_folder(const std::string& tag) {
    static std::atomic<int> counter{0};
    path_ =
        std::filesystem::temp_directory_path() /
        ("readiness-" + tag + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~temp_folder() {
    std::error_code ec;
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::add, ec);
    std::filesystem::remove_all(path_, ec);
  }
  temp_folder(const temp_folder&) = delete;
  temp_folder& operator=(const temp_folder&) = delete;

  std::string file(const std::string& name) const { return (path_ / name).string(); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace test_support

#endif
