// AnalyzeCommand: `posesmart-cli analyze INPUT`: runs the engine over a recording or camera and
// writes what it measured.
#pragma once

#include "CliSupport.h"
#include "SessionJson.h"
#include "session/LiveSession.h"

namespace posesmart::cli {

class AnalyzeCommand {
public:
    explicit AnalyzeCommand(CLI::App& parent);
    [[nodiscard]] bool selected() const { return m_command->parsed(); }
    [[nodiscard]] int run() const;

private:
    void useCalibration(CalibrationResult result, LiveSession& session, SessionJson& json) const;

    CLI::App* m_command;
    PipelineOptions m_pipeline;
    std::string m_input;
    std::string m_framesCsv;
    std::string m_jsonOut;
    double m_calibrateSeconds = 10.0;
    std::string m_profileIn;
    std::string m_profileOut;
    double m_knownDistanceCm = 0.0;
    std::string m_dbPath;
    std::string m_start;
    std::string m_user = "default";
    std::string m_descriptorModel;
    double m_cameraSeconds = 0.0;
    double m_analysisFps = 0.0;
    double m_waitForDbSeconds = 30.0;
};

}  // namespace posesmart::cli
