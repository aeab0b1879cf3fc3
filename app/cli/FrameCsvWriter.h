// FrameCsvWriter: one CSV row per analysed frame (measurements, the blink score and stage times).
#pragma once

#include "analysis/SessionAnalyzer.h"
#include "vision/FrameAnalyzer.h"

#include <fstream>
#include <string>

namespace posesmart::cli {

class FrameCsvWriter {
public:
    explicit FrameCsvWriter(const std::string& path);  // throws Error(Io)
    void write(const FrameResult& result, const SessionUpdate& update, double decodeMs);
    void close();  // flushes; throws Error(Io) when the data did not reach the disk

private:
    std::ofstream m_out;
    std::string m_path;
};

}  // namespace posesmart::cli
