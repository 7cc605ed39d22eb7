// Decoding `Content-Encoding: gzip` upstream bodies (nuget.org's registration5-gz endpoints always
// compress). The decoded size is bounded so a small compressed body cannot expand without limit.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.h"

namespace badgesmith::http {

// Decodes one gzip member (RFC 1952). Fails with kUpstreamInvalid when `data` is not valid gzip,
// is truncated, has bytes after the member, or decodes to more than `max_bytes`.
Result<std::string> gunzip(std::string_view data, std::size_t max_bytes);

}  // namespace badgesmith::http
