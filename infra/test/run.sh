#!/usr/bin/env bash
# npm test: type-check, then the assertion tests and the synth + cfn-lint check (node:test).
# Never reaches AWS: the stack is environment-agnostic and test/synth.test.ts strips credentials.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export CDK_DISABLE_CLI_TELEMETRY=true TS_NODE_TRANSPILE_ONLY=true
node_modules/.bin/tsc --noEmit -p tsconfig.json
node --require ts-node/register --test --test-reporter=spec test/cdn.test.ts test/stack.test.ts test/synth.test.ts
