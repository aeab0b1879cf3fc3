// The frame-source module's entry point, looked up by name by FrameSourceModule (dlsym).
#include "posesmart/FrameSourceModule.h"

extern "C" posesmart::FrameSource* posesmart_open_frame_source(const char* spec) {
    return posesmart::openFrameSource(spec).release();
}
