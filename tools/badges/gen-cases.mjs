#!/usr/bin/env node
// Seeded generator of badge-maker@6.0.0 inputs for the equivalence test and the render benchmark.
//
// Usage: node gen-cases.mjs [--seed N] [--per-category N] [--tagged] [--out FILE]
//   Writes one badge-maker input object per line (NDJSON; keys exactly makeBadge()'s: label,
//   message, color, labelColor, style, logoBase64, links, idSuffix) to stdout or FILE, and the
//   per-category counts to stderr. --tagged wraps each line as {"category":…,"input":…}.
//
// The same seed always gives the same cases (a private PRNG; Math.random is never used), so a
// failure found by the equivalence test can be replayed. Other scripts import generateCases().
//
// Every input is one badge-maker accepts (makeBadge would not throw). Strings never hold lone
// surrogates: they cannot be carried as UTF-8, which is what `badgesmith render --batch` reads.
// Colour names that collide with Object.prototype members ('constructor', 'toString', …) are left
// out on purpose: badge-maker renders garbage for them (its lookups use `in`).

import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const DEFAULT_SEED = 20260811
export const DEFAULT_PER_CATEGORY = 120

export const STYLES = ['flat', 'flat-square', 'plastic', 'for-the-badge', 'social']

// The code points XML 1.0 forbids and that BadgeSmith therefore drops from label and message (the
// one documented divergence from badge-maker): C0 controls except TAB, LF and CR, U+FFFE, U+FFFF.
export function isXmlForbidden(codePoint) {
  return (
    (codePoint < 0x20 && codePoint !== 0x09 && codePoint !== 0x0a && codePoint !== 0x0d) ||
    codePoint === 0xfffe ||
    codePoint === 0xffff
  )
}

export function dropXmlForbidden(s) {
  let out = ''
  for (const ch of s) if (!isXmlForbidden(ch.codePointAt(0))) out += ch
  return out
}

// mulberry32: tiny, fast, and good enough to spread cases; the point is determinism.
function makeRng(seed) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const rng = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)), // inclusive
    chance: p => next() < p,
    pick: arr => arr[Math.floor(next() * arr.length)],
    cp: (lo, hi) => String.fromCodePoint(lo + Math.floor(next() * (hi - lo + 1))),
    repeat: (n, f) => {
      let s = ''
      for (let i = 0; i < n; i++) s += f()
      return s
    },
  }
  return rng
}

// ---------------------------------------------------------------------------------------------
// Pools.

const WORDS = [
  'build', 'passing', 'failing', 'coverage', 'nuget', '13.0.3', 'v1.2.3-beta.4', 'downloads',
  '1.2k', '49M', 'license', 'MIT', 'Apache-2.0', 'tests', '42 passed, 1 failed', 'docs', 'release',
  'cactus', 'grown', 'version', 'v0.0.1', 'stable', 'pre-release', 'CI', 'npm', 'GitHub', 'status',
  'unknown', 'n/a', 'custom badge', 'invalid', 'inaccessible', 'resource not found', 'ok', 'WWWW',
  'iiii', 'mmmm', '..', '-', '100%', '99.9%', 'Lorem ipsum', 'dolor sit amet', 'x', 'A', '0',
]

const PALETTE = [
  'brightgreen', 'green', 'yellow', 'yellowgreen', 'orange', 'red', 'blue', 'grey', 'lightgrey',
]
const ALIASES = ['gray', 'lightgray', 'critical', 'important', 'success', 'informational', 'inactive']
// The 148 CSS named colours (CSS Color 4), which css-color-converter accepts in lower case.
const CSS_NAMES = (
  'aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet ' +
  'brown burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan ' +
  'darkblue darkcyan darkgoldenrod darkgray darkgreen darkgrey darkkhaki darkmagenta ' +
  'darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen darkslateblue ' +
  'darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray dimgrey ' +
  'dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray ' +
  'green greenyellow grey honeydew hotpink indianred indigo ivory khaki lavender lavenderblush ' +
  'lawngreen lemonchiffon lightblue lightcoral lightcyan lightgoldenrodyellow lightgray ' +
  'lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray ' +
  'lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon ' +
  'mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen mediumslateblue ' +
  'mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream mistyrose moccasin ' +
  'navajowhite navy oldlace olive olivedrab orange orangered orchid palegoldenrod palegreen ' +
  'paleturquoise palevioletred papayawhip peachpuff peru pink plum powderblue purple rebeccapurple ' +
  'red rosybrown saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue slateblue ' +
  'slategray slategrey snow springgreen steelblue tan teal thistle tomato turquoise violet wheat ' +
  'white whitesmoke yellow yellowgreen'
).split(' ')

