#include "graphql/type/directives.h"

#include <algorithm>

namespace vingt::graphql {

using namespace Qt::StringLiterals;

QString directiveLocationName(DirectiveLocation location)
{
    switch (location) {
    case DirectiveLocation::Query: return u"QUERY"_s;
    case DirectiveLocation::Mutation: return u"MUTATION"_s;
    case DirectiveLocation::Subscription: return u"SUBSCRIPTION"_s;
    case DirectiveLocation::Field: return u"FIELD"_s;
    case DirectiveLocation::FragmentDefinition: return u"FRAGMENT_DEFINITION"_s;
    case DirectiveLocation::FragmentSpread: return u"FRAGMENT_SPREAD"_s;
    case DirectiveLocation::InlineFragment: return u"INLINE_FRAGMENT"_s;
    case DirectiveLocation::VariableDefinition: return u"VARIABLE_DEFINITION"_s;
    case DirectiveLocation::Schema: return u"SCHEMA"_s;
    case DirectiveLocation::Scalar: return u"SCALAR"_s;
    case DirectiveLocation::Object: return u"OBJECT"_s;
    case DirectiveLocation::FieldDefinition: return u"FIELD_DEFINITION"_s;
    case DirectiveLocation::ArgumentDefinition: return u"ARGUMENT_DEFINITION"_s;
    case DirectiveLocation::Interface: return u"INTERFACE"_s;
    case DirectiveLocation::Union: return u"UNION"_s;
    case DirectiveLocation::Enum: return u"ENUM"_s;
    case DirectiveLocation::EnumValue: return u"ENUM_VALUE"_s;
    case DirectiveLocation::InputObject: return u"INPUT_OBJECT"_s;
    case DirectiveLocation::InputFieldDefinition: return u"INPUT_FIELD_DEFINITION"_s;
    }
    return {};
}

const std::vector<DirectiveLocation> &allDirectiveLocations()
{
    static const std::vector<DirectiveLocation> locations = [] {
        std::vector<DirectiveLocation> all;
        for (int i = 0; i <= int(DirectiveLocation::InputFieldDefinition); ++i)
            all.push_back(DirectiveLocation(i));
        return all;
    }();
    return locations;
}

const InputValue *Directive::arg(const QString &argName) const
{
    for (const InputValue &argument : args) {
        if (argument.name == argName)
            return &argument;
    }
    return nullptr;
}

bool Directive::hasLocation(DirectiveLocation location) const
{
    return std::find(locations.begin(), locations.end(), location) != locations.end();
}

bool isSpecifiedDirectiveName(const QString &name)
{
    return name == "include"_L1 || name == "skip"_L1 || name == "deprecated"_L1 || name == "specifiedBy"_L1;
}

} // namespace vingt::graphql
