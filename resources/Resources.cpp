#include "Resources.h"

#include <QtCore/qglobal.h>

// Q_INIT_RESOURCE cannot be used inside a namespace.
static void initPoseSmartResources() {
    Q_INIT_RESOURCE(posesmart_icons);
    Q_INIT_RESOURCE(posesmart_routines);
}

namespace posesmart {

void initResources() {
    initPoseSmartResources();
}

}  // namespace posesmart
