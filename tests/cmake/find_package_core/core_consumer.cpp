// Scores a plan through the C++ core: `core_consumer PLAN` prints "score 70.72 合格".
#include <iostream>

#include "readiness/decimal.hpp"
#include "readiness/plan_io.hpp"
#include "readiness/scoring.hpp"

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  readiness::score_result r = readiness::score_plan(readiness::io::read_plan_file(argv[1]));
  std::cout << "score " << readiness::format_centi(r.total.total) << ' ' << r.total.grade << '\n';
  return 0;
}
