# Reader unit tests: .docx, WordprocessingML, JSON and hostile inputs.
skillgap_unit(test_read CASES
  test_read__docx_sample_same_as_txt
  test_read__docx_header_contact
  test_read__docx_table_cells_apart
  test_read__docx_tracked_changes
  test_read__docx_alternate_content_once
  test_read__docx_fields_instr_dropped
  test_read__docx_custom_main_part_name
  test_read__docx_image_only_no_text
  test_read__wordml_flat_opc
  test_read__wordml_bare_document_xml
  test_read__xml_billion_laughs
  test_read__xml_external_entity
  test_read__xml_depth_limit
  test_read__zip_bomb_ratio
  test_read__zip_too_many_entries
  test_read__zip_truncated
  test_read__zip_encrypted
  test_read__zip_junk_before
  test_read__zip_nested
  test_read__json_resume_sections
  test_read__json_old_field_names
  test_read__json_partial_dates_years
  test_read__json_crlf
  test_read__json_other_layout
  test_read__json_errors_line_col
  test_read__json_depth_limit)
