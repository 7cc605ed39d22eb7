// Test doubles for the upstream client: a scripted HTTP(S) server on loopback that runs on its own
// thread, a CA and leaf certificates made at test time, and a gzip encoder.
#pragma once

#include <openssl/pem.h>
#include <openssl/x509v3.h>
#include <unistd.h>
#include <zlib.h>

#include <atomic>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>

namespace badgesmith::http::loopback {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;

inline std::string gzip(std::string_view data) {
  z_stream stream{};
  deflateInit2(&stream, Z_BEST_SPEED, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&stream, data.size()), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

// A raw HTTP/1.1 response with Content-Length; `extra` holds more header lines, each ending CRLF.
inline std::string response(int status, std::string_view body, std::string_view extra = {}) {
  return "HTTP/1.1 " + std::to_string(status) +
         " Scripted\r\nContent-Length: " + std::to_string(body.size()) + "\r\n" +
         std::string(extra) + "\r\n" + std::string(body);
}

// A self-signed CA and leaf certificates it signs, made with OpenSSL at test time. `write_ca`
// puts the CA certificate in a PEM file for ClientOptions::ca_file.
class TestCa {
 public:
  using Key = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
  using Cert = std::unique_ptr<X509, decltype(&X509_free)>;

  explicit TestCa(const std::string& name) : key_(new_key()), cert_(sign(key_.get(), name, "")) {}

  // A leaf for `subject_alt_name` (e.g. "DNS:localhost"), as a server TLS context.
  std::unique_ptr<asio::ssl::context> server_context(const std::string& subject_alt_name) const {
    const Key key = new_key();
    const Cert cert = sign(key.get(), "leaf", subject_alt_name);
    auto context = std::make_unique<asio::ssl::context>(asio::ssl::context::tls_server);
    SSL_CTX_use_certificate(context->native_handle(), cert.get());
    SSL_CTX_use_PrivateKey(context->native_handle(), key.get());
    return context;
  }

  void write_ca(const std::filesystem::path& path) const {
    FILE* file = std::fopen(path.c_str(), "w");
    if (file == nullptr) throw std::runtime_error("cannot write " + path.string());
    PEM_write_X509(file, cert_.get());
    std::fclose(file);
  }

 private:
  static Key new_key() { return Key(EVP_EC_gen("P-256"), EVP_PKEY_free); }

  // Self-signed CA when `subject_alt_name` is empty, else a leaf signed by this CA.
  Cert sign(EVP_PKEY* key, const std::string& common_name,
            const std::string& subject_alt_name) const {
    static std::atomic<long> serial{1};
    Cert cert(X509_new(), X509_free);
    X509* x = cert.get();
    X509_set_version(x, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(x), serial++);
    X509_gmtime_adj(X509_getm_notBefore(x), -3600);
    X509_gmtime_adj(X509_getm_notAfter(x), 86400);
    X509_set_pubkey(x, key);
    X509_NAME* name = X509_get_subject_name(x);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char*>(common_name.c_str()), -1, -1,
                               0);
    const bool is_ca = subject_alt_name.empty();
    X509_set_issuer_name(x, is_ca ? name : X509_get_subject_name(cert_.get()));
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, is_ca ? x : cert_.get(), x, nullptr, nullptr, 0);
    const auto extend = [&](int nid, const std::string& value) {
      X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value.c_str());
      X509_add_ext(x, extension, -1);
      X509_EXTENSION_free(extension);
    };
    if (is_ca) {
      extend(NID_basic_constraints, "critical,CA:TRUE");
      extend(NID_key_usage, "critical,keyCertSign,cRLSign");
    } else {
      extend(NID_basic_constraints, "CA:FALSE");
      extend(NID_subject_alt_name, subject_alt_name);
    }
    X509_sign(x, is_ca ? key : key_.get(), EVP_sha256());
    return cert;
  }

  Key key_;
  Cert cert_;
};

// What the server does with one request.
struct Reply {
  std::string raw;           // Written as is.
  bool close_after = false;  // Close the connection after writing, whatever `raw` announced.
  bool hang = false;         // Never answer.
};

// A scripted HTTP/1.1 server on 127.0.0.1 (TLS when given a context), running on its own thread
// until destroyed. `script` runs on that thread, once per request.
class LoopbackServer {
 public:
  using Script = std::function<Reply(const bhttp::request<bhttp::string_body>&)>;

  explicit LoopbackServer(Script script, asio::ssl::context* tls = nullptr)
      : script_(std::move(script)),
        tls_(tls),
        acceptor_(io_, {asio::ip::make_address("127.0.0.1"), 0}) {
    asio::co_spawn(io_, accept(), asio::detached);
    thread_ = std::thread([this] { io_.run(); });
  }

  ~LoopbackServer() {
    io_.stop();
    thread_.join();
  }

  std::uint16_t port() const { return acceptor_.local_endpoint().port(); }
  int connections() const { return connections_.load(); }
  int requests() const { return requests_.load(); }

 private:
  asio::awaitable<void> accept() {
    for (;;) {
      boost::system::error_code ec;
      tcp::socket socket(io_);
      co_await acceptor_.async_accept(socket, asio::redirect_error(asio::use_awaitable, ec));
      if (ec) co_return;
      ++connections_;
      asio::co_spawn(io_, tls_ != nullptr ? serve_tls(std::move(socket)) : serve(std::move(socket)),
                     asio::detached);
    }
  }

  asio::awaitable<void> serve_tls(tcp::socket socket) {
    asio::ssl::stream<tcp::socket> stream(std::move(socket), *tls_);
    boost::system::error_code ec;
    co_await stream.async_handshake(asio::ssl::stream_base::server,
                                    asio::redirect_error(asio::use_awaitable, ec));
    if (!ec) co_await serve_on(stream);
  }

  asio::awaitable<void> serve(tcp::socket socket) { co_await serve_on(socket); }

  template <class Stream>
  asio::awaitable<void> serve_on(Stream& stream) {
    beast::flat_buffer buffer;
    for (;;) {
      boost::system::error_code ec;
      bhttp::request<bhttp::string_body> request;
      co_await bhttp::async_read(stream, buffer, request,
                                 asio::redirect_error(asio::use_awaitable, ec));
      if (ec) co_return;
      ++requests_;
      const Reply reply = script_(request);
      if (reply.hang) {
        asio::steady_timer never(io_, std::chrono::hours(1));
        co_await never.async_wait(asio::redirect_error(asio::use_awaitable, ec));
        co_return;
      }
      co_await asio::async_write(stream, asio::buffer(reply.raw),
                                 asio::redirect_error(asio::use_awaitable, ec));
      if (ec || reply.close_after) co_return;
    }
  }

  Script script_;
  asio::ssl::context* tls_;
  std::atomic<int> connections_{0};
  std::atomic<int> requests_{0};
  asio::io_context io_;  // Destroyed after the acceptor; destroys hanging sessions with it.
  tcp::acceptor acceptor_;
  std::thread thread_;
};

// A fresh directory under the system temp dir, removed with everything in it.
class TempDir {
 public:
  TempDir()
      : path_(
            std::filesystem::temp_directory_path() /
            ("badgesmith-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++))) {
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  static inline std::atomic<int> counter_{0};
  std::filesystem::path path_;
};

}  // namespace badgesmith::http::loopback
