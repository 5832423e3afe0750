# Batch scoring (analyzer/batch.c, analyzer/render_table.c).
skillgap_unit(test_batch CASES
  test_batch__order
  test_batch__csv_quoting
  test_batch__redact_every_column
  test_batch__every_input_once
  test_batch__threads_same_bytes
  test_batch__merge_round_trip)
