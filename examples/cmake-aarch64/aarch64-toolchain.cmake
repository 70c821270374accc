# Cross-compiling to 64-bit ARM Linux with clang 22 and lld, against Debian's
# cross C library (apt-get install g++-aarch64-linux-gnu: /usr/aarch64-linux-gnu).
# Programs are linked statically, so they run on any AArch64 Linux, or here
# under `qemu-aarch64` (apt-get install qemu-user).
#
#   cmake -G Ninja -B build -DCMAKE_TOOLCHAIN_FILE=aarch64-toolchain.cmake ...

set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64) # what qcc_add_model() checks ARCH against

set(CMAKE_C_COMPILER clang-22)
set(CMAKE_C_COMPILER_TARGET aarch64-linux-gnu)
set(CMAKE_CXX_COMPILER clang++-22)
set(CMAKE_CXX_COMPILER_TARGET aarch64-linux-gnu)
# clang finds the cross libc and GCC's crt files in /usr/aarch64-linux-gnu and
# /usr/lib/gcc-cross/aarch64-linux-gnu by itself.
set(CMAKE_EXE_LINKER_FLAGS_INIT "-fuse-ld=lld -static")
set(CMAKE_SHARED_LINKER_FLAGS_INIT "-fuse-ld=lld")

# Libraries and headers from the cross libc only; programs (qcc) from the
# build machine.
set(CMAKE_FIND_ROOT_PATH /usr/aarch64-linux-gnu)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# How CTest (and try_run) run the programs on the build machine.
set(CMAKE_CROSSCOMPILING_EMULATOR qemu-aarch64 -cpu cortex-a76 -L /usr/aarch64-linux-gnu)
