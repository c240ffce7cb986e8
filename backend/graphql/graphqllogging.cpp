#include "graphql/graphqllogging.h"

namespace vingt::graphql {
Q_LOGGING_CATEGORY(lcGraphql, "vingt.graphql")
} // namespace vingt::graphql
