#!/usr/bin/env node
// Generates src/features/badges/generated/logos.cc: the simple-icons subset behind
// named_logo() in src/features/badges/logos.{h,cc}.
//
// Usage (from anywhere; paths are relative to this file):
//   node tools/badges/gen-logos.mjs           rewrite the file
//   node tools/badges/gen-logos.mjs --check   exit 1 when the committed file is stale
//
// What shields.io does (badges/shields lib/load-simple-icons.js, lib/logos.js,
// lib/svg-helpers.js, core/base-service/coalesce-badge.js), restated:
//   * every icon is reachable by its slug, its lower-cased title and its lower-cased title
//     with spaces turned into '-'; a title key is skipped when `si${title}` happens to be an
//     export name, and later icons (exports in name order) overwrite earlier keys;
//   * a requested name is lower-cased, mapped through a small alias table (travis ->
//     travisci, ...), has its spaces turned into '-' and is looked up;
//   * logoSize=auto: the logo width is 14 * bbox width / bbox height of the icon path found
//     under the lower-cased name *as given* (no alias, no '-'), and the SVG of the resolved
//     icon gets its path moved to the origin and its viewBox shrunk to the bbox when the
//     bbox is not square.
// Shields ships all ~3,400 icons; BadgeSmith ships the subset below. So that the subset
// answers exactly as the full set would, the generator runs shields' key construction over
// the whole set and keeps every key that lands on a shipped icon, plus the keys whose
// auto-size width is needed for a name that resolves to a shipped icon (kNoIcon rows).
// Output depends only on the pinned package versions.

import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import * as simpleIcons from 'simple-icons';
import { svgPathBbox } from 'svg-path-bbox';
import svgpath from 'svgpath';

const kHere = path.dirname(fileURLToPath(import.meta.url));
const kRepoRoot = path.resolve(kHere, '..', '..');
const kOutFile = path.join(kRepoRoot, 'src', 'features', 'badges', 'generated', 'logos.cc');
const kGenerator = 'tools/badges/gen-logos.mjs';

const kPinned = { 'simple-icons': '16.28.0', 'svg-path-bbox': '2.1.0', svgpath: '2.6.0' };

// Icons BadgeSmith's own badges and its users ask for. A name the pinned simple-icons does
// not have (Microsoft's icons, e.g. windows, left simple-icons) is skipped: shields renders
// no logo for it either.
const kWantedNames = [
  'nuget', 'github', 'githubactions', 'dotnet', 'linux', 'apple', 'macos', 'npm', 'docker',
  'gitlab', 'windows',
];

// badges/shields lib/logos.js `logoAliases` ("for backwards-compatibility with deleted
// logos"). All are emitted, resolvable or not, so that an alias never falls through to a
// same-named key of the subset.
const kLogoAliases = {
  azuredevops: 'azure-devops',
  eclipse: 'eclipse-ide',
  'gitter-white': 'gitter',
  scrutinizer: 'scrutinizer-ci',
  stackoverflow: 'stack-overflow',
  tfs: 'azure-devops',
  travis: 'travisci',
};

const kDefaultLogoHeight = 14;  // badge-maker/lib/constants.js DEFAULT_LOGO_HEIGHT
const kMaxIcons = 60;
const kMaxSourceBytes = 150 * 1024;

function fail(message) {
  console.error(`gen-logos: ${message}`);
  process.exit(2);
}

function checkVersions() {
  for (const [name, version] of Object.entries(kPinned)) {
    // Read the file directly: simple-icons' exports map does not expose package.json.
    const file = path.join(kHere, 'node_modules', name, 'package.json');
    const found = JSON.parse(fs.readFileSync(file, 'utf8')).version;
    if (found !== version) {
      fail(`expected ${name} ${version}, found ${found} (run npm ci in tools/badges)`);
    }
  }
}

// lib/load-simple-icons.js: name -> icon, with shields' overwrite order.
function shieldsKeyMap() {
  const map = new Map();
  for (const exportName of Object.keys(simpleIcons)) {
    const icon = simpleIcons[exportName];
    const { title, slug } = icon;
    if (!(`si${title}` in simpleIcons)) map.set(title.toLowerCase(), icon);
    const legacyTitle = title.replace(/ /g, '-');
    if (!(`si${legacyTitle}` in simpleIcons)) map.set(legacyTitle.toLowerCase(), icon);
    map.set(slug, icon);
  }
  return map;
}

