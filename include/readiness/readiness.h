/*
 * readiness.h — the stable C ABI of libreadiness (C99; also compiles as C++).
 *
 * This header is the library's only ABI promise. Within one ABI major version (rdy_abi_version(),
 * the shared library's SOVERSION) nothing declared here is removed or changed; new behaviour is a
 * new function. Status codes are append-only and never renumbered.
 *
 * CONVENTIONS
 *
 * Status. Every fallible function returns int: RDY_OK (0) or a positive RDY_ERR_* code. On
 * failure no out-parameter is written, and the calling thread's last error holds the code and a
 * message that names the place (a JSON pointer, a task or item id, a line). Fallible functions
 * clear the last error on entry, so after RDY_OK it reads RDY_OK and "".
 *
 * Accessors (functions that return a value rather than a status: counts, numbers, borrowed
 * strings) never fail loudly and never touch the last error: given NULL or an out-of-range index
 * they return the documented neutral value (0, NULL, RDY_NO_VALUE or -1). Destroy functions and
 * rdy_free accept NULL, return void and never touch the last error either.
 *
 * Arguments. A NULL handle, a NULL out-parameter, NULL text with a non-zero length, an unknown
 * enum value or a number out of range gives RDY_ERR_INVALID_ARGUMENT, never a crash. Input
 * strings are UTF-8, borrowed for the duration of the call only.
 *
 * Destroyed handles. Using a handle after its destroy function is a bug in the host (undefined
 * behaviour). Where it is detectable the library refuses it instead: each handle carries a magic
 * number of its type, set when it is made and cleared when it is destroyed, so a handle of the
 * wrong type, or a destroyed one whose memory still holds the cleared number, gives
 * RDY_ERR_INVALID_ARGUMENT (accessors: their neutral value; destroy functions: nothing). Freed
 * memory may be reused at any time, so this catches common mistakes, not all of them.
 *
 * Ownership. Each rdy_X handle made by a function here is owned by the caller and released with
 * its rdy_X_destroy. Results (score, schedule, forecast, risk, batch, ranking) are
 * self-contained: they stay valid after the plan, options or batch that made them are destroyed,
 * so garbage-collected hosts may free in any order. Strings are either
 *   - borrowed (const char*): valid until the handle they came from is destroyed; never free them;
 *   - owned (char** out): allocated by the library, released only with rdy_free.
 *
 * Numbers. Points are exact: int64_t hundredths ("centi", 12.25 points is 1225), with double
 * helpers for display. Dates are int32_t days since 1970-01-01 (2026-10-12 is 20738); see
 * rdy_date_from_iso / rdy_date_to_iso. A value that is absent (no target, the float of a done
 * task, a date that does not apply) reads as RDY_NO_VALUE. No public structs, no bool (0/1 int).
 *
 * JSON. Every result is also available as its document of SPEC §10 (readiness-score/1,
 * readiness-schedule/1, readiness-forecast/1, readiness-risk/1, readiness-ranking/1), written by
 * the same writer and with the same indentation as the command line's --json output, as one owned
 * UTF-8 string.
 *
 * THREAD SAFETY. The library keeps no global mutable state except each thread's last error, and
 * needs no initialisation call. Different handles may be used from different threads at the same
 * time. One handle may be used from several threads at once only through read-only calls: every
 * function taking a const handle (rdy_plan_score, rdy_plan_schedule, rdy_plan_forecast,
 * rdy_plan_simulate, rdy_batch_*, rdy_ranking_*, all accessors and *_to_json) is read-only.
 * Setters and destroy functions need exclusive use of their handle. Callbacks are never called
 * concurrently for one call; a progress callback may run on a worker thread.
 */
#ifndef READINESS_READINESS_H
#define READINESS_READINESS_H

#include <stddef.h>
#include <stdint.h>

#include "readiness/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ============================================================================================ */
/* Status codes (equal to readiness::errc in C++)                                                */

