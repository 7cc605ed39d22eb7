#include "core/http/gzip.h"

#include <zlib.h>

#include <algorithm>

namespace badgesmith::http {

Result<std::string> gunzip(std::string_view data, std::size_t max_bytes) {
  constexpr int kGzipOnly = 16 + MAX_WBITS;  // zlib: "add 16 to decode only the gzip format".
  z_stream stream{};
  if (inflateInit2(&stream, kGzipOnly) != Z_OK) {
    return make_error(Errc::kInternal, "zlib initialisation failed");
  }
  struct End {
    z_stream& stream;
    ~End() { inflateEnd(&stream); }
  } end{stream};

  // One byte of room past the limit tells "exactly max_bytes" from "more".
  const std::size_t room_limit = max_bytes + 1;
  std::string out(std::min(room_limit, std::max<std::size_t>(data.size() * 4, 4096)), '\0');
  // zlib's API is not const-correct; it never writes through next_in.
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  int status = Z_OK;
  while (status == Z_OK) {
    if (stream.total_out == out.size()) {
      if (out.size() == room_limit) break;
      out.resize(std::min(out.size() * 2, room_limit));
    }
    stream.next_out = reinterpret_cast<Bytef*>(out.data() + stream.total_out);
    stream.avail_out = static_cast<uInt>(out.size() - stream.total_out);
    status = inflate(&stream, Z_NO_FLUSH);
  }
  if (status == Z_STREAM_END && stream.avail_in == 0 && stream.total_out <= max_bytes) {
    out.resize(stream.total_out);
    return out;
  }
  if (stream.total_out > max_bytes) {
    return make_error(Errc::kUpstreamInvalid,
                      "decoded upstream body exceeds " + std::to_string(max_bytes) + " bytes");
  }
  return make_error(Errc::kUpstreamInvalid, "upstream body is not valid gzip");
}

}  // namespace badgesmith::http
