#include "core/http/request_screen.h"

#include <charconv>

#include "core/http/message.h"
#include "core/routing/path_codec.h"

namespace badgesmith::http {

namespace {

Error bad_request(std::string message) {
  return make_error(Errc::kInvalidArgument, std::move(message), "INVALID_REQUEST");
}

bool is_token_char(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
      return true;
    default:
      return false;
  }
}

Result<void> screen_request_line(std::string_view line, const RequestLimits& limits,
                                 bool& is_http10) {
  const std::size_t first_space = line.find(' ');
  const std::size_t last_space = line.rfind(' ');
  if (first_space == std::string_view::npos || first_space == 0 || last_space == first_space) {
    return bad_request("Malformed request line");
  }
  const std::string_view method = line.substr(0, first_space);
  for (char c : method) {
    if (!is_token_char(c)) return bad_request("Malformed request method");
  }
  const std::string_view target = line.substr(first_space + 1, last_space - first_space - 1);
  if (target.size() > limits.max_target_bytes) {
    return make_error(Errc::kUriTooLong, "Request URI is too long", "URI_TOO_LONG");
  }
  if (target.empty() || target.front() != '/') {
    // Absolute-form and asterisk-form targets are for proxies; an origin server answers 400.
    if (!(method == "OPTIONS" && target == "*")) return bad_request("Malformed request target");
  }
  for (char c : target) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F) {
      return bad_request("Malformed request target");
    }
  }
  if (!routing::is_valid_percent_encoding(target)) {
    return make_error(Errc::kInvalidArgument, "Invalid percent-encoding in the request URI",
                      "INVALID_PERCENT_ENCODING", "path");
  }
  const std::string_view version = line.substr(last_space + 1);
  if (version != "HTTP/1.1" && version != "HTTP/1.0")
    return bad_request("Unsupported HTTP version");
  is_http10 = version == "HTTP/1.0";
  return success();
}

}  // namespace

Result<ScreenedHead> screen_request_head(std::string_view head, const RequestLimits& limits) {
  if (head.size() > limits.max_head_bytes) {
    return make_error(Errc::kHeadersTooLarge, "Request header fields are too large",
                      "HEADERS_TOO_LARGE");
  }
  ScreenedHead screened;
  bool has_transfer_encoding = false;
  std::size_t line_start = 0;
  bool first_line = true;
  bool is_http10 = false;
  while (line_start < head.size()) {
    const std::size_t line_end = head.find("\r\n", line_start);
    if (line_end == std::string_view::npos) return bad_request("Malformed header section");
    const std::string_view line = head.substr(line_start, line_end - line_start);
    line_start = line_end + 2;
    if (line.empty()) break;  // The blank line ending the head.
    if (line.find('\n') != std::string_view::npos || line.find('\r') != std::string_view::npos) {
      return bad_request("Bare CR or LF in the header section");
    }
    if (first_line) {
      first_line = false;
      BOOST_OUTCOME_TRY(screen_request_line(line, limits, is_http10));
      continue;
    }
    if (line.front() == ' ' || line.front() == '\t') {
      // RFC 9112 §5.2: obs-fold lets two parsers disagree on a field's value.
      return bad_request("Obsolete line folding is not accepted");
    }
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) return bad_request("Malformed header field");
    const std::string_view name = line.substr(0, colon);
    for (char c : name) {
      if (!is_token_char(c)) return bad_request("Malformed header field name");
    }
    const std::string_view value = trim_ows(line.substr(colon + 1));
    if (iequals(name, "Content-Length")) {
      if (screened.content_length) return bad_request("Repeated Content-Length");
      std::size_t length = 0;
      const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), length);
      if (ec != std::errc() || end != value.data() + value.size() || value.empty()) {
        if (ec == std::errc::result_out_of_range) {
          return make_error(Errc::kPayloadTooLarge, "Request body is too large", "BODY_TOO_LARGE");
        }
        return bad_request("Malformed Content-Length");
      }
      screened.content_length = length;
    } else if (iequals(name, "Transfer-Encoding")) {
      if (has_transfer_encoding || !iequals(value, "chunked")) {
        return bad_request("Unsupported Transfer-Encoding");
      }
      has_transfer_encoding = true;
      screened.chunked = true;
    } else if (iequals(name, "Expect")) {
      if (!iequals(value, "100-continue")) {
        return make_error(Errc::kInvalidArgument, "Unsupported expectation", "INVALID_REQUEST");
      }
      screened.expects_continue = true;
    }
  }
  if (first_line) return bad_request("Empty request");
  if (is_http10 && has_transfer_encoding) {
    // RFC 9112 §6.1: HTTP/1.0 has no chunked framing, so a peer sending it is desynchronised.
    return bad_request("Transfer-Encoding in an HTTP/1.0 request");
  }
  // RFC 9110 §10.1.1: an HTTP/1.0 client cannot understand 100 Continue; ignore its Expect.
  if (is_http10) screened.expects_continue = false;
  if (screened.content_length && screened.chunked) {
    // RFC 9112 §6.1: both framings at once is the classic request-smuggling shape.
    return bad_request("Both Content-Length and Transfer-Encoding");
  }
  if (screened.content_length && *screened.content_length > limits.max_body_bytes) {
    return make_error(Errc::kPayloadTooLarge, "Request body is too large", "BODY_TOO_LARGE");
  }
  return screened;
}

}  // namespace badgesmith::http