#define RDY_OK 0
#define RDY_ERR_INVALID_ARGUMENT 1 /* a NULL, an out-of-range index or value, a bad option     */
#define RDY_ERR_PARSE 2            /* malformed JSON, JSON Lines, date text or UTF-8            */
#define RDY_ERR_VALIDATION 3       /* a well-formed plan that breaks a rule of the document    */
#define RDY_ERR_CYCLE 4            /* a cycle through task links or parents                    */
#define RDY_ERR_NOT_FOUND 5        /* an id or a file that does not exist                      */
#define RDY_ERR_IO 6               /* a file could not be read or written                      */
#define RDY_ERR_STORE 7            /* the workbook refused an operation                        */
#define RDY_ERR_VERSION 8          /* a document or workbook from a newer version              */
#define RDY_ERR_LIMIT 9            /* an input beyond a documented maximum                     */
#define RDY_ERR_CANCELLED 10       /* a callback returned non-zero                             */
#define RDY_ERR_OUT_OF_MEMORY 11   /* an allocation failed                                     */
#define RDY_ERR_INTERNAL 12        /* a bug, or a feature not part of this build               */
#define RDY_ERR_BUSY 13            /* the workbook is locked by another writer                 */
#define RDY_ERR_READ_ONLY 14       /* the workbook cannot be written                           */

/* An absent number or date (no target, the float of a done task, …). */
#define RDY_NO_VALUE (-2147483647 - 1)

/* ============================================================================================ */
/* Versions                                                                                      */

/* The library's version, "MAJOR.MINOR.PATCH". Static text. */
RDY_API const char* rdy_version_string(void);
/* MAJOR * 10000 + MINOR * 100 + PATCH. */
RDY_API int rdy_version_number(void);
/* The ABI major version: the shared library's SOVERSION. A host built against RDY_ABI_VERSION
 * (version.h) should check that this returns the same number. */
RDY_API int rdy_abi_version(void);

/* ============================================================================================ */
/* Errors and memory                                                                             */

/* Short static text for a status code ("validation error"); "unknown status" for others.
 * Never NULL. */
RDY_API const char* rdy_status_string(int status);

/* The status of the calling thread's last fallible call (RDY_OK after a success). */
RDY_API int rdy_last_error_code(void);

/* The message of the calling thread's last failure, one problem per line, each
 * "place: reason" ("/tasks/3/after/0: unknown task \"T-99\""); "" after a success. Never NULL.
 * Valid until the next fallible call on the same thread. */
RDY_API const char* rdy_last_error_message(void);

/* Releases a string (or any buffer) that this library returned as owned. NULL is ignored. */
RDY_API void rdy_free(void* memory);

/* ============================================================================================ */
/* Dates                                                                                         */

/* Parses "YYYY-MM-DD" (exactly, years 1400…9999) into days since 1970-01-01.
 * text must be NUL-terminated. RDY_ERR_PARSE for text that is not such a date (2026-02-30). */
RDY_API int rdy_date_from_iso(const char* text, int32_t* out_days);

/* Writes days as "YYYY-MM-DD" and a NUL into buf (size bytes), and the needed size including the
 * NUL (11) into *out_needed when out_needed is not NULL. Two-call size query: with buf NULL and
 * size 0 only *out_needed is written and RDY_OK returned. RDY_ERR_LIMIT when size is too small
 * (nothing written); RDY_ERR_INVALID_ARGUMENT when days is outside years 1400…9999. */
RDY_API int rdy_date_to_iso(int32_t days, char* buf, size_t size, size_t* out_needed);

/* ============================================================================================ */
/* Plan                                                                                          */

/* A parsed, validated plan (SPEC §2). Immutable: every call taking it is read-only. */
typedef struct rdy_plan rdy_plan;

