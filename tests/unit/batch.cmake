# Batch scoring (analyzer/batch.c, analyzer/render_table.c).
skillgap_unit(test_batch CASES
  test_batch__order
  test_batch__csv_quoting
  test_batch__redact_every_column
  test_batch__every_input_once
  test_batch__threads_same_bytes
  test_batch__merge_round_trip
  test_batch__path_dir_same_as_tree
  test_batch__path_dirs_walked_in_input_order
  test_batch__path_dir_over_queue_one_thread
  test_batch__path_errors
  test_batch__path_dir_progress)
