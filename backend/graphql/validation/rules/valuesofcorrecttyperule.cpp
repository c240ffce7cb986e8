#include "graphql/language/printer.h"
#include "graphql/type/scalars.h"
#include "graphql/utilities/suggestionlist.h"
#include "graphql/validation/specifiedrules.h"

namespace vingt::graphql {

using namespace Qt::StringLiterals;

namespace {

/// Spec §5.6.1: literals are valid for the input type of their position (variables are checked at execution).
class ValuesOfCorrectTypeRule final : public ValidationRule
{
public:
    using ValidationRule::ValidationRule;

    Action enterValue(const ast::Value &node) override
    {
        using Kind = ast::Value::Kind;
        switch (node.kind) {
        case Kind::List: {
            // TypeInfo has entered the item type already: the list type is the parent input type.
            if (!m_context.parentInputType().nullable().isList()) {
                checkLeafValue(node);
                return Action::SkipChildren;
            }
            return Action::Continue;
        }
        case Kind::Object: {
            const NamedType *named = m_context.inputType().named();
            const InputObjectType *type = named ? named->asInputObject() : nullptr;
            if (!type) {
                checkLeafValue(node);
                return Action::SkipChildren;
            }
            for (const InputValue &field : type->fields()) {
                if (!field.isRequired())
                    continue;
                const bool provided = std::any_of(node.fields.begin(), node.fields.end(),
                                                  [&](const ast::ObjectField &f) { return f.name == field.name; });
                if (!provided) {
                    m_context.reportError(u"Field \"%1.%2\" of required type \"%3\" was not provided."_s.arg(
                                              type->name(), field.name, field.type.toString()),
                                          {node.location});
                }
            }
            return Action::Continue;
        }
        case Kind::Null:
            if (m_context.inputType().isNonNull()) {
                m_context.reportError(
                    u"Expected value of type \"%1\", found null."_s.arg(m_context.inputType().toString()), {node.location});
            }
            return Action::Continue;
        case Kind::Variable: return Action::Continue;
        case Kind::Int:
        case Kind::Float:
        case Kind::String:
        case Kind::Boolean:
        case Kind::Enum: checkLeafValue(node); return Action::Continue;
        }
        return Action::Continue;
    }

    Action enterObjectField(const ast::ObjectField &node) override
    {
        const NamedType *parent = m_context.parentInputType().named();
        const InputObjectType *parentType = parent ? parent->asInputObject() : nullptr;
        if (!m_context.inputType().isValid() && parentType) {
            QStringList names;
            for (const InputValue &field : parentType->fields())
                names.append(field.name);
            m_context.reportError(u"Field \"%1\" is not defined by type \"%2\"."_s.arg(node.name, parentType->name())
                                      + didYouMean(suggestionList(node.name, names)),
                                  {node.location});
        }
        return Action::Continue;
    }

private:
    void checkLeafValue(const ast::Value &node)
    {
        const TypeRef locationType = m_context.inputType();
        if (!locationType.isValid())
            return;
        const NamedType *type = locationType.named();
        if (!type->isLeaf()) {
            m_context.reportError(
                u"Expected value of type \"%1\", found %2."_s.arg(locationType.toString(), printValue(node)), {node.location});
            return;
        }
        Result<QJsonValue> parsed = QJsonValue();
        bool builtIn = true;
        if (const EnumType *enumType = type->asEnum()) {
            parsed = enumType->parseLiteral(node);
        } else {
            const ScalarType *scalar = type->asScalar();
            parsed = scalar->parseLiteral(node, nullptr);
            builtIn = isSpecifiedScalarName(scalar->name());
        }
        if (parsed.ok())
            return;
        // graphql-js reports the built-in scalars' and enums' own GraphQLError as is, and wraps custom ones.
        if (builtIn) {
            m_context.reportError(parsed.error().message, {node.location});
        } else {
            m_context.reportError(u"Expected value of type \"%1\", found %2; %3"_s.arg(
                                      locationType.toString(), printValue(node), parsed.error().message),
                                  {node.location});
        }
    }
};

} // namespace

std::unique_ptr<ValidationRule> makeValuesOfCorrectTypeRule(ValidationContext &context)
{
    return std::make_unique<ValuesOfCorrectTypeRule>(context);
}

} // namespace vingt::graphql