/* Reads a `readiness/1` JSON document from len bytes of text (need not be NUL-terminated).
 * RDY_ERR_PARSE (malformed JSON/UTF-8), RDY_ERR_VALIDATION (rules of the document; the message
 * lists every problem by JSON pointer), RDY_ERR_LIMIT (too large or too deep). Relative calendar
 * files are looked up from the current directory. */
RDY_API int rdy_plan_load_json(const char* text, size_t len, rdy_plan** out);

/* Reads a plan from a file: a JSON document or a workbook (recognised by its content).
 * RDY_ERR_IO when it cannot be read, then the errors of rdy_plan_load_json; for a workbook also
 * RDY_ERR_STORE, RDY_ERR_VERSION, RDY_ERR_BUSY. */
RDY_API int rdy_plan_load_file(const char* path, rdy_plan** out);

RDY_API void rdy_plan_destroy(rdy_plan* plan);

/* The plan's title. Borrowed: valid until the plan is destroyed. NULL for a NULL plan. */
RDY_API const char* rdy_plan_title(const rdy_plan* plan);

/* The status date (assessment.as_of), RDY_NO_VALUE when the plan has none. */
RDY_API int32_t rdy_plan_as_of(const rdy_plan* plan);

/* The canonical plan document (keys in a fixed order, one line when indent is 0). Owned:
 * release *out_json with rdy_free. out_len (may be NULL) receives the length without the NUL. */
RDY_API int rdy_plan_to_json(const rdy_plan* plan, int indent, char** out_json, size_t* out_len);

/* ============================================================================================ */
/* Score (SPEC §3): the score today, item by item                                                */

typedef struct rdy_score rdy_score;

/* Point fields of a score (rdy_score_points, rdy_forecast_points). */
#define RDY_POINTS_TOTAL 0
#define RDY_POINTS_BASE 1
#define RDY_POINTS_BONUS 2
#define RDY_POINTS_PENALTY 3 /* zero or negative */
#define RDY_POINTS_MAX 4
#define RDY_POINTS_TARGET 5 /* RDY_NO_VALUE when the plan sets no target */
#define RDY_POINTS_GAP 6    /* RDY_NO_VALUE when the plan sets no target */

/* Item statuses (rdy_score_item_status). */
#define RDY_ITEM_FULL 0
#define RDY_ITEM_PARTIAL 1
#define RDY_ITEM_ZERO 2
#define RDY_ITEM_BLANK 3
#define RDY_ITEM_NO_EVIDENCE 4

/* Scores the plan's assessment against its rubric. Result owned by the caller
 * (rdy_score_destroy), valid after the plan is destroyed. */
RDY_API int rdy_plan_score(const rdy_plan* plan, rdy_score** out);
RDY_API void rdy_score_destroy(rdy_score* score);

/* The score document (readiness-score/1). Owned: rdy_free. out_len may be NULL. */
RDY_API int rdy_score_to_json(const rdy_score* score, char** out_json, size_t* out_len);

/* A point field (RDY_POINTS_*) in hundredths. RDY_NO_VALUE for NULL, an unknown field, or an
 * absent target/gap. */
RDY_API int64_t rdy_score_points(const rdy_score* score, int field);
/* The same in points (12.25); NaN where rdy_score_points gives RDY_NO_VALUE. */
RDY_API double rdy_score_points_double(const rdy_score* score, int field);

/* The grade label ("优秀"). Borrowed until the score is destroyed; NULL for NULL. */
RDY_API const char* rdy_score_grade(const rdy_score* score);
/* 1 when qualified, 0 when a veto or gate disqualifies; -1 for NULL. */
RDY_API int rdy_score_qualified(const rdy_score* score);
/* The assessment's date, RDY_NO_VALUE when absent. */
RDY_API int32_t rdy_score_as_of(const rdy_score* score);

