# Command-line behaviour of the built binary (tests/cli/cli.sh).
foreach(c empty binary missing unreadable_dir too_big too_big_stdin bad_role bad_rules_dir
          broken_rules rules_env no_partial_output output_file output_special output_unwritable stdin
          no_skills usage help_version color roles skills redact)
  add_test(NAME cli_${c}
    COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/cli/cli.sh $<TARGET_FILE:skillgap> ${CMAKE_SOURCE_DIR} ${c})
endforeach()
