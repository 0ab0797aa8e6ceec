#!/bin/sh
# Renders the PNG sizes of the icon (resources/icons/hicolor/) from its SVG, for desktops and
# AppStream that want bitmaps. Needs rsvg-convert (Debian librsvg2-bin). Run after editing the SVG.
set -eu
cd "$(dirname "$0")/../resources/icons"
for size in 16 24 32 48 64 128 256 512; do
  mkdir -p "hicolor/${size}x${size}"
  rsvg-convert -w "$size" -h "$size" bertlens.svg -o "hicolor/${size}x${size}/bertlens.png"
done
