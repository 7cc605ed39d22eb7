// badge-maker 6.0.0's makeBadge() SVG path (lib/make-badge.js, lib/badge-renderers.js,
// lib/xml.js), written out as straight appends into one buffer. The structure follows the JS so
// the two can be compared side by side; every attribute keeps the JS insertion order, and the
// whitespace badge-maker strips (stripXmlWhitespace) is simply never written.
#include <cmath>
#include <cstddef>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "features/badges/badge.h"
#include "features/badges/badge_text.h"
#include "features/badges/color.h"
#include "features/badges/js_string.h"
#include "features/badges/svg_writer.h"
#include "features/badges/text_width.h"

namespace badgesmith::badges {
namespace {

using svg::escaped_bound;
using svg::SvgWriter;
using Span = svg::SvgWriter::Span;
constexpr std::size_t kSpanFixed = SvgWriter::kSpanFixed;

// Text is laid out 10x larger and scaled down (https://github.com/badges/shields/pull/1132).
constexpr double kFontScaleUp = 10;
constexpr double kLogoHeight = 14;
constexpr svg::PaddedText kLogoHeightText("14");
constexpr double kDefaultLogoWidth = 14;  // badge-maker's DEFAULT_LOGO_HEIGHT.
constexpr std::string_view kFontFamily = "Verdana,Geneva,DejaVu Sans,sans-serif";
constexpr std::string_view kSocialFontFamily = "Helvetica Neue,Helvetica,Arial,sans-serif";
constexpr std::string_view kScaleDown = R"~( transform="scale(.1)")~";
constexpr std::string_view kOpenLink = R"~(<a target="_blank" href=")~";
constexpr std::string_view kLinkRectFill = R"~( fill="rgba(0,0,0,0)"/>)~";

struct StyleName {
  Style style;
  std::string_view name;
};

constexpr StyleName kStyleNames[] = {
    {Style::kFlat, "flat"},       {Style::kFlatSquare, "flat-square"},
    {Style::kPlastic, "plastic"}, {Style::kForTheBadge, "for-the-badge"},
    {Style::kSocial, "social"},
};

// A colour as the renderer uses it: the fill value and colorsForBackground()'s verdict.
struct Paint {
  std::string_view value;  // "" when absent or invalid (a valid colour is never empty).
  bool light_text = true;  // brightness <= 0.69; false for NaN (overflowing rgb()), as in JS.
  // The value itself when it is short and needs no escaping (every palette, hex and CSS-name
  // colour, most rgb() and hsl()), so that writing it costs no length-dependent branches.
  std::optional<svg::PaddedText> padded;

