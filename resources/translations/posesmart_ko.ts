<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Alerts</name>
    <message>
        <source>Posture check</source>
        <translation>자세 확인</translation>
    </message>
    <message>
        <source>Your head has drifted forward. Sit back and lengthen your neck.</source>
        <translation>고개가 앞으로 나와 있어요. 등을 기대고 목을 길게 펴 보세요.</translation>
    </message>
    <message>
        <source>You are sinking in your chair. Sit up and roll your shoulders back.</source>
        <translation>의자에 몸이 푹 가라앉아 있어요. 바르게 앉아 어깨를 뒤로 펴 보세요.</translation>
    </message>
    <message>
        <source>You are very close to the screen. Lean back a little.</source>
        <translation>화면에 많이 가까워요. 조금만 뒤로 기대 보세요.</translation>
    </message>
    <message>
        <source>Your head is tilted. Level it to ease your neck.</source>
        <translation>고개가 기울어져 있어요. 고개를 바로 하면 목이 편해져요.</translation>
    </message>
    <message>
        <source>Time to blink</source>
        <translation>눈을 깜빡여 주세요</translation>
    </message>
    <message>
        <source>You have blinked little for a few minutes. Blink slowly a few times.</source>
        <translation>몇 분 동안 눈을 거의 깜빡이지 않았어요. 천천히 몇 번 깜빡여 보세요.</translation>
    </message>
    <message>
        <source>Time for a break</source>
        <translation>잠시 쉬어 갈 시간이에요</translation>
    </message>
    <message>
        <source>You have been sitting a long while. Stand up and move for a few minutes.</source>
        <translation>오래 앉아 계셨어요. 일어나서 몇 분 정도 움직여 보세요.</translation>
    </message>
    <message>
        <source>Rest your eyes</source>
        <translation>눈을 쉬게 해 주세요</translation>
    </message>
    <message>
        <source>Look at something 20 feet (6 m) away for 20 seconds.</source>
        <translation>20피트(6 m) 떨어진 곳을 20초 동안 바라봐 주세요.</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Healthy range</source>
        <translation>건강한 범위</translation>
    </message>
    <message>
        <source>Posture through the day</source>
        <translation>하루 동안의 자세</translation>
    </message>
    <message>
        <source>minutes per 10 min</source>
        <translation>분 (10분 단위)</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>휴식</translation>
    </message>
    <message>
        <source>Blink rate through the day</source>
        <translation>하루 동안의 눈 깜빡임 빈도</translation>
    </message>
    <message>
        <source>blinks per minute</source>
        <translation>분당 깜빡임 횟수</translation>
    </message>
    <message>
        <source>Blink rate</source>
        <translation>깜빡임 빈도</translation>
    </message>
    <message>
        <source>Alerts per hour</source>
        <translation>시간당 알림</translation>
    </message>
    <message>
        <source>alerts</source>
        <translation>알림 수</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>알림</translation>
    </message>
    <message>
        <source>Good posture</source>
        <translation>바른 자세</translation>
    </message>
    <message>
        <source>Sitting</source>
        <translation>앉은 시간</translation>
    </message>
    <message>
        <source>Good posture per day</source>
        <translation>일별 바른 자세</translation>
    </message>
    <message>
        <source>Blink rate per day</source>
        <translation>일별 깜빡임 빈도</translation>
    </message>
    <message>
        <source>Alerts per day</source>
        <translation>일별 알림</translation>
    </message>
    <message>
        <source>Sitting time per day</source>
        <translation>일별 앉은 시간</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>시간</translation>
    </message>
    <message>
        <source>PoseSmart report: %1</source>
        <translation>PoseSmart 리포트: %1</translation>
    </message>
    <message>
        <source>PoseSmart report</source>
        <translation>PoseSmart 리포트</translation>
    </message>
    <message>
        <source>Nothing to chart in this period.</source>
        <translation>이 기간에는 그래프로 보여 드릴 기록이 없어요.</translation>
    </message>
    <message>
        <source>From the history on this computer, %1</source>
        <translation>이 컴퓨터에 저장된 기록으로 작성, %1</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1분</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1시간 %2분</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>좋음</translation>
    </message>
    <message>
        <source>Forward head</source>
        <translation>거북목</translation>
    </message>
    <message>
        <source>Slouching</source>
        <translation>구부정함</translation>
    </message>
    <message>
        <source>Too close</source>
        <translation>너무 가까움</translation>
    </message>
    <message>
        <source>Head tilted</source>
        <translation>고개 기울어짐</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>자리 비움</translation>
    </message>
    <message>
        <source>Not judged</source>
        <translation>판단 보류</translation>
    </message>
    <message>
        <source>Week %1 of %2 (%3 to %4)</source>
        <translation>%2년 %1주차 (%3 ~ %4)</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>데이터 없음</translation>
    </message>
    <message>
        <source>Monitored</source>
        <translation>측정 시간</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Breaks</source>
        <translation>휴식</translation>
    </message>
    <message>
        <source>%1 per min</source>
        <translation>분당 %1회</translation>
    </message>
    <message>
        <source>Screen distance</source>
        <translation>화면 거리</translation>
    </message>
    <message>
        <source>%1 cm</source>
        <translation>%1 cm</translation>
    </message>
    <message>
        <source>Longest sitting</source>
        <translation>가장 오래 앉은 시간</translation>
    </message>
    <message>
        <source>Nothing was recorded the week before to compare with.</source>
        <translation>비교할 지난주 기록이 없어요.</translation>
    </message>
    <message>
        <source>Nothing was recorded the month before to compare with.</source>
        <translation>비교할 지난달 기록이 없어요.</translation>
    </message>
    <message>
        <source>%1% more upright than last week.</source>
        <translation>지난주보다 바른 자세가 %1% 늘었어요.</translation>
    </message>
    <message>
        <source>%1% less upright than last week.</source>
        <translation>지난주보다 바른 자세가 %1% 줄었어요.</translation>
    </message>
    <message>
        <source>As upright as last week.</source>
        <translation>지난주만큼 바른 자세를 유지했어요.</translation>
    </message>
    <message>
        <source>%1% more upright than last month.</source>
        <translation>지난달보다 바른 자세가 %1% 늘었어요.</translation>
    </message>
    <message>
        <source>%1% less upright than last month.</source>
        <translation>지난달보다 바른 자세가 %1% 줄었어요.</translation>
    </message>
    <message>
        <source>As upright as last month.</source>
        <translation>지난달만큼 바른 자세를 유지했어요.</translation>
    </message>
    <message>
        <source>Blinking %1% more often.</source>
        <translation>눈을 %1% 더 자주 깜빡였어요.</translation>
    </message>
    <message>
        <source>Blinking %1% less often.</source>
        <translation>눈을 %1% 덜 깜빡였어요.</translation>
    </message>
    <message>
        <source>Blinking as often.</source>
        <translation>눈 깜빡임은 비슷했어요.</translation>
    </message>
    <message>
        <source>This day is still to come.</source>
        <translation>아직 오지 않은 날이에요.</translation>
    </message>
    <message>
        <source>Nothing recorded yet today.</source>
        <translation>오늘은 아직 기록이 없어요.</translation>
    </message>
    <message>
        <source>Nothing was recorded on this day.</source>
        <translation>이날은 기록이 없어요.</translation>
    </message>
    <message>
        <source>Today so far: the day is still running.</source>
        <translation>오늘 지금까지의 기록이에요. 아직 하루가 끝나지 않았어요.</translation>
    </message>
    <message>
        <source>Only %1 recorded on this day: read the numbers with care.</source>
        <translation>이날은 %1만 기록되었어요. 수치는 참고로만 봐 주세요.</translation>
    </message>
    <message>
        <source>This week is still to come.</source>
        <translation>아직 오지 않은 주예요.</translation>
    </message>
    <message>
        <source>This month is still to come.</source>
        <translation>아직 오지 않은 달이에요.</translation>
    </message>
    <message>
        <source>Nothing was recorded in this week.</source>
        <translation>이 주에는 기록이 없어요.</translation>
    </message>
    <message>
        <source>Nothing was recorded in this month.</source>
        <translation>이 달에는 기록이 없어요.</translation>
    </message>
    <message>
        <source>Recorded on %1 of %2 days.</source>
        <translation>%2일 중 %1일 기록되었어요.</translation>
    </message>
    <message>
        <source>This week so far.</source>
        <translation>이번 주 지금까지의 기록이에요.</translation>
    </message>
    <message>
        <source>This month so far.</source>
        <translation>이번 달 지금까지의 기록이에요.</translation>
    </message>
    <message>
        <source>Routine</source>
        <translation>루틴</translation>
    </message>
    <message>
        <source>Routines</source>
        <translation>루틴</translation>
    </message>
    <message>
        <source>Guided routines per day</source>
        <translation>하루별 안내 루틴</translation>
    </message>
    <message>
        <source>routines</source>
        <translation>루틴</translation>
    </message>
    <message>
        <source>Guided routines</source>
        <translation>안내 루틴</translation>
    </message>
    <message>
        <source>%1 (%2 finished)</source>
        <translation>%1회 (%2회 완료)</translation>
    </message>
