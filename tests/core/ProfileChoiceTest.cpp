// Whose history a report shows: the named profile, or the only one; otherwise an error that lists them.
#include "common/Error.h"
#include "history/ProfileChoice.h"

#include <catch2/catch.hpp>

using namespace posesmart;

TEST_CASE("without a name the only profile is chosen") {
    CHECK(chooseProfile({"Demo (generated)"}, std::nullopt, "h.db") == "Demo (generated)");
}

TEST_CASE("a named profile is chosen when it is there") {
    CHECK(chooseProfile({"default", "kim"}, std::string("kim"), "h.db") == "kim");
    CHECK(chooseProfile({"default"}, std::string("default"), "h.db") == "default");
}

TEST_CASE("several profiles and no name: the error lists them") {
    CHECK_THROWS_WITH(chooseProfile({"default", "kim"}, std::nullopt, "h.db"),
                      "'h.db' holds several profiles, choose one with --user: 'default', 'kim'");
}

TEST_CASE("an unknown name: the error lists the profiles there are") {
    CHECK_THROWS_WITH(chooseProfile({"Demo (generated)"}, std::string("default"), "h.db"),
                      "no profile 'default' in 'h.db'; its profiles: 'Demo (generated)'");
}

TEST_CASE("no profile at all") {
    for (const auto& named : {std::optional<std::string>(), std::optional<std::string>("kim")}) {
        CHECK_THROWS_WITH(chooseProfile({}, named, "h.db"), "no profile in 'h.db': its history is empty");
    }
    CHECK_THROWS_AS(chooseProfile({}, std::nullopt, "h.db"), Error);
}
