#!/usr/bin/env node
// Prints the golden rows of tests/features/badges/logos_test.cc: what shields.io answers for a
// list of (?logo, ?logoColor, ?logoSize, ?style) and for a list of ?logo=data:... values.
//
// Usage:
//   node tools/badges/logo-goldens.mjs          C++ rows, to paste between the BEGIN/END
//                                               GOLDEN markers of logos_test.cc
//   node tools/badges/logo-goldens.mjs --uris   every case with its full data URI, for eyes
//
// This is an oracle, so it deliberately shares no code with gen-logos.mjs: below is shields'
// own logic (badges/shields lib/load-simple-icons.js, lib/svg-helpers.js, lib/logos.js and the
// logo part of core/base-service/coalesce-badge.js, as of the commit pinning simple-icons
// 16.28.0) restated line for line over the pinned packages, with badge-maker 6.0.0's own
// color.js for the colour rules and Joi for the data: URI check, as shields uses them.

import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Joi from 'joi';
import * as originalSimpleIcons from 'simple-icons';
import { svgPathBbox } from 'svg-path-bbox';
import svgpath from 'svgpath';

const kHere = path.dirname(fileURLToPath(import.meta.url));
// badge-maker's exports map only exposes its entry point; shields imports color.js directly.
const { toSvgColor, brightness, normalizeColor } = await import(
  pathToFileURL(path.join(kHere, 'node_modules', 'badge-maker', 'lib', 'color.js')).href
);

// ---- lib/load-simple-icons.js ----
function loadSimpleIcons() {
  const simpleIcons = {};
  Object.keys(originalSimpleIcons).forEach((key) => {
    const icon = { ...originalSimpleIcons[key] };  // shields mutates; a copy keeps this pure
    const { title, slug, hex } = icon;
    icon.styles = {
      default: icon.svg.replace('<svg', `<svg fill="#${hex}"`),
      light: icon.svg.replace('<svg', '<svg fill="whitesmoke"'),
      dark: icon.svg.replace('<svg', '<svg fill="#333"'),
    };
    if (!(`si${title}` in originalSimpleIcons)) simpleIcons[title.toLowerCase()] = icon;
    const legacyTitle = title.replace(/ /g, '-');
    if (!(`si${legacyTitle}` in originalSimpleIcons)) simpleIcons[legacyTitle.toLowerCase()] = icon;
    simpleIcons[slug] = icon;
  });
  return simpleIcons;
}
const simpleIcons = loadSimpleIcons();

// ---- lib/svg-helpers.js ----
function svg2base64(svg) {
  return `data:image/svg+xml;base64,${Buffer.from(svg.trim()).toString('base64')}`;
}
function getIconSize(iconKey) {
  if (!(iconKey in simpleIcons)) return undefined;
  const [x0, y0, x1, y1] = svgPathBbox(simpleIcons[iconKey].path);
  return { width: x1 - x0, height: y1 - y0 };
}
function resetIconPosition(p) {
  const [offsetX, offsetY] = svgPathBbox(p);
  return svgpath(p).translate(-offsetX, -offsetY).toString();
}

// ---- lib/logos.js ----
const logoAliases = {
  azuredevops: 'azure-devops',
  eclipse: 'eclipse-ide',
  'gitter-white': 'gitter',
  scrutinizer: 'scrutinizer-ci',
  stackoverflow: 'stack-overflow',
  tfs: 'azure-devops',
  travis: 'travisci',
};
const lightThreshold = 0.4;
const darkThreshold = 0.6;

