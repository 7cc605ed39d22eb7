// The audit trail of security decisions (every test-result ingestion attempt, accepted or not):
// one JSON line per event, {"time":…,"log":"audit", fields…}, on stdout, where operators already
// collect the access log, and, when configured, appended to a file of its own that only the
// service's user may read (0600), which survives a log pipeline that drops lines.
//
// Callers pass names, outcomes and addresses, never a secret, a signature or a body: the audit
// trail is read by more people than the secrets are.
//
// Thread-safe. The file gets whole lines with one write(2) each (O_APPEND), so concurrent records
// never interleave within a line.
#pragma once

#include <filesystem>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string_view>

#include "core/log/log.h"
#include "core/result.h"

namespace badgesmith::log {

class AuditLog {
 public:
  // Where stdout lines go: the access log's writer when it writes to stdout too (a line written
  // around it could land inside one of its batches), else straight to the fd.
  using LineSink = std::function<void(std::string_view line)>;

  // Lines go to `stdout_lines` (none when empty) and, when `file` is set, to that file, created
  // with mode 0600 if absent and appended to. Fails with kInternal (the message names the file
  // and the reason) when the file cannot be opened, or exists readable by others.
  static Result<std::unique_ptr<AuditLog>> open(LineSink stdout_lines,
                                                std::optional<std::filesystem::path> file);
  ~AuditLog();
  AuditLog(const AuditLog&) = delete;
  AuditLog& operator=(const AuditLog&) = delete;

  void record(std::initializer_list<Field> fields);

 private:
  AuditLog(LineSink stdout_lines, int file_fd)
      : stdout_lines_(std::move(stdout_lines)), file_fd_(file_fd) {}

  const LineSink stdout_lines_;
  const int file_fd_;  // Owned; -1 when there is no file.
};

}  // namespace badgesmith::log
