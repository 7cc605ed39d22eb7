#include "cli/commands.h"

int main(int argc, char** argv) { return badgesmith::cli::run_command_line(argc, argv); }
