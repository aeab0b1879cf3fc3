#include "FrameCsvWriter.h"

#include "common/Error.h"
#include "common/PrivateFile.h"

#include <iomanip>

namespace posesmart::cli {

FrameCsvWriter::FrameCsvWriter(const std::string& path)
    : m_out((createPrivateFile(path), path)), m_path(path) {  // readable by its owner only, whatever the umask
    if (!m_out) throw Error(ErrorKind::Io, "cannot write '" + path + "'");
    m_out << "frame,t_s,faces,method,box_x,box_y,box_w,box_h,ear_left,ear_right,iod_px,roll_deg,pitch_deg,yaw_deg,"
             "distance_cm,eyes_usable,blink_score,blink_threshold,decode_ms,preprocess_ms,detect_ms,landmarks_ms,"
             "metrics_ms\n";
    m_out << std::fixed;
}

void FrameCsvWriter::write(const FrameResult& r, const SessionUpdate& update, double decodeMs) {
    static constexpr const char* kMethodNames[] = {"none", "full", "region", "tracked", "near"};
    m_out << r.frameIndex << ',' << std::setprecision(4) << r.timestampSec << ',' << r.facesSeen << ','
          << kMethodNames[static_cast<int>(r.method)] << ',';
    if (r.measurements) {
        const auto& m = *r.measurements;
        m_out << std::setprecision(1) << m.faceBox.x << ',' << m.faceBox.y << ',' << m.faceBox.width << ','
              << m.faceBox.height << ',' << std::setprecision(4) << m.earLeft << ',' << m.earRight << ','
              << std::setprecision(2) << m.iodPx << ',' << m.rollDeg << ',' << m.pitchDeg << ',' << m.yawDeg << ','
              << m.distanceCm << ',';
    } else {
        m_out << ",,,,,,,,,,,";
    }
    m_out << (update.eyesUsable ? 1 : 0) << ',' << std::setprecision(4) << update.blinkScore << ','
          << update.blinkThreshold << ',' << std::setprecision(3) << decodeMs << ',' << r.times.preprocessMs << ','
          << r.times.detectMs << ',' << r.times.landmarksMs << ',' << r.times.metricsMs << '\n';
}

void FrameCsvWriter::close() {
    m_out.close();
    if (m_out.fail()) throw Error(ErrorKind::Io, "writing '" + m_path + "' failed (disk full?)");
}

}  // namespace posesmart::cli
