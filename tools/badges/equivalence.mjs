#!/usr/bin/env node
// Byte-for-byte equivalence of `badgesmith render` with npm badge-maker@6.0.0.
//
// Usage: node tools/badges/equivalence.mjs BADGESMITH_BINARY [--seed N] [--per-category N]
//                                          [--show N]
//
// 1. gen-cases.mjs makes the inputs (>= 100 per category, badge-maker's 50 snapshot inputs too).
// 2. Each input is rendered by badge-maker's makeBadge() here, and by one
//    `BADGESMITH_BINARY render --batch` process (NDJSON in, one JSON-string SVG per line out).
// 3. The snapshot inputs are also rendered through the flags (`render --label … --message …`),
//    one process each, so the flag-to-badge mapping is covered too.
// 4. If logo-goldens.mjs is present, its named-logo cases are rendered with
//    `render --logo NAME …` and compared with badge-maker given the golden logo.
// Prints pass counts per category and the first --show (default 3) differences with both outputs,
// and exits 1 on any difference. Missing prerequisites (Node < 20, badge-maker not exactly 6.0.0,
// no binary) are failures, never skips: a check that silently does not run proves nothing.
//
// The one documented divergence (docs/badges.md): BadgeSmith drops the code points XML 1.0
// forbids (C0 controls except TAB/LF/CR, U+FFFE, U+FFFF) from label and message, because
// badge-maker copies them into the SVG and the result is not well-formed XML. Rather than
// patching the expected SVG (where a dropped character also changes widths, positions and
// trimming), the expected output is badge-maker's rendering of the *sanitised* input: the same
// characters removed from label and message before makeBadge(). That states the rule exactly —
// dropping happens first, before trimming and measuring — and every other byte must still match.

import { spawn } from 'node:child_process'
import { accessSync, constants, existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

import { DEFAULT_PER_CATEGORY, DEFAULT_SEED, dropXmlForbidden, formatCounts, generateCases } from './gen-cases.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const BATCH_TIMEOUT_MS = 300_000
const CLI_TIMEOUT_MS = 20_000

function fail(message) {
  process.stderr.write(`equivalence: FAIL: ${message}\n`)
  process.exit(1)
}

function parseArgs(argv) {
  const opts = { binary: null, seed: DEFAULT_SEED, perCategory: DEFAULT_PER_CATEGORY, show: 3 }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    const value = () => {
      if (i + 1 >= argv.length) fail(`${a} needs a value`)
      return argv[++i]
    }
    if (a === '--seed') opts.seed = Number(value())
    else if (a === '--per-category') opts.perCategory = Number(value())
    else if (a === '--show') opts.show = Number(value())
    else if (a.startsWith('--')) fail(`unknown option ${a}`)
    else if (opts.binary === null) opts.binary = a
    else fail(`unexpected argument ${a}`)
  }
  if (opts.binary === null) fail('usage: node equivalence.mjs BADGESMITH_BINARY [--seed N] [--per-category N] [--show N]')
  if (!Number.isSafeInteger(opts.seed) || opts.seed < 0) fail('--seed must be a non-negative integer')
  if (!Number.isSafeInteger(opts.perCategory) || opts.perCategory < 100) fail('--per-category must be an integer >= 100')
  return opts
}

function checkPrerequisites(binary) {
  const major = Number(process.versions.node.split('.')[0])
  if (major < 20) fail(`Node ${process.versions.node} is too old; the reference renderer needs Node >= 20`)
  const pkgPath = join(here, 'node_modules', 'badge-maker', 'package.json')
  if (!existsSync(pkgPath)) {
    fail(`badge-maker is not installed (${pkgPath} missing); run: cd tools/badges && npm ci --no-audit --no-fund`)
  }
  const version = JSON.parse(readFileSync(pkgPath, 'utf8')).version
  if (version !== '6.0.0') fail(`tools/badges/node_modules has badge-maker ${version}; the reference is exactly 6.0.0 (run npm ci)`)
  try {
    accessSync(binary, constants.X_OK)
  } catch {
    fail(`${binary} is not an executable file`)
  }
}

// Runs `binary args…` with `input` on stdin; resolves {status, stdout, stderr}.
function run(binary, args, input, timeoutMs) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(binary, args, { stdio: ['pipe', 'pipe', 'pipe'] })
    const out = []
    const err = []
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`${binary} ${args.join(' ')} timed out after ${timeoutMs} ms`))
    }, timeoutMs)
    child.stdout.on('data', d => out.push(d))
    child.stderr.on('data', d => err.push(d))
    child.on('error', e => {
      clearTimeout(timer)
      reject(e)
    })
    child.on('close', (status, signal) => {
      clearTimeout(timer)
      resolvePromise({
        status: signal ? `signal ${signal}` : status,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      })
    })
    // EPIPE if the child exits early; its status tells the story.
    child.stdin.on('error', () => {})
    child.stdin.end(input)
  })
}

