# Learning plans and the rule-set linter, on the built binary.
#  - golden plans: every samples/*.txt in every plan format, with fixed
#    --as-of/--start/--hours-per-week, compared byte for byte with
#    tests/plan/expected/<sample>.<format> (regenerate all with
#    `SKILLGAP_UPDATE_GOLDEN=1 ctest -R '^plan_'` and review the diff);
#  - every .ics output parsed back by check_ics.py (RFC 5545 shape);
#  - the no-gap plan and the linter on small rule sets of our own.
set(PLAN_SAMPLES
  healthcare-nlp-engineer junior-new-grad messy-layout ml-engineer-fintech
  nurse-learning-python phd-researcher product-manager radiology-cv-engineer)
set(PLAN_ARGS --as-of 2026-11-27 --start 2027-01-04 --hours-per-week 10)
set(PLAN_DIR ${CMAKE_CURRENT_SOURCE_DIR}/plan)
find_package(Python3 COMPONENTS Interpreter)

foreach(s IN LISTS PLAN_SAMPLES)
  foreach(fmt text md json ics)
    add_test(NAME plan_golden_${s}_${fmt}
      COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/golden/run.sh ${PLAN_DIR}/expected/${s}.${fmt}
              $<TARGET_FILE:skillgap> plan ${PLAN_ARGS} --format ${fmt} samples/${s}.txt
      WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  endforeach()
  if(Python3_Interpreter_FOUND)
    add_test(NAME plan_ics_parse_${s}
      COMMAND ${Python3_EXECUTABLE} ${PLAN_DIR}/check_ics.py --
              $<TARGET_FILE:skillgap> plan ${PLAN_ARGS} --format ics samples/${s}.txt
      WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  endif()
endforeach()

# A resume with no gaps: the plan says so and names the role to grow into.
foreach(fmt text md json ics)
  add_test(NAME plan_golden_no-gaps_${fmt}
    COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/golden/run.sh ${PLAN_DIR}/expected/no-gaps.${fmt}
            $<TARGET_FILE:skillgap> plan ${PLAN_ARGS} --rules tests/plan/rules-mini --role eng
            --format ${fmt} tests/plan/no-gaps.txt
    WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
endforeach()
# Prerequisites, any_of choice and a credential gap, on the small rule set;
# --redact and a fractional --hours-per-week.
add_test(NAME plan_golden_mini_text
  COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/golden/run.sh ${PLAN_DIR}/expected/mini.text
          $<TARGET_FILE:skillgap> plan --as-of 2026-11-27 --start 2027-01-04 --hours-per-week 7.5
          --rules tests/plan/rules-mini --role eng --redact tests/plan/gaps.txt
  WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
if(Python3_Interpreter_FOUND)
  add_test(NAME plan_ics_parse_no-gaps
    COMMAND ${Python3_EXECUTABLE} ${PLAN_DIR}/check_ics.py --
            $<TARGET_FILE:skillgap> plan ${PLAN_ARGS} --rules tests/plan/rules-mini --role eng
            --format ics tests/plan/no-gaps.txt
    WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  # the checker itself rejects a broken calendar (LF line ends, long line)
  add_test(NAME plan_ics_checker_rejects_bad
    COMMAND ${Python3_EXECUTABLE} ${PLAN_DIR}/check_ics.py ${PLAN_DIR}/bad.ics
    WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  set_tests_properties(plan_ics_checker_rejects_bad PROPERTIES WILL_FAIL TRUE)
endif()

# Bad --hours-per-week / --start: exit 2 with one line.
foreach(bad "--hours-per-week;0" "--hours-per-week;169" "--hours-per-week;ten" "--start;2027-02-29"
            "--start;tomorrow" "--format;pdf")
  string(MAKE_C_IDENTIFIER "${bad}" id)
  add_test(NAME plan_usage_${id}
    COMMAND sh ${PLAN_DIR}/expect_exit.sh 2 $<TARGET_FILE:skillgap> plan ${bad} samples/junior-new-grad.txt
    WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
endforeach()

# rules check: the linter's exact findings on a broken set (exit 3).
add_test(NAME plan_rules_check_lint_golden
  COMMAND sh ${PLAN_DIR}/run_lint.sh ${PLAN_DIR}/expected/rules-check-lint.txt 3
          $<TARGET_FILE:skillgap> rules check tests/data/rules-bad/lint
  WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
add_test(NAME plan_rules_check_cycle
  COMMAND sh ${PLAN_DIR}/run_lint.sh ${PLAN_DIR}/expected/rules-check-cycle.txt 3
          $<TARGET_FILE:skillgap> rules check tests/data/rules-bad/cycle
  WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
add_test(NAME plan_rules_check_clean
  COMMAND sh ${PLAN_DIR}/run_lint.sh ${PLAN_DIR}/expected/rules-check-clean.txt 0
          $<TARGET_FILE:skillgap> rules check tests/plan/rules-mini
  WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
add_test(NAME plan_rules_check_embedded
  COMMAND $<TARGET_FILE:skillgap> rules check
  WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
