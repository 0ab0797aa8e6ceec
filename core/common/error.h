#pragma once

#include <stdexcept>
#include <string>

namespace bertlens {

// Every failure BertLens reports names the thing that is wrong (file, tensor, value) and why.
// The kind decides the CLI exit status and the GUI dialog title.
enum class ErrorKind {
    Usage,  // a bad option or argument
    Model,  // model folder, config, vocabulary or weights
    Input,  // the user's text or input file
    Io,     // writing results
    Cancelled,
};

class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, const std::string &message) : std::runtime_error(message), m_kind(kind) {}
    ErrorKind kind() const { return m_kind; }

private:
    ErrorKind m_kind;
};

inline Error modelError(const std::string &message) { return Error(ErrorKind::Model, message); }
inline Error inputError(const std::string &message) { return Error(ErrorKind::Input, message); }
inline Error ioError(const std::string &message) { return Error(ErrorKind::Io, message); }

} // namespace bertlens