// The documented rule, applied to the input (see the header comment).
function sanitise(input) {
  const out = { ...input }
  if (typeof out.label === 'string') out.label = dropXmlForbidden(out.label)
  if (typeof out.message === 'string') out.message = dropXmlForbidden(out.message)
  return out
}

// `--flag=value`, so values starting with '-' stay values; but `--flag ""` for an empty value,
// because CLI11 2.1 reads `--flag=` as "value follows" and takes the next argument.
function flag(name, value) {
  return value === '' ? [name, ''] : [`${name}=${value}`]
}

// The flags `render` takes for a makeBadge() input.
function flagsFor(input) {
  const args = ['render']
  if (input.label !== undefined) args.push(...flag('--label', input.label))
  args.push(...flag('--message', input.message))
  if (input.color !== undefined) args.push(...flag('--color', input.color))
  if (input.labelColor !== undefined) args.push(...flag('--label-color', input.labelColor))
  if (input.style !== undefined) args.push(...flag('--style', input.style))
  if (input.logoBase64 !== undefined) args.push(...flag('--logo', input.logoBase64))
  for (const link of input.links ?? []) args.push(...flag('--link', link))
  if (input.idSuffix !== undefined) args.push(...flag('--id-suffix', input.idSuffix))
  return args
}

function describeDifference(expected, actual) {
  if (typeof actual !== 'string') return `no SVG (got ${JSON.stringify(actual)})`
  let i = 0
  while (i < expected.length && i < actual.length && expected[i] === actual[i]) i++
  const context = s => JSON.stringify(s.slice(Math.max(0, i - 40), i + 40))
  return `first difference at UTF-16 offset ${i} (lengths ${expected.length} vs ${actual.length}):\n` +
    `      expected …${context(expected)}…\n      actual   …${context(actual)}…`
}

class Tally {
  constructor() {
    this.byCategory = new Map()
    this.diffs = []
  }

  record(category, ok, detail) {
    const t = this.byCategory.get(category) ?? { pass: 0, total: 0 }
    t.total++
    if (ok) t.pass++
    this.byCategory.set(category, t)
    if (!ok) this.diffs.push({ category, ...detail })
  }

  print(show) {
    console.log('\nresults (pass/total):')
    let pass = 0
    let total = 0
    for (const [category, t] of this.byCategory) {
      pass += t.pass
      total += t.total
      console.log(`  ${category.padEnd(22)} ${String(t.pass).padStart(5)}/${t.total}${t.pass === t.total ? '' : '  FAIL'}`)
    }
    console.log(`  ${'total'.padEnd(22)} ${String(pass).padStart(5)}/${total}`)
    for (const d of this.diffs.slice(0, show)) {
      console.log(`\n--- difference [${d.category}] ${d.what}`)
      console.log(`    input:    ${JSON.stringify(d.input)}`)
      if (d.sanitised) console.log(`    compared with badge-maker on: ${JSON.stringify(d.sanitised)}`)
      console.log(`    ${describeDifference(d.expected, d.actual)}`)
      console.log(`    expected: ${d.expected}`)
      console.log(`    actual:   ${typeof d.actual === 'string' ? d.actual : JSON.stringify(d.actual)}`)
    }
    if (this.diffs.length > show) console.log(`\n(${this.diffs.length - show} more differences not shown; --show N)`)
    return this.diffs.length === 0
  }
}

async function checkBatch(binary, cases, makeBadge, tally) {
  const stdin = cases.map(c => JSON.stringify(c.input)).join('\n') + '\n'
  const started = Date.now()
  const { status, stdout, stderr } = await run(binary, ['render', '--batch'], stdin, BATCH_TIMEOUT_MS)
  const lines = stdout.split('\n')
  if (lines.at(-1) === '') lines.pop()
  console.log(`render --batch: ${cases.length} inputs, ${lines.length} outputs, exit ${status}, ${Date.now() - started} ms`)
  if (stderr.trim()) console.log(`render --batch stderr (first lines):\n${stderr.split('\n').slice(0, 5).join('\n')}`)
  if (lines.length !== cases.length) {
    fail(`render --batch wrote ${lines.length} lines for ${cases.length} inputs (exit ${status})\n${stderr.slice(0, 2000)}`)
  }
  let sanitisedCount = 0
  cases.forEach(({ category, input }, i) => {
    const sanitised = sanitise(input)
    const changed = sanitised.label !== input.label || sanitised.message !== input.message
    if (changed) sanitisedCount++
    const expected = makeBadge(sanitised)
    let actual
    try {
      actual = JSON.parse(lines[i])
    } catch {
      actual = `unparseable output line: ${lines[i].slice(0, 200)}`
    }
    tally.record(category, actual === expected, {
      what: `batch line ${i + 1}`, input, sanitised: changed ? sanitised : null, expected, actual,
    })
  })
  console.log(`documented rule: ${sanitisedCount} inputs had XML-forbidden code points dropped from label/message before badge-maker rendered them`)
  if (status !== 0) tally.record('batch-exit-status', false, { what: `exit status ${status}`, input: null, expected: '0', actual: String(status) })
}

