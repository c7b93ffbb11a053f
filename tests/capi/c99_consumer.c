/* A pure C99 host using the whole C ABI on one plan, built with -std=c99 -pedantic -Werror.
 * Usage: c99_consumer PLAN.json  — exits 0 when every check passed, and prints
 * "N passed, M failed" as its last line. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "readiness/readiness.h"

static int passed = 0;
static int failed = 0;

#define CHECK(cond)                                                                         \
  do {                                                                                      \
    if (cond) {                                                                             \
      ++passed;                                                                             \
    } else {                                                                                \
      ++failed;                                                                             \
      fprintf(stderr, "%s:%d: failed: %s (last error %d: %s)\n", __FILE__, __LINE__, #cond, \
              rdy_last_error_code(), rdy_last_error_message());                             \
    }                                                                                       \
  } while (0)

/* An engine this build does not have yet answers RDY_ERR_INTERNAL saying so. */
static int available(int status, const char* what) {
  if (status == RDY_ERR_INTERNAL && strstr(rdy_last_error_message(), "not part of this build")) {
    printf("note: %s not in this build: %s\n", what, rdy_last_error_message());
    return 0;
  }
  CHECK(status == RDY_OK);
  return status == RDY_OK;
}

static char* read_file(const char* path, size_t* len) {
  FILE* f = fopen(path, "rb");
  char* text;
  long size;
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  size = ftell(f);
  fseek(f, 0, SEEK_SET);
  text = (char*)malloc((size_t)size + 1);
  if (text && fread(text, 1, (size_t)size, f) != (size_t)size) {
    free(text);
    text = NULL;
  }
  fclose(f);
  if (text) {
    text[size] = '\0';
    *len = (size_t)size;
  }
  return text;
}

static void check_json(char* json, size_t len, const char* format) {
  CHECK(json != NULL);
  if (!json) return;
  CHECK(strlen(json) == len);
  CHECK(json[0] == '{');
  CHECK(strstr(json, format) != NULL);
  rdy_free(json);
}

static void test_versions_errors_dates(void) {
  int32_t days = 0;
  char buf[11];
  size_t needed = 0;
  CHECK(rdy_abi_version() == 1);
  CHECK(rdy_version_number() > 0);
  CHECK(strchr(rdy_version_string(), '.') != NULL);
  CHECK(strcmp(rdy_status_string(RDY_OK), "ok") == 0);
  CHECK(strcmp(rdy_status_string(RDY_ERR_VALIDATION), "validation error") == 0);
  CHECK(strcmp(rdy_status_string(999), "unknown status") == 0);

  CHECK(rdy_date_from_iso("2026-10-12", &days) == RDY_OK);
  CHECK(days == 20738);
  CHECK(rdy_last_error_code() == RDY_OK && rdy_last_error_message()[0] == '\0');
  CHECK(rdy_date_from_iso("2026-02-30", &days) == RDY_ERR_PARSE);
  CHECK(rdy_last_error_code() == RDY_ERR_PARSE);
  CHECK(strstr(rdy_last_error_message(), "2026-02-30") != NULL);
  CHECK(rdy_date_from_iso(NULL, &days) == RDY_ERR_INVALID_ARGUMENT);
  CHECK(rdy_date_to_iso(20738, NULL, 0, &needed) == RDY_OK && needed == 11);
  CHECK(rdy_date_to_iso(20738, buf, sizeof buf, NULL) == RDY_OK);
  CHECK(strcmp(buf, "2026-10-12") == 0);
  CHECK(rdy_date_to_iso(20738, buf, 5, NULL) == RDY_ERR_LIMIT);
  CHECK(rdy_date_to_iso(RDY_NO_VALUE, buf, sizeof buf, NULL) == RDY_ERR_INVALID_ARGUMENT);
  rdy_free(NULL);
}

static void test_broken_plan(void) {
  static const char broken[] = "{\"format\": \"readiness/1\", \"title\": 3";
  static const char unknown_key[] = "{\"format\": \"readiness/1\", \"titel\": \"x\"}";
  rdy_plan* plan = NULL;
  CHECK(rdy_plan_load_json(broken, sizeof broken - 1, &plan) == RDY_ERR_PARSE);
  CHECK(plan == NULL);
  CHECK(rdy_last_error_message()[0] != '\0');
  CHECK(rdy_plan_load_json(unknown_key, sizeof unknown_key - 1, &plan) == RDY_ERR_VALIDATION);
  CHECK(strstr(rdy_last_error_message(), "/titel") != NULL);
  CHECK(rdy_plan_load_file("no/such/plan.json", &plan) == RDY_ERR_IO);
  CHECK(rdy_plan_load_json(NULL, 3, &plan) == RDY_ERR_INVALID_ARGUMENT);
  CHECK(rdy_plan_load_json(broken, sizeof broken - 1, NULL) == RDY_ERR_INVALID_ARGUMENT);
  rdy_plan_destroy(NULL);
}