/* Categories in rubric order. Out of range: NULL / RDY_NO_VALUE. */
RDY_API size_t rdy_score_category_count(const rdy_score* score);
RDY_API const char* rdy_score_category_id(const rdy_score* score, size_t index);
RDY_API int64_t rdy_score_category_points(const rdy_score* score, size_t index);
RDY_API int64_t rdy_score_category_max(const rdy_score* score, size_t index);

/* Items in the order of the document's "items" list (categories, then bonus, then penalty).
 * Out of range: NULL / RDY_NO_VALUE / -1. Strings borrowed until the score is destroyed. */
RDY_API size_t rdy_score_item_count(const rdy_score* score);
RDY_API const char* rdy_score_item_id(const rdy_score* score, size_t index);
/* The category id, or "bonus" / "penalty". */
RDY_API const char* rdy_score_item_category(const rdy_score* score, size_t index);
RDY_API int64_t rdy_score_item_points(const rdy_score* score, size_t index);
RDY_API int64_t rdy_score_item_max(const rdy_score* score, size_t index);
RDY_API int64_t rdy_score_item_lost(const rdy_score* score, size_t index);
/* RDY_ITEM_*, or -1. */
RDY_API int rdy_score_item_status(const rdy_score* score, size_t index);
/* The rule kind ("check", "conditions", …). */
RDY_API const char* rdy_score_item_rule(const rdy_score* score, size_t index);
/* A short human reason ("2 deficiencies × 0.5"), "" when none. */
RDY_API const char* rdy_score_item_reason(const rdy_score* score, size_t index);

/* Finds an item by id. RDY_ERR_NOT_FOUND (naming the id) when the rubric has no such item. */
RDY_API int rdy_score_find_item(const rdy_score* score, const char* item_id, size_t* out_index);

/* ============================================================================================ */
/* Schedule (SPEC §4, §5): the working-day schedule, floats and lights                           */

typedef struct rdy_schedule_options rdy_schedule_options;
typedef struct rdy_schedule rdy_schedule;

/* Date fields of a scheduled task (rdy_schedule_task_date). */
#define RDY_TASK_ES 0
#define RDY_TASK_EF 1
#define RDY_TASK_LS 2
#define RDY_TASK_LF 3
#define RDY_TASK_DEADLINE 4

/* Lights (SPEC §5.5). */
#define RDY_LIGHT_GREEN 0
#define RDY_LIGHT_BLUE 1
#define RDY_LIGHT_YELLOW 2
#define RDY_LIGHT_RED 3
#define RDY_LIGHT_DONE 4

/* Options with the defaults of the command line: the plan's status date, no levelling,
 * warn_days 3, tolerance 0.10. */
RDY_API int rdy_schedule_options_create(rdy_schedule_options** out);
RDY_API void rdy_schedule_options_destroy(rdy_schedule_options* options);
/* The status date (days since 1970-01-01) instead of the plan's as_of; RDY_NO_VALUE resets. */
RDY_API int rdy_schedule_options_set_status_date(rdy_schedule_options* options, int32_t days);
/* Unit capacity levelling (SPEC §5.6): 1 on, 0 off. */
RDY_API int rdy_schedule_options_set_levelling(rdy_schedule_options* options, int enabled);
/* Working days before a deadline that make a task blue; 0 … 366. */
RDY_API int rdy_schedule_options_set_warn_days(rdy_schedule_options* options, int32_t days);
/* Progress shortfall that makes a task yellow; 0 … 1. */
RDY_API int rdy_schedule_options_set_tolerance(rdy_schedule_options* options, double tolerance);

/* Schedules the plan. options may be NULL (defaults). RDY_ERR_CYCLE names the tasks on the
 * cycle in order. Result owned by the caller, valid after plan and options are destroyed. */
RDY_API int rdy_plan_schedule(const rdy_plan* plan, const rdy_schedule_options* options,
                              rdy_schedule** out);
RDY_API void rdy_schedule_destroy(rdy_schedule* schedule);

