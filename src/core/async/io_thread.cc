#include "core/async/io_thread.h"

#include <pthread.h>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <thread>

namespace badgesmith::async {

class IoThread::Impl {
 public:
  Impl()
      : work_(boost::asio::make_work_guard(io_)), thread_([this] {
          pthread_setname_np(pthread_self(), "bs-upstream");
          io_.run();
        }) {}

  ~Impl() { stop(); }

  void stop() {
    work_.reset();
    io_.stop();
    if (thread_.joinable()) thread_.join();
  }

  boost::asio::io_context io_{1};
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_;
  std::thread thread_;
};

IoThread::IoThread() : impl_(std::make_unique<Impl>()) {}
IoThread::~IoThread() = default;

boost::asio::io_context& IoThread::context() noexcept { return impl_->io_; }

void IoThread::stop() { impl_->stop(); }

}  // namespace badgesmith::async