static rdy_score* test_score(const rdy_plan* plan) {
  rdy_score* score = NULL;
  char* json = NULL;
  size_t len = 0, i, found = 0;
  int64_t sum = 0;
  if (!available(rdy_plan_score(plan, &score), "scoring")) return NULL;
  CHECK(rdy_score_points(score, RDY_POINTS_TOTAL) >= 0);
  CHECK(rdy_score_points(score, RDY_POINTS_MAX) >= rdy_score_points(score, RDY_POINTS_BASE));
  CHECK(fabs(rdy_score_points_double(score, RDY_POINTS_TOTAL) * 100.0 -
             (double)rdy_score_points(score, RDY_POINTS_TOTAL)) < 0.5);
  CHECK(rdy_score_points(score, 99) == RDY_NO_VALUE);
  CHECK(rdy_score_grade(score) != NULL);
  CHECK(rdy_score_qualified(score) == 0 || rdy_score_qualified(score) == 1);
  CHECK(rdy_score_as_of(score) == rdy_plan_as_of(plan));
  CHECK(rdy_score_category_count(score) > 0);
  for (i = 0; i < rdy_score_category_count(score); ++i) {
    CHECK(rdy_score_category_id(score, i) != NULL);
    CHECK(rdy_score_category_points(score, i) <= rdy_score_category_max(score, i));
    sum += rdy_score_category_points(score, i);
  }
  CHECK(sum == rdy_score_points(score, RDY_POINTS_BASE));
  CHECK(rdy_score_item_count(score) > 0);
  for (i = 0; i < rdy_score_item_count(score); ++i) {
    CHECK(rdy_score_item_id(score, i) != NULL);
    CHECK(rdy_score_item_category(score, i) != NULL);
    CHECK(rdy_score_item_status(score, i) >= RDY_ITEM_FULL &&
          rdy_score_item_status(score, i) <= RDY_ITEM_NO_EVIDENCE);
    CHECK(rdy_score_item_lost(score, i) ==
          rdy_score_item_max(score, i) - rdy_score_item_points(score, i));
    CHECK(rdy_score_item_rule(score, i) != NULL && rdy_score_item_reason(score, i) != NULL);
  }
  CHECK(rdy_score_item_id(score, rdy_score_item_count(score)) == NULL);
  CHECK(rdy_score_find_item(score, rdy_score_item_id(score, 0), &found) == RDY_OK && found == 0);
  CHECK(rdy_score_find_item(score, "no-such-item", &found) == RDY_ERR_NOT_FOUND);
  CHECK(strstr(rdy_last_error_message(), "no-such-item") != NULL);
  if (available(rdy_score_to_json(score, &json, &len), "score document"))
    check_json(json, len, "readiness-score/1");
  return score;
}