</context>
<context>
    <name>Routine</name>
    <message>
        <source>The routine “%1” is not part of this build.</source>
        <translation>“%1” 루틴은 이 빌드에 들어 있지 않아요.</translation>
    </message>
    <message>
        <source>The routine “%1” cannot be read: %2</source>
        <translation>“%1” 루틴을 읽을 수 없어요: %2</translation>
    </message>
    <message>
        <source>Neck, 1 minute</source>
        <translation>목 스트레칭, 1분</translation>
    </message>
    <message>
        <source>Eyes, 20-20-20</source>
        <translation>눈 휴식, 20-20-20</translation>
    </message>
    <message>
        <source>Tilt your right ear toward your right shoulder</source>
        <translation>오른쪽 귀를 오른쪽 어깨 쪽으로 기울이세요</translation>
    </message>
    <message>
        <source>Tilt your left ear toward your left shoulder</source>
        <translation>왼쪽 귀를 왼쪽 어깨 쪽으로 기울이세요</translation>
    </message>
    <message>
        <source>Turn your head to the left</source>
        <translation>고개를 왼쪽으로 돌리세요</translation>
    </message>
    <message>
        <source>Turn your head to the right</source>
        <translation>고개를 오른쪽으로 돌리세요</translation>
    </message>
    <message>
        <source>Tuck your chin in: draw your head straight back</source>
        <translation>턱을 당기세요: 머리를 뒤로 곧게 당겨요</translation>
    </message>
    <message>
        <source>Look up at the ceiling</source>
        <translation>천장을 올려다보세요</translation>
    </message>
    <message>
        <source>Look down at your desk</source>
        <translation>책상을 내려다보세요</translation>
    </message>
    <message>
        <source>Close your eyes and relax them</source>
        <translation>눈을 감고 편안히 쉬세요</translation>
    </message>
    <message>
        <source>Look at something far away, about 6 metres</source>
        <translation>6미터쯤 떨어진 먼 곳을 바라보세요</translation>
    </message>
    <message>
        <source>Hold for %1 s</source>
        <translation>%1초 동안 유지하세요</translation>
    </message>
    <message>
        <source>Hold for %1 s, %2 times (%3 done)</source>
        <translation>%1초씩 %2번 유지하세요 (%3번 완료)</translation>
    </message>
    <message numerus="yes">
        <source>Well done: all %n steps.</source>
        <translation>
            <numerusform>잘하셨어요: %n단계를 모두 마쳤어요.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ended early: %1 of %n steps done.</source>
        <translation>
            <numerusform>일찍 끝냈어요: %n단계 중 %1단계를 했어요.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n steps done. The others timed out: try them next time.</source>
        <translation>
            <numerusform>%n단계 중 %1단계를 했어요. 나머지는 시간이 지났어요: 다음에 해 보세요.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Watches your posture, blinking and sitting time through the webcam, on this computer only.</source>
        <translation>웹캠으로 자세, 눈 깜빡임, 앉은 시간을 살펴봐요. 모든 처리는 이 컴퓨터 안에서만 이루어져요.</translation>
    </message>
    <message>
        <source>Camera (camera:N), video file or folder of images.</source>
        <translation>카메라(camera:N), 동영상 파일 또는 이미지 폴더.</translation>
    </message>
    <message>
        <source>Folder for the history and the settings.</source>
        <translation>기록과 설정을 저장할 폴더.</translation>
    </message>
    <message>
        <source>Start in the system tray.</source>
        <translation>시스템 트레이에서 시작.</translation>
    </message>