function prependPrefix(s, prefix) {
  if (s === undefined) return undefined;
  s = `${s}`;
  return s.startsWith(prefix) ? s : prefix + s;
}
function isDataUrl(s) {
  try {
    Joi.assert(s, Joi.string().dataUri());
    return true;
  } catch (e) {
    return false;
  }
}
function decodeDataUrlFromQueryParam(value) {
  if (typeof value !== 'string') return undefined;
  const maybeDataUrl = prependPrefix(value, 'data:').replace(/ /g, '+').replace(/\s/g, '');
  return isDataUrl(maybeDataUrl) ? maybeDataUrl : undefined;
}
function getSimpleIconStyle({ icon, style }) {
  const { hex } = icon;
  if (style !== 'social' && brightness(normalizeColor(hex)) <= lightThreshold) return 'light';
  if (style === 'social' && brightness(normalizeColor(hex)) >= darkThreshold) return 'dark';
  return 'default';
}
function getSimpleIcon({ name, color, style, size }) {
  const key = name.replace(/ /g, '-');
  if (!(key in simpleIcons)) return undefined;
  let iconSvg;
  const svgColor = toSvgColor(color);
  if (svgColor) {
    iconSvg = simpleIcons[key].svg.replace('<svg', `<svg fill="${svgColor}"`);
  } else {
    iconSvg = simpleIcons[key].styles[getSimpleIconStyle({ icon: simpleIcons[key], style })];
  }
  if (size === 'auto') {
    const { width: iconWidth, height: iconHeight } = getIconSize(key);
    if (iconWidth !== iconHeight) {
      const p = resetIconPosition(simpleIcons[key].path);
      iconSvg = iconSvg
        .replace('viewBox="0 0 24 24"', `viewBox="0 0 ${iconWidth} ${iconHeight}"`)
        .replace(/<path d=".*"\/>/, `<path d="${p}"/>`);
    }
  }
  return svg2base64(iconSvg);
}
function prepareNamedLogo({ name, color, style, size }) {
  if (typeof name !== 'string') return undefined;
  name = name.toLowerCase();
  if (name in logoAliases) name = logoAliases[name];
  return getSimpleIcon({ name, color, style, size });
}

// ---- core/base-service/coalesce-badge.js (named logo branch; no ?logoWidth) ----
const DEFAULT_LOGO_HEIGHT = 14;
function coalesceNamedLogo({ name, color, style, size }) {
  let logoWidth;
  const iconSize = getIconSize(String(name).toLowerCase());
  if (!logoWidth && iconSize && size === 'auto') {
    logoWidth = (iconSize.width / iconSize.height) * DEFAULT_LOGO_HEIGHT;
  }
  const logo = prepareNamedLogo({ name, color, size, style });
  // badge-maker's makeBadge: logoWidth = +logoWidth || (logo ? DEFAULT_LOGO_HEIGHT : 0)
  return { logo, width: +logoWidth || (logo ? DEFAULT_LOGO_HEIGHT : 0) };
}