const LOGOS = [
  'data:image/svg+xml;base64,PHN2ZyB4bWxu',
  // <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><circle cx="12" cy="12" r="10" fill="#fff"/></svg>
  'data:image/svg+xml;base64,' +
    Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><circle cx="12" cy="12" r="10" fill="#fff"/></svg>',
    ).toString('base64'),
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=',
]

const URLS = [
  'https://shields.io/', 'https://www.google.co.uk/', 'https://example.com/a?b=1&c=2',
  'https://github.com/badgesmith/badgesmith/actions?query=branch%3Amain', 'http://localhost:8080/',
  'https://example.com/"quoted"', "https://example.com/it's", 'https://example.com/<tag>',
  'https://例え.jp/パス', 'https://example.com/#frag', 'mailto:someone@example.com',
  'javascript:alert(1)', '/relative/path', 'https://example.com/' + 'x'.repeat(200),
]

const ID_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_'

// Emoji: plain astral ones (not in anafanafo's tables, so they measure as 'm'), BMP symbols that
// are, variation selectors, skin tones, ZWJ sequences, flags and keycaps.
const EMOJI = [
  '😀', '🚀', '✅', '❌', '⚠️', '🔥', '👍🏽', '👩‍💻', '👨‍👩‍👧‍👦', '🏳️‍🌈', '🇬🇧', '🇯🇵', '#️⃣', '1️⃣', '☕', '✨',
  '🧪', '📦', '🐛', '🎉', '💯', '⭐', '❤️', '🫠', '🧑🏿‍🔬', '©️', '™', '↗️', '🟢', '🔴',
]

// Characters whose JS toUpperCase() is longer than the input or otherwise surprising, plus
// case pairs from scripts a small case table might miss (Georgian, Cherokee, Deseret, Adlam).
const UPPER_SPECIAL = [
  'ß', 'ŉ', 'ǰ', 'ΐ', 'ΰ', 'և', 'ẖ', 'ẗ', 'ẘ', 'ẙ', 'ẚ', 'ﬀ', 'ﬁ', 'ﬂ', 'ﬃ', 'ﬄ', 'ﬅ', 'ﬆ', 'ﬓ',
  'ﬔ', 'ﬕ', 'ﬖ', 'ﬗ', 'ᾀ', 'ᾈ', 'ᾳ', 'ᾼ', 'ῃ', 'ῌ', 'ῳ', 'ῼ', 'ᾲ', 'ᾴ', 'ᾶ', 'ᾷ', 'ῂ', 'ῄ', 'ῆ', 'ῇ',
  'ῒ', 'ῖ', 'ῗ', 'ῢ', 'ῤ', 'ῦ', 'ῧ', 'ῲ', 'ῴ', 'ῶ', 'ῷ', 'ı', 'ſ', 'ς', 'ǅ', 'ǈ', 'ǋ', 'ǲ', 'ͅ',
  'µ', 'ÿ', 'ɐ', 'ɫ', 'ꭰ', 'ა', 'ჰ', '𐐨', '𐑏', '𞤢', '𐓘', 'ꞔ', 'ᲀ', 'ᵹ', 'ⱥ', 'ⱦ', 'ǆ', 'ǉ',
]

const XML_SPECIALS = ['&', '<', '>', '"', "'", '&amp;', '&lt;', ']]>', '<![CDATA[', '<script>', '&#x41;', '</text>', '"/><x a="']

