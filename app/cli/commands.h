#pragma once

#include <QStringList>

namespace bertlens::cli {

// Each command parses its own options (args[0] is the command name) and returns the exit
// status; errors are thrown as bertlens::Error and mapped to a status by main().
int info(const QStringList &args);
int tokenize(const QStringList &args);
int embed(const QStringList &args);
int attention(const QStringList &args);
int concat(const QStringList &args);
int download(const QStringList &args);
int trace(const QStringList &args); // trace.cpp
int fillMask(const QStringList &args);
int search(const QStringList &args); // search.cpp
int explain(const QStringList &args); // explain.cpp
int heads(const QStringList &args);   // explain.cpp
int probe(const QStringList &args);   // probe.cpp
int map(const QStringList &args);     // map.cpp

} // namespace bertlens::cli
