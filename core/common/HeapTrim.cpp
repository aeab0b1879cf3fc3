#include "common/HeapTrim.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace posesmart {

void releaseFreedHeap() {
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

}  // namespace posesmart
