#!/bin/sh
# Installs what BertLens needs to build, test and run on Debian 12, from Debian's packages only
# (clang is for the sanitizer and fuzzing build of the tests; python3-jieba only for its Chinese word
# dictionary, which BertLens reads as data; Xvfb, openbox, xdotool and xwd for the test that drives the
# real window under a window manager).
set -eu
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends \
  build-essential cmake ninja-build pkg-config file \
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev \
  libtorch-dev libdnnl-dev ocl-icd-opencl-dev zlib1g-dev libqcustomplot-dev libopenblas0-pthread \
  fonts-dejavu-core fonts-wqy-microhei \
  clang-14 libclang-rt-14-dev python3-jieba \
  xvfb openbox xdotool x11-apps
# LibTorch calls whichever BLAS the alternatives system selects; the reference BLAS is ~50x slower.
$SUDO update-alternatives --set libblas.so.3-x86_64-linux-gnu /usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3
$SUDO update-alternatives --set liblapack.so.3-x86_64-linux-gnu /usr/lib/x86_64-linux-gnu/openblas-pthread/liblapack.so.3 || true
