#pragma once

#include "graphql/type/definition.h"

#include <QString>

#include <vector>

namespace vingt::graphql {

/// @brief Where a directive may appear (spec §3.13, `__DirectiveLocation`).
enum class DirectiveLocation : std::uint8_t {
    Query,
    Mutation,
    Subscription,
    Field,
    FragmentDefinition,
    FragmentSpread,
    InlineFragment,
    VariableDefinition,
    Schema,
    Scalar,
    Object,
    FieldDefinition,
    ArgumentDefinition,
    Interface,
    Union,
    Enum,
    EnumValue,
    InputObject,
    InputFieldDefinition,
};

/// "QUERY", "FIELD", "INPUT_FIELD_DEFINITION", ...
[[nodiscard]] QString directiveLocationName(DirectiveLocation location);
/// Every location, in `__DirectiveLocation` order.
[[nodiscard]] const std::vector<DirectiveLocation> &allDirectiveLocations();

/// @brief A directive definition. Owned by a Schema.
struct Directive {
    QString name;
    QString description;
    std::vector<DirectiveLocation> locations;
    std::vector<InputValue> args;
    bool isRepeatable = false;

    [[nodiscard]] const InputValue *arg(const QString &argName) const;
    [[nodiscard]] bool hasLocation(DirectiveLocation location) const;
};

/// The reason printed when @deprecated has no argument.
inline constexpr QLatin1StringView kDefaultDeprecationReason{"No longer supported"};

/// "include", "skip", "deprecated", "specifiedBy".
[[nodiscard]] bool isSpecifiedDirectiveName(const QString &name);

} // namespace vingt::graphql
