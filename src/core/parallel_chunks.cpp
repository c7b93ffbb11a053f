// Chunked work on worker threads, with progress and cancellation on the calling thread.
#include "core/parallel_chunks.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include "readiness/error.hpp"

namespace readiness::detail {

unsigned thread_count(unsigned requested, std::uint64_t chunks) {
  unsigned n = requested ? requested : std::max(1u, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::max<std::uint64_t>(1, std::min<std::uint64_t>(n, chunks)));
}

void run_chunks(std::uint64_t total, std::uint64_t chunk, unsigned threads,
                const std::function<void(unsigned, std::uint64_t, std::uint64_t)>& work,
                const std::function<bool(std::uint64_t, std::uint64_t)>& progress) {
  std::atomic<std::uint64_t> next{0}, done{0};
  std::atomic<bool> stop{false};
  std::mutex mutex;
  std::condition_variable changed;
  std::exception_ptr failure;
  unsigned running = threads;

  auto worker = [&](unsigned thread) {
    try {
      for (;;) {
        if (stop.load(std::memory_order_relaxed)) break;
        std::uint64_t begin = next.fetch_add(chunk);
        if (begin >= total) break;
        std::uint64_t end = std::min(total, begin + chunk);
        work(thread, begin, end);
        done.fetch_add(end - begin);
        changed.notify_one();
      }
    } catch (...) {
      std::lock_guard<std::mutex> lock(mutex);
      if (!failure) failure = std::current_exception();
      stop = true;
    }
    std::lock_guard<std::mutex> lock(mutex);
    --running;
    changed.notify_one();
  };

  // Joins every started worker however this function is left (a throwing progress callback,
  // a failed thread start): a joinable std::thread destroyed during unwinding would terminate.
  struct joiner {
    std::vector<std::thread> pool;
    std::atomic<bool>& stop;
    ~joiner() {
      stop = true;
      for (auto& t : pool)
        if (t.joinable()) t.join();
    }
  } workers{{}, stop};
  workers.pool.reserve(threads);
  for (unsigned t = 0; t < threads; ++t) workers.pool.emplace_back(worker, t);

  bool cancelled = false;
  {
    std::unique_lock<std::mutex> lock(mutex);
    auto last = std::chrono::steady_clock::now() - std::chrono::seconds(1);
    while (running > 0) {
      changed.wait_for(lock, std::chrono::milliseconds(100));
      auto now = std::chrono::steady_clock::now();
      if (!progress || now - last < std::chrono::milliseconds(100) || stop) continue;
      last = now;
      lock.unlock();
      bool go_on = false;
      try {
        go_on = progress(done.load(), total);
      } catch (...) {
        lock.lock();
        if (!failure) failure = std::current_exception();
        stop = true;
        continue;
      }
      lock.lock();
      if (!go_on) cancelled = stop = true;
    }
  }
  for (auto& t : workers.pool) t.join();
  if (failure) std::rethrow_exception(failure);
  if (!cancelled && progress) progress(done.load(), total);  // finished: too late to cancel
  if (cancelled) throw error(errc::cancelled, "simulation", "cancelled by the progress callback");
}

void run_in_halves(const std::function<void()>& first, const std::function<void()>& second) {
  std::exception_ptr second_failed;
  std::thread other([&] {
    try {
      second();
    } catch (...) {
      second_failed = std::current_exception();
    }
  });
  try {
    first();
  } catch (...) {
    other.join();
    throw;
  }
  other.join();
  if (second_failed) std::rethrow_exception(second_failed);
}

bool split_in_two(unsigned threads, std::uint64_t items, std::uint64_t at_least) {
  return threads != 1 && items >= at_least && std::thread::hardware_concurrency() >= 2;
}

}  // namespace readiness::detail
