// Catch2 3 under the Catch2 2 include: the tests include <catch2/catch.hpp> and use Catch2 2's
// names (Approx, Catch::Contains, Catch::StartsWith, Catch::EndsWith). Catch2 3 (Debian 13) has no such header;
// tests/CMakeLists.txt puts this folder on the include path only when it builds against Catch2 3.
#pragma once

#include <catch2/catch_all.hpp>
#include <string>

using Catch::Approx;

namespace Catch {
inline Matchers::StringContainsMatcher Contains(const std::string& text,
                                                CaseSensitive caseSensitivity = CaseSensitive::Yes) {
    return Matchers::ContainsSubstring(text, caseSensitivity);
}
using Matchers::EndsWith;
using Matchers::StartsWith;
}  // namespace Catch
