# Vingt — a thin wrapper over the CMake presets (CMakePresets.json) and ctest.
#
#   make run [ARGS="serve --port 3000"]  install deps, build build/release, run vingt (GUI or headless)
#   make test                            install deps, build build/test (-Werror, assertions on, ASan+UBSan+LSan), ctest,
#                                        then build build/fuzz and run each fuzz target for FUZZ_SMOKE_SECONDS (10)
#   make dev-test                        the same suite without sanitizers (build/dev, -O2): quicker to iterate
#   make build                           install deps, build build/release
#   make fuzz [FUZZ_SECONDS=60] [FUZZ_TARGETS="cursor jwt"]
#                                        install deps, build build/fuzz (clang, libFuzzer), run each fuzz target
#   make bench                           install deps incl. wrk + nginx-light, build release, bench/run.sh
#   make format / format-check           clang-format the C++ under app backend tests bench
#   make clean                           remove build/
SHELL := /bin/bash
.DEFAULT_GOAL := build

ARGS ?=

# Configure, then build one preset. Configuring again is quick (the cache is kept) and picks up changes
# to CMakePresets.json; ninja picks the number of jobs.
define build_preset
	cmake --preset $(1)
	cmake --build --preset $(1)
endef

# NUL-separated list of the C++ files to format; folders that do not exist yet are skipped.
FORMAT_DIRS := $(wildcard app backend tests bench)
FORMAT_FILES = $(if $(FORMAT_DIRS),find $(FORMAT_DIRS) -type f \( -name '*.cpp' -o -name '*.h' \) -print0,true)

.PHONY: deps build run test dev-test fuzz bench format format-check clean

deps:
	@packaging/install-deps.sh

build: deps
	$(call build_preset,release)

# The binary decides between GUI and headless itself (DISPLAY / WAYLAND_DISPLAY).
run: build
	exec build/release/app/vingt $(ARGS)

# The sanitized suite, then every libFuzzer target for a short smoke run (issue 10; `make fuzz` runs them longer).
FUZZ_SMOKE_SECONDS ?= 10
test: deps
	$(call build_preset,test)
	ctest --test-dir build/test --output-on-failure -j2
	@packaging/install-deps.sh --fuzz
	$(call build_preset,fuzz)
	FUZZ_SECONDS=$(FUZZ_SMOKE_SECONDS) tests/fuzz/run.sh

dev-test: deps
	$(call build_preset,dev)
	ctest --preset dev

FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?=
fuzz:
	@packaging/install-deps.sh --fuzz
	$(call build_preset,fuzz)
	FUZZ_SECONDS=$(FUZZ_SECONDS) tests/fuzz/run.sh $(FUZZ_TARGETS)

bench:
	@packaging/install-deps.sh --bench
	$(call build_preset,release)
	bench/run.sh

format:
	$(FORMAT_FILES) | xargs -0 -r clang-format -i

format-check:
	$(FORMAT_FILES) | xargs -0 -r clang-format --dry-run -Werror

clean:
	rm -rf build