// lib/logos.js prepareNamedLogo + getSimpleIcon, for a name that is already lower-cased.
function resolveLookupKey(lowerName) {
  const aliased = Object.hasOwn(kLogoAliases, lowerName) ? kLogoAliases[lowerName] : lowerName;
  return aliased.replace(/ /g, '-');
}

// lib/svg-helpers.js getIconSize / resetIconPosition and core/base-service/coalesce-badge.js.
function autoSize(icon) {
  const [x0, y0, x1, y1] = svgPathBbox(icon.path);
  const width = x1 - x0;
  const height = y1 - y0;
  const logoWidth = (width / height) * kDefaultLogoHeight;
  if (width === height) return { logoWidth, svg: icon.svg };
  const resetPath = svgpath(icon.path).translate(-x0, -y0).toString();
  if (resetPath.includes('$')) fail(`${icon.slug}: '$' in a path would be a replace() pattern`);
  const svg = icon.svg
    .replace('viewBox="0 0 24 24"', `viewBox="0 0 ${width} ${height}"`)
    .replace(/<path d=".*"\/>/, `<path d="${resetPath}"/>`);
  if (svg === icon.svg) fail(`${icon.slug}: logoSize=auto changed nothing`);
  return { logoWidth, svg };
}

// The fill is spliced in right after "<svg" (getSimpleIcon's svg.replace('<svg', ...)), so
// the tables keep what follows it.
function svgTail(icon, svg) {
  if (!svg.startsWith('<svg ')) fail(`${icon.slug}: SVG does not start with "<svg "`);
  return svg.slice('<svg'.length);
}

function isPrintableAscii(s) {
  return /^[\x20-\x7e]*$/.test(s);
}

// A C++ string literal split into adjacent pieces so that no line passes 100 columns.
function cppString(value, indent) {
  if (!isPrintableAscii(value)) fail(`non-ASCII or control text: ${JSON.stringify(value)}`);
  const escaped = [...value].map((c) => (c === '"' || c === '\\' ? `\\${c}` : c));
  const budget = 100 - indent.length - 2;
  const pieces = [];
  let piece = '';
  for (const e of escaped) {
    if (piece.length + e.length > budget) {
      pieces.push(piece);
      piece = '';
    }
    piece += e;
  }
  pieces.push(piece);
  return pieces.map((p) => `"${p}"`).join(`\n${indent}`);
}

// JavaScript's shortest round-trip text for a double, which a C++ compiler reads back as the
// very same double.
function cppDouble(value) {
  if (!Number.isFinite(value)) fail(`non-finite width ${value}`);
  const text = String(value);
  if (/e/i.test(text)) fail(`width ${text} would need an exponent`);
  return text.includes('.') ? text : `${text}.0`;
}

