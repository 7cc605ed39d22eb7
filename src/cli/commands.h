// The command line: `badgesmith [serve|version|backup] …`. Returns the process exit code:
// 0 success, 1 a runtime failure, 2 bad usage (one line on stderr).
#pragma once

namespace badgesmith::cli {

int run_command_line(int argc, char** argv);

}  // namespace badgesmith::cli
