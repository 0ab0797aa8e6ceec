#!/usr/bin/env python3
"""Counts the pixels of an X screen dump (xwd -root) that are in a colour class, standard library only.
`prediction`: the backgrounds of the prediction and lens cells (predictions_panel.cpp: red = s,
green = s + (255 - s) / 3, blue = 255 for a shade s <= 240), which neither the heatmaps' Blues
(blue < 255 once not white) nor the token chips nor Qt's widgets use."""
import struct
import sys


def read_xwd(path):
    data = open(path, "rb").read()
    fields = struct.unpack(">25I", data[:100])
    header_size, width, height = fields[0], fields[4], fields[5]
    byte_order, bits_per_pixel, bytes_per_line, ncolors = fields[7], fields[11], fields[12], fields[19]
    if bits_per_pixel not in (24, 32):
        raise SystemExit(f"{path}: {bits_per_pixel} bits per pixel; run Xvfb with depth 24")
    pixels = data[header_size + 12 * ncolors:]
    order = "<" if byte_order == 0 else ">"
    return width, height, bytes_per_line, pixels, order, fields[14:17], bits_per_pixel // 8


def count(path, kind):
    width, height, stride, pixels, order, masks, size = read_xwd(path)
    red_mask, green_mask, blue_mask = masks
    shift = lambda m: (m & -m).bit_length() - 1
    rs, gs, bs = shift(red_mask), shift(green_mask), shift(blue_mask)
    n = 0
    for y in range(height):
        row = pixels[y * stride:y * stride + size * width]
        for x in range(width):
            value = int.from_bytes(row[x * size:(x + 1) * size], "little" if order == "<" else "big")
            r, g, b = (value & red_mask) >> rs, (value & green_mask) >> gs, (value & blue_mask) >> bs
            if kind == "prediction" and b == 255 and r <= 240 and abs(g - (r + (255 - r) // 3)) <= 1:
                n += 1
    return n


if __name__ == "__main__":
    print(count(sys.argv[1], sys.argv[2]))
