// The one Catch2 runner every test program links (readiness_catch_main in tests/CMakeLists.txt).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
