/* The README's ten-line C example: load a plan, print its score, or the error naming the place. */
#include <readiness/readiness.h>
#include <stdio.h>

int main(int argc, char** argv) {
  rdy_plan* plan;
  rdy_score* score;
  if (argc != 2 || rdy_plan_load_file(argv[1], &plan) != RDY_OK) {
    fprintf(stderr, "error: %s\n", rdy_last_error_message());
    return 1;
  }
  if (rdy_plan_score(plan, &score) == RDY_OK) {
    printf("score %.2f %s\n", rdy_score_points_double(score, RDY_POINTS_TOTAL),
           rdy_score_grade(score));
    rdy_score_destroy(score);
  }
  rdy_plan_destroy(plan);
  return rdy_last_error_code() == RDY_OK ? 0 : 1;
}