// JS trim() strips these (WhiteSpace and LineTerminator, U+FEFF included); the second list is
// look-alikes it does not strip.
const JS_SPACES = [
  ' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u1680', '\u2000', '\u2001', '\u2002', '\u2003',
  '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200a', '\u2028', '\u2029',
  '\u202f', '\u205f', '\u3000', '\ufeff',
]
const NOT_JS_SPACES = ['\u200b', '\u180e', '\u200c', '\u200d', '\u2060', '\u00ad']

// Allowed by XML 1.0 yet easy to mistake for forbidden; they must pass through untouched.
const XML_ALLOWED_ODDITIES = ['\t', '\n', '\r', '\u007f', '\u0080', '\u0085', '\u009f', '\ufffd', '\ufdd0', '\u{1fffe}', '\u{10ffff}', '\ue000']

function xmlForbiddenChar(rng) {
  const r = rng.next()
  if (r < 0.1) return '\u0000'
  if (r < 0.75) return rng.pick(['\u0001', '\u0002', '\u0007', '\u0008', '\u000b', '\u000c', '\u000e', '\u001b', '\u001f'])
  return rng.pick(['\ufffe', '\uffff'])
}

// ---------------------------------------------------------------------------------------------
// Text makers.

function asciiWord(rng) {
  return rng.chance(0.6) ? rng.pick(WORDS) : rng.repeat(rng.int(1, 14), () => rng.cp(0x21, 0x7e))
}

function asciiPrintable(rng, n) {
  return rng.repeat(n, () => rng.cp(0x20, 0x7e))
}

function cjkChar(rng) {
  const r = rng.next()
  if (r < 0.45) return rng.cp(0x4e00, 0x9fff) // Unified ideographs
  if (r < 0.6) return rng.cp(0x3041, 0x3096) // Hiragana
  if (r < 0.7) return rng.cp(0x30a1, 0x30fa) // Katakana
  if (r < 0.82) return rng.cp(0xac00, 0xd7a3) // Hangul syllables
  if (r < 0.9) return rng.cp(0xff01, 0xff5e) // Fullwidth forms
  if (r < 0.95) return rng.pick(['。', '、', '「', '」', '・', 'ー', '〜'])
  return rng.cp(0x20000, 0x2a6df) // Extension B: astral, two UTF-16 units
}

function cjkText(rng) {
  const n = rng.int(1, 12)
  let s = rng.repeat(n, () => cjkChar(rng))
  if (rng.chance(0.3)) s = `${asciiWord(rng)} ${s}`
  if (rng.chance(0.2)) s += ` ${rng.int(0, 999)}`
  return s
}

function emojiText(rng) {
  const parts = []
  const n = rng.int(1, 5)
  for (let i = 0; i < n; i++) parts.push(rng.chance(0.6) ? rng.pick(EMOJI) : rng.cp(0x1f300, 0x1faff))
  let s = parts.join(rng.chance(0.5) ? '' : ' ')
  if (rng.chance(0.5)) s = rng.chance(0.5) ? `${s} ${asciiWord(rng)}` : `${asciiWord(rng)} ${s}`
  return s
}

function combiningText(rng) {
  const bases = ['a', 'e', 'o', 'u', 'n', 'Z', 'ß', 'i', 'ı', 'ω', 'и', 'ع', 'क', '한', '1', ' ']
  let s = ''
  const n = rng.int(1, 6)
  for (let i = 0; i < n; i++) {
    const r = rng.next()
    if (r < 0.1) {
      s += rng.pick(['\u1100\u1161\u11a8', 'क्ष', 'नि', 'ﷺ', 'e\u0301', 'A\u030a', 'ǰ\u0323'])
      continue
    }
    s += rng.pick(bases)
    const marks = r < 0.85 ? rng.int(1, 3) : rng.int(4, 12) // the tail: "Zalgo" stacks
    for (let j = 0; j < marks; j++) {
      const q = rng.next()
      if (q < 0.7) s += rng.cp(0x0300, 0x036f)
      else if (q < 0.8) s += rng.cp(0x1ab0, 0x1ace)
      else if (q < 0.9) s += rng.cp(0x20d0, 0x20f0)
      else s += rng.pick(['\u0345', '\u0951', '\u093c', '\u05b7', '\u0670', '\ufe20', '\u{1d167}'])
    }
  }
  // Marks may also lead the string (after trimming nothing is left to combine with).
  if (rng.chance(0.15)) s = rng.cp(0x0300, 0x036f) + s
  return s.trim() === '' ? `a${s}` : s
}

