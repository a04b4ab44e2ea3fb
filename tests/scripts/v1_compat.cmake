# Model version 1 of the waiting-risk model is a compatibility contract:
# its outputs must stay byte for byte those of libjbw 0.1.0, so that a
# decision taken with it can be reproduced. Runs JBW on the inputs in DATA
# (tests/data/v1_compat, cut from the synthetic example) with
# --model-version 1 and compares every output with the file libjbw 0.1.0
# wrote (captured from the 0.1.0 build; tests/data/README.md).
#
# cmake -DJBW=jbw -DDATA=dir -DWORK=dir -P v1_compat.cmake
foreach(v JBW DATA WORK)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "v1_compat: -D${v}= is required")
  endif()
endforeach()
file(MAKE_DIRECTORY ${WORK})
set(in --measures ${DATA}/measures.csv --workers ${DATA}/workers.csv
       --registry ${DATA}/registry.csv --date 2025-09-01 --model-version 1)
# expected file | arguments
set(runs
  "triage_2025-09-01_nl.json|triage --format json"
  "triage_2025-09-01_en.csv|triage --format csv --lang en"
  "triage_2025-09-01_nl.txt|triage --format text"
  "allocate_2025-09-01.json|allocate --format json --norm ${DATA}/norm_0_1_0.txt"
  "allocate_2025-09-01.csv|allocate --format csv --norm ${DATA}/norm_0_1_0.txt"
  "allocate_2025-09-01.txt|allocate --format text --lang en --norm ${DATA}/norm_0_1_0.txt")
set(failed 0)
foreach(run IN LISTS runs)
  string(FIND "${run}" "|" bar)
  string(SUBSTRING "${run}" 0 ${bar} expected)
  math(EXPR bar "${bar} + 1")
  string(SUBSTRING "${run}" ${bar} -1 command)
  separate_arguments(parts UNIX_COMMAND "${command}")
  execute_process(COMMAND ${JBW} ${parts} ${in}
    OUTPUT_FILE ${WORK}/${expected} RESULT_VARIABLE rc)
  execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files
    ${WORK}/${expected} ${DATA}/${expected} RESULT_VARIABLE diff)
  if(NOT rc EQUAL 0 OR NOT diff EQUAL 0)
    math(EXPR failed "${failed} + 1")
    message(SEND_ERROR "jbw ${parts} --model-version 1: exit ${rc}; output "
            "${WORK}/${expected} differs from the 0.1.0 output ${DATA}/${expected}")
  else()
    message(STATUS "jbw ${parts} --model-version 1: identical to 0.1.0")
  endif()
endforeach()
# the model file of version 1, as 0.1.0's jbw_waitrisk_model_save() wrote it
execute_process(COMMAND ${JBW} model --model-version 1
  OUTPUT_FILE ${WORK}/model_v1_default.txt RESULT_VARIABLE rc)
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files
  ${WORK}/model_v1_default.txt ${DATA}/model_v1_default.txt RESULT_VARIABLE diff)
if(NOT rc EQUAL 0 OR NOT diff EQUAL 0)
  message(SEND_ERROR "jbw model --model-version 1 differs from 0.1.0's model file")
endif()
