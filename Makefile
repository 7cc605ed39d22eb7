# Entry points for people and CI. Each target installs what a fresh Debian 12 machine lacks.
SHELL := /bin/bash
JOBS ?= $(shell nproc)
LISTEN ?= 127.0.0.1:8080
DATA_DIR ?= ./data
DEPS_STAMP := build/.deps-installed
HERMETIC := scripts/hermetic

.PHONY: deps build run test dogfood test-unit test-e2e test-asan test-tsan static static-check fuzz fuzz-smoke bench fmt lint clean \
  lambda-zip lambda-zip-x86_64 lambda-zip-arm64 test-arm64 bench-lambda dev-aws \
  test-dynamodb-local test-infra

$(DEPS_STAMP): scripts/install-deps tools/badges/package-lock.json infra/package-lock.json
	scripts/install-deps
	@mkdir -p build && touch $@

deps: $(DEPS_STAMP)

build: deps
	cmake --preset release >/dev/null
	cmake --build --preset release -j $(JOBS)
	@test -x build/release/badgesmith

# Without BADGESMITH_MASTER_KEY(_FILE), stored secrets are sealed under $(DATA_DIR)/master.key,
# generated once (mode 0600). Back it up apart from the database: without it they are lost.
run: build
	@if [ -z "$${BADGESMITH_MASTER_KEY:-}$${BADGESMITH_MASTER_KEY_FILE:-}" ] && \
	    [ ! -e "$(DATA_DIR)/master.key" ]; then \
	  umask 077 && mkdir -p "$(DATA_DIR)" && \
	  head -c 32 /dev/urandom | base64 > "$(DATA_DIR)/master.key.tmp" && \
	  mv "$(DATA_DIR)/master.key.tmp" "$(DATA_DIR)/master.key" && \
	  echo "make run: generated a master key in $(DATA_DIR)/master.key (mode 0600); back it up" >&2; \
	fi
	@if [ -z "$${BADGESMITH_MASTER_KEY:-}$${BADGESMITH_MASTER_KEY_FILE:-}" ]; then \
	  export BADGESMITH_MASTER_KEY_FILE="$(DATA_DIR)/master.key"; \
	fi; \
	exec build/release/badgesmith serve --listen $(LISTEN) --data-dir $(DATA_DIR)

# Every suite, each inside a loopback-only network namespace. The x86_64 Lambda zip is one of
# them (tests/e2e/lambda_zip_e2e_test.cc), so it is built first (the `static` preset's binary).
test: deps lambda-zip-x86_64
	cmake --preset debug >/dev/null
	cmake --build --preset debug -j $(JOBS)
	$(HERMETIC) ctest --test-dir build/debug --output-on-failure --no-tests=error -j $(JOBS) \
	  --output-junit $(CURDIR)/build/debug/ctest-junit.xml
	$(MAKE) test-infra

# The CDK app (infra/, docs/deploy.md), offline: tsc, the assertion tests, `cdk synth` and cfn-lint.
# Its node_modules come from infra/package-lock.json through scripts/install-deps.
test-infra: deps
	@command -v cfn-lint >/dev/null || { echo "test-infra: cfn-lint not found (pipx install cfn-lint)" >&2; exit 1; }
	cd infra && ../$(HERMETIC) npm test

# The project reports its own results (those of the last `make test`) to a loopback server.
dogfood:
	$(HERMETIC) scripts/dogfood build/debug/badgesmith build/debug/ctest-junit.xml

test-asan: deps
	cmake --preset asan >/dev/null
	cmake --build --preset asan -j $(JOBS)
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  $(HERMETIC) ctest --test-dir build/asan --output-on-failure --no-tests=error -j $(JOBS)

test-tsan: deps
	cmake --preset tsan >/dev/null
	cmake --build --preset tsan -j $(JOBS)
	TSAN_OPTIONS=halt_on_error=1 $(HERMETIC) ctest --test-dir build/tsan --output-on-failure --no-tests=error -j $(JOBS)

static: deps
	cmake --preset static >/dev/null
	cmake --build --preset static -j $(JOBS)

# Fails when the Lambda-ready build has any dynamic dependency.
static-check: static
	scripts/check-static build/static/badgesmith

# dist/badgesmith-lambda-{x86_64,arm64}.zip: a static `bootstrap` plus Debian's CA set (see
# docs/lambda-packaging.md). arm64 cross-builds with Debian's aarch64 g++ (install-deps --lambda).
lambda-zip: lambda-zip-x86_64 lambda-zip-arm64

