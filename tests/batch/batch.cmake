# `skillgap score` on the built binary (tests/batch/batch.sh). The parallel_*
# cases need GNU parallel (Debian package `parallel`); without it they skip.
foreach(c every_input_once jobs_identical jsonl_errors symlink_loop top_min_score files_from
          files_from_dir files_from_big_dir files_from_errors files_from_dash parallel_jsonl parallel_files usage)
  add_test(NAME batch_${c}
    COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/batch/batch.sh $<TARGET_FILE:skillgap> ${CMAKE_SOURCE_DIR} ${c})
  set_tests_properties(batch_${c} PROPERTIES SKIP_RETURN_CODE 77)
endforeach()