  bool given() const { return !value.empty(); }
};

constexpr Paint make_paint(std::string_view plain_value, bool light_text) {
  return {plain_value, light_text, svg::PaddedText(plain_value)};
}

// The defaults, #4b0 and #555, have brightness 0.51 and 0.33.
constexpr Paint kDefaultPaint = make_paint(kDefaultColor, true);
constexpr Paint kDefaultLabelPaint = make_paint(kDefaultLabelColor, true);

// colorsForBackground(), indexed by "the background is bright": the text's fill attribute (left
// out when the parent group's #fff applies, as withTextFill() does) and its shadow colour.
constexpr svg::PaddedText kTextFillAttr[2] = {svg::PaddedText(""),
                                              svg::PaddedText(R"~( fill="#333")~")};
constexpr svg::PaddedText kShadowColor[2] = {svg::PaddedText("#010101"), svg::PaddedText("#ccc")};

struct TextColors {
  const svg::PaddedText& fill_attr;
  const svg::PaddedText& shadow;
};

TextColors colors_for(const Paint& background) {
  const bool dark_text = !background.light_text;
  return {kTextFillAttr[dark_text], kShadowColor[dark_text]};
}

[[gnu::always_inline]] inline void text_fill(Span& s, const TextColors& colors) {
  s.raw(colors.fill_attr);
}

// ` fill="colour"`
[[gnu::always_inline]] inline void fill_attr(Span& s, const Paint& paint) {
  s.raw(R"~( fill=")~");
  if (paint.padded) {
    s.raw(*paint.padded);
  } else {
    s.escaped(paint.value);
  }
  s.raw('"');
}

// makeBadge()'s prepared parameters, shared by every style.
struct Inputs {
  PaddedView label;  // BadgeText: forbidden code points dropped, then JS-trimmed.
  PaddedView message;
  bool label_plain;  // BadgeText::plain(), which casing keeps.
  bool message_plain;
  std::string_view logo;  // "" for none.
  double logo_width;      // +logoWidth || (logo ? 14 : 0)
  double logo_padding;    // 3 with a logo and a label.
  std::string_view left_link;
  std::string_view right_link;
  std::string_view id_suffix;

  bool has_logo() const { return !logo.empty(); }
  bool has_left_link() const { return !left_link.empty(); }
  bool has_right_link() const { return !right_link.empty(); }
  // Both links: the badge drops title/role/aria so screen readers reach the links.
  bool has_link() const { return has_left_link() && has_right_link(); }
  // shouldWrapBodyWithLink(): a lone left link wraps the whole body.
  bool wraps_body() const { return has_left_link() && !has_right_link(); }
};

// A text written escaped on first use and copied from the output afterwards: label and message
// appear up to five times each.
class TextSlot {
 public:
  // `plain`: `text` holds nothing to escape (BadgeText::plain()).
  TextSlot(PaddedView text, bool plain) : text_(text), plain_(plain) {}

  PaddedView text() const { return text_; }
  bool empty() const { return text_.empty(); }
  // Room any write() needs (the escaped size bounds the copies too): computed without a branch
  // on the slot's state, since over-reserving is free.
  std::size_t bound() const { return escaped_bound(text_.text) + 32; }

  [[gnu::always_inline]] void write(Span& s) {
    if (written_) {
      s.again(pos_, size_);
      return;
    }
    pos_ = s.offset();
    if (plain_) {
      s.verbatim(text_);
    } else {
      s.screened_escaped(text_);
    }
    size_ = s.offset() - pos_;
    written_ = true;
  }

 private:
  PaddedView text_;
  bool plain_;
  std::size_t pos_ = 0;
  std::size_t size_ = 0;
  bool written_ = false;
};

// renderBadge()'s opening: <svg>, <title> and, for a lone left link, the wrapping <a>.
void open_badge(SvgWriter& w, const Inputs& in, TextSlot& label, TextSlot& message,
                const svg::FormattedNumber& width, const svg::PaddedText& height) {
  Span s = w.span(kSpanFixed + 2 * (label.bound() + message.bound()) + escaped_bound(in.left_link));
  s.raw(R"~(<svg xmlns="http://www.w3.org/2000/svg")~")
      .num_attr("width", width)
      .raw_attr("height", height);
  if (in.has_link()) {
    s.raw('>');
  } else {
    s.raw(R"~( role="img" aria-label=")~");
    const std::size_t start = s.offset();
    if (!label.empty()) {
      label.write(s);
      s.raw(": ");
    }
    message.write(s);
    const std::size_t size = s.offset() - start;
    s.raw(R"~("><title>)~").again(start, size).raw("</title>");
  }
  if (in.wraps_body()) s.raw(kOpenLink).escaped(in.left_link).raw(R"~(">)~");
  w.commit(s);
}

void close_badge(SvgWriter& w, const Inputs& in) {
  Span s = w.span(kSpanFixed);
  if (in.wraps_body()) s.raw("</a>");
  s.raw("</svg>");
  w.commit(s);
}

// getLogoElement().
void logo_element(SvgWriter& w, const Inputs& in, double x, double badge_height) {
  if (!in.has_logo()) return;
  Span s = w.span(kSpanFixed + escaped_bound(in.logo));
  s.raw("<image")
      .num_attr("x", x)
      .num_attr("y", 0.5 * (badge_height - kLogoHeight))
      .num_attr("width", in.logo_width)
      .raw_attr("height", kLogoHeightText)
      .attr("href", in.logo)
      .raw("/>");
  w.commit(s);
}

// --- flat, flat-square, plastic: badge-maker's Badge class -------------------------------------

struct ClassicStyle {
  double height;
  bool shadow;
  // Constant numbers, pre-printed: height, text y (140 + verticalMargin) and shadow y (+10).
  svg::PaddedText height_text;
  svg::PaddedText y_text;
  svg::PaddedText shadow_y_text;
};

constexpr ClassicStyle kFlatStyle{20, true, svg::PaddedText("20"), svg::PaddedText("140"),
                                  svg::PaddedText("150")};
constexpr ClassicStyle kFlatSquareStyle{20, false, svg::PaddedText("20"), svg::PaddedText("140"),
                                        svg::PaddedText("150")};
constexpr ClassicStyle kPlasticStyle{18, true, svg::PaddedText("18"), svg::PaddedText("130"),
                                     svg::PaddedText("140")};

struct TextSpec {
  double left_margin;
  TextSlot* content;
  std::string_view link;
  Paint color;
  double text_width;
  double link_width;
};

// Badge#getTextElement().
void classic_text(SvgWriter& w, const ClassicStyle& style, const TextSpec& spec) {
  if (spec.content->empty()) return;
  const TextColors colors = colors_for(spec.color);
  const svg::FormattedNumber x(kFontScaleUp * (spec.left_margin + 0.5 * spec.text_width + 5));
  const svg::FormattedNumber text_length(kFontScaleUp * spec.text_width);

  Span s = w.span(kSpanFixed + 3 * spec.content->bound() + escaped_bound(spec.link));
  if (!spec.link.empty()) {
    s.raw(kOpenLink).escaped(spec.link).raw(R"~("><rect)~");
    s.num_attr("width", spec.link_width)
        .num_attr("x", spec.left_margin > 1 ? spec.left_margin + 1 : 0)
        .raw_attr("height", style.height_text)
        .raw(kLinkRectFill);
  }
  if (style.shadow) {
    s.raw(R"~(<g transform="scale(.1)"><g aria-hidden="true" fill=")~")
        .raw(colors.shadow)
        .raw(R"~("><text)~")
        .num_attr("x", x)
        .raw_attr("y", style.shadow_y_text)
        .raw(R"~( fill-opacity=".8" filter="url(#blur)")~")
        .num_attr("textLength", text_length)
        .raw('>');
    spec.content->write(s);
    s.raw("</text><text")
        .num_attr("x", x)
        .raw_attr("y", style.shadow_y_text)
        .raw(R"~( fill-opacity=".3")~")
        .num_attr("textLength", text_length)
        .raw('>');
    spec.content->write(s);
    s.raw("</text></g><text").num_attr("x", x).raw_attr("y", style.y_text);
    s.num_attr("textLength", text_length);
    text_fill(s, colors);
    s.raw('>');
    spec.content->write(s);
    s.raw("</text></g>");
  } else {
    s.raw("<text").num_attr("x", x).raw_attr("y", style.y_text);
    s.num_attr("textLength", text_length);
    s.raw(kScaleDown);
    text_fill(s, colors);
    s.raw('>');
    spec.content->write(s);
    s.raw("</text>");
  }
  if (!spec.link.empty()) s.raw("</a>");
  w.commit(s);
}

void render_classic(SvgWriter& w, const Inputs& in, Style style_id, const Paint& color_in,
                    const Paint& label_color_in) {
  const ClassicStyle& style = style_id == Style::kPlastic ? kPlasticStyle
                              : style_id == Style::kFlat  ? kFlatStyle
                                                          : kFlatSquareStyle;
  const double horiz_padding = 5;
  const double total_logo_width = in.logo_width + in.logo_padding;
  const Paint color = color_in.given() ? color_in : kDefaultPaint;

  // A labelColor alone makes a (label-less) left part.
  const bool has_label = !in.label.empty() || label_color_in.given();
  Paint label_color = label_color_in.given() ? label_color_in : kDefaultLabelPaint;
  if (!has_label && !in.has_logo()) label_color = color;

  const double label_margin = total_logo_width + 1;
  const double label_width = in.label.empty() ? 0 : preferred_width(in.label, Font::kVerdana11);
  const double left_width = has_label ? label_width + 2 * horiz_padding + total_logo_width : 0;

  const double message_width = preferred_width(in.message, Font::kVerdana11);
  double message_margin = left_width - (in.message.empty() ? 0 : 1);
  if (!has_label) {
    message_margin =
        in.has_logo() ? message_margin + total_logo_width + horiz_padding : message_margin + 1;
  }
  double right_width = message_width + 2 * horiz_padding;
  if (in.has_logo() && !has_label) {
    right_width += total_logo_width + (in.message.empty() ? 0 : horiz_padding - 1);
  }
  const double width = left_width + right_width;

  TextSlot label(in.label, in.label_plain);
  TextSlot message(in.message, in.message_plain);
  // Each written more than once.
  const svg::FormattedNumber width_text(width);
  const svg::FormattedNumber left_width_text(left_width);
  open_badge(w, in, label, message, width_text, style.height_text);

  const std::string_view sfx = in.id_suffix;
  Span s = w.span(kSpanFixed + 4 * escaped_bound(sfx) + escaped_bound(label_color.value) +
                  escaped_bound(color.value));
  if (style_id == Style::kFlatSquare) {
    s.raw(R"~(<g shape-rendering="crispEdges">)~");
  } else {
    s.raw(R"~(<filter id="blur"><feGaussianBlur stdDeviation="16"/></filter>)~")
        .raw(R"~(<linearGradient id="s)~")
        .escaped(sfx)
        .raw(R"~(" x2="0" y2="100%">)~");
    if (style_id == Style::kPlastic) {
      s.raw(R"~(<stop offset="0" stop-color="#fff" stop-opacity=".7"/>)~"
            R"~(<stop offset=".1" stop-color="#aaa" stop-opacity=".1"/>)~"
            R"~(<stop offset=".9" stop-color="#000" stop-opacity=".3"/>)~"
            R"~(<stop offset="1" stop-color="#000" stop-opacity=".5"/>)~");
    } else {
      s.raw(R"~(<stop offset="0" stop-color="#bbb" stop-opacity=".1"/>)~"
            R"~(<stop offset="1" stop-opacity=".1"/>)~");
    }
    s.raw(R"~(</linearGradient><clipPath id="r)~")
        .escaped(sfx)
        .raw(R"~("><rect)~")
        .num_attr("width", width_text)
        .raw_attr("height", style.height_text)
        .raw(style_id == Style::kPlastic ? R"~( rx="4"/>)~" : R"~( rx="3"/>)~")
        .raw(R"~(</clipPath><g clip-path="url(#r)~")
        .escaped(sfx)
        .raw(R"~()">)~");
  }
  s.raw("<rect").num_attr("width", left_width_text).raw_attr("height", style.height_text);
  fill_attr(s, label_color);
  s.raw("/><rect")
      .num_attr("x", left_width_text)
      .num_attr("width", right_width)
      .raw_attr("height", style.height_text);
  fill_attr(s, color);
  s.raw("/>");
  if (style_id != Style::kFlatSquare) {
    s.raw("<rect")
        .num_attr("width", width_text)
        .raw_attr("height", style.height_text)
        .raw(R"~( fill="url(#s)~")
        .escaped(sfx)
        .raw(R"~()"/>)~");
  }
  s.raw(R"~(</g><g fill="#fff" text-anchor="middle" font-family=")~")
      .raw(kFontFamily)
      .raw(R"~(" text-rendering="geometricPrecision" font-size="110">)~");
  w.commit(s);

  logo_element(w, in, horiz_padding, style.height);
  classic_text(w, style,
               {label_margin, &label, in.wraps_body() ? std::string_view() : in.left_link,
                label_color, label_width, left_width});
  classic_text(w, style,
               {message_margin, &message, in.right_link, color, message_width, right_width});
  s = w.span(kSpanFixed);
  s.raw("</g>");
  w.commit(s);
  close_badge(w, in);
}

// --- texts re-cased for a style ----------------------------------------------------------------

// A text derived from a badge text, with the padding: on the stack when it fits (badge texts are
// short), so that the common badge allocates nothing for it.
class DerivedText {
 public:
  DerivedText() = default;
  DerivedText(const DerivedText&) = delete;
  DerivedText& operator=(const DerivedText&) = delete;

  // Room for `size` bytes plus the padding, valid until the next call.
  char* room(std::size_t size) {
    if (size + kTextPadding <= sizeof(stack_)) return stack_;
    heap_.resize(size + kTextPadding);
    return heap_.data();
  }
  // Pads what was written at `begin` (from room()) up to `end` and makes it the text.
  void set(char* begin, char* end) {
    std::memset(end, 0, kTextPadding);
    text_ = {{begin, static_cast<std::size_t>(end - begin)}};
  }
  PaddedView text() const { return text_; }

 private:
  char stack_[1536];
  std::string heap_;
  PaddedView text_;
};

// for-the-badge's toUpperCase().
void upper_case(PaddedView text, DerivedText* upper) {
  // js_to_upper_into() may write 16 bytes past its end, within the padding.
  char* const begin = upper->room(text.size() * kMaxUpperGrowth);
  upper->set(begin, js_to_upper_into(begin, text));
}

// social's capitalize(): the first UTF-16 unit upper-cased, into *storage if that changes
// anything. An astral first code point is a lone high surrogate there, which toUpperCase()
// leaves alone.
PaddedView capitalize(PaddedView label, DerivedText* storage) {
  const std::string_view text = label.text;
  if (text.empty()) return label;
  std::size_t end = 0;
  if (next_code_point(text, &end) >= 0x10000) return label;
  const std::string_view first = text.substr(0, end);
  char upper_bytes[4 * kMaxUpperGrowth];
  const std::string_view upper(
      upper_bytes, static_cast<std::size_t>(js_to_upper_into(upper_bytes, first) - upper_bytes));
  if (upper == first) return label;
  const std::string_view rest = text.substr(end);
  char* const begin = storage->room(upper.size() + rest.size());
  upper.copy(begin, upper.size());
  rest.copy(begin + upper.size(), rest.size());
  storage->set(begin, begin + upper.size() + rest.size());
  return storage->text();
}

// --- social --------------------------------------------------------------------------------------

// A social text pair: the white offset copy, then the text itself (with an id for the message,
// which the hover CSS targets).
[[gnu::always_inline]] inline void social_texts(Span& s, TextSlot& content, double x_value,
                                                double text_length_value, bool is_message,
                                                std::string_view id_suffix) {
  const svg::FormattedNumber x(x_value);
  const svg::FormattedNumber text_length(text_length_value);
  s.raw(R"~(<text aria-hidden="true")~")
      .num_attr("x", x)
      .raw(R"~( y="150" fill="#fff")~")
      .raw(kScaleDown)
      .num_attr("textLength", text_length)
      .raw('>');
  content.write(s);
  s.raw("</text><text");
  if (is_message) s.raw(R"~( id="rlink)~").escaped(id_suffix).raw('"');
  s.num_attr("x", x)
      .raw(R"~( y="140")~")
      .raw(kScaleDown)
      .num_attr("textLength", text_length)
      .raw('>');
  content.write(s);
  s.raw("</text>");
}

void render_social(SvgWriter& w, const Inputs& in) {
  // Upper-cased before measuring so the width matches what is drawn.
  DerivedText capitalized;
  TextSlot label(capitalize(in.label, &capitalized), in.label_plain);
  TextSlot message(in.message, in.message_plain);
  const std::string_view sfx = in.id_suffix;

  const double external_height = 20;
  constexpr svg::PaddedText kExternalHeightText("20");
  const double label_horiz_padding = 5;
  const double message_horiz_padding = 4;
  const double horiz_gutter = 6;
  const double total_logo_width = in.logo_width + in.logo_padding;
  const bool has_message = !message.empty();

  const double label_text_width = preferred_width(label.text(), Font::kHelveticaBold11);
  const double message_text_width = preferred_width(message.text(), Font::kHelveticaBold11);
  const double label_rect_width = label_text_width + total_logo_width + 2 * label_horiz_padding;
  const double message_rect_width = message_text_width + 2 * message_horiz_padding;
  const double left_width = label_rect_width + 1;
  const double right_width = has_message ? horiz_gutter + message_rect_width : 0;

  // Written more than once.
  const svg::FormattedNumber label_rect_width_text(label_rect_width);
  open_badge(w, in, label, message, svg::FormattedNumber(left_width + right_width),
             kExternalHeightText);
  Span s = w.span(kSpanFixed + 5 * escaped_bound(sfx));
  s.raw(R"~(<style>a:hover #llink)~")
      .escaped(sfx)
      .raw("{fill:url(#b")
      .escaped(sfx)
      .raw(");stroke:#ccc}a:hover #rlink")
      .escaped(sfx)
      .raw(R"~({fill:#4183c4}</style><linearGradient id="a)~")
      .escaped(sfx)
      .raw(R"~(" x2="0" y2="100%"><stop offset="0" stop-color="#fcfcfc" stop-opacity="0"/>)~"
           R"~(<stop offset="1" stop-opacity=".1"/></linearGradient><linearGradient id="b)~")
      .escaped(sfx)
      .raw(R"~(" x2="0" y2="100%"><stop offset="0" stop-color="#ccc" stop-opacity=".1"/>)~"
           R"~(<stop offset="1" stop-opacity=".1"/></linearGradient>)~");

  // Background: the label box and, with a message, the speech bubble.
  s.raw(R"~(<g stroke="#d5d5d5"><rect stroke="none" fill="#fcfcfc" x=".5" y=".5")~")
      .num_attr("width", label_rect_width_text)
      .raw(R"~( height="19" rx="2"/>)~");
  if (has_message) {
    const svg::FormattedNumber bubble_main_x(label_rect_width + horiz_gutter + 0.5);
    const double bubble_notch_x = label_rect_width + horiz_gutter;
    s.raw("<rect")
        .num_attr("x", bubble_main_x)
        .raw(R"~( y=".5")~")
        .num_attr("width", message_rect_width)
        .raw(R"~( height="19" rx="2" fill="#fafafa"/><rect)~")
        .num_attr("x", bubble_notch_x)
        .raw(R"~( y="7.5" width=".5" height="5" stroke="#fafafa"/><path d="M)~")
        .number(bubble_main_x)
        .raw(R"~( 6.5 l-3 3v1 l3 3" fill="#fafafa"/>)~");
  }
  s.raw("</g>");
  w.commit(s);
  logo_element(w, in, label_horiz_padding, external_height);

  s = w.span(kSpanFixed + 2 * label.bound() + 2 * escaped_bound(sfx) + escaped_bound(in.left_link));
  s.raw(R"~(<g aria-hidden=")~")
      .raw(in.has_link() ? "false" : "true")
      .raw(R"~(" fill="#333" text-anchor="middle" font-family=")~")
      .raw(kSocialFontFamily)
      .raw(R"~(" text-rendering="geometricPrecision" font-weight="700" font-size="110px")~"
           R"~( line-height="14px">)~");

  // Label: with both links it sits in its own <a>, rect last; otherwise rect first.
  const double label_text_x =
      kFontScaleUp * (total_logo_width + label_text_width / 2 + label_horiz_padding);
  const double label_text_length = kFontScaleUp * label_text_width;
  const auto label_rect = [&] {
    s.raw(R"~(<rect id="llink)~")
        .escaped(sfx)
        .raw(R"~(" stroke="#d5d5d5" fill="url(#a)~")
        .escaped(sfx)
        .raw(R"~()" x=".5" y=".5")~")
        .num_attr("width", label_rect_width_text)
        .raw(R"~( height="19" rx="2"/>)~");
  };
  if (in.has_link()) {
    s.raw(kOpenLink).escaped(in.left_link).raw(R"~(">)~");
    social_texts(s, label, label_text_x, label_text_length, false, sfx);
    label_rect();
    s.raw("</a>");
  } else {
    label_rect();
    social_texts(s, label, label_text_x, label_text_length, false, sfx);
  }

  w.commit(s);

  s = w.span(kSpanFixed + 2 * message.bound() + escaped_bound(sfx) + escaped_bound(in.right_link));
  if (has_message) {
    const double message_text_x =
        kFontScaleUp * (label_rect_width + horiz_gutter + message_rect_width / 2);
    const double message_text_length = kFontScaleUp * message_text_width;
    if (in.has_right_link()) {
      s.raw(kOpenLink)
          .escaped(in.right_link)
          .raw(R"~("><rect)~")
          .num_attr("width", message_rect_width + 1)
          .num_attr("x", label_rect_width + horiz_gutter)
          .num_attr("height", external_height)
          .raw(kLinkRectFill);
    }
    social_texts(s, message, message_text_x, message_text_length, true, sfx);
    if (in.has_right_link()) s.raw("</a>");
  }
  s.raw("</g>");
  w.commit(s);
  close_badge(w, in);
}

// --- for-the-badge -------------------------------------------------------------------------------

void render_for_the_badge(SvgWriter& w, const Inputs& in, const Paint& color_in,
                          const Paint& label_color_in) {
  const double badge_height = 28;
  constexpr svg::PaddedText kBadgeHeightText("28");
  const double text_margin = 12;
  const double logo_margin = 9;
  const double logo_text_gutter = 6;
  const double letter_spacing = 1.25;

  // All caps, applied before measuring.
  DerivedText label_upper;
  DerivedText message_upper;
  upper_case(in.label, &label_upper);
  upper_case(in.message, &message_upper);
  const PaddedView label = label_upper.text();
  const PaddedView message = message_upper.text();
  const Paint color = color_in.given() ? color_in : kDefaultPaint;
  const Paint out_label_color = label_color_in.given() ? label_color_in : kDefaultLabelPaint;

  // badge-maker counts UTF-16 units for the spacing (its own TODO says code points would be
  // better) and truncates the width without rounding to odd.
  const double label_text_width =
      label.empty() ? 0
                    : truncated_width(label, Font::kVerdana10) +
                          letter_spacing * static_cast<double>(utf16_length(label));
  const double message_text_width =
      message.empty() ? 0
                      : truncated_width(message, Font::kVerdanaBold10) +
                            letter_spacing * static_cast<double>(utf16_length(message));

  // With a labelColor the logo sits on a label rect even when there is no label.
  const bool has_label = !label.empty();
  const bool no_text = !has_label && message.empty();
  const bool needs_label_rect = has_label || (in.has_logo() && label_color_in.given());
  const double gutter = no_text ? logo_text_gutter - logo_margin : logo_text_gutter;
  const double label_text_min_x =
      in.has_logo() ? logo_margin + in.logo_width + gutter : text_margin;
  double label_rect_width = 0;
  double message_text_min_x = 0;
  double message_rect_width = 0;
  if (needs_label_rect) {
    label_rect_width = has_label ? label_text_min_x + label_text_width + text_margin
                                 : 2 * logo_margin + in.logo_width;
    message_text_min_x = label_rect_width + text_margin;
    message_rect_width = 2 * text_margin + message_text_width;
  } else if (in.has_logo()) {
    message_text_min_x = text_margin + in.logo_width + gutter;
    message_rect_width = 2 * text_margin + in.logo_width + gutter + message_text_width;
  } else {
    message_text_min_x = text_margin;
    message_rect_width = 2 * text_margin + message_text_width;
  }

  TextSlot label_slot(label, in.label_plain);
  TextSlot message_slot(message, in.message_plain);
  // `labelRectWidth || 0`: only NaN (from infinite logo widths) differs from the plain value.
  const double left_width = std::isnan(label_rect_width) ? 0 : label_rect_width;
  const svg::FormattedNumber label_rect_width_text(label_rect_width);  // Written up to 3 times.
  open_badge(w, in, label_slot, message_slot, svg::FormattedNumber(left_width + message_rect_width),
             kBadgeHeightText);
  Span s = w.span(kSpanFixed + escaped_bound(out_label_color.value) + escaped_bound(color.value));
  s.raw(R"~(<g shape-rendering="crispEdges"><rect)~");
  if (needs_label_rect) {
    s.num_attr("width", label_rect_width_text).raw_attr("height", kBadgeHeightText);
    fill_attr(s, out_label_color);
    s.raw("/><rect").num_attr("x", label_rect_width_text);
  }
  s.num_attr("width", message_rect_width).raw_attr("height", kBadgeHeightText);
  fill_attr(s, color);
  s.raw(R"~(/></g><g fill="#fff" text-anchor="middle" font-family=")~")
      .raw(kFontFamily)
      // Font size 10, times kFontScaleUp.
      .raw(R"~(" text-rendering="geometricPrecision" font-size="100">)~");
  w.commit(s);
  logo_element(w, in, logo_margin, badge_height);

  s = w.span(kSpanFixed + label_slot.bound() + message_slot.bound() + escaped_bound(in.left_link) +
             escaped_bound(in.right_link));
  if (has_label) {
    const bool linked = in.has_link();
    if (linked) {
      s.raw(kOpenLink)
          .escaped(in.left_link)
          .raw(R"~("><rect)~")
          .num_attr("width", label_rect_width_text)
          .raw_attr("height", kBadgeHeightText)
          .raw(kLinkRectFill);
    }
    s.raw("<text")
        .raw(kScaleDown)
        .num_attr("x", kFontScaleUp * (label_text_min_x + 0.5 * label_text_width))
        .raw(R"~( y="175")~")
        .num_attr("textLength", kFontScaleUp * label_text_width);
    text_fill(s, colors_for(out_label_color));
    s.raw('>');
    label_slot.write(s);
    s.raw("</text>");
    if (linked) s.raw("</a>");
  }

  // The message <text> is written even when empty, as badge-maker does.
  if (in.has_right_link()) {
    // Attribute order here is width, height, x.
    s.raw(kOpenLink)
        .escaped(in.right_link)
        .raw(R"~("><rect)~")
        .num_attr("width", message_rect_width)
        .raw_attr("height", kBadgeHeightText)
        .num_attr("x", left_width)
        .raw(kLinkRectFill);
  }
  s.raw("<text")
      .raw(kScaleDown)
      .num_attr("x", kFontScaleUp * (message_text_min_x + 0.5 * message_text_width))
      .raw(R"~( y="175")~")
      .num_attr("textLength", kFontScaleUp * message_text_width)
      .raw(R"~( font-weight="bold")~");
  text_fill(s, colors_for(color));
  s.raw('>');
  message_slot.write(s);
  s.raw("</text>");
  if (in.has_right_link()) s.raw("</a>");
  s.raw("</g>");
  w.commit(s);
  close_badge(w, in);
}

// toSvgColor() and brightness() of an optional colour; not given() when absent or invalid.
Paint resolve_paint(const std::optional<std::string>& color, std::string* storage) {
  if (!color) return {};
  const std::optional<SvgColor> resolved = resolve_svg_color(*color, storage);
  if (!resolved) return {};
  Paint paint{resolved->value, resolved->brightness <= 0.69, std::nullopt};
  if (paint.value.size() <= svg::PaddedText::kCapacity &&
      !svg::detail::range_may_hold_special(paint.value.data(),
                                           paint.value.data() + paint.value.size())) {
    paint.padded.emplace(paint.value);
  }
  return paint;
}

}  // namespace

std::optional<Style> parse_style(std::string_view name) {
  for (const StyleName& entry : kStyleNames) {
    if (entry.name == name) return entry.style;
  }
  return std::nullopt;
}

std::string_view style_name(Style style) {
  for (const StyleName& entry : kStyleNames) {
    if (entry.style == style) return entry.name;
  }
  return "flat";
}

std::string render_svg(const Badge& badge) {
  const BadgeText label(badge.label);
  const BadgeText message(badge.message);
  const bool has_logo = !badge.logo_base64.empty();
  // makeBadge(): `+logoWidth || (logo ? 14 : 0)`, so 0 and NaN mean the default.
  const bool logo_width_given = badge.logo_width != 0 && !std::isnan(badge.logo_width);
  const double logo_width = !has_logo ? 0 : logo_width_given ? badge.logo_width : kDefaultLogoWidth;
  const Inputs in{label.view(),
                  message.view(),
                  label.plain(),
                  message.plain(),
                  badge.logo_base64,
                  logo_width,
                  has_logo && !label.view().empty() ? 3.0 : 0.0,
                  badge.links[0],
                  badge.links[1],
                  badge.id_suffix};

  // Enough for a typical badge plus one span's headroom in one allocation; the writer grows for
  // anything bigger.
  SvgWriter w(1600 + kSpanFixed + 5 * (in.label.size() + in.message.size()) + in.logo.size() +
              in.left_link.size() + in.right_link.size());
  if (badge.style == Style::kSocial) {
    render_social(w, in);  // Social ignores both colours.
  } else {
    std::string color_storage;
    std::string label_color_storage;
    const Paint color = resolve_paint(badge.color, &color_storage);
    const Paint label_color = resolve_paint(badge.label_color, &label_color_storage);
    if (badge.style == Style::kForTheBadge) {
      render_for_the_badge(w, in, color, label_color);
    } else {
      render_classic(w, in, badge.style, color, label_color);
    }
  }
  return std::move(w).finish();
}

}  // namespace badgesmith::badges
