#include "core/log/audit_log.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace badgesmith::log {

Result<std::unique_ptr<AuditLog>> AuditLog::open(LineSink stdout_lines,
                                                 std::optional<std::filesystem::path> file) {
  int file_fd = -1;
  if (file) {
    file_fd = ::open(file->c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (file_fd < 0) {
      return make_error(Errc::kInternal,
                        "cannot open audit log " + file->string() + ": " + std::strerror(errno));
    }
    struct stat status {};
    if (::fstat(file_fd, &status) != 0 || (status.st_mode & 077) != 0) {
      ::close(file_fd);
      return make_error(Errc::kInternal, "audit log " + file->string() +
                                             " is readable by others; chmod 600 it first");
    }
  }
  return std::unique_ptr<AuditLog>(new AuditLog(std::move(stdout_lines), file_fd));
}

AuditLog::~AuditLog() {
  if (file_fd_ >= 0) ::close(file_fd_);
}

void AuditLog::record(std::initializer_list<Field> fields) {
  std::string line = "{\"time\":\"" + utc_timestamp_now() + "\",\"log\":\"audit\"";
  append_fields(line, fields);
  line += "}\n";
  if (stdout_lines_) stdout_lines_(line);
  if (file_fd_ >= 0) write_line(file_fd_, line);
}

}  // namespace badgesmith::log
