#include "graphql/type/introspection.h"

#include "graphql/type/resolveinfo.h"

namespace vingt::graphql {

using namespace Qt::StringLiterals;

namespace {

Value text(const QString &s)
{
    return s.isNull() ? Value() : Value(s);
}

Value optionalText(const std::optional<QString> &s)
{
    return s ? Value(*s) : Value();
}

TypeRef typeOf(const Value &value)
{
    if (const NamedType *named = value.as<NamedType>())
        return TypeRef(named);
    if (const TypeRef *ref = value.as<TypeRef>())
        return *ref;
    return {};
}

Value typeValue(TypeRef type)
{
    if (!type.isValid())
        return {};
    if (type.isNamed())
        return Value::borrowed<NamedType>(type.named());
    return Value::object(std::make_shared<const TypeRef>(type));
}

Value typeList(const auto &types)
{
    std::vector<Value> items;
    items.reserve(types.size());
    for (const auto *type : types)
        items.push_back(Value::borrowed<NamedType>(type));
    return Value::list(std::move(items));
}

bool includeDeprecated(const ResolveParams &p)
{
    return p.args.value("includeDeprecated"_L1).toBool(false);
}

Value inputValueList(const std::vector<InputValue> &values, bool withDeprecated)
{
    std::vector<Value> items;
    items.reserve(values.size());
    for (const InputValue &value : values) {
        if (withDeprecated || !value.isDeprecated())
            items.push_back(Value::borrowed<InputValue>(&value));
    }
    return Value::list(std::move(items));
}

/// A resolver over a typed source: a null source (never expected) resolves to null.
template<typename T, typename F>
FieldResolver on(F function)
{
    return [function](const ResolveParams &p) -> FieldResult {
        const T *source = p.source.as<T>();
        if (!source)
            return Value();
        if constexpr (std::is_invocable_v<F, const T &>)
            return function(*source);
        else
            return function(*source, p);
    };
}

InputValueConfig includeDeprecatedArg()
{
    return {.name = u"includeDeprecated"_s, .type = u"Boolean"_s, .defaultValue = QJsonValue(false)};
}

ObjectTypeConfig schemaType()
{
    return {
        .name = u"__Schema"_s,
        .fields =
            {
                {.name = u"description"_s,
                 .type = u"String"_s,
                 .resolve = on<Schema>([](const Schema &schema) -> FieldResult {
                     return text(schema.description());
                 })},
                {.name = u"types"_s,
                 .type = u"[__Type!]!"_s,
                 .resolve = on<Schema>([](const Schema &schema) -> FieldResult {
                     return typeList(schema.types());
                 }),
                 .description = u"A list of all types supported by this server."_s},
                {.name = u"queryType"_s,
                 .type = u"__Type!"_s,
                 .resolve = on<Schema>([](const Schema &schema) -> FieldResult {
                     return typeValue(TypeRef(schema.queryType()));
                 }),
                 .description = u"The type that query operations will be rooted at."_s},
                {.name = u"mutationType"_s,
                 .type = u"__Type"_s,
                 .resolve = on<Schema>([](const Schema &schema) -> FieldResult {
                     return typeValue(TypeRef(schema.mutationType()));
                 }),
                 .description = u"If this server supports mutation, the type that mutation operations will be rooted at."_s},
                {.name = u"subscriptionType"_s,
                 .type = u"__Type"_s,
                 .resolve = on<Schema>([](const Schema &schema) -> FieldResult {
                     return typeValue(TypeRef(schema.subscriptionType()));
                 }),
                 .description = u"If this server support subscription, the type that subscription operations will be rooted at."_s},
                {.name = u"directives"_s,
                 .type = u"[__Directive!]!"_s,
                 .resolve = on<Schema>([](const Schema &schema) -> FieldResult {
                     std::vector<Value> items;
                     for (const Directive *directive : schema.directives())
                         items.push_back(Value::borrowed<Directive>(directive));
                     return Value::list(std::move(items));
                 }),
                 .description = u"A list of all directives supported by this server."_s},
            },
        .description =
            u"A GraphQL Schema defines the capabilities of a GraphQL server. It exposes all available types and directives on the server, as well as the entry points for query, mutation, and subscription operations."_s,
    };
}

ObjectTypeConfig directiveType()
{
    return {
        .name = u"__Directive"_s,
        .fields =
            {
                {.name = u"name"_s,
                 .type = u"String!"_s,
                 .resolve = on<Directive>([](const Directive &directive) -> FieldResult { return directive.name; })},
                {.name = u"description"_s,
                 .type = u"String"_s,
                 .resolve = on<Directive>([](const Directive &directive) -> FieldResult {
                     return text(directive.description);
                 })},
                {.name = u"isRepeatable"_s,
                 .type = u"Boolean!"_s,
                 .resolve = on<Directive>([](const Directive &directive) -> FieldResult {
                     return directive.isRepeatable;
                 })},
                {.name = u"locations"_s,
                 .type = u"[__DirectiveLocation!]!"_s,
                 .resolve = on<Directive>([](const Directive &directive) -> FieldResult {
                     QJsonArray locations;
                     for (DirectiveLocation location : directive.locations)
                         locations.append(directiveLocationName(location));
                     return locations;
                 })},
                {.name = u"args"_s,
                 .type = u"[__InputValue!]!"_s,
                 .args = {includeDeprecatedArg()},
                 .resolve = on<Directive>([](const Directive &directive, const ResolveParams &p) -> FieldResult {
                     return inputValueList(directive.args, includeDeprecated(p));
                 })},
            },
        .description =
            u"A Directive provides a way to describe alternate runtime execution and type validation behavior in a GraphQL document.\n\nIn some cases, you need to provide options to alter GraphQL's execution behavior in ways field arguments will not suffice, such as conditionally including or skipping a field. Directives provide this by describing additional information to the executor."_s,
    };
}

ObjectTypeConfig typeType()
{
    return {
        .name = u"__Type"_s,
        .fields =
            {
                {.name = u"kind"_s,
                 .type = u"__TypeKind!"_s,
                 .resolve = [](const ResolveParams &p) -> FieldResult { return typeKindName(typeOf(p.source).kind()); }},
                {.name = u"name"_s,
                 .type = u"String"_s,
                 .resolve = [](const ResolveParams &p) -> FieldResult {
                     const TypeRef type = typeOf(p.source);
                     return type.isNamed() ? Value(type.named()->name()) : Value();
                 }},
                {.name = u"description"_s,
                 .type = u"String"_s,
                 .resolve = [](const ResolveParams &p) -> FieldResult {
                     const TypeRef type = typeOf(p.source);
                     return type.isNamed() ? text(type.named()->description()) : Value();
                 }},
                {.name = u"specifiedByURL"_s,
                 .type = u"String"_s,
                 .resolve = [](const ResolveParams &p) -> FieldResult {
                     const TypeRef type = typeOf(p.source);
                     const ScalarType *scalar = type.isNamed() ? type.named()->asScalar() : nullptr;
                     return scalar && !scalar->specifiedByUrl().isEmpty() ? Value(scalar->specifiedByUrl()) : Value();
                 }},
                {.name = u"fields"_s,
                 .type = u"[__Field!]"_s,
                 .args = {includeDeprecatedArg()},
                 .resolve = [](const ResolveParams &p) -> FieldResult {
                     const TypeRef type = typeOf(p.source);
                     const ObjectLikeType *object = type.isNamed() ? type.named()->asObjectLike() : nullptr;
                     if (!object)
                         return Value();
                     const bool withDeprecated = includeDeprecated(p);
                     std::vector<Value> items;
                     for (const Field &field : object->fields()) {
                         if (withDeprecated || !field.isDeprecated())
                             items.push_back(Value::borrowed<Field>(&field));
                     }
                     return Value::list(std::move(items));
                 }},
                {.name = u"interfaces"_s,
                 .type = u"[__Type!]"_s,
                 .resolve = [](const ResolveParams &p) -> FieldResult {
                     const TypeRef type = typeOf(p.source);
                     const ObjectLikeType *object = type.isNamed() ? type.named()->asObjectLike() : nullptr;
                     return object ? typeList(object->interfaces()) : Value();
                 }},
                {.name = u"possibleTypes"_s,
                 .type = u"[__Type!]"_s,
                 .resolve = [](const ResolveParams &p) -> FieldResult {
                     const TypeRef type = typeOf(p.source);
                     if (!type.isNamed() || !type.named()->isAbstract())
                         return Value();
                     return typeList(p.info.schema.possibleTypes(*type.named()));
                 }},
                {.name = u"enumValues"_s,
                 .type = u"[__EnumValue!]"_s,
                 .args = {includeDeprecatedArg()},
                 .resolve = [](const ResolveParams &p) -> FieldResult {
                     const TypeRef type = typeOf(p.source);
                     const EnumType *enumType = type.isNamed() ? type.named()->asEnum() : nullptr;
                     if (!enumType)
                         return Value();
                     const bool withDeprecated = includeDeprecated(p);
                     std::vector<Value> items;
                     for (const EnumValue &value : enumType->values()) {
                         if (withDeprecated || !value.isDeprecated())
                             items.push_back(Value::borrowed<EnumValue>(&value));
                     }
                     return Value::list(std::move(items));
                 }},
                {.name = u"inputFields"_s,
                 .type = u"[__InputValue!]"_s,
                 .args = {includeDeprecatedArg()},
                 .resolve = [](const ResolveParams &p) -> FieldResult {
                     const TypeRef type = typeOf(p.source);
                     const InputObjectType *input = type.isNamed() ? type.named()->asInputObject() : nullptr;
                     return input ? inputValueList(input->fields(), includeDeprecated(p)) : Value();
                 }},
                {.name = u"ofType"_s,
                 .type = u"__Type"_s,
                 .resolve = [](const ResolveParams &p) -> FieldResult { return typeValue(typeOf(p.source).ofType()); }},
                {.name = u"isOneOf"_s,
                 .type = u"Boolean"_s,
                 .resolve = [](const ResolveParams &p) -> FieldResult {
                     const TypeRef type = typeOf(p.source);
                     return type.isNamed() && type.named()->asInputObject() ? Value(false) : Value();
                 }},
            },
        .description =
            u"The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.\n\nDepending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types."_s,
    };
}

ObjectTypeConfig fieldType()
{
    return {
        .name = u"__Field"_s,
        .fields =
            {
                {.name = u"name"_s,
                 .type = u"String!"_s,
                 .resolve = on<Field>([](const Field &field) -> FieldResult { return field.name; })},
                {.name = u"description"_s,
                 .type = u"String"_s,
                 .resolve = on<Field>([](const Field &field) -> FieldResult { return text(field.description); })},
                {.name = u"args"_s,
                 .type = u"[__InputValue!]!"_s,
                 .args = {includeDeprecatedArg()},
                 .resolve = on<Field>([](const Field &field, const ResolveParams &p) -> FieldResult {
                     return inputValueList(field.args, includeDeprecated(p));
                 })},
                {.name = u"type"_s,
                 .type = u"__Type!"_s,
                 .resolve = on<Field>([](const Field &field) -> FieldResult { return typeValue(field.type); })},
                {.name = u"isDeprecated"_s,
                 .type = u"Boolean!"_s,
                 .resolve = on<Field>([](const Field &field) -> FieldResult { return field.isDeprecated(); })},
                {.name = u"deprecationReason"_s,
                 .type = u"String"_s,
                 .resolve = on<Field>([](const Field &field) -> FieldResult {
                     return optionalText(field.deprecationReason);
                 })},
            },
        .description =
            u"Object and Interface types are described by a list of Fields, each of which has a name, potentially a list of arguments, and a return type."_s,
    };
}

ObjectTypeConfig inputValueType()
{
    return {
        .name = u"__InputValue"_s,
        .fields =
            {
                {.name = u"name"_s,
                 .type = u"String!"_s,
                 .resolve = on<InputValue>([](const InputValue &value) -> FieldResult { return value.name; })},
                {.name = u"description"_s,
                 .type = u"String"_s,
                 .resolve = on<InputValue>([](const InputValue &value) -> FieldResult {
                     return text(value.description);
                 })},
                {.name = u"type"_s,
                 .type = u"__Type!"_s,
                 .resolve = on<InputValue>([](const InputValue &value) -> FieldResult { return typeValue(value.type); })},
                {.name = u"defaultValue"_s,
                 .type = u"String"_s,
                 .resolve = on<InputValue>([](const InputValue &value) -> FieldResult {
                     // API-CONTRACT §2.1: GraphQL literal syntax, never JSON.
                     return value.defaultValue ? Value(value.defaultValueLiteral) : Value();
                 }),
                 .description = u"A GraphQL-formatted string representing the default value for this input value."_s},
                {.name = u"isDeprecated"_s,
                 .type = u"Boolean!"_s,
                 .resolve = on<InputValue>([](const InputValue &value) -> FieldResult { return value.isDeprecated(); })},
                {.name = u"deprecationReason"_s,
                 .type = u"String"_s,
                 .resolve = on<InputValue>([](const InputValue &value) -> FieldResult {
                     return optionalText(value.deprecationReason);
                 })},
            },
        .description =
            u"Arguments provided to Fields or Directives and the input fields of an InputObject are represented as Input Values which describe their type and optionally a default value."_s,
    };
}

ObjectTypeConfig enumValueType()
{
    return {
        .name = u"__EnumValue"_s,
        .fields =
            {
                {.name = u"name"_s,
                 .type = u"String!"_s,
                 .resolve = on<EnumValue>([](const EnumValue &value) -> FieldResult { return value.name; })},
                {.name = u"description"_s,
                 .type = u"String"_s,
                 .resolve = on<EnumValue>([](const EnumValue &value) -> FieldResult {
                     return text(value.description);
                 })},
                {.name = u"isDeprecated"_s,
                 .type = u"Boolean!"_s,
                 .resolve = on<EnumValue>([](const EnumValue &value) -> FieldResult { return value.isDeprecated(); })},
                {.name = u"deprecationReason"_s,
                 .type = u"String"_s,
                 .resolve = on<EnumValue>([](const EnumValue &value) -> FieldResult {
                     return optionalText(value.deprecationReason);
                 })},
            },
        .description =
            u"One possible value for a given Enum. Enum values are unique values, not a placeholder for a string or numeric value. However an Enum value is returned in a JSON response as a string."_s,
    };
}

} // namespace

std::vector<ObjectTypeConfig> introspectionObjectTypes()
{
    std::vector<ObjectTypeConfig> types;
    types.push_back(schemaType());
    types.push_back(typeType());
    types.push_back(fieldType());
    types.push_back(inputValueType());
    types.push_back(enumValueType());
    types.push_back(directiveType());
    return types;
}

std::vector<EnumTypeConfig> introspectionEnumTypes()
{
    EnumTypeConfig typeKind{
        .name = u"__TypeKind"_s,
        .values =
            {
                {u"SCALAR"_s, u"Indicates this type is a scalar."_s},
                {u"OBJECT"_s, u"Indicates this type is an object. `fields` and `interfaces` are valid fields."_s},
                {u"INTERFACE"_s,
                 u"Indicates this type is an interface. `fields`, `interfaces`, and `possibleTypes` are valid fields."_s},
                {u"UNION"_s, u"Indicates this type is a union. `possibleTypes` is a valid field."_s},
                {u"ENUM"_s, u"Indicates this type is an enum. `enumValues` is a valid field."_s},
                {u"INPUT_OBJECT"_s, u"Indicates this type is an input object. `inputFields` is a valid field."_s},
                {u"LIST"_s, u"Indicates this type is a list. `ofType` is a valid field."_s},
                {u"NON_NULL"_s, u"Indicates this type is a non-null. `ofType` is a valid field."_s},
            },
        .description = u"An enum describing what kind of type a given `__Type` is."_s,
    };
    EnumTypeConfig directiveLocation{
        .name = u"__DirectiveLocation"_s,
        .values =
            {
                {u"QUERY"_s, u"Location adjacent to a query operation."_s},
                {u"MUTATION"_s, u"Location adjacent to a mutation operation."_s},
                {u"SUBSCRIPTION"_s, u"Location adjacent to a subscription operation."_s},
                {u"FIELD"_s, u"Location adjacent to a field."_s},
                {u"FRAGMENT_DEFINITION"_s, u"Location adjacent to a fragment definition."_s},
                {u"FRAGMENT_SPREAD"_s, u"Location adjacent to a fragment spread."_s},
                {u"INLINE_FRAGMENT"_s, u"Location adjacent to an inline fragment."_s},
                {u"VARIABLE_DEFINITION"_s, u"Location adjacent to a variable definition."_s},
                {u"SCHEMA"_s, u"Location adjacent to a schema definition."_s},
                {u"SCALAR"_s, u"Location adjacent to a scalar definition."_s},
                {u"OBJECT"_s, u"Location adjacent to an object type definition."_s},
                {u"FIELD_DEFINITION"_s, u"Location adjacent to a field definition."_s},
                {u"ARGUMENT_DEFINITION"_s, u"Location adjacent to an argument definition."_s},
                {u"INTERFACE"_s, u"Location adjacent to an interface definition."_s},
                {u"UNION"_s, u"Location adjacent to a union definition."_s},
                {u"ENUM"_s, u"Location adjacent to an enum definition."_s},
                {u"ENUM_VALUE"_s, u"Location adjacent to an enum value definition."_s},
                {u"INPUT_OBJECT"_s, u"Location adjacent to an input object type definition."_s},
                {u"INPUT_FIELD_DEFINITION"_s, u"Location adjacent to an input object field definition."_s},
            },
        .description =
            u"A Directive can be adjacent to many parts of the GraphQL language, a __DirectiveLocation describes one such possible adjacencies."_s,
    };
    return {std::move(typeKind), std::move(directiveLocation)};
}

FieldConfig schemaMetaFieldConfig()
{
    return {.name = u"__schema"_s,
            .type = u"__Schema!"_s,
            .resolve = [](const ResolveParams &p) -> FieldResult { return Value::borrowed<Schema>(&p.info.schema); },
            .description = u"Access the current type schema of this server."_s};
}

FieldConfig typeMetaFieldConfig()
{
    return {.name = u"__type"_s,
            .type = u"__Type"_s,
            .args = {{.name = u"name"_s, .type = u"String!"_s}},
            .resolve = [](const ResolveParams &p) -> FieldResult {
                const NamedType *type = p.info.schema.type(p.args.value("name"_L1).toString());
                return type ? Value::borrowed<NamedType>(type) : Value();
            },
            .description = u"Request the type information of a single type."_s};
}

FieldConfig typenameMetaFieldConfig()
{
    return {.name = u"__typename"_s,
            .type = u"String!"_s,
            .resolve = [](const ResolveParams &p) -> FieldResult { return p.info.parentType.name(); },
            .description = u"The name of the current Object type at runtime."_s};
}

bool isIntrospectionTypeName(const QString &name)
{
    static const QStringList names{u"__Schema"_s,     u"__Directive"_s, u"__DirectiveLocation"_s, u"__Type"_s,
                                   u"__Field"_s,      u"__InputValue"_s, u"__EnumValue"_s,        u"__TypeKind"_s};
    return names.contains(name);
}

} // namespace vingt::graphql