// ---- the cases ----
// [name, logoColor, logoSize, style]; undefined = parameter absent.
const kNamedCases = [
  // Every shipped icon by slug, default colour, flat.
  ...['apple', 'docker', 'dotnet', 'eclipseide', 'github', 'githubactions', 'gitlab', 'gitter',
      'linux', 'macos', 'npm', 'nuget', 'scrutinizerci', 'stackoverflow', 'travisci']
    .map((slug) => [slug, undefined, undefined, 'flat']),
  // Brand colour vs whitesmoke (brightness <= 0.4) vs #333 (social, brightness >= 0.6).
  ['github', undefined, undefined, 'social'],
  ['apple', undefined, undefined, 'social'],
  ['linux', undefined, undefined, 'social'],
  ['linux', undefined, undefined, 'for-the-badge'],
  ['npm', undefined, undefined, 'social'],
  ['nuget', undefined, undefined, 'social'],
  ['github', undefined, undefined, 'plastic'],
  ['github', undefined, undefined, 'flat-square'],
  ['docker', undefined, undefined, 'for-the-badge'],
  ['gitlab', undefined, undefined, 'social'],
  // ?logoColor: accepted forms, then rejected ones (brand rules apply).
  ['github', 'white', undefined, 'flat'],
  ['github', 'fff', undefined, 'flat'],
  ['github', 'ABCDEF', undefined, 'social'],
  ['npm', 'brightgreen', undefined, 'flat'],
  ['npm', 'success', undefined, 'flat'],
  ['npm', '#AbC', undefined, 'flat'],
  ['npm', 'rgb(10, 20, 30)', undefined, 'flat'],
  ['npm', '  blue ', undefined, 'flat'],
  ['docker', 'informational', undefined, 'for-the-badge'],
  ['github', 'Red', undefined, 'flat'],
  ['github', 'notacolor', undefined, 'social'],
  ['npm', '', undefined, 'flat'],
  ['linux', '12345', undefined, 'social'],
  // Names: case, titles, title with '-', spaces.
  ['GitHub', undefined, undefined, 'flat'],
  ['NPM', undefined, undefined, 'flat'],
  ['DotNet', undefined, undefined, 'flat'],
  ['.NET', undefined, undefined, 'flat'],
  ['GitHub Actions', undefined, undefined, 'flat'],
  ['github-actions', undefined, undefined, 'flat'],
  ['Travis CI', undefined, undefined, 'flat'],
  ['stack overflow', undefined, undefined, 'flat'],
  ['macOS', 'white', undefined, 'flat'],
  ['DOC\u212AER', undefined, undefined, 'flat'],  // KELVIN SIGN lower-cases to 'k'
  // Legacy aliases.
  ['travis', undefined, undefined, 'flat'],
  ['Travis', 'yellow', undefined, 'flat'],
  ['eclipse', undefined, undefined, 'flat'],
  ['gitter-white', undefined, undefined, 'flat'],
  ['scrutinizer', undefined, undefined, 'flat'],
  ['tfs', undefined, undefined, 'flat'],
  ['azuredevops', undefined, undefined, 'flat'],
  // Unknown names.
  ['windows', undefined, undefined, 'flat'],
  ['nonexistent', undefined, undefined, 'flat'],
  ['', undefined, undefined, 'flat'],
  ['dot-net', undefined, undefined, 'flat'],
  ['github_actions', undefined, undefined, 'flat'],
  ['githubactions ', undefined, undefined, 'flat'],
  // logoSize=auto: wide, tall, square, and names whose width key differs from the icon key.
  ['dotnet', undefined, 'auto', 'flat'],
  ['macos', undefined, 'auto', 'flat'],
  ['docker', 'white', 'auto', 'for-the-badge'],
  ['github', undefined, 'auto', 'social'],
  ['linux', undefined, 'auto', 'flat'],
  ['githubactions', undefined, 'auto', 'flat'],
  ['npm', undefined, 'auto', 'flat'],
  ['Travis CI', undefined, 'auto', 'flat'],
  ['travis', undefined, 'auto', 'flat'],
  ['GitHub Actions', undefined, 'auto', 'flat'],
  ['.NET', '#fff', 'auto', 'plastic'],
  ['dotnet', undefined, 'small', 'flat'],  // Only "auto" means anything.
  ['windows', undefined, 'auto', 'flat'],
];

const kDataUriCases = [
  'data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=',
  'data:image/png;base64,iVBORw0KGgo+/w==',
  'data:image/png;base64,iVBORw0KGgo /w==',  // '+' arrived as a space
  'image/png;base64,iVBORw0KGgo=',           // "data:" is added
  'data:image/png;base64,iVBO\nRw0K\tGgo=',
  'data:image/png;base64,iVBO\u00a0Rw0KGgo=',
  'data:image/svg+xml;base64,PHN2Zz4=\u2028',
  'data:image/png;base64,',
  'data:image/png;base64,abc=',
  'data:image/png;base64,ab==',
  'data:image/png;base64,a===',
  'data:image/png;base64,abc',
  'data:image/png;base64,ab=c',
  'data:image/png;base64,AA-_',
  'data:text/plain;charset=utf-8,hello world',
  'data:image/svg+xml;utf8,<svg></svg>',
  'data:image/png;charset=utf-8;base64,@@@@',
  'data:image/png;base64X,AAAA',
  'data:ima ge/png;base64,AAAA',
  'data:image/svg+xml,<svg/>',
  'data:;base64,AAAA',
  'data:image;base64,AAAA',
  'data:image/;base64,AAAA',
  'DATA:image/png;base64,AAAA',
  'data:im\u00e4ge/png;base64,AAAA',
  'github',
  '',
];

