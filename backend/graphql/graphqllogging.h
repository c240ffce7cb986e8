#pragma once

#include <QLoggingCategory>

namespace vingt::graphql {
/// The engine's one logging category, "vingt.graphql".
Q_DECLARE_LOGGING_CATEGORY(lcGraphql)
} // namespace vingt::graphql
