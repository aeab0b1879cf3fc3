// ReportPdf: the shown period as a one-page A4 PDF (QPdfWriter): title, note and trend, the
// summary cards and the period's charts, painted from the same chart data as the viewer's.
#pragma once

#include "ReportData.h"

#include <filesystem>

namespace posesmart::print {

// Needs a Q(Gui)Application for fonts (see OffscreenGui). Throws Error(Io) when the file cannot
// be written. Safe on any thread.
void writeReportPdf(const std::filesystem::path& file, const ReportData& data);

}  // namespace posesmart::print