</context>
<context>
    <name>posesmart::ui</name>
    <message>
        <source>Your history cannot be opened, so nothing is recorded: %1</source>
        <translation>기록을 열 수 없어 아무것도 기록하지 않아요: %1</translation>
    </message>
    <message>
        <source>Your history could not be saved yet (it is kept and retried): %1</source>
        <translation>기록을 아직 저장하지 못했어요(보관해 두고 다시 시도해요): %1</translation>
    </message>
    <message>
        <source>Your history is being saved again.</source>
        <translation>기록을 다시 저장하고 있어요.</translation>
    </message>
    <message>
        <source>Your history cannot be written yet (%1); waiting a few seconds.</source>
        <translation>기록을 아직 쓸 수 없어요(%1). 몇 초 기다려요.</translation>
    </message>
    <message>
        <source>Your history could not be written; it was kept in %1 and will be added at the next start.</source>
        <translation>기록을 쓰지 못했어요. %1에 보관해 두었다가 다음 시작 때 추가해요.</translation>
    </message>
    <message>
        <source>Your last minutes of history could not be saved: %1</source>
        <translation>마지막 몇 분의 기록을 저장하지 못했어요: %1</translation>
    </message>
    <message>
        <source>%1 minutes of history kept from the last session were added.</source>
        <translation>지난 세션에서 보관해 둔 %1분의 기록을 추가했어요.</translation>
    </message>
    <message>
        <source>Your saved calibration could not be read (%1). Please calibrate again.</source>
        <translation>저장된 보정 정보를 읽을 수 없어요(%1). 다시 보정해 주세요.</translation>
    </message>
    <message>
        <source>Face ID is off: %1</source>
        <translation>Face ID가 꺼져 있어요: %1</translation>
    </message>
    <message>
        <source>A picture from the camera could not be analysed and was skipped: %1</source>
        <translation>카메라 영상 한 장을 분석하지 못해 건너뛰었어요: %1</translation>
    </message>
    <message>
        <source>Another application is using the camera</source>
        <translation>다른 앱이 카메라를 사용하고 있어요</translation>
    </message>
    <message>
        <source>Nobody in view: the camera is off and checked now and then</source>
        <translation>아무도 보이지 않아요. 카메라를 끄고 가끔씩 확인해요</translation>
    </message>
    <message>
        <source>The camera stopped sending pictures</source>
        <translation>카메라에서 영상이 들어오지 않아요</translation>
    </message>
    <message>
        <source>The video has ended</source>
        <translation>동영상이 끝났어요</translation>
    </message>