lambda-zip-x86_64: deps
	JOBS=$(JOBS) scripts/lambda-zip x86_64

lambda-zip-arm64: deps
	scripts/install-deps --lambda
	JOBS=$(JOBS) scripts/lambda-zip arm64

# AWS mode on this machine: moto, the tables, a demo owner, and the x86_64 zip as a Lambda
# function behind an API Gateway v2 front on $(DEV_AWS_PORT) (scripts/dev-aws).
DEV_AWS_PORT ?= 8080
dev-aws: lambda-zip-x86_64
	DEV_AWS_PORT=$(DEV_AWS_PORT) scripts/dev-aws dist/badgesmith-lambda-x86_64.zip

# Opt-in: the DynamoDB conformance suites against AWS's DynamoDB Local (npm, Java 17) instead of moto.
test-dynamodb-local: deps
	cmake --preset debug >/dev/null
	cmake --build --preset debug -j $(JOBS) --target badgesmith_e2e_tests
	scripts/test-dynamodb-local build/debug/tests/badgesmith_e2e_tests

# The arm64 zip through the same empty-root suite as `make test`, under qemu-aarch64-static.
test-arm64: lambda-zip-arm64
	cmake --preset debug >/dev/null
	cmake --build --preset debug -j $(JOBS) --target badgesmith_lambda_zip_tests
	BADGESMITH_LAMBDA_ARCH=arm64 $(HERMETIC) build/debug/tests/badgesmith_lambda_zip_tests

fuzz: deps
	cmake --preset fuzz >/dev/null
	cmake --build --preset fuzz -j $(JOBS)

# New inputs go to build/fuzz/corpus-*; the committed seeds stay as they are.
FUZZ_SECONDS ?= 60
fuzz-smoke: fuzz
	mkdir -p build/fuzz/corpus-router build/fuzz/corpus-request_head build/fuzz/corpus-badge \
	  build/fuzz/corpus-package_inputs build/fuzz/corpus-upstream_json build/fuzz/corpus-ingestion \
	  build/fuzz/corpus-report
	$(HERMETIC) build/fuzz/fuzz/router_fuzz -max_total_time=$(FUZZ_SECONDS) -timeout=5 \
	  build/fuzz/corpus-router fuzz/corpus/router
	$(HERMETIC) build/fuzz/fuzz/request_head_fuzz -max_total_time=$$(( $(FUZZ_SECONDS) / 2 )) \
	  -timeout=5 build/fuzz/corpus-request_head fuzz/corpus/request_head
	$(HERMETIC) build/fuzz/fuzz/badge_fuzz -max_total_time=$(FUZZ_SECONDS) -timeout=5 \
	  build/fuzz/corpus-badge fuzz/corpus/badge
	$(HERMETIC) build/fuzz/fuzz/package_inputs_fuzz -max_total_time=$$(( $(FUZZ_SECONDS) / 2 )) \
	  -timeout=5 build/fuzz/corpus-package_inputs fuzz/corpus/package_inputs
	$(HERMETIC) build/fuzz/fuzz/upstream_json_fuzz -max_total_time=$$(( $(FUZZ_SECONDS) / 2 )) \
	  -timeout=5 build/fuzz/corpus-upstream_json fuzz/corpus/upstream_json
	$(HERMETIC) build/fuzz/fuzz/ingestion_fuzz -max_total_time=$(FUZZ_SECONDS) -timeout=5 \
	  build/fuzz/corpus-ingestion fuzz/corpus/ingestion
	$(HERMETIC) build/fuzz/fuzz/report_fuzz -max_total_time=$(FUZZ_SECONDS) -timeout=5 \
	  build/fuzz/corpus-report fuzz/corpus/report

bench: build
	$(HERMETIC) bench/http.sh
	$(HERMETIC) bench/startup.sh

# Zip sizes, cold starts through the Runtime API emulator, RSS after 1,000 invocations.
bench-lambda: lambda-zip-x86_64
	$(HERMETIC) bench/lambda.sh

fmt: deps
	git ls-files '*.h' '*.cc' | xargs clang-format -i

lint: deps
	cmake --preset debug >/dev/null
	git ls-files 'src/*.cc' | xargs -P $(JOBS) -n 4 clang-tidy -p build/debug --quiet --extra-arg=-Wno-unknown-warning-option

clean:
	rm -rf build
