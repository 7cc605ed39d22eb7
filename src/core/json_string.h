// JSON string escaping for the hot paths (access log lines, error bodies) that must not pay for
// building a DOM. Documents with structure are built with nlohmann::json instead.
#pragma once

#include <string>
#include <string_view>

namespace badgesmith {

// Appends `value` to `out` as a quoted JSON string. Control characters and invalid UTF-8 bytes
// are escaped as \u00XX so a hostile path can never break the one-line-per-record format.
void append_json_string(std::string& out, std::string_view value);

}  // namespace badgesmith
