// The in-repo Lambda Runtime API emulator (tests/fixtures/lambda/runtime_api_emulator.py) for
// end-to-end tests: start it, point badgesmith at runtime_api(), invoke events through it.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "harness.h"
#include "python_fixture.h"

namespace badgesmith::e2e {

class LambdaEmulator {
 public:
  LambdaEmulator();

  bool started() const { return port_ != 0; }
  // The value for AWS_LAMBDA_RUNTIME_API.
  std::string runtime_api() const { return "127.0.0.1:" + std::to_string(port_); }
  std::string output() const { return process_.output(); }

  struct Outcome {
    std::string kind;  // "response", "error" or "timeout".
    nlohmann::json payload;
    std::string error_type;  // Lambda-Runtime-Function-Error-Type of an error.
  };
  // Queues `event` with an invocation timeout of `timeout` and waits for the runtime's answer;
  // nullopt when the emulator could not be asked.
  std::optional<Outcome> invoke(const nlohmann::json& event, Millis timeout = kIoTimeout) const;
  // As invoke(), with `event` sent byte for byte (it need not be JSON).
  std::optional<Outcome> invoke_raw(std::string_view event, Millis timeout = kIoTimeout) const;
  // GET /_emulator/state: {"init_errors", "waiting_next", "invocations"}; null on failure.
  nlohmann::json state() const;
  // Polls state() until `ready` holds for it; false on timeout.
  bool wait_until(bool (*ready)(const nlohmann::json&), Millis timeout = kIoTimeout) const;

 private:
  PythonFixture process_;
  std::uint16_t port_ = 0;
};

}  // namespace badgesmith::e2e
