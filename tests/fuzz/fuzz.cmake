# Fuzz targets: one per reader, one for the rules loader, the matcher and the redactor.
#
# (a) Always: each target is linked with driver.c (a plain main) against
#     analyzer_core and registered as ctest `fuzz_replay_<target>`, which
#     replays tests/fuzz/corpus/<target>/ - so every seed, and every crash
#     input ever added there, runs in each ordinary test run.
# (b) With -DSKILLGAP_FUZZ=ON and clang: real libFuzzer binaries
#     `fuzz_<target>` (-fsanitize=fuzzer,address,undefined). The core must
#     then be instrumented too: configure a separate build directory with
#       CC=clang cmake -S . -B build-fuzz -DSKILLGAP_FUZZ=ON \
#         -DCMAKE_C_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -g -O1"
#     (tests/fuzz/run.sh does exactly that, then runs each target).

set(SKILLGAP_FUZZ_TARGETS docx wordml json text rules match redact)

foreach(t IN LISTS SKILLGAP_FUZZ_TARGETS)
  add_executable(fuzz_replay_${t} fuzz/fuzz_${t}.c fuzz/driver.c)
  target_link_libraries(fuzz_replay_${t} PRIVATE analyzer_core)
  target_compile_definitions(fuzz_replay_${t} PRIVATE _POSIX_C_SOURCE=200809L)
  add_test(NAME fuzz_replay_${t}
           COMMAND fuzz_replay_${t} ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/corpus/${t})
endforeach()

if(SKILLGAP_FUZZ)
  if(NOT CMAKE_C_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "SKILLGAP_FUZZ needs clang (CC=clang)")
  endif()
  if(NOT CMAKE_C_FLAGS MATCHES "fuzzer-no-link")
    message(WARNING "SKILLGAP_FUZZ: CMAKE_C_FLAGS lacks -fsanitize=fuzzer-no-link,address,undefined; "
                    "the core library will not be instrumented (see tests/fuzz/fuzz.cmake)")
  endif()
  foreach(t IN LISTS SKILLGAP_FUZZ_TARGETS)
    add_executable(fuzz_${t} fuzz/fuzz_${t}.c)
    target_link_libraries(fuzz_${t} PRIVATE analyzer_core)
    target_compile_options(fuzz_${t} PRIVATE -fsanitize=fuzzer,address,undefined)
    target_link_options(fuzz_${t} PRIVATE -fsanitize=fuzzer,address,undefined)
  endforeach()
endif()
