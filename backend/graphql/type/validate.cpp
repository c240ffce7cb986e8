#include "graphql/type/validate.h"

#include "graphql/type/introspection.h"
#include "graphql/type/schema.h"
#include "graphql/utilities/typecomparators.h"

#include <QRegularExpression>
#include <QSet>

namespace vingt::graphql {

using namespace Qt::StringLiterals;

namespace {

class SchemaValidator
{
public:
    explicit SchemaValidator(const Schema &schema)
        : m_schema(schema)
    {
    }

    QStringList run()
    {
        validateRootTypes();
        validateDirectives();
        for (const NamedType *type : m_schema.types()) {
            if (isIntrospectionTypeName(type->name()))
                continue;
            validateName(type->name());
            switch (type->kind()) {
            case TypeKind::Object:
            case TypeKind::Interface: validateObjectLike(*type->asObjectLike()); break;
            case TypeKind::Union: validateUnion(*type->asUnion()); break;
            case TypeKind::Enum: validateEnum(*type->asEnum()); break;
            case TypeKind::InputObject:
                validateInputObject(*type->asInputObject());
                validateInputObjectCycles(*type->asInputObject());
                break;
            default: break;
            }
        }
        return m_errors;
    }

private:
    void report(const QString &message) { m_errors.append(message); }

    void validateName(const QString &name)
    {
        static const QRegularExpression pattern(u"^[_a-zA-Z][_a-zA-Z0-9]*$"_s);
        if (name.startsWith("__"_L1)) {
            report(u"Name \"%1\" must not begin with \"__\", which is reserved by GraphQL introspection."_s.arg(name));
            return;
        }
        if (!pattern.match(name).hasMatch())
            report(u"Names must only contain [_a-zA-Z0-9] but \"%1\" does not."_s.arg(name));
    }

    void validateRootTypes()
    {
        if (!m_schema.queryType())
            report(u"Query root type must be provided."_s);
    }

    void validateDirectives()
    {
        for (const Directive *directive : m_schema.directives()) {
            validateName(directive->name);
            if (directive->locations.empty())
                report(u"Directive @%1 must include 1 or more locations."_s.arg(directive->name));
            QSet<QString> names;
            for (const InputValue &arg : directive->args) {
                validateName(arg.name);
                if (names.contains(arg.name))
                    report(u"Argument @%1(%2:) can only be defined once."_s.arg(directive->name, arg.name));
                names.insert(arg.name);
                if (!arg.type.isInputType()) {
                    report(u"The type of @%1(%2:) must be Input Type but got: %3."_s.arg(directive->name, arg.name,
                                                                                       arg.type.toString()));
                }
                if (arg.isRequired() && arg.isDeprecated())
                    report(u"Required argument @%1(%2:) cannot be deprecated."_s.arg(directive->name, arg.name));
            }
        }
    }

    void validateObjectLike(const ObjectLikeType &type)
    {
        if (type.fields().empty())
            report(u"Type %1 must define one or more fields."_s.arg(type.name()));
        for (const Field &field : type.fields()) {
            validateName(field.name);
            if (!field.type.isOutputType()) {
                report(u"The type of %1.%2 must be Output Type but got: %3."_s.arg(type.name(), field.name,
                                                                                   field.type.toString()));
            }
            QSet<QString> names;
            for (const InputValue &arg : field.args) {
                validateName(arg.name);
                if (names.contains(arg.name))
                    report(u"Argument %1.%2(%3:) can only be defined once."_s.arg(type.name(), field.name, arg.name));
                names.insert(arg.name);
                if (!arg.type.isInputType()) {
                    report(u"The type of %1.%2(%3:) must be Input Type but got: %4."_s.arg(type.name(), field.name,
                                                                                         arg.name, arg.type.toString()));
                }
                if (arg.isRequired() && arg.isDeprecated()) {
                    report(u"Required argument %1.%2(%3:) cannot be deprecated."_s.arg(type.name(), field.name,
                                                                                       arg.name));
                }
            }
        }
        QSet<const InterfaceType *> seen;
        for (const InterfaceType *iface : type.interfaces()) {
            if (iface == static_cast<const NamedType *>(&type)) {
                report(u"Type %1 cannot implement itself because it would create a circular reference."_s.arg(
                    type.name()));
                continue;
            }
            if (seen.contains(iface)) {
                report(u"Type %1 can only implement %2 once."_s.arg(type.name(), iface->name()));
                continue;
            }
            seen.insert(iface);
            validateTypeImplementsAncestors(type, *iface);
            validateTypeImplementsInterface(type, *iface);
        }
    }

