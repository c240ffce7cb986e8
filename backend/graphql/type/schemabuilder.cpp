#include "graphql/type/schemabuilder.h"

#include "graphql/language/ast.h"
#include "graphql/language/parser.h"
#include "graphql/type/introspection.h"
#include "graphql/type/scalars.h"
#include "graphql/type/validate.h"
#include "graphql/utilities/astfromvalue.h"
#include "graphql/utilities/coerceinputvalue.h"
#include "graphql/utilities/inspect.h"

#include <QSet>

namespace vingt::graphql {

using namespace Qt::StringLiterals;

struct SchemaBuilder::Private {
    QString description;
    QString queryTypeName;
    QString mutationTypeName;
    QString subscriptionTypeName;
    FieldResolver defaultResolver;
    std::vector<ObjectTypeConfig> objects;
    std::vector<InterfaceTypeConfig> interfaces;
    std::vector<UnionTypeConfig> unions;
    std::vector<EnumTypeConfig> enums;
    std::vector<InputObjectTypeConfig> inputObjects;
    std::vector<ScalarTypeConfig> scalars;
    std::vector<DirectiveConfig> directives;
    QStringList addedTypeNames; ///< user types in the order they were added
    bool consumed = false;
};

/// Turns configurations into the Schema's objects. Collects every problem instead of stopping at the first.
/// A nested class, so it shares SchemaBuilder's friendship with the type classes.
class SchemaBuilder::Assembler
{
public:
    explicit Assembler(QStringList &errors)
        : m_errors(errors)
    {
    }

    template<typename T>
    T *add(std::unique_ptr<T> type)
    {
        T *raw = type.get();
        if (m_byName.contains(raw->name())) {
            m_errors.append(u"Schema must contain uniquely named types but contains multiple types named \"%1\"."_s.arg(
                raw->name()));
        } else {
            m_byName.insert(raw->name(), raw);
        }
        m_owned.push_back(std::move(type));
        return raw;
    }

    NamedType *find(const QString &name) const { return m_byName.value(name, nullptr); }

    TypeRef resolveTypeNode(const ast::TypeNode &node, const QString &where)
    {
        switch (node.kind) {
        case ast::TypeNode::Kind::Named: {
            const NamedType *named = find(node.name);
            if (!named) {
                m_errors.append(u"Unknown type \"%1\" referenced by %2."_s.arg(node.name, where));
                return {};
            }
            return TypeRef(named);
        }
        case ast::TypeNode::Kind::List: {
            const TypeRef item = resolveTypeNode(*node.ofType, where);
            return item.isValid() ? TypeRef::listOf(item) : TypeRef();
        }
        case ast::TypeNode::Kind::NonNull: {
            const TypeRef inner = resolveTypeNode(*node.ofType, where);
            return inner.isValid() ? TypeRef::nonNullOf(inner) : TypeRef();
        }
        }
        return {};
    }

    TypeRef resolveType(const QString &reference, const QString &where)
    {
        const auto cached = m_typeRefCache.constFind(reference);
        if (cached != m_typeRefCache.constEnd())
            return *cached;
        const TypeParseResult parsed = parseType(reference);
        if (!parsed.type) {
            m_errors.append(u"Invalid type reference \"%1\" for %2."_s.arg(reference, where));
            return {};
        }
        const TypeRef type = resolveTypeNode(*parsed.type, where);
        if (type.isValid())
            m_typeRefCache.insert(reference, type);
        return type;
    }

    Field makeField(const FieldConfig &config, const QString &typeName)
    {
        Field field;
        field.name = config.name;
        field.description = config.description;
        field.type = resolveType(config.type, typeName + u'.' + config.name);
        field.resolve = config.resolve;
        field.batchResolve = config.batchResolve;
        field.deprecationReason = config.deprecationReason;
        for (const InputValueConfig &arg : config.args)
            field.args.push_back(makeInputValueDeferred(arg, u"%1.%2(%3:)"_s.arg(typeName, config.name, arg.name)));
        return field;
    }