/* The schedule document (readiness-schedule/1). Owned: rdy_free. out_len may be NULL. */
RDY_API int rdy_schedule_to_json(const rdy_schedule* schedule, char** out_json, size_t* out_len);

RDY_API int32_t rdy_schedule_as_of(const rdy_schedule* schedule);
RDY_API int32_t rdy_schedule_ready_by(const rdy_schedule* schedule);
/* The plan's finish: the latest finish of any task. */
RDY_API int32_t rdy_schedule_finish(const rdy_schedule* schedule);
/* 1 when a date used lies in a year without holiday data; 0 otherwise; -1 for NULL. */
RDY_API int rdy_schedule_provisional(const rdy_schedule* schedule);

/* Tasks in id order. Out of range: NULL / RDY_NO_VALUE / -1. */
RDY_API size_t rdy_schedule_task_count(const rdy_schedule* schedule);
RDY_API const char* rdy_schedule_task_id(const rdy_schedule* schedule, size_t index);
RDY_API int rdy_schedule_find_task(const rdy_schedule* schedule, const char* task_id,
                                   size_t* out_index);
/* A date field (RDY_TASK_*) in days; RDY_NO_VALUE when it does not apply. */
RDY_API int32_t rdy_schedule_task_date(const rdy_schedule* schedule, size_t index, int field);
/* The same as "YYYY-MM-DD"; borrowed until the schedule is destroyed; NULL when absent. */
RDY_API const char* rdy_schedule_task_date_iso(const rdy_schedule* schedule, size_t index,
                                               int field);
/* Floats in working days; RDY_NO_VALUE for a done task. */
RDY_API int32_t rdy_schedule_task_total_float(const rdy_schedule* schedule, size_t index);
RDY_API int32_t rdy_schedule_task_free_float(const rdy_schedule* schedule, size_t index);
/* Remaining working days. */
RDY_API int32_t rdy_schedule_task_remaining(const rdy_schedule* schedule, size_t index);
/* 0/1 flags; -1 out of range. */
RDY_API int rdy_schedule_task_critical(const rdy_schedule* schedule, size_t index);
RDY_API int rdy_schedule_task_done(const rdy_schedule* schedule, size_t index);
RDY_API int rdy_schedule_task_summary(const rdy_schedule* schedule, size_t index);
/* RDY_LIGHT_*, or -1. */
RDY_API int rdy_schedule_task_light(const rdy_schedule* schedule, size_t index);
/* "green", "blue", "yellow", "red", "done"; static text; NULL for other values. */
RDY_API const char* rdy_light_string(int light);

/* The driving path: task ids in order. */
RDY_API size_t rdy_schedule_driving_path_count(const rdy_schedule* schedule);
RDY_API const char* rdy_schedule_driving_path_task(const rdy_schedule* schedule, size_t index);

/* ============================================================================================ */
/* Forecast (SPEC §6): the score on the day the team arrives                                      */

typedef struct rdy_forecast rdy_forecast;

#define RDY_FORECAST_NOW 0    /* the score on the status date                  */
#define RDY_FORECAST_ON_DAY 1 /* the readiness score: projected at ready_by     */

/* Schedules the plan (options may be NULL) and projects its score. Result owned by the caller,
 * valid after plan and options are destroyed. */
RDY_API int rdy_plan_forecast(const rdy_plan* plan, const rdy_schedule_options* options,
                              rdy_forecast** out);
RDY_API void rdy_forecast_destroy(rdy_forecast* forecast);

/* The forecast document (readiness-forecast/1). Owned: rdy_free. out_len may be NULL. */
RDY_API int rdy_forecast_to_json(const rdy_forecast* forecast, char** out_json, size_t* out_len);

RDY_API int32_t rdy_forecast_ready_by(const rdy_forecast* forecast);
/* A point field (RDY_POINTS_*) of the score now or on the day (RDY_FORECAST_*). */
RDY_API int64_t rdy_forecast_points(const rdy_forecast* forecast, int when, int field);
RDY_API const char* rdy_forecast_grade(const rdy_forecast* forecast, int when);
RDY_API int rdy_forecast_qualified(const rdy_forecast* forecast, int when);

