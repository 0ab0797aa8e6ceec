#pragma once

namespace bertlens {

// What a screen reader (through AT-SPI on Linux) gets from BertLens's own widgets: the token strip
// as a list of its tokens, each named by its text, sentence and position, selected or not; every
// plot as a graphic named by what it shows (its title) and described by how to read its numbers.
// Installed once, by the first MainWindow.
void installAccessibility();

} // namespace bertlens
