# jbw_label_tests(): gives every test registered so far in the calling
# directory a label after the first part of its name (unit.caseload: unit;
# python.pandas: python; valgrind.unit_io: valgrind), added to any labels
# it has, and the label cli to the tests of the jbw command (example.cli*).
# Each CMakeLists.txt that registers tests calls it at its end (a test's
# properties can only be set in the directory that added it), so that
# `ctest -L python`, `-L unit` or `-LE valgrind` select whole groups.
function(jbw_label_tests)
  get_property(tests DIRECTORY PROPERTY TESTS)
  foreach(t IN LISTS tests)
    string(REGEX REPLACE "\\..*$" "" group "${t}")
    get_property(labels TEST ${t} PROPERTY LABELS)
    list(APPEND labels ${group})
    if(t MATCHES "^example\\.cli")
      list(APPEND labels cli)
    endif()
    list(REMOVE_DUPLICATES labels)
    set_property(TEST ${t} PROPERTY LABELS ${labels})
  endforeach()
endfunction()
