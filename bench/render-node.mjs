#!/usr/bin/env node
// The Node side of bench/render.sh: picks the benchmark inputs and times npm badge-maker@6.0.0
// and badgen@3.2.3 on them (both from tools/badges/node_modules).
//
// Usage: node bench/render-node.mjs [--seed N | --cases FILE] [--write-cases FILE] [--time]
//                                   [--min-ms N]
//   --write-cases FILE  writes the inputs (NDJSON makeBadge() inputs) for bench/render_bench.cc.
//   --cases FILE        reads the inputs from such a file instead of generating them, so the
//                       timed inputs are byte for byte the ones the C++ benchmark read.
//   --time              times both libraries on those inputs; prints ns/badge and, last, one
//                       JSON line {"badgeMakerNs":…,"badgenNs":…,"inputs":…}.
//   --min-ms N          measuring time per library (default 1500; plus warm-up), so runs stay
//                       bounded at a few seconds.
//
// Inputs: tools/badges/gen-cases.mjs (same seed, same cases) minus the xml-forbidden category
// (BadgeSmith drops those code points, so its SVG differs from badge-maker's by design and two
// such inputs may collapse into one output), minus every input whose badge-maker SVG equals an
// earlier one's (e.g. color "blue" vs "informational"): the C++ benchmark asserts that all
// outputs are distinct.
//
// badgen mapping (it has no equivalent for most of badge-maker's options):
//   message → status; label → label (omitted when empty: badgen's label-less badge);
//   color / labelColor → the same string without a leading '#' (badgen prefixes '#' itself and
//   looks up its own palette names first; other strings pass through as badge-maker's do);
//   style flat-square → 'flat' (square, no gradient), every other style → 'classic' (rounded,
//   gradient: the nearest to badge-maker's flat); logoBase64 → icon; links and idSuffix dropped.
// The mapping is done before timing; only makeBadge(input) / badgen(options) calls are timed.

import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const toolsDir = join(here, '..', 'tools', 'badges')
const requireFromTools = createRequire(join(toolsDir, 'package.json'))

function die(message) {
  process.stderr.write(`render-node: ${message}\n`)
  process.exit(1)
}

function pinned(name, version) {
  let pkg
  try {
    pkg = JSON.parse(readFileSync(join(toolsDir, 'node_modules', name, 'package.json'), 'utf8'))
  } catch {
    die(`${name} is not installed in tools/badges/node_modules (run: cd tools/badges && npm ci)`)
  }
  if (pkg.version !== version) die(`${name} is ${pkg.version}, expected ${version}`)
}

function parseArgs(argv) {
  const opts = { seed: undefined, cases: null, writeCases: null, time: false, minMs: 1500 }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    const value = () => {
      if (i + 1 >= argv.length) die(`${a} needs a value`)
      return argv[++i]
    }
    if (a === '--seed') opts.seed = Number(value())
    else if (a === '--cases') opts.cases = value()
    else if (a === '--write-cases') opts.writeCases = value()
    else if (a === '--time') opts.time = true
    else if (a === '--min-ms') opts.minMs = Number(value())
    else die(`unknown argument: ${a}`)
  }
  if (!(opts.minMs > 0)) die('--min-ms must be positive')
  return opts
}

function toBadgen(input) {
  const stripHash = c => (c.startsWith('#') ? c.slice(1) : c)
  const options = { status: input.message }
  if (input.label) options.label = input.label
  if (input.color !== undefined) options.color = stripHash(input.color)
  if (input.labelColor !== undefined) options.labelColor = stripHash(input.labelColor)
  options.style = input.style === 'flat-square' ? 'flat' : 'classic'
  if (input.logoBase64) options.icon = input.logoBase64
  return options
}

// Median ns per call over rounds of one call per argument, after two warm-up rounds.
function time(fn, args, minMs) {
  let sink = 0
  for (let w = 0; w < 2; w++) for (const a of args) sink += fn(a).length
  const perCall = []
  const start = process.hrtime.bigint()
  const budget = BigInt(Math.round(minMs * 1e6))
  while (perCall.length < 5 || (process.hrtime.bigint() - start < budget && perCall.length < 1000)) {
    const t0 = process.hrtime.bigint()
    for (const a of args) sink += fn(a).length
    perCall.push(Number(process.hrtime.bigint() - t0) / args.length)
  }
  if (sink === 0) die('no output') // Also keeps the calls observable.
  perCall.sort((x, y) => x - y)
  return { median: perCall[Math.floor(perCall.length / 2)], best: perCall[0], rounds: perCall.length }
}

const opts = parseArgs(process.argv.slice(2))
if (Number(process.versions.node.split('.')[0]) < 20) die(`Node ${process.versions.node}; need >= 20`)
pinned('badge-maker', '6.0.0')
pinned('badgen', '3.2.3')
const { makeBadge } = await import(pathToFileURL(requireFromTools.resolve('badge-maker')).href)
const { badgen } = requireFromTools('badgen')
const { generateCases, DEFAULT_SEED } = await import(pathToFileURL(join(toolsDir, 'gen-cases.mjs')).href)

const seed = opts.seed ?? DEFAULT_SEED
const inputs = []
if (opts.cases) {
  for (const line of readFileSync(opts.cases, 'utf8').split('\n')) if (line) inputs.push(JSON.parse(line))
} else {
  const seen = new Set()
  for (const { category, input } of generateCases({ seed })) {
    if (category === 'xml-forbidden') continue
    const svg = makeBadge(input)
    if (seen.has(svg)) continue
    seen.add(svg)
    inputs.push(input)
  }
}
if (inputs.length < 1000) die(`only ${inputs.length} distinct inputs; need at least 1000`)
process.stderr.write(`render-node: ${inputs.length} inputs (${opts.cases ?? `seed ${seed}, distinct badge-maker output`})\n`)

if (opts.writeCases) writeFileSync(opts.writeCases, inputs.map(i => JSON.stringify(i)).join('\n') + '\n')

if (opts.time) {
  const badgenArgs = inputs.map(toBadgen)
  const maker = time(makeBadge, inputs, opts.minMs)
  const bgen = time(badgen, badgenArgs, opts.minMs)
  const fmt = r => `${r.median.toFixed(0)} ns/badge (median of ${r.rounds} rounds; best ${r.best.toFixed(0)})`
  console.log(`badge-maker 6.0.0: ${fmt(maker)}`)
  console.log(`badgen 3.2.3:      ${fmt(bgen)}`)
  console.log(JSON.stringify({ badgeMakerNs: maker.median, badgenNs: bgen.median, inputs: inputs.length, seed: opts.cases ? null : seed }))
}
