# Output byte-identical to the golden output: writes the national-size
# synthetic files at SCALE with GEN (gen_national), runs JBW with each
# argument list of that scale in EXPECTED (tests/data/output-golden.sha256,
# whose header says which build captured each line) and compares the
# SHA-256 and length of its output.
#
# cmake -DJBW=jbw -DGEN=gen_national -DWORK=dir -DSCALE=1 -DEXPECTED=file
#       -P same_output.cmake
foreach(v JBW GEN WORK SCALE EXPECTED)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "same_output: -D${v}= is required")
  endif()
endforeach()
file(MAKE_DIRECTORY ${WORK})
execute_process(COMMAND ${GEN} ${WORK} ${SCALE} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "same_output: ${GEN} ${WORK} ${SCALE} failed: ${rc}")
endif()
file(STRINGS ${EXPECTED} lines REGEX "^[0-9a-f]")
set(checked 0)
set(failed 0)
foreach(line IN LISTS lines)
  string(REGEX MATCH "^([0-9a-f]+) ([0-9]+) ([0-9]+) (.*)$" m "${line}")
  if(NOT CMAKE_MATCH_3 STREQUAL SCALE)
    continue()
  endif()
  set(want_sha ${CMAKE_MATCH_1})
  set(want_len ${CMAKE_MATCH_2})
  separate_arguments(args UNIX_COMMAND "${CMAKE_MATCH_4}")
  execute_process(
    COMMAND ${JBW} ${args} --measures ${WORK}/measures.csv
            --workers ${WORK}/workers.csv
    OUTPUT_FILE ${WORK}/out.txt RESULT_VARIABLE rc)
  file(SHA256 ${WORK}/out.txt got_sha)
  file(SIZE ${WORK}/out.txt got_len)
  math(EXPR checked "${checked} + 1")
  if(NOT rc EQUAL 0 OR NOT got_sha STREQUAL want_sha OR NOT got_len EQUAL want_len)
    math(EXPR failed "${failed} + 1")
    message(SEND_ERROR "${SCALE}x jbw ${CMAKE_MATCH_4}: exit ${rc}, "
            "${got_len} bytes, sha256 ${got_sha}; the golden output is ${want_len} "
            "bytes, sha256 ${want_sha}")
  else()
    message(STATUS "${SCALE}x jbw ${CMAKE_MATCH_4}: identical to the golden output")
  endif()
endforeach()
if(checked EQUAL 0)
  message(FATAL_ERROR "same_output: no expected output for scale ${SCALE}")
endif()
