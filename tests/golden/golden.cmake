# Golden tests: every sample in every input format, rendered in every
# report format by the built binary, diffed against tests/golden/expected/.
# Regenerate with `make update-golden` and review the diff.
set(GOLDEN_SAMPLES
  ml-engineer-fintech nurse-learning-python phd-researcher product-manager
  healthcare-nlp-engineer radiology-cv-engineer junior-new-grad messy-layout)
set(GOLDEN_DIR ${CMAKE_CURRENT_SOURCE_DIR}/golden/expected)
foreach(s IN LISTS GOLDEN_SAMPLES)
  foreach(in txt docx json)
    if(EXISTS ${CMAKE_SOURCE_DIR}/samples/${s}.${in})
      foreach(fmt text json md)
        add_test(NAME golden_${s}_${in}_${fmt}
          COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/golden/run.sh
                  ${GOLDEN_DIR}/${s}.${in}.${fmt}
                  $<TARGET_FILE:skillgap> analyze --as-of 2026-11-27 --format ${fmt}
                  samples/${s}.${in}
          WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
      endforeach()
    endif()
  endforeach()
  # The same resume as .txt and as .docx gives the same skills and scores.
  if(EXISTS ${CMAKE_SOURCE_DIR}/samples/${s}.docx)
    add_test(NAME golden_${s}_txt_docx_same
      COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/golden/same_scores.py
              $<TARGET_FILE:skillgap> samples/${s}.txt samples/${s}.docx
      WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  endif()
endforeach()
foreach(fmt text json md)
  add_test(NAME golden_product-manager-table_docx_${fmt}
    COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/golden/run.sh
            ${GOLDEN_DIR}/product-manager-table.docx.${fmt}
            $<TARGET_FILE:skillgap> analyze --as-of 2026-11-27 --format ${fmt}
            samples/product-manager-table.docx
    WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  add_test(NAME golden_other-layout_json_${fmt}
    COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/golden/run.sh
            ${GOLDEN_DIR}/other-layout.json.${fmt}
            $<TARGET_FILE:skillgap> analyze --as-of 2026-11-27 --format ${fmt}
            samples/other-layout.json
    WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
endforeach()
add_test(NAME golden_product-manager_table_same
  COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/golden/same_scores.py
          $<TARGET_FILE:skillgap> samples/product-manager.txt samples/product-manager-table.docx
  WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
# --redact: the redacted report of a sample (names, emails, phones, URLs masked).
add_test(NAME golden_redact_nlp_text
  COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/golden/run.sh ${GOLDEN_DIR}/redact.healthcare-nlp-engineer.txt.text
          $<TARGET_FILE:skillgap> analyze --as-of 2026-11-27 --redact samples/healthcare-nlp-engineer.txt
  WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
add_test(NAME golden_role_nurse_nlp_text
  COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/golden/run.sh ${GOLDEN_DIR}/role.nurse-learning-python.text
          $<TARGET_FILE:skillgap> analyze --as-of 2026-11-27 --role healthcare-nlp-engineer samples/nurse-learning-python.txt
  WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