// ---- output ----
const kStyles = {
  flat: 'Style::kFlat',
  'flat-square': 'Style::kFlatSquare',
  plastic: 'Style::kPlastic',
  'for-the-badge': 'Style::kForTheBadge',
  social: 'Style::kSocial',
};
const kFullLiteralLimit = 1200;  // longer data URIs are checked by length and FNV-1a

// A C++ narrow string literal of the UTF-8 bytes of `s`, in pieces of at most `width` columns.
function cpp(s, width = 88) {
  const bytes = Buffer.from(s, 'utf8');
  const pieces = [];
  let piece = '';
  let lastWasHex = false;
  for (const b of bytes) {
    let e;
    if (b === 0x22 || b === 0x5c) e = `\\${String.fromCharCode(b)}`;
    else if (b === 0x0a) e = '\\n';
    else if (b === 0x09) e = '\\t';
    else if (b >= 0x20 && b < 0x7f) e = String.fromCharCode(b);
    else e = `\\x${b.toString(16).padStart(2, '0')}`;
    // A hex escape swallows following hex digits: start a new piece after one.
    const breakHere = lastWasHex && /^[0-9a-fA-F]/.test(e);
    if (piece.length + e.length > width || breakHere) {
      pieces.push(piece);
      piece = '';
    }
    piece += e;
    lastWasHex = e.startsWith('\\x');
  }
  pieces.push(piece);
  return pieces.map((p) => `"${p}"`).join(' ');
}

function fnv1a64(s) {
  let hash = 0xcbf29ce484222325n;
  for (const b of Buffer.from(s, 'utf8')) {
    hash = ((hash ^ BigInt(b)) * 0x100000001b3n) & ((1n << 64n) - 1n);
  }
  return `0x${hash.toString(16).padStart(16, '0')}u`;
}

function cppDouble(value) {
  const text = String(value);
  return text.includes('.') ? text : `${text}.0`;
}

function fillOf(dataUri) {
  const svg = Buffer.from(dataUri.slice('data:image/svg+xml;base64,'.length), 'base64').toString();
  return /^<svg fill="([^"]*)"/.exec(svg)[1];
}

const showUris = process.argv.includes('--uris');
const rows = [];
for (const [name, color, size, style] of kNamedCases) {
  const { logo, width } = coalesceNamedLogo({ name, color, style, size });
  if (showUris) {
    console.log(JSON.stringify({ name, color, size, style, width, logo }));
    continue;
  }
  const args = `${cpp(name)}, ${color === undefined ? 'std::nullopt' : cpp(color)}, ` +
               `${size === 'auto'}, ${kStyles[style]}`;
  if (logo === undefined) {
    rows.push(`    {${args}, kNoLogo},`);
    continue;
  }
  const literal = logo.length <= kFullLiteralLimit
    ? `\n     ${cpp(logo).replace(/" "/g, '"\n     "')}`
    : ' ""';
  const fill = cpp(fillOf(logo));
  rows.push(`    {${args},\n     Expected{${fill}, ${cppDouble(width)}, ${logo.length}, ` +
            `${fnv1a64(logo)},${literal}}},`);
}
if (!showUris) {
  console.log('// clang-format off');
  console.log('// BEGIN GOLDEN named logos (node tools/badges/logo-goldens.mjs)');
  console.log('const NamedCase kNamedCases[] = {');
  console.log(rows.join('\n'));
  console.log('};');
}

const uriRows = [];
for (const value of kDataUriCases) {
  const decoded = decodeDataUrlFromQueryParam(value);
  if (showUris) {
    console.log(JSON.stringify({ value, decoded }));
    continue;
  }
  const expected = decoded === undefined ? 'std::nullopt' : cpp(decoded);
  uriRows.push(`    {${cpp(value)},\n     ${expected}},`);
}
if (!showUris) {
  console.log('const DataUriCase kDataUriCases[] = {');
  console.log(uriRows.join('\n'));
  console.log('};');
  console.log('// END GOLDEN');
  console.log('// clang-format on');
}
