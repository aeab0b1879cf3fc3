// Error: the one exception type core throws, with a category the caller can act on.
#pragma once

#include <stdexcept>
#include <string>

namespace posesmart {

enum class ErrorKind { BadInput, BadModel, BadArgument, Io };

class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), m_kind(kind) {}
    [[nodiscard]] ErrorKind kind() const noexcept { return m_kind; }

private:
    ErrorKind m_kind;
};

}  // namespace posesmart
