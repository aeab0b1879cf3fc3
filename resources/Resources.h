// Resources: makes the icons compiled into posesmart_resources available as ":/icons/...".
#pragma once

namespace posesmart {

// Call once before the first icon is loaded (a static library's resources are not registered
// until something refers to them).
void initResources();

}  // namespace posesmart
