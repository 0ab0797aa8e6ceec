#pragma once

namespace bertlens {

// What a screen reader (through AT-SPI on Linux) gets from BertLens's own widgets: the token strip
// as a list of its tokens, each named by its text, sentence and position, selected or not; every
// plot as a graphic named by what it shows (its title) and described by how to read its numbers;
// tab bars whose tabs say which one is shown (Qt 6.4's never do). And a style whose focus frames
// are rings in the highlight colour. Installed once, by the first MainWindow.
void installAccessibility();

} // namespace bertlens