function longText(rng) {
  const r = rng.next()
  const n = r < 0.8 ? rng.int(40, 200) : r < 0.97 ? rng.int(200, 600) : rng.int(1000, 2500)
  let s = ''
  while (s.length < n) {
    const q = rng.next()
    if (q < 0.55) s += asciiWord(rng)
    else if (q < 0.7) s += cjkChar(rng)
    else if (q < 0.78) s += rng.pick(EMOJI)
    else if (q < 0.85) s += rng.repeat(rng.int(5, 40), () => rng.pick(['a', 'i', 'm', 'W', '.', 'l']))
    else s += rng.cp(0xa1, 0x24f)
    s += rng.chance(0.7) ? ' ' : ''
  }
  return s
}

function upperText(rng) {
  let s = ''
  const n = rng.int(1, 5)
  for (let i = 0; i < n; i++) {
    s += rng.chance(0.6) ? rng.pick(UPPER_SPECIAL) : rng.repeat(rng.int(1, 4), () => rng.cp(0x61, 0x7a))
    if (rng.chance(0.2)) s += ' '
  }
  return s
}

function xmlSpecialText(rng) {
  let s = ''
  const n = rng.int(1, 4)
  for (let i = 0; i < n; i++) {
    s += rng.pick(XML_SPECIALS)
    if (rng.chance(0.6)) s += asciiWord(rng)
  }
  return s
}

// Any text, for the background of a case: mostly ASCII, sometimes anything from the pools.
function anyText(rng) {
  const r = rng.next()
  if (r < 0.55) return asciiWord(rng)
  if (r < 0.65) return `${asciiWord(rng)} ${asciiWord(rng)}`
  if (r < 0.72) return cjkText(rng)
  if (r < 0.79) return emojiText(rng)
  if (r < 0.84) return combiningText(rng)
  if (r < 0.89) return upperText(rng)
  if (r < 0.93) return xmlSpecialText(rng)
  if (r < 0.97) return asciiPrintable(rng, rng.int(1, 30))
  return longText(rng)
}

// ---------------------------------------------------------------------------------------------
// Colour makers.

function hexDigits(rng, n) {
  return rng.repeat(n, () => rng.pick('0123456789abcdefABCDEF'.split('')))
}

function hexColor(rng) {
  const r = rng.next()
  if (r < 0.25) return hexDigits(rng, 3) // bare: badge-maker adds '#' and lower-cases
  if (r < 0.45) return hexDigits(rng, 6)
  if (r < 0.65) return `#${hexDigits(rng, 3)}`
  if (r < 0.85) return `#${hexDigits(rng, 6)}`
  if (r < 0.92) return `#${hexDigits(rng, 4)}`
  return `#${hexDigits(rng, 8)}`
}

function alphaValue(rng) {
  return rng.pick(['0', '1', '.5', '0.5', '0.25', '50%', '100%', '.0', '1.0', '0.999'])
}

function rgbColor(rng) {
  const fn = rng.pick(['rgb', 'rgba', 'rgb', 'RGB'])
  const pct = rng.chance(0.25)
  const ch = () => (pct ? `${rng.int(0, 100)}%` : `${rng.int(0, 255)}`)
  const vals = [ch(), ch(), ch()]
  const spaces = rng.chance(0.3)
  let inner = spaces ? vals.join(' ') : vals.join(rng.pick([',', ', ', ' , ']))
  if (rng.chance(0.4)) inner += spaces ? ` / ${alphaValue(rng)}` : `,${alphaValue(rng)}`
  let s = `${fn}(${inner})`
  if (rng.chance(0.1)) s = ` ${s} `
  return s
}

