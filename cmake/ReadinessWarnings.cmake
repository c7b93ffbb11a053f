# Warnings and sanitizers are target-private: call readiness_target_options(target).
function(readiness_target_options target)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
    if(READINESS_WERROR)
      target_compile_options(${target} PRIVATE -Werror)
    endif()
  endif()
  if(READINESS_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=${READINESS_SANITIZE} -fno-omit-frame-pointer
                                             -fno-sanitize-recover=all)
    target_link_options(${target} PRIVATE -fsanitize=${READINESS_SANITIZE})
  endif()
endfunction()