</context>
<context>
    <name>posesmart::ui::AppController</name>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>History</source>
        <translation>기록</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>로그인 시 시작</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>The new language is used from the next start of PoseSmart.</source>
        <translation>새 언어는 PoseSmart를 다음에 시작할 때부터 적용돼요.</translation>
    </message>
    <message>
        <source>Data deleted</source>
        <translation>데이터를 삭제했어요</translation>
    </message>
    <message>
        <source>Your history, calibration and Face ID were deleted. Calibrate again to go on.</source>
        <translation>기록, 보정, Face ID를 모두 삭제했어요. 계속하려면 다시 보정해 주세요.</translation>
    </message>
    <message>
        <source>Someone else is in front of the camera: not recording.</source>
        <translation>다른 사람이 카메라 앞에 있어요. 지금은 기록하지 않아요.</translation>
    </message>
    <message>
        <source>Not calibrated yet</source>
        <translation>아직 보정하지 않았어요</translation>
    </message>
    <message>
        <source>Time to recalibrate?</source>
        <translation>다시 보정해 볼까요?</translation>
    </message>
    <message>
        <source>Your posture has read as off for most of the last 20 minutes. If the camera or your desk moved, recalibrate from the tray menu.</source>
        <translation>지난 20분 동안 대부분 자세가 바르지 않은 것으로 측정됐어요. 카메라나 책상 위치가 바뀌었다면 트레이 메뉴에서 다시 보정해 주세요.</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>프로필</translation>
    </message>
    <message>
        <source>Measuring %1 from now on.</source>
        <translation>지금부터 %1 님을 측정해요.</translation>
    </message>
    <message>
        <source>Calibrate first: a routine&apos;s positions are measured from your upright posture.</source>
        <translation>먼저 보정해 주세요: 루틴의 자세는 바른 자세를 기준으로 측정해요.</translation>
    </message>
    <message>
        <source>Face ID</source>
        <translation>Face ID</translation>
    </message>
    <message>
        <source>Routine</source>
        <translation>루틴</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>건너뜀</translation>
    </message>
    <message>
        <source>A picture that cannot be read was skipped: %1</source>
        <translation>읽을 수 없는 사진 한 장을 건너뛰었어요: %1</translation>
    </message>
</context>
<context>
    <name>posesmart::ui::AppSettings</name>
    <message>
        <source>The settings file %1 could not be read (%2). PoseSmart is using the default settings.</source>
        <translation>설정 파일을 읽지 못했어요: %1 (%2). PoseSmart는 기본 설정을 사용해요.</translation>
    </message>
    <message>
        <source>not a settings object</source>
        <translation>설정 객체가 아님</translation>
    </message>
    <message>
        <source>The settings could not be saved to %1 (%2).</source>
        <translation>설정을 저장하지 못했어요: %1 (%2).</translation>
    </message>
    <message>
        <source>the folder could not be created</source>
        <translation>폴더를 만들 수 없음</translation>
    </message>
    <message>
        <source>The settings file %1 is a symbolic link and was not used (nor will it be written through). PoseSmart is using the default settings.</source>
        <translation>설정 파일 %1이(가) 심볼릭 링크라서 사용하지 않았어요(링크를 통해 쓰지도 않아요). 기본 설정을 사용해요.</translation>
    </message>
    <message>
        <source>it was kept as %1</source>
        <translation>%1(으)로 보관했어요</translation>
    </message>
    <message>
        <source>it could not be kept aside: %1</source>
        <translation>따로 보관하지 못했어요: %1</translation>
    </message>
    <message>
        <source>The settings file %1 is damaged (%2); %3. PoseSmart is using the default settings.</source>
        <translation>설정 파일 %1이(가) 손상되었어요(%2). %3. 기본 설정을 사용해요.</translation>
    </message>
    <message>
        <source>%1 was written by another version of PoseSmart (format %2); what could be read was used</source>
        <translation>%1은(는) 다른 버전의 PoseSmart가 쓴 파일이에요(형식 %2). 읽을 수 있는 부분만 사용했어요</translation>
    </message>
    <message>
        <source>not a number</source>
        <translation>숫자가 아님</translation>
    </message>
    <message>
        <source>some settings in %1 were not valid and are back at their defaults: %2</source>
        <translation>%1의 일부 설정이 올바르지 않아 기본값으로 되돌렸어요: %2</translation>
    </message>
    <message>
        <source>some settings in %1 were out of range and were brought into it: %2</source>
        <translation>%1의 일부 설정이 범위를 벗어나 범위 안으로 맞췄어요: %2</translation>
    </message>
    <message>
        <source>it is a symbolic link</source>
        <translation>심볼릭 링크예요</translation>
    </message>
</context>
<context>
    <name>posesmart::ui::Autostart</name>
    <message>
        <source>The autostart entry %1 could not be changed (%2).</source>
        <translation>자동 시작 항목을 바꾸지 못했어요: %1 (%2).</translation>
    </message>
    <message>
        <source>it could not be removed</source>
        <translation>삭제할 수 없음</translation>
    </message>
    <message>
        <source>no program to start</source>
        <translation>시작할 프로그램이 없음</translation>
    </message>
    <message>
        <source>the folder could not be created</source>
        <translation>폴더를 만들 수 없음</translation>
    </message>
</context>
<context>
    <name>posesmart::ui::CalibrationDialog</name>
    <message>
        <source>Calibrate PoseSmart</source>
        <translation>PoseSmart 보정</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Calibrate again</source>
        <translation>다시 보정</translation>
    </message>
    <message>
        <source>Done. Your upright posture is the baseline from now on.</source>
        <translation>완료했어요. 이제부터 지금의 바른 자세가 기준이 돼요.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>다시 시도</translation>
    </message>
    <message>
        <source>Calibration did not work: %1</source>
        <translation>보정하지 못했어요: %1</translation>
    </message>
    <message>
        <source>Sit comfortably upright, the way you would like to sit, and look at the screen. Keep still for about %1 seconds. Talking and blinking are fine.