static void test_schedule(const rdy_plan* plan) {
  rdy_schedule_options* options = NULL;
  rdy_schedule* schedule = NULL;
  char* json = NULL;
  size_t len = 0, i, found = 0;
  CHECK(rdy_schedule_options_create(&options) == RDY_OK);
  CHECK(rdy_schedule_options_set_status_date(options, rdy_plan_as_of(plan)) == RDY_OK);
  CHECK(rdy_schedule_options_set_levelling(options, 0) == RDY_OK);
  CHECK(rdy_schedule_options_set_warn_days(options, 5) == RDY_OK);
  CHECK(rdy_schedule_options_set_tolerance(options, 0.2) == RDY_OK);
  CHECK(rdy_schedule_options_set_tolerance(options, 2.0) == RDY_ERR_INVALID_ARGUMENT);
  CHECK(rdy_schedule_options_set_levelling(options, 7) == RDY_ERR_INVALID_ARGUMENT);
  if (available(rdy_plan_schedule(plan, options, &schedule), "schedule")) {
    CHECK(rdy_schedule_task_count(schedule) > 0);
    CHECK(rdy_schedule_finish(schedule) != RDY_NO_VALUE);
    CHECK(rdy_schedule_ready_by(schedule) != RDY_NO_VALUE);
    CHECK(rdy_schedule_as_of(schedule) != RDY_NO_VALUE);
    CHECK(rdy_schedule_provisional(schedule) == 0 || rdy_schedule_provisional(schedule) == 1);
    for (i = 0; i < rdy_schedule_task_count(schedule); ++i) {
      int light = rdy_schedule_task_light(schedule, i);
      const char* es = rdy_schedule_task_date_iso(schedule, i, RDY_TASK_ES);
      char buf[11];
      CHECK(rdy_schedule_task_id(schedule, i) != NULL);
      CHECK(light >= RDY_LIGHT_GREEN && light <= RDY_LIGHT_DONE);
      CHECK(rdy_light_string(light) != NULL);
      CHECK(es != NULL);
      CHECK(rdy_date_to_iso(rdy_schedule_task_date(schedule, i, RDY_TASK_ES), buf, sizeof buf,
                            NULL) == RDY_OK);
      CHECK(es && strcmp(es, buf) == 0);
      CHECK(rdy_schedule_task_done(schedule, i) == (light == RDY_LIGHT_DONE));
      if (rdy_schedule_task_done(schedule, i))
        CHECK(rdy_schedule_task_total_float(schedule, i) == RDY_NO_VALUE);
      else if (!rdy_schedule_task_summary(schedule, i))
        CHECK(rdy_schedule_task_critical(schedule, i) ==
              (rdy_schedule_task_total_float(schedule, i) <= 0));
      (void)rdy_schedule_task_free_float(schedule, i);
      (void)rdy_schedule_task_remaining(schedule, i);
    }
    CHECK(rdy_schedule_find_task(schedule, rdy_schedule_task_id(schedule, 0), &found) == RDY_OK);
    CHECK(rdy_schedule_find_task(schedule, "T-none", &found) == RDY_ERR_NOT_FOUND);
    for (i = 0; i < rdy_schedule_driving_path_count(schedule); ++i)
      CHECK(rdy_schedule_driving_path_task(schedule, i) != NULL);
    CHECK(rdy_schedule_to_json(schedule, &json, &len) == RDY_OK);
    check_json(json, len, "readiness-schedule/1");
  }
  rdy_schedule_destroy(schedule);
  rdy_schedule_options_destroy(options);
}

static void test_forecast(const rdy_plan* plan) {
  rdy_forecast* forecast = NULL;
  char* json = NULL;
  size_t len = 0, i;
  if (available(rdy_plan_forecast(plan, NULL, &forecast), "forecast")) {
    CHECK(rdy_forecast_ready_by(forecast) != RDY_NO_VALUE);
    CHECK(rdy_forecast_points(forecast, RDY_FORECAST_ON_DAY, RDY_POINTS_TOTAL) >= 0);
    CHECK(rdy_forecast_points(forecast, RDY_FORECAST_NOW, RDY_POINTS_TOTAL) >= 0);
    CHECK(rdy_forecast_grade(forecast, RDY_FORECAST_ON_DAY) != NULL);
    CHECK(rdy_forecast_qualified(forecast, RDY_FORECAST_NOW) >= 0);
    CHECK(rdy_forecast_points(forecast, 5, RDY_POINTS_TOTAL) == RDY_NO_VALUE);
    CHECK(rdy_forecast_curve_count(forecast) > 0);
    for (i = 0; i < rdy_forecast_curve_count(forecast); ++i) {
      CHECK(rdy_forecast_curve_date(forecast, i) != RDY_NO_VALUE);
      CHECK(rdy_forecast_curve_points(forecast, i) >= 0);
    }
    for (i = 0; i < rdy_forecast_at_risk_count(forecast); ++i) {
      CHECK(rdy_forecast_at_risk_task(forecast, i) != NULL);
      CHECK(rdy_forecast_at_risk_item(forecast, i) != NULL);
      CHECK(rdy_forecast_at_risk_unit(forecast, i) != NULL);
      CHECK(rdy_forecast_at_risk_points(forecast, i) >= 0);
    }
    for (i = 0; i < rdy_forecast_uncovered_count(forecast); ++i) {
      CHECK(rdy_forecast_uncovered_item(forecast, i) != NULL);
      CHECK(rdy_forecast_uncovered_lost(forecast, i) > 0);
    }
    if (available(rdy_forecast_to_json(forecast, &json, &len), "forecast document"))
      check_json(json, len, "readiness-forecast/1");
  }
  rdy_forecast_destroy(forecast);
}

