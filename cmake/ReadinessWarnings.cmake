# Warnings and sanitizers are target-private: call readiness_target_options(target).
#
# READINESS_SANITIZE (e.g. address,undefined or thread) instruments the target. With
# READINESS_FUZZ on clang, every target also gets libFuzzer's coverage instrumentation, and
# address,undefined when no sanitizer was chosen, so the fuzzers see into the whole library.
function(readiness_target_options target)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
    if(READINESS_WERROR)
      target_compile_options(${target} PRIVATE -Werror)
    endif()
  endif()
  set(sanitize "${READINESS_SANITIZE}")
  if(READINESS_FUZZ AND CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    if(NOT sanitize)
      set(sanitize "address,undefined")
    endif()
    target_compile_options(${target} PRIVATE -fsanitize=fuzzer-no-link)
  endif()
  if(sanitize)
    target_compile_options(${target} PRIVATE -fsanitize=${sanitize} -fno-omit-frame-pointer
                                             -fno-sanitize-recover=all)
    target_link_options(${target} PRIVATE -fsanitize=${sanitize})
    # GCC's sanitizer instrumentation makes -Wmaybe-uninitialized report false positives inside
    # libstdc++ (<regex>, reached through Catch2); the warning stays on in normal builds.
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
      target_compile_options(${target} PRIVATE -Wno-maybe-uninitialized)
    endif()
    # A sanitized library needs its runtime in every program that links it (a C host, a consumer
    # project in the build tree), or the link fails or the runtime does not come first.
    get_target_property(type ${target} TYPE)
    if(type MATCHES "LIBRARY$")
      target_link_options(${target} INTERFACE $<BUILD_INTERFACE:-fsanitize=${sanitize}>)
    endif()
    # Clang links the sanitizer runtime into programs only: a sanitized shared library leaves its
    # __asan_*/__ubsan_* (and, fuzzing, __sanitizer_cov_*) symbols to the program that loads it. A
    # later -z undefs lifts the library's own -Wl,--no-undefined (src/capi) for such a build.
    if(type STREQUAL "SHARED_LIBRARY" AND CMAKE_CXX_COMPILER_ID MATCHES "Clang")
      target_link_options(${target} PRIVATE LINKER:-z,undefs)
    endif()
  endif()
endfunction()
