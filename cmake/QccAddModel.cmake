# QccAddModel.cmake: compile a model with qcc at build time and link it like
# any other library (CMake 3.20 or newer).
#
#   include(<qcc checkout>/cmake/QccAddModel.cmake)
#   qcc_add_model(<target> MODEL <model.onnx | model.mlir>
#                 [CALIB <calib.npy>...]       # one batch per model input, in order
#                 [PRECISION int8|w8a16|w4a8|mixed]   # needs CALIB; qcc's default int8
#                 [ARCH host|aarch64|hexagon-v68|hexagon-v69|hexagon-v73|hexagon-v75]
#                 [NAME <prefix>]              # symbols <prefix>_info, <prefix>_run
#                 [INPUT_SHAPE <name:1x3x8x8>...]
#                 [QCC_ARGS <qcc option>...])  # anything else, e.g. --io=quantized
#   target_link_libraries(app PRIVATE <target>)
#
# At build time this runs
#
#   qcc MODEL --target=ARCH --emit=obj --name=NAME [--calib=...] ... -o <dir>/NAME.o
#
# with <dir> = ${CMAKE_CURRENT_BINARY_DIR}/<target>, which writes the object and
# its header NAME.h (docs/LibraryABI.md), and defines <target>: a static library
# holding the object, whose include directory is <dir>. The application then
# writes `#include "NAME.h"`. The model, the calibration files and qcc itself
# are dependencies: changing any of them recompiles the model.
#
# Defaults: NAME is the model's file name without its extension as a C
# identifier (qcc's own default); ARCH is aarch64 when cross-compiling to an
# AArch64 CMAKE_SYSTEM_PROCESSOR (toolchain file), host otherwise. ARCH must
# match the project's target processor: the object is linked by the project's
# compiler. (aarch64 code uses the Armv8.2 dot product; for Armv8.0 cores pass
# QCC_ARGS --mattr=-dotprod.) Relative MODEL and CALIB paths are relative to
# the current source directory.
#
# qcc is the cache variable QCC_EXECUTABLE: by default found in $QCC_ROOT/bin,
# in this checkout's build/bin, then on PATH; set -DQCC_EXECUTABLE=... to
# choose another (or to the name of a qcc target built in the same project).
# qcc needs clang++ 22 at build time to compile the generated code.

include_guard(GLOBAL)

find_program(QCC_EXECUTABLE qcc
  HINTS ENV QCC_ROOT "${CMAKE_CURRENT_LIST_DIR}/../build"
  PATH_SUFFIXES bin
  NO_CMAKE_FIND_ROOT_PATH # qcc runs on the build machine, even when cross-compiling
  DOC "The qcc compiler that qcc_add_model() runs")

