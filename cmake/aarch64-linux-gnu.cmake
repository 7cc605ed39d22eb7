# Cross toolchain for the arm64 Lambda build (preset lambda-arm64) on Debian 12 (x86_64 host):
# g++-12-aarch64-linux-gnu plus the multiarch :arm64 -dev packages (libssl-dev, libsqlite3-dev,
# libexpat1-dev, zlib1g-dev), all installed by `scripts/install-deps --lambda`. Their archives
# live in /usr/lib/aarch64-linux-gnu, which CMAKE_LIBRARY_ARCHITECTURE makes CMake search
# instead of the host's /usr/lib/x86_64-linux-gnu; the cross g++ already searches
# /usr/include/aarch64-linux-gnu before /usr/include.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc-12)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++-12)
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)
# LTO needs the cross binutils' archiver and ranlib with the plugin.
set(CMAKE_AR aarch64-linux-gnu-gcc-ar-12)
set(CMAKE_RANLIB aarch64-linux-gnu-gcc-ranlib-12)
set(CMAKE_CXX_COMPILER_AR aarch64-linux-gnu-gcc-ar-12)
set(CMAKE_CXX_COMPILER_RANLIB aarch64-linux-gnu-gcc-ranlib-12)

# Boost is used header-only; its CMake config is installed under the host's multiarch directory
# but only points at /usr/include, which is the same for every architecture.
set(Boost_DIR /usr/lib/x86_64-linux-gnu/cmake/Boost-1.74.0 CACHE PATH "Boost headers (arch-independent)")

# FindOpenSSL and FindEXPAT ask pkg-config first: make it read the arm64 .pc files only.
set(ENV{PKG_CONFIG_LIBDIR} /usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig)
set(ENV{PKG_CONFIG_PATH} "")