function hslColor(rng) {
  const fn = rng.pick(['hsl', 'hsla', 'hsl', 'HSL'])
  const hue = `${rng.int(0, 720)}${rng.pick(['', '', 'deg', 'rad', 'grad', 'turn'])}`
  const vals = [hue, `${rng.int(0, 100)}%`, `${rng.int(0, 100)}%`]
  const spaces = rng.chance(0.3)
  let inner = spaces ? vals.join(' ') : vals.join(rng.pick([',', ', ']))
  if (rng.chance(0.4)) inner += spaces ? ` / ${alphaValue(rng)}` : `,${alphaValue(rng)}`
  let s = `${fn}(${inner})`
  if (rng.chance(0.1)) s = `  ${s}`
  return s
}

function namedColor(rng) {
  const r = rng.next()
  if (r < 0.35) return rng.pick(PALETTE)
  if (r < 0.55) return rng.pick(ALIASES)
  if (r < 0.92) return rng.pick(CSS_NAMES)
  // Padded names are valid CSS colours that badge-maker emits untrimmed.
  return rng.pick(['  blue ', ' red', 'green ', '\tteal', 'navy\n', ' papayawhip '])
}

function invalidColor(rng) {
  const r = rng.next()
  if (r < 0.3) {
    return rng.pick([
      '', 'notacolor', 'bluish', 'almostred', 'brightmaroon', 'cactus', 'Red', 'BLUE', 'Green',
      'BrightGreen', 'light grey', 'grey50', '#123red', '#red', '#ab', '#abcde', '#abcdefa', 'abcd',
      'abcdef12', '##abc', '# abc', 'rgb(1,2)', 'rgb(-1,0,0)', 'rgb(1.5,2,3)', 'rgb(10%,20,30)',
      'rgb(256,0,0,0,0)', 'hsl(10,20,30)', 'hsl(10,20%,30)', 'hsla(10deg,-5%,30%)', 'rgb()',
      'rgb(1,2,3', 'transparentish', 'currentColor', 'inherit', 'none', 'null', 'undefined',
      '0', '-1', '#', ' ', '\u00a0blue', 'blue\u200b', 'ʙʟᴜᴇ', 'ｂｌｕｅ', 'red;fill:url(#x)',
      '"red"', '<red>', 'red&blue',
    ])
  }
  if (r < 0.6) return asciiPrintable(rng, rng.int(1, 12))
  if (r < 0.8) return anyText(rng)
  return `#${rng.repeat(rng.pick([3, 6]), () => rng.pick('ghijklmnopqrstuvwxyz'.split('')))}`
}

function anyColor(rng) {
  const r = rng.next()
  if (r < 0.35) return namedColor(rng)
  if (r < 0.6) return hexColor(rng)
  if (r < 0.75) return rgbColor(rng)
  if (r < 0.85) return hslColor(rng)
  return invalidColor(rng)
}

// ---------------------------------------------------------------------------------------------
// Cases.

function idSuffix(rng) {
  return rng.repeat(rng.int(0, 12), () => rng.pick(ID_CHARS.split('')))
}

function links(rng) {
  const r = rng.next()
  const u = () => rng.pick(URLS)
  if (r < 0.3) return [u()]
  if (r < 0.65) return [u(), u()]
  if (r < 0.75) return ['', u()]
  if (r < 0.85) return [u(), '']
  if (r < 0.92) return []
  return ['', '']
}

// A random background case: every optional key present with some probability.
function baseCase(rng, { style } = {}) {
  const input = {}
  if (rng.chance(0.9)) input.label = anyText(rng)
  input.message = anyText(rng)
  if (rng.chance(0.55)) input.color = anyColor(rng)
  if (rng.chance(0.25)) input.labelColor = anyColor(rng)
  const s = style ?? rng.pick([...STYLES, 'absent'])
  if (s !== 'absent') input.style = s
  if (rng.chance(0.15)) input.logoBase64 = rng.pick(LOGOS)
  if (rng.chance(0.1)) input.links = links(rng)
  if (rng.chance(0.1)) input.idSuffix = idSuffix(rng)
  return input
}

