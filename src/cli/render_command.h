// `badgesmith render`: one badge from flags to stdout (SVG, or endpoint JSON with --json), or
// many with --batch (NDJSON badge-maker inputs on stdin, one JSON-string SVG per line on stdout;
// the equivalence test against npm badge-maker@6.0.0 drives this).
#pragma once

#include <CLI/CLI.hpp>

namespace badgesmith::cli {

// Registers the `render` subcommand on `app`. Its work runs as the subcommand's CLI11 callback,
// i.e. inside app.parse(): on success it returns normally (the caller should then exit 0); on
// failure it has already printed one line to stderr and throws CLI::RuntimeError carrying the
// exit status (2 for usage errors, 1 for runtime errors), which the caller returns as is.
//
// Flags map onto makeBadge() keys (--label-color is labelColor, --logo DATA_URI is logoBase64,
// --link twice is links, --id-suffix is idSuffix); --logo NAME [--logo-color C] [--logo-size
// auto] is shields.io's named logo (features/badges/logos.h). An absent flag and an empty one
// differ, as in badge-maker: write an empty value as `--color ''`, since CLI11 2.1 reads
// `--color=` as "value follows" and takes the next argument.
void add_render_command(CLI::App& app);

}  // namespace badgesmith::cli