This also enrols your face for Face ID, so only you are measured.</source>
        <translation>평소 앉고 싶은 바른 자세로 편하게 앉아 화면을 바라봐 주세요. 약 %1초 동안 움직이지 말아 주세요. 말하거나 눈을 깜빡여도 괜찮아요.

이때 Face ID에 얼굴도 함께 등록해서, 본인만 측정해요.</translation>
    </message>
</context>
<context>
    <name>posesmart::ui::EngineWorker</name>
    <message>
        <source>Loading the face landmark model…</source>
        <translation>얼굴 랜드마크 모델을 불러오는 중…</translation>
    </message>
    <message>
        <source>Loading the Face ID model…</source>
        <translation>Face ID 모델을 불러오는 중…</translation>
    </message>
    <message>
        <source>Opening your history…</source>
        <translation>기록을 여는 중…</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>알 수 없는 오류</translation>
    </message>
    <message>
        <source>The analysis stopped after an unexpected error: %1</source>
        <translation>예상치 못한 오류로 분석이 멈췄어요: %1</translation>
    </message>
    <message>
        <source>The face landmark model cannot be used: %1</source>
        <translation>얼굴 특징점 모델을 사용할 수 없어요: %1</translation>
    </message>
</context>
<context>
    <name>posesmart::ui::LiveView</name>
    <message>
        <source>Waiting for the camera…</source>
        <translation>카메라를 기다리는 중…</translation>
    </message>
    <message>
        <source>roll %1°  pitch %2°  yaw %3°</source>
        <translation>롤 %1°  피치 %2°  요 %3°</translation>
    </message>
    <message>
        <source>roll %1°</source>
        <translation>롤 %1°</translation>
    </message>
