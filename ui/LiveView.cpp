#include "LiveView.h"

#include <QPainter>
#include <QTimerEvent>
#include <cmath>

namespace posesmart::ui {

namespace {
constexpr int kRefreshMs = 66;  // about 15 pictures a second: enough to see, cheap to draw
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
    // The frame's pixels are shared with the engine, which never writes to them after the hand-over.
    m_image = QImage(m_frame.bgr.data, m_frame.bgr.cols, m_frame.bgr.rows, static_cast<qsizetype>(m_frame.bgr.step),
                     QImage::Format_BGR888);
    update();
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
    const QSizeF scaled = QSizeF(m_image.size()).scaled(QSizeF(size()), Qt::KeepAspectRatio);
    const QRectF target(QPointF((width() - scaled.width()) / 2.0, (height() - scaled.height()) / 2.0), scaled);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.drawImage(target, m_image);
    if (!m_overlay || !m_frame.landmarks) return;
    const double k = target.width() / m_image.width();
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
