# Writes OUTPUT: the text of the INPUTS files ('|'-separated: the runtime
# headers, or the test-executable runner) as one C++ raw string literal, for
# the C++ emitter to copy into generated files.
set(text "")
string(REPLACE "|" ";" inputs "${INPUTS}")
foreach(input ${inputs})
  file(READ ${input} content)
  string(APPEND text "${content}\n")
endforeach()
file(WRITE ${OUTPUT} "R\"qcc_source(${text})qcc_source\"\n")
