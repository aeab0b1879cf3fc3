// ProfileChoice: whose history a report shows when the caller may or may not name a profile.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace posesmart {

// The named profile when it is among `profiles`; with no name, the only profile there is.
// Throws Error(BadArgument) naming the profiles otherwise (none, several, or not that one);
// `where` (the database) goes into the message.
[[nodiscard]] std::string chooseProfile(const std::vector<std::string>& profiles,
                                        const std::optional<std::string>& named, const std::string& where);

}  // namespace posesmart
