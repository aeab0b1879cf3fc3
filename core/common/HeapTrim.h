// HeapTrim: gives the heap's freed memory back to the system. Reading a model (dlib's trees, the
// ResNet's layers) allocates and frees about 100 MB in small blocks, which glibc would otherwise
// keep for the rest of the run.
#pragma once

namespace posesmart {

void releaseFreedHeap();

}  // namespace posesmart
