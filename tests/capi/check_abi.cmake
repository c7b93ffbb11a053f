# Runs abidiff between the committed ABI baseline and the built library. Prints "ABI check
# skipped" (CTest marks the test skipped) when abidiff is not installed. abidiff's status is a bit mask: 1 error, 2 usage, 4 ABI changed,
# 8 incompatible change. Additions (4 alone) are compatible; anything with 1, 2 or 8 fails.
if(NOT ABIDIFF)
  message(STATUS "abidiff not installed (abigail-tools): ABI check skipped")
  return()
endif()
execute_process(COMMAND ${ABIDIFF} --header-file2 ${HEADERS}/readiness.h
                        --header-file2 ${HEADERS}/export.h --drop-private-types
                        --exported-interfaces-only
                        --no-added-syms ${BASELINE} ${LIBRARY}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
if(rc GREATER_EQUAL 8 OR rc EQUAL 1 OR rc EQUAL 2 OR rc EQUAL 3 OR rc EQUAL 5 OR rc EQUAL 6
   OR rc EQUAL 7)
  message(FATAL_ERROR "abidiff: incompatible ABI change or error (status ${rc}); "
                      "see above, or run scripts/update-abi.sh for a deliberate new ABI major")
endif()
message(STATUS "abidiff status ${rc}: compatible")
