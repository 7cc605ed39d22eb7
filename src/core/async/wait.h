// Blocking on an asynchronous call, for the places that may block: start-up and the one-shot
// CLI commands. Never on a request path or an I/O thread (the callback could need that thread).
#pragma once

#include <future>
#include <utility>

#include "core/result.h"

namespace badgesmith::async {

// Calls start(done) and waits until `done` has been called, from any thread; its result.
template <class T, class Start>
Result<T> wait_for(Start start) {
  std::promise<Result<T>> promise;
  std::future<Result<T>> future = promise.get_future();
  start([&promise](Result<T> result) { promise.set_value(std::move(result)); });
  return future.get();
}

}  // namespace badgesmith::async
