# Thin wrapper over CMake: every target here is one or two CMake/ctest calls.
BUILD ?= build
JOBS  ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo
# cmake --build runs make again: without this every line says which directory it is in.
MAKEFLAGS += --no-print-directory

.PHONY: all demo test asan fuzz bench format deps clean valgrind eval

all: $(BUILD)/Makefile
	@cmake --build $(BUILD) -j $(JOBS)

$(BUILD)/Makefile:
	@cmake -S . -B $(BUILD) $(CMAKE_FLAGS)

deps:
	@scripts/install-deps.sh

demo: deps all
	@$(BUILD)/dossier demo

test: all
	@scripts/run-tests.sh $(BUILD)

asan:
	@cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DDOSSIER_SANITIZE=ON -DCMAKE_C_COMPILER=clang
	@cmake --build build-asan -j $(JOBS)
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
		scripts/run-tests.sh build-asan

valgrind: all
	@scripts/valgrind.sh $(BUILD)

fuzz:
	@cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDOSSIER_FUZZ=ON -DCMAKE_C_COMPILER=clang
	@cmake --build build-fuzz -j $(JOBS)
	@scripts/run-fuzz.sh build-fuzz $${FUZZ_SECONDS:-60}

bench: all
	@scripts/run-bench.sh $(BUILD)

eval: all
	@scripts/run-eval.sh $(BUILD)

format:
	@clang-format -i $$(git ls-files '*.c' '*.h')

clean:
	@rm -rf build build-asan build-fuzz