/* The readiness curve: one point per working day from the status date to arrival. */
RDY_API size_t rdy_forecast_curve_count(const rdy_forecast* forecast);
RDY_API int32_t rdy_forecast_curve_date(const rdy_forecast* forecast, size_t index);
RDY_API int64_t rdy_forecast_curve_points(const rdy_forecast* forecast, size_t index);

/* Points at risk: one entry per (late task, item). */
RDY_API size_t rdy_forecast_at_risk_count(const rdy_forecast* forecast);
RDY_API const char* rdy_forecast_at_risk_task(const rdy_forecast* forecast, size_t index);
RDY_API const char* rdy_forecast_at_risk_item(const rdy_forecast* forecast, size_t index);
RDY_API const char* rdy_forecast_at_risk_unit(const rdy_forecast* forecast, size_t index);
RDY_API int64_t rdy_forecast_at_risk_points(const rdy_forecast* forecast, size_t index);

/* Uncovered gaps: items losing points on the day that no task touches. */
RDY_API size_t rdy_forecast_uncovered_count(const rdy_forecast* forecast);
RDY_API const char* rdy_forecast_uncovered_item(const rdy_forecast* forecast, size_t index);
RDY_API int64_t rdy_forecast_uncovered_lost(const rdy_forecast* forecast, size_t index);

/* ============================================================================================ */
/* Risk (SPEC §7): Monte Carlo over uncertain durations                                          */

typedef struct rdy_risk_options rdy_risk_options;
typedef struct rdy_risk rdy_risk;

/* Progress: done of total iterations. Return 0 to go on, non-zero to cancel (the call then
 * returns RDY_ERR_CANCELLED and no result). Never called concurrently within one call; may run
 * on a worker thread. */
typedef int (*rdy_progress_fn)(uint64_t done, uint64_t total, void* user_data);

/* Score statistics (rdy_risk_score). */
#define RDY_RISK_MEAN 0
#define RDY_RISK_P10 1
#define RDY_RISK_P50 2
#define RDY_RISK_P90 3
#define RDY_RISK_P_TARGET 4 /* probability of reaching the target, 0 … 1; NaN without one */

/* Defaults: the plan's simulation settings, else 10 000 iterations, seed 1, one thread per core,
 * no progress callback, the plan's status date. */
RDY_API int rdy_risk_options_create(rdy_risk_options** out);
RDY_API void rdy_risk_options_destroy(rdy_risk_options* options);
/* 1 … 10 000 000. */
RDY_API int rdy_risk_options_set_iterations(rdy_risk_options* options, uint64_t iterations);
RDY_API int rdy_risk_options_set_seed(rdy_risk_options* options, uint64_t seed);
/* 0 = one per core; otherwise 1 … 256. Results do not depend on it. */
RDY_API int rdy_risk_options_set_threads(rdy_risk_options* options, int threads);
/* callback may be NULL (none). user_data is passed back unchanged. */
RDY_API int rdy_risk_options_set_progress(rdy_risk_options* options, rdy_progress_fn callback,
                                          void* user_data);
RDY_API int rdy_risk_options_set_status_date(rdy_risk_options* options, int32_t days);

/* Runs the simulation. options may be NULL. Result owned by the caller, valid after plan and
 * options are destroyed. */
RDY_API int rdy_plan_simulate(const rdy_plan* plan, const rdy_risk_options* options,
                              rdy_risk** out);
RDY_API void rdy_risk_destroy(rdy_risk* risk);

/* The risk document (readiness-risk/1). Owned: rdy_free. out_len may be NULL. */
RDY_API int rdy_risk_to_json(const rdy_risk* risk, char** out_json, size_t* out_len);

