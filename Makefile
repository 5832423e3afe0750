# Makefile - a thin layer over CMake. The Quick start uses ./build.sh,
# which installs the Debian packages first and then runs these targets.
BUILD      ?= build
ASAN_BUILD ?= build-asan
SCALAR_BUILD ?= build-scalar
FUZZ_BUILD ?= build-fuzz
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
SAMPLE     ?= samples/nurse-learning-python.txt

.PHONY: all build demo test test-release test-asan test-scalar asan scalar fuzz bench install clean update-golden

all: build

build:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BUILD) -j$(JOBS)

demo: build
	./$(BUILD)/skillgap analyze $(SAMPLE)

# The whole suite three times: a Release build, ASan + UBSan, and a build
# without SSE2, where the byte-at-a-time fallbacks of the SSE2 code run.
test: test-release test-asan test-scalar

test-release: build
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

asan:
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Asan
	cmake --build $(ASAN_BUILD) -j$(JOBS)

test-asan: asan
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j$(JOBS)

scalar:
	cmake -S . -B $(SCALAR_BUILD) -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_FLAGS=-U__SSE2__
	cmake --build $(SCALAR_BUILD) -j$(JOBS)

test-scalar: scalar
	cd $(SCALAR_BUILD) && ctest --output-on-failure -j$(JOBS)

# libFuzzer runs of every reader and the rules loader (needs clang and
# libclang-rt-14-dev): FUZZ_SECONDS per target, default 60.
fuzz:
	@command -v clang >/dev/null && dpkg-query -W libclang-rt-14-dev >/dev/null 2>&1 || \
		{ SUDO=; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; $$SUDO apt-get install -y -qq clang libclang-rt-14-dev; }
	sh tests/fuzz/run.sh

# Throughput benchmark (prints figures; not a test): BENCH_ARGS passes options.
bench: build
	python3 tests/bench/bench.py --bin $(BUILD)/skillgap $(BENCH_ARGS)

# Regenerate the golden files from the current binary (review the diff!).
update-golden: build
	SKILLGAP_UPDATE_GOLDEN=1 sh -c 'cd $(BUILD) && ctest -R "^golden_" -j$(JOBS)'

install: build
	cmake --install $(BUILD)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(SCALAR_BUILD) $(FUZZ_BUILD)