</context>
<context>
    <name>posesmart::ui::MainWindow</name>
    <message>
        <source>Away</source>
        <translation>자리 비움</translation>
    </message>
    <message>
        <source>Off (nobody enrolled)</source>
        <translation>꺼짐 (등록된 얼굴 없음)</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>확인 중…</translation>
    </message>
    <message>
        <source>You</source>
        <translation>본인</translation>
    </message>
    <message>
        <source>Someone else: not recording</source>
        <translation>다른 사람: 기록 안 함</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1분</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1시간 %2분</translation>
    </message>
    <message>
        <source>PoseSmart</source>
        <translation>PoseSmart</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Open a video file…</source>
        <translation>동영상 파일 열기…</translation>
    </message>
    <message>
        <source>Open a folder of images…</source>
        <translation>이미지 폴더 열기…</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>지금</translation>
    </message>
    <message>
        <source>Posture:</source>
        <translation>자세:</translation>
    </message>
    <message>
        <source>Distance:</source>
        <translation>거리:</translation>
    </message>
    <message>
        <source>Blinks:</source>
        <translation>눈 깜빡임:</translation>
    </message>
    <message>
        <source>Sitting:</source>
        <translation>앉은 시간:</translation>
    </message>
    <message>
        <source>Face ID:</source>
        <translation>Face ID:</translation>
    </message>
    <message>
        <source>Camera:</source>
        <translation>카메라:</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>오늘</translation>
    </message>
    <message>
        <source>At the screen:</source>
        <translation>화면 앞 시간:</translation>
    </message>
    <message>
        <source>Good posture:</source>
        <translation>바른 자세:</translation>
    </message>
    <message>
        <source>Blink rate:</source>
        <translation>깜빡임 빈도:</translation>
    </message>
    <message>
        <source>Alerts:</source>
        <translation>알림:</translation>
    </message>
    <message>
        <source>Breaks:</source>
        <translation>휴식:</translation>
    </message>
    <message>
        <source>Mean distance:</source>
        <translation>평균 거리:</translation>
    </message>
    <message>
        <source>&amp;PoseSmart</source>
        <translation>PoseSmart(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Calibrate…</source>
        <translation>보정(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>설정(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Pause monitoring</source>
        <translation>측정 일시 정지(&amp;P)</translation>
    </message>
    <message>
        <source>Show &amp;landmarks and head pose</source>
        <translation>랜드마크와 머리 방향 표시(&amp;L)</translation>
    </message>
    <message>
        <source>Open a video file</source>
        <translation>동영상 파일 열기</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.avi *.mkv *.mov *.webm);;All files (*)</source>
        <translation>동영상 (*.mp4 *.avi *.mkv *.mov *.webm);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Open a folder of images</source>
        <translation>이미지 폴더 열기</translation>
    </message>
    <message>
        <source>Calibrate first</source>
        <translation>먼저 보정해 주세요</translation>
    </message>
    <message>
        <source>Sit comfortably upright and choose PoseSmart ▸ Calibrate… so posture can be judged.</source>
        <translation>자세를 판단할 수 있도록, 편하게 바로 앉아 PoseSmart ▸ 보정…을 선택해 주세요.</translation>
    </message>
    <message>
        <source>Calibrating… %1%</source>
        <translation>보정 중… %1%</translation>
    </message>
    <message>
        <source>Not calibrated</source>
        <translation>보정 안 됨</translation>
    </message>
    <message>
        <source>Not measured: this face has not blinked or moved for 2 minutes (a picture?)</source>
        <translation>측정하지 않음: 이 얼굴은 2분 동안 눈을 깜빡이지도 움직이지도 않았어요 (사진인가요?)</translation>
    </message>
    <message>
        <source>%1 cm</source>
        <translation>%1 cm</translation>
    </message>
    <message>
        <source>%1 per minute</source>
        <translation>분당 %1회</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>시작하는 중…</translation>
    </message>
    <message>
        <source>On</source>
        <translation>켜짐</translation>
    </message>
    <message>
        <source>Off (paused)</source>
        <translation>꺼짐 (일시 정지)</translation>
    </message>
    <message>
        <source>Paused. The camera is off.</source>
        <translation>일시 정지했어요. 카메라가 꺼져 있어요.</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>꺼짐</translation>
    </message>
    <message>
        <source>Camera lost</source>
        <translation>카메라 연결 끊김</translation>
    </message>
    <message>
        <source>Camera lost. PoseSmart goes on by itself when it is back.
%1</source>
        <translation>카메라 연결이 끊겼어요. 다시 연결되면 PoseSmart가 알아서 이어 갈게요.
%1</translation>
    </message>
    <message>
        <source>No camera</source>
        <translation>카메라 없음</translation>
    </message>
    <message>
        <source>No camera could be opened (%1). You can open a video file or a folder of images instead.</source>
        <translation>카메라를 열 수 없어요(%1). 대신 동영상 파일이나 이미지 폴더를 열 수 있어요.</translation>
    </message>
    <message>
        <source>Video ended</source>
        <translation>동영상 끝남</translation>
    </message>
    <message>
        <source>The video has ended. Open another one, or a folder of images.</source>
        <translation>동영상이 끝났어요. 다른 동영상이나 이미지 폴더를 열어 보세요.</translation>
    </message>
    <message>
        <source>The video has ended.</source>
        <translation>동영상이 끝났어요.</translation>
    </message>
    <message>
        <source>Quit PoseSmart?</source>
        <translation>PoseSmart를 종료할까요?</translation>
    </message>
    <message>
        <source>There is no system tray to keep PoseSmart running in. Quit and stop monitoring?</source>
        <translation>PoseSmart를 계속 실행해 둘 시스템 트레이가 없어요. 종료하고 측정을 멈출까요?</translation>
    </message>
    <message>
        <source>Open the report…</source>
        <translation>리포트 열기…</translation>
    </message>
    <message>
        <source>&amp;Report…</source>
        <translation>리포트(&amp;R)…</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>%1 so far</source>
        <translation>지금까지 %1회</translation>
    </message>
    <message>
        <source>Start a rou&amp;tine</source>
        <translation>루틴 시작(&amp;T)</translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <source>On (%1)</source>
        <translation>켜짐 (%1)</translation>
    </message>
    <message>
        <source>Cannot be read</source>
        <translation>읽을 수 없음</translation>
    </message>
    <message>
        <source>This video or folder cannot be read (%1). You can open another video file or folder of images.</source>
        <translation>이 동영상이나 폴더를 읽을 수 없어요(%1). 다른 동영상 파일이나 이미지 폴더를 열 수 있어요.</translation>
    </message>
    <message>
        <source>The video or folder cannot be read.</source>
        <translation>동영상이나 폴더를 읽을 수 없어요.</translation>
    </message>
</context>
<context>
    <name>posesmart::ui::Notifier</name>
    <message>
        <source>Snooze for 1 hour</source>
        <translation>1시간 동안 알리지 않기</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>열기</translation>
    </message>
    <message>
        <source>Start a 1-minute routine</source>
        <translation>1분 루틴 시작</translation>
    </message>
</context>
<context>
    <name>posesmart::ui::ReportWindow</name>
    <message>
        <source>PoseSmart report</source>
        <translation>PoseSmart 리포트</translation>
    </message>
    <message>
        <source>Could not read the history: %1</source>
        <translation>기록을 읽지 못했어요: %1</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>일간</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>주간</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>월간</translation>
    </message>
    <message>
        <source>&amp;Report</source>
        <translation>리포트(&amp;R)</translation>
    </message>
    <message>
        <source>Export as CSV, one row per &amp;minute…</source>
        <translation>분 단위 CSV로 내보내기(&amp;M)…</translation>
    </message>
    <message>
        <source>Export as CSV, one row per &amp;day…</source>
        <translation>일 단위 CSV로 내보내기(&amp;D)…</translation>
    </message>
    <message>
        <source>Export as &amp;PDF…</source>
        <translation>PDF로 내보내기(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>닫기(&amp;C)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>불러오는 중…</translation>
    </message>
    <message>
        <source>Nothing to chart in this period.</source>
        <translation>이 기간에는 그래프로 보여 드릴 기록이 없어요.</translation>
    </message>
    <message>
        <source>Export the report as PDF</source>
        <translation>리포트를 PDF로 내보내기</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 파일 (*.pdf)</translation>
    </message>
    <message>
        <source>Export the report as CSV</source>
        <translation>리포트를 CSV로 내보내기</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation>%1 저장 중…</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>저장했어요: %1</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>내보내지 못했어요</translation>
    </message>
</context>
<context>
    <name>posesmart::ui::ReportWorker</name>
    <message>
        <source>an unknown error</source>
        <translation>알 수 없는 오류</translation>
    </message>
</context>
<context>
    <name>posesmart::ui::RoutineWindow</name>
    <message>
        <source>PoseSmart routine</source>
        <translation>PoseSmart 루틴</translation>
    </message>
    <message>
        <source>Getting ready…</source>
        <translation>준비하는 중…</translation>
    </message>
    <message>
        <source>Sit upright, facing the screen.</source>
        <translation>화면을 보고 바르게 앉으세요.</translation>
    </message>
    <message>
        <source>End routine</source>
        <translation>루틴 끝내기</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>%2단계 중 %1단계</translation>
    </message>
    <message>
        <source>Your face is not in view of the camera.</source>
        <translation>카메라에 얼굴이 보이지 않아요.</translation>
    </message>
    <message>
        <source>Hold it… %1 s</source>
        <translation>그대로 유지… %1초</translation>
    </message>
    <message>
        <source>This counts as a break.</source>
        <translation>휴식으로 기록돼요.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
</context>
<context>
    <name>posesmart::ui::SettingsDialog</name>
    <message>
        <source> min</source>
        <translation> 분</translation>
    </message>
    <message>
        <source>Forward head</source>
        <translation>거북목</translation>
    </message>
    <message>
        <source>Slouching</source>
        <translation>구부정한 자세</translation>
    </message>
    <message>
        <source>Too close to the screen</source>
        <translation>화면에 너무 가까움</translation>
    </message>
    <message>
        <source>Head tilted</source>
        <translation>고개 기울어짐</translation>
    </message>
    <message>
        <source>Blinking too little</source>
        <translation>눈 깜빡임 부족</translation>
    </message>
    <message>
        <source>Sitting too long</source>
        <translation>너무 오래 앉아 있음</translation>
    </message>
    <message>
        <source>20-20-20 eye rest</source>
        <translation>20-20-20 눈 휴식</translation>
    </message>
    <message>
        <source>PoseSmart Settings</source>
        <translation>PoseSmart 설정</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>카메라</translation>
    </message>
    <message>
        <source>Posture</source>
        <translation>자세</translation>
    </message>
    <message>
        <source>Eyes</source>
        <translation>눈</translation>
    </message>
    <message>
        <source>Breaks</source>
        <translation>휴식</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>알림</translation>
    </message>
    <message>
        <source>General</source>
        <translation>일반</translation>
    </message>
    <message>
        <source>No camera found</source>
        <translation>카메라를 찾을 수 없음</translation>
    </message>
    <message>
        <source>Camera not connected (%1)</source>
        <translation>연결되지 않은 카메라 (%1)</translation>
    </message>
    <message>
        <source>Show face landmarks over the camera view</source>
        <translation>카메라 화면 위에 얼굴 랜드마크 표시</translation>
    </message>
    <message>
        <source>Camera:</source>
        <translation>카메라:</translation>
    </message>
    <message>
        <source>Release the camera when nobody is in view for:</source>
        <translation>아무도 없을 때 카메라를 끄기까지:</translation>
    </message>
    <message>
        <source> cm</source>
        <translation> cm</translation>
    </message>
    <message>
        <source>°</source>
        <translation>°</translation>
    </message>
    <message>
        <source>Posture is judged against your calibration. Recalibrate after moving the camera or changing desks.</source>
        <translation>자세는 보정한 기준과 비교해 판단해요. 카메라를 옮기거나 책상을 바꿨다면 다시 보정해 주세요.</translation>
    </message>
    <message>
        <source>Too close: nearer than:</source>
        <translation>너무 가까움 (이 거리 미만):</translation>
    </message>
    <message>
        <source>Head tilt: more than:</source>
        <translation>고개 기울어짐 (이 각도 초과):</translation>
    </message>
    <message>
        <source>Blink rate</source>
        <translation>깜빡임 빈도</translation>
    </message>
    <message>
        <source> per minute</source>
        <translation> 회/분</translation>
    </message>
    <message>
        <source>Too low: fewer blinks than:</source>
        <translation>너무 적음 (이 횟수 미만):</translation>
    </message>
    <message>
        <source>Measured over:</source>
        <translation>측정 시간:</translation>
    </message>
    <message>
        <source>Look at something 20 feet (6 m) away for 20 seconds.</source>
        <translation>20피트(6 m) 떨어진 곳을 20초 동안 바라봐 주세요.</translation>
    </message>
    <message>
        <source>Remind me every:</source>
        <translation>알림 간격:</translation>
    </message>
    <message>
        <source>Remind me after sitting for:</source>
        <translation>이만큼 앉아 있으면 알림:</translation>
    </message>
    <message>
        <source>Time away that counts as a break:</source>
        <translation>휴식으로 치는 자리 비움 시간:</translation>
    </message>
    <message>
        <source>When the condition has held for:</source>
        <translation>이 시간 동안 이어지면 알림:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 초</translation>
    </message>
    <message>
        <source>The same alert again at most every:</source>
        <translation>같은 알림 최소 간격:</translation>
    </message>
    <message>
        <source>Quiet hours</source>
        <translation>방해 금지 시간</translation>
    </message>
    <message>
        <source>No alerts during quiet hours</source>
        <translation>방해 금지 시간에는 알리지 않기</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>시작:</translation>
    </message>
    <message>
        <source>Until:</source>
        <translation>종료:</translation>
    </message>
    <message>
        <source>Start PoseSmart when I log in</source>
        <translation>로그인할 때 PoseSmart 시작</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>언어:</translation>
    </message>
    <message>
        <source>No font on this system can show %1: install one (on Debian, as root: apt install fonts-nanum) and restart PoseSmart.</source>
        <translation>이 시스템에는 %1을(를) 표시할 글꼴이 없습니다. 글꼴을 설치한 뒤(Debian에서는 root로: apt install fonts-nanum) PoseSmart를 다시 시작하세요.</translation>
    </message>
    <message>
        <source>Enrol my face again…</source>
        <translation>얼굴 다시 등록…</translation>
    </message>
    <message>
        <source>PoseSmart learns your face while you calibrate, so that only you are measured. Enrol again after a big change of look, or when it no longer recognises you.</source>
        <translation>PoseSmart는 보정할 때 얼굴을 익혀서 본인만 측정해요. 외모가 크게 바뀌었거나 더 이상 알아보지 못하면 다시 등록해 주세요.</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>개인정보 보호</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 일</translation>
    </message>
    <message>
        <source>Delete all data…</source>
        <translation>모든 데이터 삭제…</translation>
    </message>
    <message>
        <source>PoseSmart keeps numbers only, never pictures, and only on this computer.</source>
        <translation>PoseSmart는 사진은 저장하지 않고 수치만, 이 컴퓨터 안에만 보관해요.</translation>
    </message>
    <message>
        <source>Keep history for:</source>
        <translation>기록 보관 기간:</translation>
    </message>
    <message>
        <source>Delete all data?</source>
        <translation>모든 데이터를 삭제할까요?</translation>
    </message>
    <message>
        <source>This removes the history database: all the numbers PoseSmart has recorded and your Face ID descriptors. It cannot be undone.</source>
        <translation>기록 데이터베이스를 삭제해요. PoseSmart가 기록한 모든 수치와 Face ID 얼굴 특징값이 지워지며, 되돌릴 수 없어요.</translation>
    </message>
    <message>
        <source>Delete all data</source>
        <translation>모든 데이터 삭제</translation>
    </message>
    <message>
        <source>Who is measured</source>
        <translation>측정 대상</translation>
    </message>
    <message>
        <source>Each person at this computer can have a profile with their own calibration, Face ID and history. Type a new name to add one.</source>
        <translation>이 컴퓨터를 쓰는 사람마다 보정, Face ID, 기록을 따로 가진 프로필을 둘 수 있어요. 새 이름을 입력하면 프로필이 추가돼요.</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>프로필:</translation>
    </message>
    <message>
        <source>The first camera</source>
        <translation>첫 번째 카메라</translation>
    </message>
    <message>
        <source>%1 (video%2)</source>
        <translation>%1 (video%2)</translation>
    </message>
    <message>
        <source>30 a second, 15 on battery</source>
        <translation>초당 30장, 배터리 사용 시 15장</translation>
    </message>
    <message>
        <source>30 a second</source>
        <translation>초당 30장</translation>
    </message>
    <message>
        <source>15 a second (less work for the computer)</source>
        <translation>초당 15장 (컴퓨터 부담이 적어요)</translation>
    </message>
    <message>
        <source>Analyse pictures:</source>
        <translation>영상 분석:</translation>
    </message>
</context>
<context>
    <name>posesmart::ui::TrayController</name>
    <message>
        <source>Posture good</source>
        <translation>자세 좋음</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>주의 필요</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>일시 정지됨</translation>
    </message>
    <message>
        <source>No camera</source>
        <translation>카메라 없음</translation>
    </message>
    <message>
        <source>Not you</source>
        <translation>다른 사람</translation>
    </message>
    <message>
        <source>Open PoseSmart</source>
        <translation>PoseSmart 열기</translation>
    </message>
    <message>
        <source>Pause for 15 minutes</source>
        <translation>15분 동안 일시 정지</translation>
    </message>
    <message>
        <source>Pause for 1 hour</source>
        <translation>1시간 동안 일시 정지</translation>
    </message>
    <message>
        <source>Pause until tomorrow</source>
        <translation>내일까지 일시 정지</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>다시 시작</translation>
    </message>
    <message>
        <source>Recalibrate…</source>
        <translation>다시 보정…</translation>
    </message>
    <message>
        <source>Today&apos;s report</source>
        <translation>오늘의 리포트</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>종료</translation>
    </message>
    <message>
        <source>PoseSmart: %1</source>
        <translation>PoseSmart: %1</translation>
    </message>
    <message>
        <source>Paused until %1</source>
        <translation>%1까지 일시 정지됨</translation>
    </message>
    <message>
        <source>Start a routine</source>
        <translation>루틴 시작</translation>
    </message>
</context>
</TS>
