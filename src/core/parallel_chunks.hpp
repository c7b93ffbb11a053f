// Runs numbered work in chunks on worker threads: each chunk goes to whichever thread is free,
// results go wherever the work writes them (by index), so the outcome never depends on the
// number of threads. Private to the core.
#ifndef READINESS_CORE_PARALLEL_CHUNKS_HPP
#define READINESS_CORE_PARALLEL_CHUNKS_HPP

#include <cstdint>
#include <functional>

namespace readiness::detail {

// The threads to use: `requested`, or every core when 0; never more than the chunks.
unsigned thread_count(unsigned requested, std::uint64_t chunks);

// Calls work(thread, begin, end) for consecutive ranges of [0, total) of at most `chunk` items,
// on `threads` threads (thread is 0 … threads − 1). `progress(done, total)` is called on the
// calling thread now and then and once at the end; when it returns false the remaining chunks are
// skipped and this throws error(errc::cancelled). An exception thrown by `work` stops the rest
// and is rethrown here.
void run_chunks(std::uint64_t total, std::uint64_t chunk, unsigned threads,
                const std::function<void(unsigned, std::uint64_t, std::uint64_t)>& work,
                const std::function<bool(std::uint64_t, std::uint64_t)>& progress);

// Two halves of one job at once: `second` on a new thread while `first` runs on the calling one.
// Returns when both are done; an exception from either is rethrown here (the first half's first).
void run_in_halves(const std::function<void()>& first, const std::function<void()>& second);

// Whether a job of `items` should split in two: not when asked for one thread, nor when smaller
// than `at_least`, nor on a machine with one core.
bool split_in_two(unsigned threads, std::uint64_t items, std::uint64_t at_least);

}  // namespace readiness::detail

#endif
