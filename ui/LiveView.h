// LiveView: the camera picture as the engine last analysed it, with an optional overlay of the
// 68 landmarks and the head pose (eye line and pitch/yaw). Pulls the newest frame on a timer
// instead of receiving every frame. Without a picture it shows a message (loading, no camera).
#pragma once

#include "LiveFrame.h"

#include <QImage>
#include <QWidget>
#include <functional>

namespace posesmart::ui {

class LiveView : public QWidget {
    Q_OBJECT
public:
    explicit LiveView(QWidget* parent = nullptr);
    // Where frames come from (EngineWorker::latestFrame); pulled while the view is visible.
    void setFrameSource(std::function<LiveFrame()> source);
    void setOverlay(bool on);
    [[nodiscard]] bool overlay() const { return m_overlay; }
    // A message instead of the picture (e.g. "Loading…"); empty: show the picture.
    void setMessage(const QString& message);
    [[nodiscard]] QSize sizeHint() const override { return {640, 480}; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void timerEvent(QTimerEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    std::function<LiveFrame()> m_source;
    LiveFrame m_frame;
    void prepareImage();

    cv::Mat m_bgrx;             // the picture scaled to the view, 4 bytes a pixel
    QImage m_image;             // over m_bgrx
    double m_imageScale = 1.0;  // picture pixels to view coordinates
    const uchar* m_lastData = nullptr;
    bool m_overlay = true;
    QString m_message;
    int m_timer = 0;
};

}  // namespace posesmart::ui