RDY_API uint64_t rdy_risk_iterations(const rdy_risk* risk);
RDY_API uint64_t rdy_risk_seed(const rdy_risk* risk);
/* The plan's finish at percentile 50, 80 or 95, in days; RDY_NO_VALUE otherwise. */
RDY_API int32_t rdy_risk_finish(const rdy_risk* risk, int percentile);
/* A score statistic (RDY_RISK_*) in points; NaN for unknown fields. */
RDY_API double rdy_risk_score(const rdy_risk* risk, int field);

/* Tasks in id order. */
RDY_API size_t rdy_risk_task_count(const rdy_risk* risk);
RDY_API const char* rdy_risk_task_id(const rdy_risk* risk, size_t index);
RDY_API double rdy_risk_task_p_on_time(const rdy_risk* risk, size_t index);
/* Finish at percentile 50, 80 or 95, in days. */
RDY_API int32_t rdy_risk_task_finish(const rdy_risk* risk, size_t index, int percentile);
RDY_API double rdy_risk_task_criticality(const rdy_risk* risk, size_t index);
RDY_API double rdy_risk_task_sensitivity(const rdy_risk* risk, size_t index);

/* ============================================================================================ */
/* Batch (SPEC §6): many assessments against one rubric                                          */

/* Records are JSON Lines: one object per line, an assessment ("as_of", "items", "vetoes",
 * "sites") plus its own "id", optionally "evidence" and "sites" lists. Blank lines are skipped.
 * The rubric (and units, sites, evidence defaults) come from a plan; its other parts are
 * ignored. Each record's result is {"id": …, "score": <readiness-score/1 document>}. */

typedef struct rdy_batch rdy_batch;

/* Called once per record, in input order (index counts records from 0). On success status is
 * RDY_OK, result_json the record's result (len bytes, NUL-terminated) and error "". On a bad
 * record status is its RDY_ERR_* code, result_json NULL, len 0 and error "line N: reason". Both
 * strings are borrowed for the duration of the call. Return 0 to go on, non-zero to stop (the
 * batch call then returns RDY_ERR_CANCELLED). */
typedef int (*rdy_record_fn)(uint64_t index, const char* result_json, size_t len, int status,
                             const char* error, void* user_data);

/* Scores every record of len bytes of JSON Lines, streaming, through the library's batch
 * pipeline (the one behind `readiness batch`): memory stays flat whatever the input size.
 * threads (0 = one per core) read and score the records and make their result documents; the
 * callback runs on the calling thread, once per record, in input order. Returns RDY_OK when every
 * record was handed to the callback (bad records included: they are data, reported per record),
 * RDY_ERR_CANCELLED when the callback stopped it. */
RDY_API int rdy_batch_score_jsonl(const rdy_plan* rubric_plan, const char* text, size_t len,
                                  int threads, rdy_record_fn callback, void* user_data);

/* Scores every record and keeps the results in a batch handle (owned: rdy_batch_destroy): the
 * totals, and each good record's line, from which its document is made when asked for. */
RDY_API int rdy_batch_run_jsonl(const rdy_plan* rubric_plan, const char* text, size_t len,
                                int threads, rdy_batch** out);
RDY_API void rdy_batch_destroy(rdy_batch* batch);

/* All results as JSON Lines, one line per record in input order: the result of a good record,
 * {"line": N, "status": code, "error": "…"} for a bad one. Owned: rdy_free. */
RDY_API int rdy_batch_to_jsonl(const rdy_batch* batch, char** out_text, size_t* out_len);

/* Records in input order. Out of range: NULL / RDY_NO_VALUE / -1. Strings borrowed until the
 * batch is destroyed. */