    /// Creates an input value; its default is coerced once every input type is known (coerceDefaults()).
    InputValue makeInputValueDeferred(const InputValueConfig &config, const QString &where)
    {
        InputValue value;
        value.name = config.name;
        value.description = config.description;
        value.type = resolveType(config.type, where);
        value.defaultValue = config.defaultValue;
        value.deprecationReason = config.deprecationReason;
        return value;
    }

    /// Coerces every default value (API-CONTRACT §2.1: printed as GraphQL literals). Input-object field defaults
    /// first, inner types before outer ones, so that a default relying on nested defaults sees coerced values.
    void coerceDefaults(std::vector<std::unique_ptr<Directive>> &directives)
    {
        for (const auto &type : m_owned) {
            if (auto *input = const_cast<InputObjectType *>(type->asInputObject()))
                coerceInputObjectDefaults(*input);
        }
        for (const auto &type : m_owned) {
            if (type->asObjectLike()) {
                auto *object = static_cast<ObjectLikeType *>(type.get());
                for (Field &field : fieldsOf(*object)) {
                    for (InputValue &arg : field.args)
                        coerceDefault(arg, u"%1.%2(%3:)"_s.arg(object->name(), field.name, arg.name));
                }
            }
        }
        for (auto &directive : directives) {
            for (InputValue &arg : directive->args)
                coerceDefault(arg, u"@%1(%2:)"_s.arg(directive->name, arg.name));
        }
    }

    static std::vector<Field> &fieldsOf(ObjectLikeType &type) { return type.m_fields; }
    static std::vector<InputValue> &fieldsOf(InputObjectType &type) { return type.m_fields; }

    std::vector<std::unique_ptr<NamedType>> takeOwned() { return std::move(m_owned); }
    const std::vector<std::unique_ptr<NamedType>> &owned() const { return m_owned; }

private:
    void coerceInputObjectDefaults(InputObjectType &type)
    {
        if (m_defaultsDone.contains(&type))
            return;
        m_defaultsDone.insert(&type); // also breaks cycles: a cyclic default keeps its raw nested values
        for (InputValue &field : fieldsOf(type)) {
            if (field.type.isValid()) {
                if (auto *nested = const_cast<InputObjectType *>(field.type.named()->asInputObject()))
                    coerceInputObjectDefaults(*nested);
            }
        }
        for (InputValue &field : fieldsOf(type))
            coerceDefault(field, type.name() + u'.' + field.name);
    }

    void coerceDefault(InputValue &value, const QString &where)
    {
        if (!value.defaultValue || !value.type.isValid())
            return;
        if (m_coerced.contains(&value))
            return;
        m_coerced.insert(&value);
        for (TypeRef t = value.type; t.isValid(); t = t.ofType()) {
            if (t.isNamed()) {
                if (auto *nested = const_cast<InputObjectType *>(t.named()->asInputObject()))
                    coerceInputObjectDefaults(*nested);
                break;
            }
        }
        QStringList problems;
        const QJsonValue coerced = coerceInputValue(
            *value.defaultValue, value.type, [&](const QJsonArray &path, const QJsonValue &invalid, const QString &message) {
                QString prefix = u"Invalid value "_s + inspect(invalid);
                if (!path.isEmpty())
                    prefix += u" at \"value%1\""_s.arg(printPathArray(path));
                problems.append(prefix + u": "_s + message);
            });
        if (!problems.isEmpty()) {
            m_errors.append(u"Invalid default value for %1: %2"_s.arg(where, problems.join(u"; "_s)));
            return;
        }
        value.defaultValue = coerced;
        value.defaultValueLiteral = printValueLiteral(coerced, value.type).value_or(u"null"_s);
    }