    void validateTypeImplementsInterface(const ObjectLikeType &type, const InterfaceType &iface)
    {
        for (const Field &ifaceField : iface.fields()) {
            const Field *typeField = type.field(ifaceField.name);
            if (!typeField) {
                report(u"Interface field %1.%2 expected but %3 does not provide it."_s.arg(iface.name(), ifaceField.name,
                                                                                         type.name()));
                continue;
            }
            if (!isTypeSubTypeOf(m_schema, typeField->type, ifaceField.type)) {
                report(u"Interface field %1.%2 expects type %3 but %4.%2 is type %5."_s.arg(
                    iface.name(), ifaceField.name, ifaceField.type.toString(), type.name(), typeField->type.toString()));
            }
            for (const InputValue &ifaceArg : ifaceField.args) {
                const InputValue *typeArg = typeField->arg(ifaceArg.name);
                if (!typeArg) {
                    report(u"Interface field argument %1.%2(%3:) expected but %4.%2 does not provide it."_s.arg(
                        iface.name(), ifaceField.name, ifaceArg.name, type.name()));
                    continue;
                }
                if (!isEqualType(ifaceArg.type, typeArg->type)) {
                    report(u"Interface field argument %1.%2(%3:) expects type %4 but %5.%2(%3:) is type %6."_s.arg(
                        iface.name(), ifaceField.name, ifaceArg.name, ifaceArg.type.toString(), type.name(),
                        typeArg->type.toString()));
                }
            }
            for (const InputValue &typeArg : typeField->args) {
                if (typeArg.isRequired() && !ifaceField.arg(typeArg.name)) {
                    report(u"Object field %1.%2 includes required argument %3 that is missing from the Interface field %4.%2."_s
                               .arg(type.name(), ifaceField.name, typeArg.name, iface.name()));
                }
            }
        }
    }

    void validateTypeImplementsAncestors(const ObjectLikeType &type, const InterfaceType &iface)
    {
        const auto &implemented = type.interfaces();
        for (const InterfaceType *transitive : iface.interfaces()) {
            if (std::find(implemented.begin(), implemented.end(), transitive) == implemented.end()) {
                report(transitive == static_cast<const NamedType *>(&type)
                           ? u"Type %1 cannot implement %2 because it would create a circular reference."_s.arg(
                                 type.name(), iface.name())
                           : u"Type %1 must implement %2 because it is implemented by %3."_s.arg(
                                 type.name(), transitive->name(), iface.name()));
            }
        }
    }

    void validateUnion(const UnionType &type)
    {
        if (type.types().empty())
            report(u"Union type %1 must define one or more member types."_s.arg(type.name()));
        QSet<const ObjectType *> seen;
        for (const ObjectType *member : type.types()) {
            if (seen.contains(member))
                report(u"Union type %1 can only include type %2 once."_s.arg(type.name(), member->name()));
            seen.insert(member);
        }
    }

    void validateEnum(const EnumType &type)
    {
        if (type.values().empty())
            report(u"Enum type %1 must define one or more values."_s.arg(type.name()));
        QSet<QString> names;
        for (const EnumValue &value : type.values()) {
            validateName(value.name);
            if (value.name == "true"_L1 || value.name == "false"_L1 || value.name == "null"_L1)
                report(u"Enum type %1 cannot include value: %2."_s.arg(type.name(), value.name));
            if (names.contains(value.name))
                report(u"Enum type %1 can include value %2 only once."_s.arg(type.name(), value.name));
            names.insert(value.name);
        }
    }

    void validateInputObject(const InputObjectType &type)
    {
        if (type.fields().empty())
            report(u"Input Object type %1 must define one or more fields."_s.arg(type.name()));
        for (const InputValue &field : type.fields()) {
            validateName(field.name);
            if (!field.type.isInputType()) {
                report(u"The type of %1.%2 must be Input Type but got: %3."_s.arg(type.name(), field.name,
                                                                                  field.type.toString()));
            }
            if (field.isRequired() && field.isDeprecated())
                report(u"Required input field %1.%2 cannot be deprecated."_s.arg(type.name(), field.name));
        }
    }

    // A non-null input field chain leading back to its own type can never be satisfied.
    void validateInputObjectCycles(const InputObjectType &type)
    {
        if (m_cycleChecked.contains(&type))
            return;
        m_cycleChecked.insert(&type);
        m_cyclePathIndex.insert(&type, int(m_cyclePath.size()));
        for (const InputValue &field : type.fields()) {
            if (!field.type.isNonNull() || !field.type.ofType().isNamed())
                continue;
            const InputObjectType *fieldType = field.type.named()->asInputObject();
            if (!fieldType)
                continue;
            m_cyclePath.push_back(type.name() + u'.' + field.name);
            const auto cycleIndex = m_cyclePathIndex.constFind(fieldType);
            if (cycleIndex == m_cyclePathIndex.constEnd()) {
                validateInputObjectCycles(*fieldType);
            } else {
                QStringList names;
                for (size_t i = size_t(*cycleIndex); i < m_cyclePath.size(); ++i)
                    names.append(m_cyclePath[i].section(u'.', 1));
                report(u"Cannot reference Input Object \"%1\" within itself through a series of non-null fields: \"%2\"."_s
                           .arg(fieldType->name(), names.join(u'.')));
            }
            m_cyclePath.pop_back();
        }
        m_cyclePathIndex.remove(&type);
    }

    const Schema &m_schema;
    QStringList m_errors;
    QSet<const InputObjectType *> m_cycleChecked;
    QHash<const InputObjectType *, int> m_cyclePathIndex;
    std::vector<QString> m_cyclePath;
};

} // namespace

QStringList validateSchema(const Schema &schema)
{
    return SchemaValidator(schema).run();
}

} // namespace vingt::graphql