function generate() {
  checkVersions();
  const keyMap = shieldsKeyMap();

  // The shipped icons: what shields serves for each wanted name, then for each alias.
  const icons = [];
  const skipped = [];
  const addIconFor = (name, why) => {
    const icon = keyMap.get(resolveLookupKey(name));
    if (!icon) {
      skipped.push(`${name} (${why})`);
      return;
    }
    if (!icons.includes(icon)) icons.push(icon);
  };
  for (const name of kWantedNames) addIconFor(name, 'not in this simple-icons');
  for (const [alias, target] of Object.entries(kLogoAliases)) {
    addIconFor(alias, `alias of ${target}`);
  }
  if (icons.length > kMaxIcons) fail(`${icons.length} icons, more than ${kMaxIcons}`);
  icons.sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));

  const keys = [];
  for (const [key, icon] of keyMap) {
    const index = icons.indexOf(icon);
    const resolved = keyMap.get(resolveLookupKey(key));
    const neededForWidth = resolved !== undefined && icons.includes(resolved);
    if (index < 0 && !neededForWidth) continue;
    // A key that lower-casing cannot produce is unreachable; the C++ lower-casing is ASCII
    // plus U+212A KELVIN SIGN, exact only while every key is ASCII.
    if (key !== key.toLowerCase()) continue;
    if (!isPrintableAscii(key)) fail(`non-ASCII key ${JSON.stringify(key)}`);
    keys.push({ key, index, logoWidth: autoSize(icon).logoWidth });
  }
  keys.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

  const out = [];
  out.push(`// Generated by ${kGenerator} — do not edit.`);
  out.push(`// Source: simple-icons ${kPinned['simple-icons']} (CC0-1.0,`);
  out.push('// https://github.com/simple-icons/simple-icons). The icons are CC0; the brands they');
  out.push("// depict remain their owners' trademarks (see simple-icons' DISCLAIMER.md).");
  out.push(`// Auto-size geometry: svg-path-bbox ${kPinned['svg-path-bbox']} and svgpath ` +
           `${kPinned.svgpath}, as shields.io computes it.`);
  out.push(`// Subset: ${icons.length} icons. Names left without an icon (no logo, as on`);
  out.push('// shields.io):');
  for (const line of skipped) out.push(`//   ${line}`);
  out.push("// Lookup keys and overwrite order are shields' (badges/shields");
  out.push('// lib/load-simple-icons.js), computed over the full icon set; see the generator.');
  out.push('');
  out.push('#include "features/badges/logos.h"');
  out.push('');
  out.push('namespace badgesmith::badges::logo_data {');
  out.push('namespace {');
  out.push('');
  out.push('constexpr Icon kIconArray[] = {');
  for (const icon of icons) {
    const { svg: autoSvg } = autoSize(icon);
    const tail = svgTail(icon, icon.svg);
    const autoTail = autoSvg === icon.svg ? '' : svgTail(icon, autoSvg);
    const indent = '     ';
    out.push(`    {${cppString(icon.slug, indent)},`);
    out.push(`     ${cppString(icon.title, indent)},`);
    out.push(`     ${cppString(icon.hex, indent)},`);
    out.push(`     ${cppString(tail, indent)},`);
    out.push(`     ${cppString(autoTail, indent)}},`);
  }
  out.push('};');
  out.push('');
  out.push('constexpr Key kKeyArray[] = {');
  for (const { key, index, logoWidth } of keys) {
    out.push(`    {${cppString(key, '     ')}, ${index < 0 ? 'kNoIcon' : index}, ` +
             `${cppDouble(logoWidth)}},`);
  }
  out.push('};');
  out.push('');
  out.push('constexpr Alias kAliasArray[] = {');
  for (const alias of Object.keys(kLogoAliases).sort()) {
    out.push(`    {${cppString(alias, '     ')}, ${cppString(kLogoAliases[alias], '     ')}},`);
  }
  out.push('};');
  out.push('');
  out.push('}  // namespace');
  out.push('');
  out.push(`const std::string_view kSimpleIconsVersion = "${kPinned['simple-icons']}";`);
  out.push('const std::span<const Icon> kIcons = kIconArray;');
  out.push('const std::span<const Key> kKeys = kKeyArray;');
  out.push('const std::span<const Alias> kAliases = kAliasArray;');
  out.push('');
  out.push('}  // namespace badgesmith::badges::logo_data');
  const text = `${out.join('\n')}\n`;
  if (Buffer.byteLength(text) > kMaxSourceBytes) {
    fail(`${Buffer.byteLength(text)} bytes of source, more than ${kMaxSourceBytes}`);
  }
  return { text, icons, keys, skipped };
}

function main() {
  const check = process.argv.includes('--check');
  const { text, icons, keys, skipped } = generate();
  const relative = path.relative(kRepoRoot, kOutFile);
  if (check) {
    const current = fs.existsSync(kOutFile) ? fs.readFileSync(kOutFile, 'utf8') : null;
    if (current !== text) {
      console.error(`gen-logos: ${relative} is stale; run node ${kGenerator}`);
      process.exit(1);
    }
    console.log(`gen-logos: ${relative} is up to date`);
    return;
  }
  fs.mkdirSync(path.dirname(kOutFile), { recursive: true });
  fs.writeFileSync(kOutFile, text);
  console.log(`gen-logos: wrote ${relative}: ${icons.length} icons, ${keys.length} keys, ` +
              `${Buffer.byteLength(text)} bytes; skipped ${skipped.join(', ') || 'nothing'}`);
}

main();
