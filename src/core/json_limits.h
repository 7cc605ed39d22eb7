// Parsing JSON that a stranger (an upstream, a report uploader) controls: bounded in size and in
// nesting depth, so neither memory nor the recursion of later traversal (dump, comparisons) can be
// driven by the document.
#pragma once

#include <cstddef>
#include <nlohmann/json_fwd.hpp>
#include <string_view>

#include "core/result.h"

namespace badgesmith {

// Parses `text` as one JSON document (RFC 8259, no comments, no trailing commas). Fails with
// kUpstreamInvalid when `text` is longer than `max_bytes`, is malformed, or nests arrays/objects
// deeper than `max_depth` (a scalar has depth 0, `[]` depth 1). Never throws on bad input.
Result<nlohmann::json> parse_json_limited(std::string_view text, std::size_t max_bytes,
                                          int max_depth);

}  // namespace badgesmith
