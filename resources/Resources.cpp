#include "Resources.h"

#include <QtCore/qglobal.h>

// Q_INIT_RESOURCE cannot be used inside a namespace.
static void initPoseSmartIcons() {
    Q_INIT_RESOURCE(posesmart_icons);
}

namespace posesmart {

void initResources() {
    initPoseSmartIcons();
}

}  // namespace posesmart
