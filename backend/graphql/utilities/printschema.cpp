#include "graphql/utilities/printschema.h"

#include "graphql/language/blockstring.h"
#include "graphql/type/introspection.h"
#include "graphql/type/scalars.h"
#include "graphql/type/schema.h"

namespace vingt::graphql {

using namespace Qt::StringLiterals;

namespace {

QString printDescription(const QString &description, const QString &indentation = {}, bool firstInBlock = true)
{
    if (description.isNull())
        return {};
    QString block = isPrintableAsBlockString(description) ? printBlockString(description) : printString(description);
    const QString prefix = (!indentation.isEmpty() && !firstInBlock) ? u'\n' + indentation : indentation;
    block.replace(u'\n', u'\n' + indentation);
    return prefix + block + u'\n';
}

QString printDeprecated(const std::optional<QString> &reason)
{
    if (!reason)
        return {};
    if (*reason != kDefaultDeprecationReason)
        return u" @deprecated(reason: "_s + printString(*reason) + u')';
    return u" @deprecated"_s;
}

QString printInputValue(const InputValue &value)
{
    QString declaration = value.name + u": "_s + value.type.toString();
    if (value.defaultValue)
        declaration += u" = "_s + value.defaultValueLiteral;
    return declaration + printDeprecated(value.deprecationReason);
}

QString printArgs(const std::vector<InputValue> &args, const QString &indentation = {})
{
    if (args.empty())
        return {};
    const bool anyDescription =
        std::any_of(args.begin(), args.end(), [](const InputValue &arg) { return !arg.description.isEmpty(); });
    if (!anyDescription) {
        QStringList items;
        for (const InputValue &arg : args)
            items.append(printInputValue(arg));
        return u'(' + items.join(u", "_s) + u')';
    }
    QStringList items;
    for (size_t i = 0; i < args.size(); ++i) {
        items.append(printDescription(args[i].description, u"  "_s + indentation, i == 0) + u"  "_s + indentation
                     + printInputValue(args[i]));
    }
    return u"(\n"_s + items.join(u'\n') + u'\n' + indentation + u')';
}

QString printBlock(const QStringList &items)
{
    return items.isEmpty() ? QString() : u" {\n"_s + items.join(u'\n') + u"\n}"_s;
}

QString printImplementedInterfaces(const ObjectLikeType &type)
{
    if (type.interfaces().empty())
        return {};
    QStringList names;
    for (const InterfaceType *iface : type.interfaces())
        names.append(iface->name());
    return u" implements "_s + names.join(u" & "_s);
}

QString printFields(const ObjectLikeType &type)
{
    QStringList items;
    for (size_t i = 0; i < type.fields().size(); ++i) {
        const Field &field = type.fields()[i];
        items.append(printDescription(field.description, u"  "_s, i == 0) + u"  "_s + field.name
                     + printArgs(field.args, u"  "_s) + u": "_s + field.type.toString()
                     + printDeprecated(field.deprecationReason));
    }
    return printBlock(items);
}

QString printDirective(const Directive &directive)
{
    QStringList locations;
    for (DirectiveLocation location : directive.locations)
        locations.append(directiveLocationName(location));
    return printDescription(directive.description) + u"directive @"_s + directive.name + printArgs(directive.args)
        + (directive.isRepeatable ? u" repeatable"_s : QString()) + u" on "_s + locations.join(u" | "_s);
}

QString printSchemaDefinition(const Schema &schema)
{
    const ObjectType *query = schema.queryType();
    const ObjectType *mutation = schema.mutationType();
    const ObjectType *subscription = schema.subscriptionType();
    const bool commonNames = (!query || query->name() == "Query"_L1) && (!mutation || mutation->name() == "Mutation"_L1)
        && (!subscription || subscription->name() == "Subscription"_L1);
    if (schema.description().isNull() && commonNames)
        return {};
    QStringList operationTypes;
    if (query)
        operationTypes.append(u"  query: "_s + query->name());
    if (mutation)
        operationTypes.append(u"  mutation: "_s + mutation->name());
    if (subscription)
        operationTypes.append(u"  subscription: "_s + subscription->name());
    return printDescription(schema.description()) + u"schema {\n"_s + operationTypes.join(u'\n') + u"\n}"_s;
}

} // namespace

QString printType(const NamedType &type)
{
    switch (type.kind()) {
    case TypeKind::Scalar: {
        const ScalarType &scalar = *type.asScalar();
        QString out = printDescription(type.description()) + u"scalar "_s + type.name();
        if (!scalar.specifiedByUrl().isEmpty())
            out += u" @specifiedBy(url: "_s + printString(scalar.specifiedByUrl()) + u')';
        return out;
    }
    case TypeKind::Object:
        return printDescription(type.description()) + u"type "_s + type.name()
            + printImplementedInterfaces(*type.asObjectLike()) + printFields(*type.asObjectLike());
    case TypeKind::Interface:
        return printDescription(type.description()) + u"interface "_s + type.name()
            + printImplementedInterfaces(*type.asObjectLike()) + printFields(*type.asObjectLike());
    case TypeKind::Union: {
        QStringList members;
        for (const ObjectType *member : type.asUnion()->types())
            members.append(member->name());
        return printDescription(type.description()) + u"union "_s + type.name()
            + (members.isEmpty() ? QString() : u" = "_s + members.join(u" | "_s));
    }
    case TypeKind::Enum: {
        QStringList values;
        const auto &enumValues = type.asEnum()->values();
        for (size_t i = 0; i < enumValues.size(); ++i) {
            values.append(printDescription(enumValues[i].description, u"  "_s, i == 0) + u"  "_s + enumValues[i].name
                          + printDeprecated(enumValues[i].deprecationReason));
        }
        return printDescription(type.description()) + u"enum "_s + type.name() + printBlock(values);
    }
    case TypeKind::InputObject: {
        QStringList fields;
        const auto &inputFields = type.asInputObject()->fields();
        for (size_t i = 0; i < inputFields.size(); ++i) {
            fields.append(printDescription(inputFields[i].description, u"  "_s, i == 0) + u"  "_s
                          + printInputValue(inputFields[i]));
        }
        return printDescription(type.description()) + u"input "_s + type.name() + printBlock(fields);
    }
    case TypeKind::List:
    case TypeKind::NonNull: break;
    }
    return {};
}

QString printSchema(const Schema &schema)
{
    QStringList parts;
    const QString definition = printSchemaDefinition(schema);
    if (!definition.isEmpty())
        parts.append(definition);
    for (const Directive *directive : schema.directives()) {
        if (!isSpecifiedDirectiveName(directive->name))
            parts.append(printDirective(*directive));
    }
    for (const NamedType *type : schema.types()) {
        if (isSpecifiedScalarName(type->name()) || isIntrospectionTypeName(type->name()))
            continue;
        parts.append(printType(*type));
    }
    return parts.join(u"\n\n"_s);
}

} // namespace vingt::graphql
