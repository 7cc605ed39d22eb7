#include "lambda_emulator.h"

#include <charconv>
#include <thread>

#include "fixture_upstream.h"

namespace badgesmith::e2e {

namespace {

std::optional<HttpResponse> call(std::uint16_t port, std::string_view method,
                                 std::string_view target, std::string_view body, Millis timeout) {
  std::string headers = "Connection: close\r\n";
  if (method == "POST") {
    headers +=
        "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
  }
  std::string request = make_request(method, target, headers);
  request += body;
  auto connection = HttpConnection::open(port, timeout);
  if (!connection || !connection->send(request, timeout)) return std::nullopt;
  return connection->read_response(timeout);
}

}  // namespace

LambdaEmulator::LambdaEmulator()
    : process_(fixtures_dir() + "/lambda/runtime_api_emulator.py", {"--port", "0"}) {
  const auto& words = process_.listening_line();
  if (words.size() < 2) return;
  const std::string& url = words[1];
  unsigned value = 0;
  const std::size_t colon = url.rfind(':');
  if (colon != std::string::npos &&
      std::from_chars(url.data() + colon + 1, url.data() + url.size(), value).ec == std::errc() &&
      value > 0 && value <= 65535) {
    port_ = static_cast<std::uint16_t>(value);
  }
}

std::optional<LambdaEmulator::Outcome> LambdaEmulator::invoke(const nlohmann::json& event,
                                                              Millis timeout) const {
  return invoke_raw(event.dump(), timeout);
}

std::optional<LambdaEmulator::Outcome> LambdaEmulator::invoke_raw(std::string_view event,
                                                                  Millis timeout) const {
  const auto response =
      call(port_, "POST", "/_emulator/invoke?timeout_ms=" + std::to_string(timeout.count()), event,
           timeout + kIoTimeout);
  if (!response || response->status != 200) return std::nullopt;
  auto json = nlohmann::json::parse(response->body, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) return std::nullopt;
  return Outcome{json.value("kind", ""), json.value("payload", nlohmann::json()),
                 json.value("error_type", "")};
}

nlohmann::json LambdaEmulator::state() const {
  const auto response = call(port_, "GET", "/_emulator/state", {}, kIoTimeout);
  if (!response || response->status != 200) return nullptr;
  auto json = nlohmann::json::parse(response->body, nullptr, /*allow_exceptions=*/false);
  return json.is_discarded() ? nlohmann::json() : json;
}

bool LambdaEmulator::wait_until(bool (*ready)(const nlohmann::json&), Millis timeout) const {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    const nlohmann::json now = state();
    if (now.is_object() && ready(now)) return true;
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(Millis(20));
  }
}

}  // namespace badgesmith::e2e