static int count_progress(uint64_t done, uint64_t total, void* user_data) {
  CHECK(done <= total);
  ++*(int*)user_data;
  return 0;
}

static int cancel_progress(uint64_t done, uint64_t total, void* user_data) {
  (void)done;
  (void)total;
  (void)user_data;
  return 1;
}

static void test_risk(const rdy_plan* plan) {
  rdy_risk_options* options = NULL;
  rdy_risk* risk = NULL;
  char* json = NULL;
  size_t len = 0, i;
  int calls = 0;
  CHECK(rdy_risk_options_create(&options) == RDY_OK);
  CHECK(rdy_risk_options_set_iterations(options, 500) == RDY_OK);
  CHECK(rdy_risk_options_set_iterations(options, 0) == RDY_ERR_INVALID_ARGUMENT);
  CHECK(rdy_risk_options_set_seed(options, 42) == RDY_OK);
  CHECK(rdy_risk_options_set_threads(options, 2) == RDY_OK);
  CHECK(rdy_risk_options_set_threads(options, -1) == RDY_ERR_INVALID_ARGUMENT);
  CHECK(rdy_risk_options_set_status_date(options, RDY_NO_VALUE) == RDY_OK);
  CHECK(rdy_risk_options_set_progress(options, count_progress, &calls) == RDY_OK);
  if (available(rdy_plan_simulate(plan, options, &risk), "Monte Carlo")) {
    CHECK(calls > 0);
    CHECK(rdy_risk_iterations(risk) == 500);
    CHECK(rdy_risk_seed(risk) == 42);
    CHECK(rdy_risk_finish(risk, 50) <= rdy_risk_finish(risk, 95));
    CHECK(rdy_risk_finish(risk, 51) == RDY_NO_VALUE);
    CHECK(rdy_risk_score(risk, RDY_RISK_P10) <= rdy_risk_score(risk, RDY_RISK_P90));
    CHECK(rdy_risk_score(risk, RDY_RISK_P_TARGET) >= 0.0 &&
          rdy_risk_score(risk, RDY_RISK_P_TARGET) <= 1.0);
    CHECK(rdy_risk_task_count(risk) > 0);
    for (i = 0; i < rdy_risk_task_count(risk); ++i) {
      CHECK(rdy_risk_task_id(risk, i) != NULL);
      CHECK(rdy_risk_task_p_on_time(risk, i) >= 0.0 && rdy_risk_task_p_on_time(risk, i) <= 1.0);
      CHECK(rdy_risk_task_finish(risk, i, 50) <= rdy_risk_task_finish(risk, i, 80));
      CHECK(rdy_risk_task_criticality(risk, i) >= 0.0);
      CHECK(rdy_risk_task_sensitivity(risk, i) >= -1.0);
    }
    CHECK(rdy_risk_to_json(risk, &json, &len) == RDY_OK);
    check_json(json, len, "readiness-risk/1");
    CHECK(rdy_risk_options_set_progress(options, cancel_progress, NULL) == RDY_OK);
    rdy_risk_destroy(risk);
    risk = NULL;
    CHECK(rdy_plan_simulate(plan, options, &risk) == RDY_ERR_CANCELLED);
    CHECK(risk == NULL);
  }
  rdy_risk_destroy(risk);
  rdy_risk_options_destroy(options);
}

struct tally {
  int good, bad;
};

static int on_record(uint64_t index, const char* json, size_t len, int status, const char* error,
                     void* user_data) {
  struct tally* t = (struct tally*)user_data;
  (void)index;
  if (status == RDY_OK) {
    CHECK(json != NULL && strlen(json) == len && error[0] == '\0');
    ++t->good;
  } else {
    CHECK(json == NULL && strstr(error, "line ") == error);
    ++t->bad;
  }
  return 0;
}