async function checkFlags(binary, cases, makeBadge, tally) {
  for (const { input } of cases) {
    const { status, stdout, stderr } = await run(binary, flagsFor(input), '', CLI_TIMEOUT_MS)
    const expected = makeBadge(input)
    // The single-badge form ends its output with one newline, as badge-maker's CLI does.
    const actual = status === 0 && stdout.endsWith('\n') ? stdout.slice(0, -1) : { status, stdout, stderr }
    tally.record('cli-flags', actual === expected, { what: flagsFor(input).map(a => JSON.stringify(a)).join(' '), input, expected, actual })
  }
}

// tools/badges/logo-goldens.mjs is shields' named-logo logic restated over the pinned
// simple-icons (an oracle for logos_test.cc). With --uris it prints one JSON line per case:
// {name, color?, size?, style, width, logo?} (logo absent: shields shows no logo), then
// {value, decoded} lines for ?logo=data:… normalisation, which `render --logo` deliberately does
// not apply (it passes data: URIs through as badge-maker's logoBase64) and so are not checked
// here. Each named case is rendered with `render --logo NAME [--logo-color C]
// [--logo-size auto] --style S` and compared with badge-maker's renderer given the golden data
// URI and width — lib/make-badge.js directly, because the public makeBadge() has no logoWidth
// (shields calls it the same way). An unknown name must fail with exit status 2; an empty name
// means no logo.
async function checkLogoGoldens(binary, tally) {
  const script = join(here, 'logo-goldens.mjs')
  if (!existsSync(script)) {
    console.log('named-logo goldens: tools/badges/logo-goldens.mjs not present; not checked')
    return
  }
  const listing = await run(process.execPath, [script, '--uris'], '', CLI_TIMEOUT_MS)
  if (listing.status !== 0) fail(`logo-goldens.mjs --uris failed (exit ${listing.status}):\n${listing.stderr}`)
  const goldens = listing.stdout.split('\n').filter(Boolean).map(l => JSON.parse(l)).filter(g => 'name' in g)
  if (goldens.length === 0) fail('logo-goldens.mjs --uris printed no named-logo cases')
  const { default: renderInternal } = await import(
    pathToFileURL(join(here, 'node_modules', 'badge-maker', 'lib', 'make-badge.js')).href
  )
  for (const g of goldens) {
    for (const [label, message] of [['build', 'passing'], ['', 'v1.2.3']]) {
      const args = ['render', ...flag('--label', label), ...flag('--message', message),
        ...flag('--logo', g.name), ...flag('--style', g.style)]
      if (g.color !== undefined) args.push(...flag('--logo-color', g.color))
      if (g.size === 'auto') args.push('--logo-size=auto')
      const { status, stdout, stderr } = await run(binary, args, '', CLI_TIMEOUT_MS)
      const what = args.map(a => JSON.stringify(a)).join(' ')
      if (g.logo === undefined && g.name !== '') {
        tally.record('named-logos', status === 2, {
          what, input: g, expected: '(exit status 2: unknown logo)', actual: { status, stdout, stderr },
        })
        continue
      }
      const expected = renderInternal({ label, message, style: g.style, logo: g.logo, logoWidth: g.width })
      const actual = status === 0 && stdout.endsWith('\n') ? stdout.slice(0, -1) : { status, stdout, stderr }
      tally.record('named-logos', actual === expected, { what, input: g, expected, actual })
    }
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2))
  const binary = resolve(opts.binary)
  checkPrerequisites(binary)
  const { makeBadge } = await import('badge-maker')

  const cases = generateCases({ seed: opts.seed, perCategory: opts.perCategory })
  console.log(`equivalence: badgesmith ${binary} vs badge-maker 6.0.0 on Node ${process.versions.node}`)
  console.log(`gen-cases: seed ${opts.seed}, cases per category:\n${formatCounts(cases)}`)
  if (cases.length < 2000) fail(`only ${cases.length} cases; the check needs >= 2000`)

  const tally = new Tally()
  await checkBatch(binary, cases, makeBadge, tally)
  await checkFlags(binary, cases.filter(c => c.category === 'snapshots'), makeBadge, tally)
  await checkLogoGoldens(binary, tally)
  const ok = tally.print(opts.show)
  console.log(ok ? '\nequivalence: PASS' : `\nequivalence: FAIL (${tally.diffs.length} differences)`)
  process.exit(ok ? 0 : 1)
}

main().catch(e => fail(e.stack ?? String(e)))
