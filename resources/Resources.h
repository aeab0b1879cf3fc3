// Resources: makes the icons and routines compiled into posesmart_resources available as
// ":/icons/..." and ":/routines/<id>.json".
#pragma once

namespace posesmart {

// Call once before the first icon or routine is loaded (a static library's resources are not registered
// until something refers to them).
void initResources();

}  // namespace posesmart