static void test_ranking(const rdy_batch* batch) {
  rdy_ranking* ranking = NULL;
  char* json = NULL;
  size_t len = 0, k;
  CHECK(rdy_batch_rank(batch, "50%", &ranking) == RDY_OK);
  CHECK(rdy_ranking_count(ranking) == 2);
  CHECK(rdy_ranking_inside_count(ranking) == 1);
  for (k = 0; k < rdy_ranking_count(ranking); ++k) {
    size_t index = rdy_ranking_record_index(ranking, k);
    CHECK(rdy_ranking_record_place(ranking, k) == (int64_t)k + 1);
    CHECK(rdy_ranking_record_inside(ranking, k) == (k == 0));
    CHECK(rdy_ranking_place_of(ranking, index) == (int64_t)k + 1);
    CHECK(rdy_ranking_inside_of(ranking, index) == (k == 0));
    CHECK(strcmp(rdy_ranking_record_id(ranking, k), rdy_batch_record_id(batch, index)) == 0);
    CHECK(rdy_ranking_record_points(ranking, k, RDY_POINTS_TOTAL) ==
          rdy_batch_record_points(batch, index, RDY_POINTS_TOTAL));
  }
  CHECK(rdy_ranking_place_of(ranking, 1) == RDY_NO_VALUE); /* the bad record */
  CHECK(rdy_ranking_to_json(ranking, &json, &len) == RDY_OK);
  check_json(json, len, "readiness-ranking/1");
  rdy_ranking_destroy(ranking);
  CHECK(rdy_batch_rank(batch, "half", &ranking) == RDY_ERR_INVALID_ARGUMENT);
}

static void test_batch(const rdy_plan* plan) {
  static const char records[] =
      "{\"id\": \"A\", \"as_of\": \"2026-07-30\", \"items\": {}}\n"
      "\n"
      "{\"id\": \"B\", \"items\": \n"
      "{\"id\": \"C\", \"items\": {}}\n";
  struct tally t = {0, 0};
  rdy_batch* batch = NULL;
  char* text = NULL;
  size_t len = 0;
  if (!available(rdy_batch_score_jsonl(plan, records, sizeof records - 1, 2, on_record, &t),
                 "batch"))
    return;
  CHECK(t.good == 2 && t.bad == 1);
  CHECK(rdy_batch_run_jsonl(plan, records, sizeof records - 1, 0, &batch) == RDY_OK);
  CHECK(rdy_batch_count(batch) == 3);
  CHECK(rdy_batch_failed_count(batch) == 1);
  CHECK(rdy_batch_record_id(batch, 0) && strcmp(rdy_batch_record_id(batch, 0), "A") == 0);
  CHECK(rdy_batch_record_status(batch, 1) == RDY_ERR_PARSE);
  CHECK(strstr(rdy_batch_record_error(batch, 1), "line 3") != NULL);
  CHECK(rdy_batch_record_json(batch, 1) == NULL);
  CHECK(rdy_batch_record_json(batch, 2) != NULL);
  CHECK(rdy_batch_record_points(batch, 0, RDY_POINTS_TOTAL) >= 0);
  CHECK(rdy_batch_record_grade(batch, 0) != NULL);
  CHECK(rdy_batch_record_qualified(batch, 0) >= 0);
  CHECK(rdy_batch_to_jsonl(batch, &text, &len) == RDY_OK);
  CHECK(text && strlen(text) == len);
  rdy_free(text);
  test_ranking(batch);
  rdy_batch_destroy(batch);
}

int main(int argc, char** argv) {
  rdy_plan* plan = NULL;
  rdy_score* score;
  char* text;
  char* json = NULL;
  size_t len = 0;
  if (argc != 2) {
    fprintf(stderr, "usage: %s PLAN.json\n", argv[0]);
    return 2;
  }
  test_versions_errors_dates();
  test_broken_plan();

  text = read_file(argv[1], &len);
  CHECK(text != NULL);
  if (!text) return 1;
  CHECK(rdy_plan_load_json(text, len, &plan) == RDY_OK);
  free(text);
  if (!plan) return 1;
  CHECK(strlen(rdy_plan_title(plan)) > 0);
  CHECK(rdy_plan_as_of(plan) != RDY_NO_VALUE);
  CHECK(rdy_plan_to_json(plan, 0, &json, &len) == RDY_OK);
  check_json(json, len, "readiness/1");

  score = test_score(plan);
  test_schedule(plan);
  test_forecast(plan);
  test_risk(plan);
  test_batch(plan);
  rdy_plan_destroy(plan);
  /* Results are self-contained: still readable after the plan is gone. */
  if (score) CHECK(rdy_score_item_id(score, 0) != NULL && rdy_score_grade(score) != NULL);
  rdy_score_destroy(score);

  CHECK(rdy_plan_load_file(argv[1], &plan) == RDY_OK);
  rdy_plan_destroy(plan);

  printf("%d passed, %d failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}
