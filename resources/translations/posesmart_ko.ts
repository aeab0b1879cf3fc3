<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>main</name>
    <message>
        <source>Watches your posture, blinking and sitting time through the webcam, on this computer only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera (camera:N), video file or folder of images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for the history and the settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start in the system tray.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>posesmart::ui::AppController</name>
    <message>
        <source>Time to blink</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time for a break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rest your eyes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posture check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your head has drifted forward. Sit back and lengthen your neck.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are sinking in your chair. Sit up and roll your shoulders back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are very close to the screen. Lean back a little.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your head is tilted. Level it to ease your neck.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have blinked little for a few minutes. Blink slowly a few times.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have been sitting a long while. Stand up and move for a few minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look at something 20 feet (6 m) away for 20 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language is used from the next start of PoseSmart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your history, calibration and Face ID were deleted. Calibrate again to go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else is in front of the camera: not recording.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not calibrated yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>posesmart::ui::AppSettings</name>
    <message>
        <source>The settings file %1 could not be read (%2). PoseSmart is using the default settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a settings object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file %1 is damaged (%2). PoseSmart is using the default settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some settings in %1 were not valid and are back at their defaults: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings could not be saved to %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the folder could not be created</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>posesmart::ui::Autostart</name>
    <message>
        <source>The autostart entry %1 could not be changed (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it could not be removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no program to start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the folder could not be created</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>posesmart::ui::CalibrationDialog</name>
    <message>
        <source>Calibrate PoseSmart</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Sit comfortably upright, the way you would like to sit, and look at the screen. Keep still for about %n second(s). Talking and blinking are fine.

This also enrols your face for Face ID, so only you are measured.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calibrate again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done. Your upright posture is the baseline from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calibration did not work: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>posesmart::ui::CaptureWorker</name>
    <message>
        <source>Another application is using the camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody in view: the camera is off and checked now and then</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The camera stopped sending pictures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video has ended</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>posesmart::ui::EngineWorker</name>
    <message>
        <source>Loading the face landmark model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The face landmark model %1 was not found. Install the package libdlib-data, or set POSESMART_MODEL_DIR to the folder that holds it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the Face ID model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Face ID is off: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening your history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your history could not be saved yet (it is kept and retried): %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>posesmart::ui::LiveView</name>
    <message>
        <source>Waiting for the camera…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>roll %1°  pitch %2°  yaw %3°</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>roll %1°</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>posesmart::ui::MainWindow</name>
    <message>
        <source>Good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slouching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too close to the screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head tilted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not judged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off (nobody enrolled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else: not recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PoseSmart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a video file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a folder of images…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posture:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distance:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blinks:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sitting:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Face ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At the screen:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good posture:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blink rate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breaks:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean distance:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;PoseSmart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Calibrate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause monitoring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;landmarks and head pose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a video file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.avi *.mkv *.mov *.webm);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a folder of images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calibrate first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sit comfortably upright and choose PoseSmart ▸ Calibrate… so posture can be judged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calibrating… %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not calibrated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n blink(s) so far</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off (paused)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused. The camera is off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera lost. PoseSmart goes on by itself when it is back.
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No camera could be opened (%1). You can open a video file or a folder of images instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video has ended. Open another one, or a folder of images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video has ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit PoseSmart?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no system tray to keep PoseSmart running in. Quit and stop monitoring?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
