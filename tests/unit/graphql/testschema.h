#pragma once

#include "graphql/type/schema.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <memory>

/// A small schema for the engine's tests (people, companies, a union, an interface, an enum, input objects with
/// defaults, custom scalars), with resolvers over in-memory data.
namespace testschema {

/// What resolvers record, reached through the execution context (std::any holding Context*).
struct Context {
    int friendsBatchCalls = 0;   ///< calls of Person.friends' batch resolver
    int friendsSources = 0;      ///< sources it received, summed
    QStringList mutationLog;     ///< mutations and their sub-field resolutions, in order
    bool denyPeople = false;     ///< Query.people answers a permission error
    QStringList lookAhead;       ///< what Query.lookAhead saw selected below it
};

/// The schema (built once, shared).
[[nodiscard]] std::shared_ptr<const vingt::graphql::Schema> schema();

} // namespace testschema