RDY_API size_t rdy_batch_count(const rdy_batch* batch);
RDY_API size_t rdy_batch_failed_count(const rdy_batch* batch);
/* The record's id; NULL for a record that could not be read. */
RDY_API const char* rdy_batch_record_id(const rdy_batch* batch, size_t index);
RDY_API int rdy_batch_record_status(const rdy_batch* batch, size_t index);
/* "" for a good record. */
RDY_API const char* rdy_batch_record_error(const rdy_batch* batch, size_t index);
/* The record's result document. It is made on the first call for the record (the batch keeps
 * the record's line for it) and is then the same text until the batch is destroyed; NULL for a
 * bad record, and if memory runs out making it. */
RDY_API const char* rdy_batch_record_json(const rdy_batch* batch, size_t index);
RDY_API int64_t rdy_batch_record_points(const rdy_batch* batch, size_t index, int field);
RDY_API const char* rdy_batch_record_grade(const rdy_batch* batch, size_t index);
RDY_API int rdy_batch_record_qualified(const rdy_batch* batch, size_t index);

/* ============================================================================================ */
/* Ranking (SPEC §6): a batch's good records in rank order, with a quota                         */

/* The ranking of a batch, as `readiness rank` makes it: qualified records first, then total
 * (descending), then id; places 1, 2, 3, … in that order (records that tie keep their id order
 * and distinct places). Bad records are left out. */
typedef struct rdy_ranking rdy_ranking;

/* Ranks the good records of a batch. quota (NUL-terminated; NULL or "" for none) is a count
 * ("5": the first five are inside) or a share ("10%", "12.5%": floor(share x n) of the n ranked
 * records, but at least 1 when n > 0 and the share is above 0); it never exceeds n.
 * RDY_ERR_INVALID_ARGUMENT, naming the text, for any other quota (negative, over 100%, not a
 * number, a fractional count). Result owned by the caller (rdy_ranking_destroy), valid after the
 * batch is destroyed. */
RDY_API int rdy_batch_rank(const rdy_batch* batch, const char* quota, rdy_ranking** out);
RDY_API void rdy_ranking_destroy(rdy_ranking* ranking);

/* The ranking document (readiness-ranking/1, as `readiness rank --json` writes it): "count",
 * "quota" ("10%", 5 or null), "inside", and "records" in rank order, each {"place", "id",
 * "inside", "total"}. Owned: rdy_free. out_len may be NULL. */
RDY_API int rdy_ranking_to_json(const rdy_ranking* ranking, char** out_json, size_t* out_len);

/* The number of ranked (good) records, and how many of them are inside the quota (0 without
 * one). 0 for NULL. */
RDY_API size_t rdy_ranking_count(const rdy_ranking* ranking);
RDY_API size_t rdy_ranking_inside_count(const rdy_ranking* ranking);

/* Ranked records by rank position (0 = first place). Out of range: NULL / RDY_NO_VALUE / -1 /
 * SIZE_MAX. Strings borrowed until the ranking is destroyed. */
/* The record's index in the batch (rdy_batch_record_*); SIZE_MAX out of range. */
RDY_API size_t rdy_ranking_record_index(const rdy_ranking* ranking, size_t position);
RDY_API const char* rdy_ranking_record_id(const rdy_ranking* ranking, size_t position);
/* The place, 1-based (position + 1). */
RDY_API int64_t rdy_ranking_record_place(const rdy_ranking* ranking, size_t position);
/* 1 inside the quota, 0 outside (and for every record without a quota). */
RDY_API int rdy_ranking_record_inside(const rdy_ranking* ranking, size_t position);
RDY_API int64_t rdy_ranking_record_points(const rdy_ranking* ranking, size_t position, int field);

/* The same by batch record index: the place of record `index` of the batch, RDY_NO_VALUE for a
 * bad record or an index out of range; whether it is inside the quota, -1 likewise. */
RDY_API int64_t rdy_ranking_place_of(const rdy_ranking* ranking, size_t index);
RDY_API int rdy_ranking_inside_of(const rdy_ranking* ranking, size_t index);

#ifdef __cplusplus
}
#endif

#endif
