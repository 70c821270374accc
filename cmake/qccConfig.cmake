# find_package(qcc) for an installed qcc (cmake --install): qcc_add_model()
# with QCC_EXECUTABLE set to the qcc installed beside this file.
#
#   find_package(qcc 0.1 REQUIRED)
#   qcc_add_model(my_model MODEL model.onnx CALIB calib.npy)
#   target_link_libraries(app PRIVATE my_model)
get_filename_component(_qcc_prefix "${CMAKE_CURRENT_LIST_DIR}/../../.." ABSOLUTE)
set(QCC_EXECUTABLE "${_qcc_prefix}/bin/qcc" CACHE FILEPATH
  "The qcc compiler that qcc_add_model() runs")
unset(_qcc_prefix)
include("${CMAKE_CURRENT_LIST_DIR}/QccAddModel.cmake")