function(qcc_add_model target)
  cmake_parse_arguments(PARSE_ARGV 1 arg ""
    "MODEL;PRECISION;ARCH;NAME" "CALIB;INPUT_SHAPE;QCC_ARGS")
  set(where "qcc_add_model(${target})")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "${where}: unknown argument(s) '${arg_UNPARSED_ARGUMENTS}' "
      "(expected MODEL, CALIB, PRECISION, ARCH, NAME, INPUT_SHAPE, QCC_ARGS)")
  endif()
  if(arg_KEYWORDS_MISSING_VALUES)
    message(FATAL_ERROR "${where}: no value after ${arg_KEYWORDS_MISSING_VALUES}")
  endif()
  if(NOT arg_MODEL)
    message(FATAL_ERROR "${where}: MODEL <model.onnx|model.mlir> is required")
  endif()
  if(NOT TARGET "${QCC_EXECUTABLE}" AND NOT EXISTS "${QCC_EXECUTABLE}")
    message(FATAL_ERROR "${where}: qcc not found (QCC_EXECUTABLE is "
      "'${QCC_EXECUTABLE}'): configure with -DQCC_EXECUTABLE=/path/to/qcc "
      "(e.g. <qcc checkout>/build/bin/qcc)")
  endif()
  # CALIB and INPUT_SHAPE take lists: a misspelt keyword after them would be
  # taken for one of their values.
  foreach(file IN LISTS arg_CALIB)
    if(NOT file MATCHES "\\.(npy|pb)$")
      message(FATAL_ERROR "${where}: CALIB '${file}' is not a .npy or .pb file")
    endif()
  endforeach()
  foreach(shape IN LISTS arg_INPUT_SHAPE)
    if(NOT shape MATCHES "^.+:[0-9]+(x[0-9]+)*$")
      message(FATAL_ERROR "${where}: INPUT_SHAPE '${shape}' is not name:1x3x8x8")
    endif()
  endforeach()
  if(arg_PRECISION AND NOT arg_PRECISION MATCHES "^(int8|w8a16|w4a8|mixed)$")
    message(FATAL_ERROR "${where}: unknown PRECISION '${arg_PRECISION}' "
      "(expected int8, w8a16, w4a8 or mixed)")
  endif()
  if(arg_PRECISION AND NOT arg_CALIB)
    message(FATAL_ERROR "${where}: PRECISION needs CALIB (the calibration inputs)")
  endif()

  # The architecture: given, or the project's; either way it must be the
  # processor the project compiles for.
  string(TOLOWER "${CMAKE_SYSTEM_PROCESSOR}" processor)
  string(TOLOWER "${CMAKE_HOST_SYSTEM_PROCESSOR}" host_processor)
  set(arch "${arg_ARCH}")
  if(NOT arch)
    set(arch host)
    if(CMAKE_CROSSCOMPILING AND processor MATCHES "^(aarch64|arm64)")
      set(arch aarch64)
    endif()
  endif()
  if(arch STREQUAL "host")
    set(expected "${host_processor}")
  elseif(arch STREQUAL "aarch64")
    set(expected "(aarch64|arm64).*")
  elseif(arch MATCHES "^hexagon-v(68|69|73|75)$")
    set(expected "hexagon.*")
  else()
    message(FATAL_ERROR "${where}: unknown ARCH '${arch}' (expected host, "
      "aarch64, hexagon-v68, hexagon-v69, hexagon-v73 or hexagon-v75)")
  endif()
  if(processor AND NOT processor MATCHES "^(${expected})$")
    message(FATAL_ERROR "${where}: ARCH ${arch} does not match the processor "
      "this project compiles for (CMAKE_SYSTEM_PROCESSOR '${CMAKE_SYSTEM_PROCESSOR}'"
      "): use ARCH aarch64 with an AArch64 toolchain file, hexagon-vNN with a "
      "Hexagon one, host for a native build")
  endif()

  # The symbol prefix and the files.
  set(name "${arg_NAME}")
  if(NOT name)
    # qcc's own default: other characters become '_', and a name that does
    # not start with a letter or '_' gets "model_" in front.
    get_filename_component(name "${arg_MODEL}" NAME_WLE)
    string(REGEX REPLACE "[^A-Za-z0-9]" "_" name "${name}")
    if(NOT name MATCHES "^[A-Za-z_]")
      set(name "model_${name}")
    endif()
  elseif(NOT name MATCHES "^[A-Za-z_][A-Za-z0-9_]*$")
    message(FATAL_ERROR "${where}: NAME '${name}' is not a C identifier")
  endif()
  set(dir "${CMAKE_CURRENT_BINARY_DIR}/${target}")
  set(object "${dir}/${name}.o")
  set(header "${dir}/${name}.h")
  file(MAKE_DIRECTORY "${dir}")
  get_filename_component(model "${arg_MODEL}" ABSOLUTE)
  set(calib "")
  foreach(file IN LISTS arg_CALIB)
    get_filename_component(file "${file}" ABSOLUTE)
    list(APPEND calib "${file}")
  endforeach()

  # qcc as a file, or as a target of this project.
  set(qcc "${QCC_EXECUTABLE}")
  if(TARGET "${QCC_EXECUTABLE}")
    set(qcc "$<TARGET_FILE:${QCC_EXECUTABLE}>")
  endif()

  set(command "${qcc}" "${model}" "--target=${arch}" --emit=obj "--name=${name}")
  foreach(file IN LISTS calib)
    list(APPEND command "--calib=${file}")
  endforeach()
  if(arg_PRECISION)
    list(APPEND command "--precision=${arg_PRECISION}")
  endif()
  foreach(shape IN LISTS arg_INPUT_SHAPE)
    list(APPEND command "--input-shape=${shape}")
  endforeach()
  list(APPEND command ${arg_QCC_ARGS} -o "${object}")

  add_custom_command(
    OUTPUT "${object}" "${header}"
    COMMAND ${command}
    DEPENDS "${model}" ${calib} "${QCC_EXECUTABLE}"
    COMMENT "qcc: compiling ${arg_MODEL} for ${arch} (${target})"
    VERBATIM)

  # A static library of the one object (the header is listed so that it is
  # generated before anything that includes it compiles).
  set_source_files_properties("${object}" PROPERTIES EXTERNAL_OBJECT TRUE GENERATED TRUE)
  add_library(${target} STATIC "${object}" "${header}")
  get_property(languages GLOBAL PROPERTY ENABLED_LANGUAGES)
  if("C" IN_LIST languages)
    set_target_properties(${target} PROPERTIES LINKER_LANGUAGE C)
  else()
    set_target_properties(${target} PROPERTIES LINKER_LANGUAGE CXX)
  endif()
  target_include_directories(${target} INTERFACE "${dir}")
  # The host object calls the C library's memset and libm's roundevenf.
  if(arch STREQUAL "host" AND UNIX AND NOT APPLE)
    target_link_libraries(${target} INTERFACE m)
  endif()
endfunction()
