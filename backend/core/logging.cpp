#include "core/logging.h"

namespace vingt {
Q_LOGGING_CATEGORY(lcCore, "vingt.core")
Q_LOGGING_CATEGORY(lcStorage, "vingt.storage")
Q_LOGGING_CATEGORY(lcModel, "vingt.model")
Q_LOGGING_CATEGORY(lcQuery, "vingt.query")
Q_LOGGING_CATEGORY(lcServices, "vingt.services")
Q_LOGGING_CATEGORY(lcRest, "vingt.rest")
Q_LOGGING_CATEGORY(lcHttp, "vingt.http")
Q_LOGGING_CATEGORY(lcAccess, "vingt.access")
} // namespace vingt