function surround(rng, s, pool) {
  const pre = rng.chance(0.5) ? rng.repeat(rng.int(1, 3), () => rng.pick(pool)) : ''
  const post = rng.chance(0.5) ? rng.repeat(rng.int(1, 3), () => rng.pick(pool)) : ''
  return pre + s + post
}

// Sets label or message (or both) to what `make` returns.
function putText(rng, input, make) {
  const r = rng.next()
  if (r < 0.4) input.label = make(rng)
  else if (r < 0.75) input.message = make(rng)
  else {
    input.label = make(rng)
    input.message = make(rng)
  }
  return input
}

function insertAt(rng, s, ch) {
  const chars = [...s]
  const i = rng.int(0, chars.length)
  chars.splice(i, 0, ch)
  return chars.join('')
}

// A colour category: the message colour, and sometimes the label colour, from one generator.
function colorCase(rng, color) {
  const input = baseCase(rng)
  input.color = color(rng)
  if (rng.chance(0.4)) input.labelColor = color(rng)
  return input
}

const CATEGORIES = {
  'style-flat': rng => baseCase(rng, { style: rng.chance(0.8) ? 'flat' : 'absent' }),
  'style-flat-square': rng => baseCase(rng, { style: 'flat-square' }),
  'style-plastic': rng => baseCase(rng, { style: 'plastic' }),
  'style-for-the-badge': rng => baseCase(rng, { style: 'for-the-badge' }),
  'style-social': rng => baseCase(rng, { style: 'social' }),
  'named-colors': rng => colorCase(rng, namedColor),
  'hex-colors': rng => colorCase(rng, hexColor),
  'rgb-colors': rng => colorCase(rng, rgbColor),
  'hsl-colors': rng => colorCase(rng, hslColor),
  'invalid-colors': rng => {
    const input = baseCase(rng)
    const r = rng.next()
    if (r < 0.6) input.color = invalidColor(rng)
    else if (r < 0.8) input.labelColor = invalidColor(rng)
    else {
      input.color = invalidColor(rng)
      input.labelColor = invalidColor(rng)
    }
    return input
  },
  'label-color': rng => {
    const input = baseCase(rng)
    input.labelColor = anyColor(rng)
    // labelColor alone makes a label box (flat family) and holds the logo (for-the-badge).
    if (rng.chance(0.25)) input.label = ''
    if (rng.chance(0.25)) input.logoBase64 = rng.pick(LOGOS)
    return input
  },
  'logo-base64': rng => {
    const input = baseCase(rng)
    input.logoBase64 = rng.chance(0.9) ? rng.pick(LOGOS) : ''
    const r = rng.next()
    if (r < 0.15) input.label = ''
    else if (r < 0.25) input.message = ''
    else if (r < 0.35) {
      input.label = ''
      input.message = ''
    }
    if (rng.chance(0.2)) input.labelColor = anyColor(rng)
    return input
  },
  links: rng => {
    const input = baseCase(rng)
    input.links = links(rng)
    if (rng.chance(0.15)) input.label = ''
    if (rng.chance(0.1)) input.message = ''
    return input
  },
  'id-suffix': rng => {
    const input = baseCase(rng)
    input.idSuffix = idSuffix(rng)
    return input
  },
  'empty-label': rng => {
    const input = baseCase(rng)
    const r = rng.next()
    if (r < 0.35) input.label = ''
    else if (r < 0.5) delete input.label
    else if (r < 0.8) input.label = rng.repeat(rng.int(1, 4), () => rng.pick(JS_SPACES))
    else {
      input.label = ''
      input.message = rng.chance(0.5) ? '' : rng.repeat(rng.int(1, 3), () => rng.pick(JS_SPACES))
    }
    return input
  },
  'long-text': rng => putText(rng, baseCase(rng), longText),
  cjk: rng => putText(rng, baseCase(rng), cjkText),
  emoji: rng => putText(rng, baseCase(rng), emojiText),
  'combining-marks': rng => putText(rng, baseCase(rng), combiningText),
  'xml-specials': rng => {
    const input = putText(rng, baseCase(rng), xmlSpecialText)
    if (rng.chance(0.25)) {
      input.logoBase64 = rng.pick([
        'data:image/svg+xml;utf8,<svg xmlns="http://www.w3.org/2000/svg"/>',
        "data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg'><rect fill='#f00' width='1' height='1'/></svg>",
        'data:text/plain,a&b<c>"d"',
      ])
    }
    if (rng.chance(0.25)) input.links = ['https://example.com/?a=1&b="2"', "https://example.com/<'x'>"]
    return input
  },
  'upper-expands': rng => {
    // toUpperCase only matters in for-the-badge (both texts) and social (first label char).
    const style = rng.pick(['for-the-badge', 'for-the-badge', 'social', 'flat'])
    const input = baseCase(rng, { style })
    putText(rng, input, upperText)
    if (style === 'social' && rng.chance(0.7)) input.label = rng.pick(UPPER_SPECIAL) + asciiWord(rng)
    return input
  },
  'unicode-whitespace': rng => {
    const input = baseCase(rng)
    const pool = rng.chance(0.75) ? JS_SPACES : NOT_JS_SPACES
    input.message = surround(rng, input.message, pool)
    if (input.label !== undefined && rng.chance(0.6)) input.label = surround(rng, input.label, pool)
    if (rng.chance(0.3)) input.message = insertAt(rng, input.message, rng.pick([...JS_SPACES, ...NOT_JS_SPACES]))
    return input
  },
  'xml-forbidden': rng => {
    const input = baseCase(rng)
    const spoil = s => {
      let out = s ?? ''
      const n = rng.int(1, 3)
      for (let i = 0; i < n; i++) {
        const r = rng.next()
        const ch = xmlForbiddenChar(rng)
        // Next to edge whitespace too: the rule drops them before trimming.
        if (r < 0.25) out = ch + (rng.chance(0.5) ? ' ' : '') + out
        else if (r < 0.5) out = out + (rng.chance(0.5) ? ' ' : '') + ch
        else out = insertAt(rng, out, ch)
      }
      if (rng.chance(0.15)) out = rng.repeat(rng.int(1, 3), () => xmlForbiddenChar(rng)) // nothing left
      return out
    }
    const r = rng.next()
    if (r < 0.4) input.label = spoil(input.label)
    else if (r < 0.75) input.message = spoil(input.message)
    else {
      input.label = spoil(input.label)
      input.message = spoil(input.message)
    }
    // Allowed oddities ride along so an over-eager filter shows up as a difference.
    if (rng.chance(0.4)) input.message = insertAt(rng, input.message, rng.pick(XML_ALLOWED_ODDITIES))
    return input
  },
}

