#include "LiveView.h"

#include <QPainter>
#include <QResizeEvent>
#include <QTimerEvent>
#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace posesmart::ui {

namespace {
constexpr int kRefreshMs = 100;  // ten pictures a second: enough to see, cheap to draw
}

LiveView::LiveView(QWidget* parent) : QWidget(parent) {
    setMinimumSize(320, 240);
    setAttribute(Qt::WA_OpaquePaintEvent);
    m_timer = startTimer(kRefreshMs);
}

void LiveView::setFrameSource(std::function<LiveFrame()> source) {
    m_source = std::move(source);
}

void LiveView::setOverlay(bool on) {
    m_overlay = on;
    update();
}

void LiveView::setMessage(const QString& message) {
    m_message = message;
    update();
}

void LiveView::timerEvent(QTimerEvent* event) {
    if (event->timerId() != m_timer || !m_source || !isVisible()) return;
    LiveFrame frame = m_source();
    if (frame.bgr.empty() || frame.bgr.data == m_lastData) return;
    m_lastData = frame.bgr.data;
    m_frame = std::move(frame);
    prepareImage();
    update();
}

void LiveView::resizeEvent(QResizeEvent*) {
    prepareImage();
}

void LiveView::prepareImage() {
    // Scaled once per picture to the pixels it covers, 4 bytes a pixel as QPainter draws without
    // converting: cheaper than a smooth, converting drawImage on every paint. Halving with INTER_AREA
    // (a fast path for exact halves) keeps large shrinks smooth; a bilinear step fits the rest.
    if (m_frame.bgr.empty()) return;
    const qreal ratio = devicePixelRatioF();
    const QSizeF fit = QSizeF(m_frame.bgr.cols, m_frame.bgr.rows).scaled(QSizeF(size()) * ratio, Qt::KeepAspectRatio);
    const cv::Size target(std::max(1, qRound(fit.width())), std::max(1, qRound(fit.height())));
    cv::cvtColor(m_frame.bgr, m_bgrx, cv::COLOR_BGR2BGRA);
    while (m_bgrx.cols >= 2 * target.width && m_bgrx.rows >= 2 * target.height) {
        cv::resize(m_bgrx, m_bgrx, cv::Size(m_bgrx.cols / 2, m_bgrx.rows / 2), 0, 0, cv::INTER_AREA);
    }
    if (m_bgrx.size() != target) cv::resize(m_bgrx, m_bgrx, target, 0, 0, cv::INTER_LINEAR);
    m_image = QImage(m_bgrx.data, m_bgrx.cols, m_bgrx.rows, static_cast<qsizetype>(m_bgrx.step), QImage::Format_RGB32);
    m_image.setDevicePixelRatio(ratio);
    m_imageScale = static_cast<double>(target.width) / m_frame.bgr.cols / ratio;
}

void LiveView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Window).darker(115));
    if (!m_message.isEmpty() || m_image.isNull()) {
        p.setPen(palette().color(QPalette::WindowText));
        QFont font = p.font();
        font.setPointSizeF(font.pointSizeF() * 1.2);
        p.setFont(font);
        p.drawText(rect().adjusted(24, 24, -24, -24), Qt::AlignCenter | Qt::TextWordWrap,
                   m_message.isEmpty() ? tr("Waiting for the camera…") : m_message);
        return;
    }
    const QSizeF shown = m_image.deviceIndependentSize();
    const QRectF target(QPointF((width() - shown.width()) / 2.0, (height() - shown.height()) / 2.0), shown);
    p.drawImage(target.topLeft(), m_image);
    if (!m_overlay || !m_frame.landmarks) return;
    const double k = m_imageScale;
    const auto map = [&](const cv::Point2f& pt) { return QPointF(target.left() + pt.x * k, target.top() + pt.y * k); };
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(80, 220, 255, 220));
    const double dot = std::max(1.5, 2.0 * k);
    for (const cv::Point2f& pt : *m_frame.landmarks) p.drawEllipse(map(pt), dot, dot);
    // Head pose: the eye line through the eye centres, and pitch/yaw/roll in words.
    const cv::Point2f first = eyeCentre(*m_frame.landmarks, landmark::kRightEyeFirst);
    const cv::Point2f second = eyeCentre(*m_frame.landmarks, landmark::kLeftEyeFirst);
    const cv::Point2f mid = (first + second) * 0.5F;
    const cv::Point2f half = (second - first) * 0.9F;
    p.setPen(QPen(QColor(255, 200, 60), 2.0));
    p.drawLine(map(mid - half), map(mid + half));
    const cv::Point2f nose = (*m_frame.landmarks)[landmark::kNoseTip];
    p.drawLine(map(mid), map(nose));
    p.setPen(Qt::white);
    const QString pose = m_frame.poseValid ? tr("roll %1°  pitch %2°  yaw %3°")
                                                 .arg(m_frame.rollDeg, 0, 'f', 0)
                                                 .arg(m_frame.pitchDeg, 0, 'f', 0)
                                                 .arg(m_frame.yawDeg, 0, 'f', 0)
                                           : tr("roll %1°").arg(m_frame.rollDeg, 0, 'f', 0);
    const QRectF band(target.left(), target.bottom() - 28.0, target.width(), 28.0);
    p.fillRect(band, QColor(0, 0, 0, 140));
    p.drawText(band.adjusted(8, 0, -8, 0), Qt::AlignVCenter | Qt::AlignLeft, pose);
}

}  // namespace posesmart::ui
