#include "cli/history_command.h"

#include <iostream>
#include <memory>
#include <string>
#include <utility>

#include "cli/operator_command.h"
#include "core/store/secret_store.h"

namespace badgesmith::cli {
namespace {

struct HistoryFlags {
  std::string owner;
  std::string data_dir = "data";
};

std::string_view shown_or_hidden(bool hidden) { return hidden ? "hidden" : "shown"; }

// Reports the previous setting too, so that the operator sees whether anything changed.
void run_history(const HistoryFlags& flags, const std::string& command, bool hidden) {
  auto owner = store::normalize_secret_owner(flags.owner);
  if (!owner) fail(command, kExitUsage, "OWNER: " + owner.error().message);
  const auto session = open_session(flags.data_dir, command, SessionAccess::kExisting);
  auto previous = wait_for<bool>([&](Callback<bool> done) {
    session->results->history_hidden(owner.value(), std::move(done));
  });
  if (!previous) fail(command, kExitFailure, previous.error().message);
  auto stored = wait_for<void>([&](Callback<void> done) {
    session->results->set_history_hidden(owner.value(), hidden, std::move(done));
  });
  if (!stored) fail(command, kExitFailure, stored.error().message);
  std::cout << "history of " << owner.value() << ": " << shown_or_hidden(hidden) << " (was "
            << shown_or_hidden(previous.value()) << ")"
            << (hidden ? "; its badges and redirects stay public" : "") << '\n';
}

}  // namespace

void add_history_command(CLI::App& app) {
  auto flags = std::make_shared<HistoryFlags>();
  CLI::App* history = app.add_subcommand("history", "Hide or show an owner's test-result history");
  history->require_subcommand(1, 1);
  for (const bool hidden : {true, false}) {
    const std::string name = hidden ? "hide" : "show";
    CLI::App* command = history->add_subcommand(
        name, hidden ? "Hide OWNER's test-result history (badges and redirects stay public)"
                     : "Show OWNER's test-result history again");
    command->add_option("OWNER", flags->owner, "GitHub owner (organisation or user)")->required();
    add_data_dir_option(*command, flags->data_dir);
    on_parsed(*command, "history " + name,
              [flags, hidden, name] { run_history(*flags, "history " + name, hidden); });
  }
}

}  // namespace badgesmith::cli