// badge-maker's own 50 snapshot inputs (badge-maker/lib/make-badge.spec.mjs in badges/shields),
// with the internal `logo` key spelled as the public API's `logoBase64`.
export function snapshotCases() {
  const logo = 'data:image/svg+xml;base64,PHN2ZyB4bWxu'
  const links2 = ['https://shields.io/', 'https://www.google.co.uk/']
  const cases = [{ label: 'cactus', message: 'grown' }]
  const perStyle = style => {
    const base = { label: 'cactus', message: 'grown', style, color: '#b3e', labelColor: '#0f0' }
    const out = [
      { ...base },
      { ...base, logoBase64: logo },
      // The flat variant of this snapshot passes no style (the default).
      style === 'flat'
        ? { label: 'cactus', message: 'grown', color: '#b3e', labelColor: '#0f0', logoBase64: logo, idSuffix: '1' }
        : { ...base, logoBase64: logo, idSuffix: '1' },
      { label: '', message: 'grown', style, color: '#b3e' },
      { label: '', message: 'grown', style, color: '#b3e', logoBase64: logo },
      { label: '', message: 'grown', style, color: '#b3e', labelColor: '#0f0', logoBase64: logo },
      { ...base, links: links2 },
    ]
    if (style !== 'social') {
      out.push({ label: 'cactus', message: 'grown', style, color: '#000', labelColor: '#f3f3f3' })
      out.push({ label: 'cactus', message: 'grown', style, color: '#e2ffe1', labelColor: '#000' })
    }
    return out
  }
  for (const style of ['flat', 'flat-square', 'plastic', 'for-the-badge', 'social']) cases.push(...perStyle(style))
  cases.push({ label: 'label', message: 'message', logoBase64: logo })
  for (const style of ['flat', 'flat-square', 'for-the-badge', 'social', 'plastic']) {
    cases.push({ label: '', message: '', logoBase64: logo, style })
  }
  return cases
}

