#include "ProfileChoice.h"

#include "common/Error.h"

#include <algorithm>

namespace posesmart {

namespace {

std::string quotedList(const std::vector<std::string>& names) {
    std::string list;
    for (const std::string& name : names) list += (list.empty() ? "'" : ", '") + name + "'";
    return list;
}

}  // namespace

std::string chooseProfile(const std::vector<std::string>& profiles, const std::optional<std::string>& named,
                          const std::string& where) {
    if (profiles.empty()) throw Error(ErrorKind::BadArgument, "no profile in '" + where + "': its history is empty");
    if (named) {
        if (std::find(profiles.begin(), profiles.end(), *named) != profiles.end()) return *named;
        throw Error(ErrorKind::BadArgument,
                    "no profile '" + *named + "' in '" + where + "'; its profiles: " + quotedList(profiles));
    }
    if (profiles.size() == 1) return profiles.front();
    throw Error(ErrorKind::BadArgument,
                "'" + where + "' holds several profiles, choose one with --user: " + quotedList(profiles));
}

}  // namespace posesmart