    QStringList &m_errors;
    QHash<QString, NamedType *> m_byName;
    QHash<QString, TypeRef> m_typeRefCache;
    std::vector<std::unique_ptr<NamedType>> m_owned;
    QSet<const InputObjectType *> m_defaultsDone;
    QSet<const InputValue *> m_coerced;
};

namespace {

void collectReferencedTypes(const NamedType *type, std::vector<const NamedType *> &ordered,
                            QSet<const NamedType *> &seen)
{
    if (!type || seen.contains(type))
        return;
    seen.insert(type);
    ordered.push_back(type);
    if (const UnionType *unionType = type->asUnion()) {
        for (const ObjectType *member : unionType->types())
            collectReferencedTypes(member, ordered, seen);
    } else if (const ObjectLikeType *object = type->asObjectLike()) {
        for (const InterfaceType *iface : object->interfaces())
            collectReferencedTypes(iface, ordered, seen);
        for (const Field &field : object->fields()) {
            collectReferencedTypes(field.type.named(), ordered, seen);
            for (const InputValue &arg : field.args)
                collectReferencedTypes(arg.type.named(), ordered, seen);
        }
    } else if (const InputObjectType *input = type->asInputObject()) {
        for (const InputValue &field : input->fields())
            collectReferencedTypes(field.type.named(), ordered, seen);
    }
}

} // namespace

SchemaBuilder::SchemaBuilder()
    : d(std::make_unique<Private>())
{
}

SchemaBuilder::~SchemaBuilder() = default;

SchemaBuilder &SchemaBuilder::setDescription(QString description)
{
    d->description = std::move(description);
    return *this;
}

SchemaBuilder &SchemaBuilder::setQueryType(QString typeName)
{
    d->queryTypeName = std::move(typeName);
    return *this;
}

SchemaBuilder &SchemaBuilder::setMutationType(QString typeName)
{
    d->mutationTypeName = std::move(typeName);
    return *this;
}

SchemaBuilder &SchemaBuilder::setSubscriptionType(QString typeName)
{
    d->subscriptionTypeName = std::move(typeName);
    return *this;
}

SchemaBuilder &SchemaBuilder::setDefaultResolver(FieldResolver resolver)
{
    d->defaultResolver = std::move(resolver);
    return *this;
}

SchemaBuilder &SchemaBuilder::addObjectType(ObjectTypeConfig config)
{
    d->addedTypeNames.append(config.name);
    d->objects.push_back(std::move(config));
    return *this;
}

SchemaBuilder &SchemaBuilder::addInterfaceType(InterfaceTypeConfig config)
{
    d->addedTypeNames.append(config.name);
    d->interfaces.push_back(std::move(config));
    return *this;
}

SchemaBuilder &SchemaBuilder::addUnionType(UnionTypeConfig config)
{
    d->addedTypeNames.append(config.name);
    d->unions.push_back(std::move(config));
    return *this;
}

SchemaBuilder &SchemaBuilder::addEnumType(EnumTypeConfig config)
{
    d->addedTypeNames.append(config.name);
    d->enums.push_back(std::move(config));
    return *this;
}

SchemaBuilder &SchemaBuilder::addInputObjectType(InputObjectTypeConfig config)
{
    d->addedTypeNames.append(config.name);
    d->inputObjects.push_back(std::move(config));
    return *this;
}

SchemaBuilder &SchemaBuilder::addScalarType(ScalarTypeConfig config)
{
    d->addedTypeNames.append(config.name);
    d->scalars.push_back(std::move(config));
    return *this;
}

SchemaBuilder &SchemaBuilder::addDirective(DirectiveConfig config)
{
    d->directives.push_back(std::move(config));
    return *this;
}

Result<std::shared_ptr<const Schema>> SchemaBuilder::build()
{
    if (d->consumed)
        return Error{ErrorKind::Internal, u"SchemaBuilder::build() called twice"_s, {}};
    d->consumed = true;

    std::shared_ptr<Schema> schema(new Schema);
    QStringList errors;
    Assembler assembler(errors);

    // 1. Named types: built-in scalars, introspection types, user types.
    assembler.add(makeIntScalar());
    assembler.add(makeFloatScalar());
    assembler.add(makeStringScalar());
    assembler.add(makeBooleanScalar());
    assembler.add(makeIdScalar());

    std::vector<ObjectTypeConfig> introspectionObjects = introspectionObjectTypes();
    std::vector<EnumTypeConfig> introspectionEnums = introspectionEnumTypes();

    auto addEnum = [&](const EnumTypeConfig &config) {
        std::vector<EnumValue> values;
        for (const EnumValueConfig &value : config.values)
            values.push_back({value.name, value.description, value.deprecationReason});
        assembler.add(std::make_unique<EnumType>(config.name, config.description, std::move(values)));
    };
    for (const EnumTypeConfig &config : introspectionEnums)
        addEnum(config);
    std::vector<std::pair<ObjectType *, const ObjectTypeConfig *>> objects;
    for (const ObjectTypeConfig &config : introspectionObjects)
        objects.emplace_back(assembler.add(std::make_unique<ObjectType>(config.name, config.description)), &config);

    for (const ScalarTypeConfig &config : d->scalars) {
        if (isSpecifiedScalarName(config.name)) {
            errors.append(u"Type \"%1\" is a built-in scalar and cannot be redefined."_s.arg(config.name));
            continue;
        }
        assembler.add(std::make_unique<ScalarType>(config.name, config.description, config.specifiedByUrl,
                                                   ScalarType::Callbacks{config.serialize, config.parseValue,
                                                                         config.parseLiteral}));
    }
    for (const ObjectTypeConfig &config : d->objects)
        objects.emplace_back(assembler.add(std::make_unique<ObjectType>(config.name, config.description)), &config);
    std::vector<std::pair<InterfaceType *, const InterfaceTypeConfig *>> interfaces;
    for (const InterfaceTypeConfig &config : d->interfaces)
        interfaces.emplace_back(assembler.add(std::make_unique<InterfaceType>(config.name, config.description)), &config);
    std::vector<std::pair<UnionType *, const UnionTypeConfig *>> unions;
    for (const UnionTypeConfig &config : d->unions)
        unions.emplace_back(assembler.add(std::make_unique<UnionType>(config.name, config.description)), &config);
    for (const EnumTypeConfig &config : d->enums)
        addEnum(config);
    std::vector<std::pair<InputObjectType *, const InputObjectTypeConfig *>> inputObjects;
    for (const InputObjectTypeConfig &config : d->inputObjects)
        inputObjects.emplace_back(assembler.add(std::make_unique<InputObjectType>(config.name, config.description)),
                                  &config);

    // 2. Fields, interfaces, members (types may refer to each other in any order).
    auto resolveInterfaces = [&](ObjectLikeType &type, const QStringList &names) {
        for (const QString &name : names) {
            const NamedType *found = assembler.find(name);
            if (!found) {
                errors.append(u"Unknown type \"%1\" referenced by %2."_s.arg(name, type.name()));
            } else if (const InterfaceType *iface = found->asInterface()) {
                type.m_interfaces.push_back(iface);
            } else {
                errors.append(u"Type %1 must only implement Interface types, it cannot implement %2."_s.arg(
                    type.name(), name));
            }
        }
    };
    auto fillFields = [&](ObjectLikeType &type, const std::vector<FieldConfig> &fields) {
        for (const FieldConfig &fieldConfig : fields) {
            if (type.m_fieldIndex.contains(fieldConfig.name)) {
                errors.append(u"Field \"%1.%2\" can only be defined once."_s.arg(type.name(), fieldConfig.name));
                continue;
            }
            type.m_fieldIndex.insert(fieldConfig.name, int(type.m_fields.size()));
            type.m_fields.push_back(assembler.makeField(fieldConfig, type.name()));
        }
    };
    for (auto &[type, config] : objects) {
        fillFields(*type, config->fields);
        resolveInterfaces(*type, config->interfaces);
        type->m_isTypeOf = config->isTypeOf;
    }
    for (auto &[type, config] : interfaces) {
        fillFields(*type, config->fields);
        resolveInterfaces(*type, config->interfaces);
        type->m_resolveType = config->resolveType;
    }
    for (auto &[type, config] : unions) {
        for (const QString &name : config->types) {
            const NamedType *found = assembler.find(name);
            if (!found)
                errors.append(u"Unknown type \"%1\" referenced by %2."_s.arg(name, type->name()));
            else if (const ObjectType *member = found->asObject())
                type->m_types.push_back(member);
            else
                errors.append(u"Union type %1 can only include Object types, it cannot include %2."_s.arg(
                    type->name(), name));
        }
        type->m_resolveType = config->resolveType;
    }
    for (auto &[type, config] : inputObjects) {
        for (const InputValueConfig &fieldConfig : config->fields) {
            if (type->m_fieldIndex.contains(fieldConfig.name)) {
                errors.append(u"Input field \"%1.%2\" can only be defined once."_s.arg(type->name(), fieldConfig.name));
                continue;
            }
            type->m_fieldIndex.insert(fieldConfig.name, int(type->m_fields.size()));
            type->m_fields.push_back(
                assembler.makeInputValueDeferred(fieldConfig, type->name() + u'.' + fieldConfig.name));
        }
    }

    // Directives: the specified ones, then the schema's own.
    std::vector<DirectiveConfig> directiveConfigs{
        {.name = u"include"_s,
         .locations = {DirectiveLocation::Field, DirectiveLocation::FragmentSpread, DirectiveLocation::InlineFragment},
         .args = {{.name = u"if"_s, .type = u"Boolean!"_s, .description = u"Included when true."_s}},
         .description = u"Directs the executor to include this field or fragment only when the `if` argument is true."_s},
        {.name = u"skip"_s,
         .locations = {DirectiveLocation::Field, DirectiveLocation::FragmentSpread, DirectiveLocation::InlineFragment},
         .args = {{.name = u"if"_s, .type = u"Boolean!"_s, .description = u"Skipped when true."_s}},
         .description = u"Directs the executor to skip this field or fragment when the `if` argument is true."_s},
        {.name = u"deprecated"_s,
         .locations = {DirectiveLocation::FieldDefinition, DirectiveLocation::ArgumentDefinition,
                       DirectiveLocation::InputFieldDefinition, DirectiveLocation::EnumValue},
         .args = {{.name = u"reason"_s,
                   .type = u"String"_s,
                   .description =
                       u"Explains why this element was deprecated, usually also including a suggestion for how to access supported similar data. Formatted using the Markdown syntax, as specified by [CommonMark](https://commonmark.org/)."_s,
                   .defaultValue = QJsonValue(QString(kDefaultDeprecationReason))}},
         .description = u"Marks an element of a GraphQL schema as no longer supported."_s},
        {.name = u"specifiedBy"_s,
         .locations = {DirectiveLocation::Scalar},
         .args = {{.name = u"url"_s,
                   .type = u"String!"_s,
                   .description = u"The URL that specifies the behavior of this scalar."_s}},
         .description = u"Exposes a URL that specifies the behavior of this scalar."_s},
    };
    for (DirectiveConfig &config : d->directives) {
        if (isSpecifiedDirectiveName(config.name))
            errors.append(u"Directive \"@%1\" is a specified directive and cannot be redefined."_s.arg(config.name));
        else
            directiveConfigs.push_back(std::move(config));
    }
    QSet<QString> directiveNames;
    for (const DirectiveConfig &config : directiveConfigs) {
        if (directiveNames.contains(config.name)) {
            errors.append(u"Directive \"@%1\" can only be defined once."_s.arg(config.name));
            continue;
        }
        directiveNames.insert(config.name);
        auto directive = std::make_unique<Directive>();
        directive->name = config.name;
        directive->description = config.description;
        directive->locations = config.locations;
        directive->isRepeatable = config.isRepeatable;
        for (const InputValueConfig &arg : config.args)
            directive->args.push_back(assembler.makeInputValueDeferred(arg, u"@%1(%2:)"_s.arg(config.name, arg.name)));
        schema->m_directives.push_back(directive.get());
        schema->m_ownedDirectives.push_back(std::move(directive));
    }

    // Meta fields.
    schema->m_schemaMetaField = std::make_unique<Field>(assembler.makeField(schemaMetaFieldConfig(), u"Query"_s));
    schema->m_typeMetaField = std::make_unique<Field>(assembler.makeField(typeMetaFieldConfig(), u"Query"_s));
    schema->m_typenameMetaField = std::make_unique<Field>(assembler.makeField(typenameMetaFieldConfig(), u"Query"_s));

    // 3. Default values.
    assembler.coerceDefaults(schema->m_ownedDirectives);

    // 4. Root types.
    auto rootType = [&](const QString &name, const QString &what) -> const ObjectType * {
        if (name.isEmpty())
            return nullptr;
        const NamedType *type = assembler.find(name);
        if (!type) {
            errors.append(u"Unknown %1 root type \"%2\"."_s.arg(what.toLower(), name));
            return nullptr;
        }
        if (!type->asObject()) {
            errors.append(u"%1 root type must be Object type, it cannot be %2."_s.arg(what, name));
            return nullptr;
        }
        return type->asObject();
    };
    schema->m_queryType = rootType(d->queryTypeName, u"Query"_s);
    schema->m_mutationType = rootType(d->mutationTypeName, u"Mutation"_s);
    schema->m_subscriptionType = rootType(d->subscriptionTypeName, u"Subscription"_s);
    schema->m_description = d->description;
    schema->m_defaultResolver = d->defaultResolver ? d->defaultResolver : FieldResolver(&defaultFieldResolver);

    // 5. `__schema.types` order: the query type first (API-CONTRACT §2.1), then graphql-js' collection order.
    std::vector<const NamedType *> ordered;
    QSet<const NamedType *> seen;
    collectReferencedTypes(schema->m_queryType, ordered, seen);
    collectReferencedTypes(schema->m_mutationType, ordered, seen);
    collectReferencedTypes(schema->m_subscriptionType, ordered, seen);
    for (const QString &name : d->addedTypeNames)
        collectReferencedTypes(assembler.find(name), ordered, seen);
    for (const Directive *directive : schema->m_directives) {
        for (const InputValue &arg : directive->args)
            collectReferencedTypes(arg.type.named(), ordered, seen);
    }
    collectReferencedTypes(assembler.find(u"__Schema"_s), ordered, seen);
    schema->m_types = ordered;
    for (const NamedType *type : ordered)
        schema->m_typeMap.insert(type->name(), type);

    // Possible types of abstract types, in type order.
    for (const NamedType *type : ordered) {
        if (const UnionType *unionType = type->asUnion()) {
            schema->m_possibleTypes[type] = unionType->types();
            for (const ObjectType *member : unionType->types())
                schema->m_subTypes[type].insert(member);
        } else if (type->kind() == TypeKind::Interface) {
            schema->m_possibleTypes[type]; // an interface without implementations still has an (empty) entry
            schema->m_subTypes[type];
        }
    }
    for (const NamedType *type : ordered) {
        if (const ObjectLikeType *object = type->asObjectLike()) {
            for (const InterfaceType *iface : object->interfaces()) {
                schema->m_subTypes[iface].insert(type);
                if (const ObjectType *concrete = type->asObject())
                    schema->m_possibleTypes[iface].push_back(concrete);
            }
        }
    }
    schema->m_ownedTypes = assembler.takeOwned();

    // 6. Validation.
    if (errors.isEmpty())
        errors += validateSchema(*schema);
    if (!errors.isEmpty())
        return Error{ErrorKind::Internal, errors.join(u'\n'), {}};
    return std::shared_ptr<const Schema>(std::move(schema));
}

} // namespace vingt::graphql
