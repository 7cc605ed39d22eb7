// Badge rendering throughput: badges::render_svg over the generator's inputs, one badge per
// iteration, round-robin, reported as items (badges) per second and ns per iteration (= ns/badge).
// BM_RenderSvg is the figure; BM_RenderSvgEachInput64Times shows what branch prediction costs it.
//
// Inputs: BADGESMITH_RENDER_CASES=FILE, NDJSON makeBadge() inputs as written by
// `bench/render-node.mjs --write-cases FILE` (gen-cases.mjs output with every input whose
// badge-maker SVG repeats another's removed), so badge-maker and badgen are timed on exactly the
// same inputs. bench/render.sh does all of this in one go.
//
// Before timing, the fixture renders every input once and fails the benchmark unless there are at
// least 1,000 inputs, all five styles, non-ASCII text and logos are present, and no two outputs
// are identical. Distinct outputs mean that consecutive iterations never ask for the same badge
// within a round of N, so an output cache (there is none) could only hit once per N renders.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <unordered_set>
#include <vector>

#include "features/badges/badge.h"

namespace {

namespace badges = badgesmith::badges;

constexpr std::size_t kMinCases = 1000;

struct Cases {
  std::vector<badges::Badge> badges;
  std::size_t output_bytes = 0;  // Sum over one round, for SetBytesProcessed.
  std::string error;             // Non-empty: the fixture is unusable; say why.
};

// makeBadge()'s keys onto Badge (the generator only writes inputs badge-maker accepts).
std::string to_badge(const nlohmann::json& input, badges::Badge* badge) {
  if (!input.is_object() || !input.contains("message")) return "not a makeBadge() input";
  for (const auto& [key, value] : input.items()) {
    if (key == "links") {
      for (std::size_t i = 0; i < value.size() && i < 2; ++i)
        badge->links[i] = value[i].get<std::string>();
      continue;
    }
    if (!value.is_string()) return "field " + key + " is not a string";
    const std::string& text = value.get_ref<const std::string&>();
    if (key == "label") {
      badge->label = text;
    } else if (key == "message") {
      badge->message = text;
    } else if (key == "color") {
      badge->color = text;
    } else if (key == "labelColor") {
      badge->label_color = text;
    } else if (key == "logoBase64") {
      badge->logo_base64 = text;
    } else if (key == "idSuffix") {
      badge->id_suffix = text;
    } else if (key == "style") {
      const auto style = badges::parse_style(text);
      if (!style) return "unknown style " + text;
      badge->style = *style;
    } else {
      return "unexpected field " + key;
    }
  }
  return {};
}

Cases load_cases() {
  Cases cases;
  const char* path = std::getenv("BADGESMITH_RENDER_CASES");
  if (path == nullptr || *path == '\0') {
    cases.error = "set BADGESMITH_RENDER_CASES to an NDJSON file (bench/render.sh does)";
    return cases;
  }
  std::ifstream in(path);
  if (!in) {
    cases.error = std::string("cannot open ") + path;
    return cases;
  }
  std::string line;
  std::size_t line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (line.empty()) continue;
    const auto input = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    badges::Badge badge;
    std::string error = input.is_discarded() ? "invalid JSON" : to_badge(input, &badge);
    if (!error.empty()) {
      cases.error = std::string(path) + ":" + std::to_string(line_number) + ": " + error;
      return cases;
    }
    cases.badges.push_back(std::move(badge));
  }

  // The set must be what the README figure claims: large, varied, and without repeats.
  if (cases.badges.size() < kMinCases) {
    cases.error = "only " + std::to_string(cases.badges.size()) + " inputs; need at least " +
                  std::to_string(kMinCases);
    return cases;
  }
  std::set<badges::Style> styles;
  bool has_logo = false;
  bool has_non_ascii = false;
  std::unordered_set<std::string> outputs;
  for (const badges::Badge& badge : cases.badges) {
    styles.insert(badge.style);
    has_logo = has_logo || !badge.logo_base64.empty();
    for (const std::string* text : {&badge.label, &badge.message}) {
      for (const char c : *text)
        has_non_ascii = has_non_ascii || static_cast<unsigned char>(c) >= 0x80;
    }
    std::string svg = badges::render_svg(badge);
    cases.output_bytes += svg.size();
    if (!outputs.insert(std::move(svg)).second) {
      cases.error = "two inputs render the same SVG (label \"" + badge.label + "\", message \"" +
                    badge.message + "\"); the set must have distinct outputs";
      return cases;
    }
  }
  if (styles.size() != 5) cases.error = "the inputs do not cover all five styles";
  if (!has_logo) cases.error = "the inputs have no logo";
  if (!has_non_ascii) cases.error = "the inputs have no non-ASCII text";
  return cases;
}

const Cases& cases() {
  static const Cases loaded = load_cases();
  return loaded;
}

// Renders the inputs round-robin, each `repeats` times in a row before the next.
void render_inputs(benchmark::State& state, std::size_t repeats) {
  const Cases& set = cases();
  if (!set.error.empty()) {
    state.SkipWithError(set.error.c_str());
    return;
  }
  const std::vector<badges::Badge>& inputs = set.badges;
  std::size_t next = 0;
  std::size_t repeat = 0;
  for (auto _ : state) {
    std::string svg = badges::render_svg(inputs[next]);
    benchmark::DoNotOptimize(svg.data());
    benchmark::ClobberMemory();
    if (++repeat == repeats) {
      repeat = 0;
      if (++next == inputs.size()) next = 0;
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  state.SetBytesProcessed(static_cast<int64_t>(static_cast<double>(state.iterations()) *
                                               static_cast<double>(set.output_bytes) /
                                               static_cast<double>(inputs.size())));
  state.counters["inputs"] = static_cast<double>(inputs.size());
  state.counters["rounds"] =
      static_cast<double>(state.iterations()) / static_cast<double>(inputs.size() * repeats);
}

// The figure bench/render.sh compares: every call a different input.
void BM_RenderSvg(benchmark::State& state) { render_inputs(state, 1); }
BENCHMARK(BM_RenderSvg);

// Not a throughput figure: each input 64 times in a row, so the branch predictor has learnt it.
// The gap to BM_RenderSvg is what input-dependent branches cost (docs/PERFORMANCE.md).
void BM_RenderSvgEachInput64Times(benchmark::State& state) { render_inputs(state, 64); }
BENCHMARK(BM_RenderSvgEachInput64Times);

}  // namespace
