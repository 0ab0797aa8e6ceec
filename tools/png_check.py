#!/usr/bin/env python3
"""Fails unless every PNG given is a real picture: decodable, and neither blank nor one flat colour
(at least 3% of its pixels differ from the most common colour, and at least 20 colours). Standard
library only, for the install check's screenshots."""
import struct
import sys
import zlib


def pixels(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(colour)
    if depth != 8 or channels is None or interlace:
        raise ValueError(f"unsupported PNG (depth {depth}, colour type {colour}, interlace {interlace})")
    raw, stride = zlib.decompress(idat), width * channels
    rows, previous, pos = [], bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[pos], bytearray(raw[pos + 1:pos + 1 + stride])
        pos += 1 + stride
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b, c = previous[i], previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        previous = line
    return [row[i:i + channels] for row in rows for i in range(0, stride, channels)]


def main():
    for path in sys.argv[1:]:
        px = pixels(path)
        counts = {}
        for p in px:
            counts[p] = counts.get(p, 0) + 1
        common = max(counts.values())
        other = 1 - common / len(px)
        if len(counts) < 20 or other < 0.03:
            sys.exit(f"{path}: blank ({len(counts)} colours, {100 * other:.1f}% not the background)")
        print(f"{path}: {len(counts)} colours, {100 * other:.0f}% not the background")


if __name__ == "__main__":
    main()