// Returns [{category, input}], snapshots first, then perCategory cases of each category in a
// fixed order. Inputs are distinct (compared as JSON).
export function generateCases({ seed = DEFAULT_SEED, perCategory = DEFAULT_PER_CATEGORY } = {}) {
  const rng = makeRng(seed)
  const seen = new Set()
  const out = []
  for (const input of snapshotCases()) {
    seen.add(JSON.stringify(input))
    out.push({ category: 'snapshots', input })
  }
  for (const [category, make] of Object.entries(CATEGORIES)) {
    let made = 0
    for (let attempts = 0; made < perCategory; attempts++) {
      if (attempts > perCategory * 50) throw new Error(`gen-cases: cannot make ${perCategory} distinct ${category} cases`)
      const input = make(rng)
      const key = JSON.stringify(input)
      if (seen.has(key)) continue
      seen.add(key)
      out.push({ category, input })
      made++
    }
  }
  return out
}

export function categoryCounts(cases) {
  const counts = new Map()
  for (const { category } of cases) counts.set(category, (counts.get(category) ?? 0) + 1)
  return counts
}

export function styleCounts(cases) {
  const counts = new Map(STYLES.map(s => [s, 0]))
  for (const { input } of cases) {
    const s = input.style ?? 'flat'
    counts.set(s, counts.get(s) + 1)
  }
  return counts
}

export function formatCounts(cases) {
  const lines = []
  for (const [category, n] of categoryCounts(cases)) lines.push(`  ${category.padEnd(22)} ${n}`)
  lines.push(`  ${'total'.padEnd(22)} ${cases.length}`)
  const styles = [...styleCounts(cases)].map(([s, n]) => `${s} ${n}`).join(', ')
  lines.push(`  by style: ${styles}`)
  return lines.join('\n')
}

function parseArgs(argv) {
  const opts = { seed: DEFAULT_SEED, perCategory: DEFAULT_PER_CATEGORY, tagged: false, out: null }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`)
      return argv[++i]
    }
    if (a === '--seed') opts.seed = Number(value())
    else if (a === '--per-category') opts.perCategory = Number(value())
    else if (a === '--tagged') opts.tagged = true
    else if (a === '--out') opts.out = value()
    else if (/^\d+$/.test(a)) opts.seed = Number(a) // `gen-cases.mjs 42` also sets the seed
    else throw new Error(`unknown argument: ${a}`)
  }
  if (!Number.isSafeInteger(opts.seed) || opts.seed < 0) throw new Error('--seed must be a non-negative integer')
  if (!Number.isSafeInteger(opts.perCategory) || opts.perCategory < 1) throw new Error('--per-category must be a positive integer')
  return opts
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  let opts
  try {
    opts = parseArgs(process.argv.slice(2))
  } catch (e) {
    process.stderr.write(`gen-cases: ${e.message}\nusage: node gen-cases.mjs [--seed N] [--per-category N] [--tagged] [--out FILE]\n`)
    process.exit(2)
  }
  const cases = generateCases(opts)
  const text = cases.map(c => JSON.stringify(opts.tagged ? c : c.input)).join('\n') + '\n'
  if (opts.out) writeFileSync(opts.out, text)
  else process.stdout.write(text)
  process.stderr.write(`gen-cases: seed ${opts.seed}, cases per category:\n${formatCounts(cases)}\n`)
}
