// An Asio event loop on a thread of its own, for the upstream client: outgoing requests (nuget.org,
// GitHub, AWS) run there, so their connection pools, rate gates and timers live on one loop and
// no request thread ever waits on an upstream. Handlers on the server's threads hand a request
// over with Client::send() and are answered through their Respond callback.
//
// Thread-safety: context() may be used from any thread (io_context is thread-safe for posting).
// Lifetime: stop() (or the destructor) stops the loop and joins the thread; work still queued is
// dropped without running. Objects bound to the context (clients, sockets) may be destroyed after
// stop() and must be before the IoThread.
#pragma once

#include <memory>

namespace boost::asio {
class io_context;
}

namespace badgesmith::async {

class IoThread {
 public:
  // Starts the thread (named "bs-upstream"). Throws std::system_error when it cannot: start-up.
  IoThread();
  ~IoThread();
  IoThread(const IoThread&) = delete;
  IoThread& operator=(const IoThread&) = delete;

  boost::asio::io_context& context() noexcept;

  // Stops the loop and joins the thread; idempotent. Completions that have not run never will.
  void stop();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace badgesmith::async
