#include "graphql/type/schema.h"
#include "graphql/utilities/suggestionlist.h"
#include "graphql/validation/specifiedrules.h"

namespace vingt::graphql {

using namespace Qt::StringLiterals;

namespace {

/// Spec §5.4.1: arguments are defined by the field or directive they are given to.
class KnownArgumentNamesRule final : public ValidationRule
{
public:
    using ValidationRule::ValidationRule;

    Action enterDirective(const ast::Directive &node) override
    {
        if (const Directive *directive = m_context.schema().directive(node.name)) {
            QStringList known;
            for (const InputValue &arg : directive->args)
                known.append(arg.name);
            for (const ast::Argument &argument : node.arguments) {
                if (!known.contains(argument.name)) {
                    m_context.reportError(u"Unknown argument \"%1\" on directive \"@%2\"."_s.arg(argument.name, node.name)
                                              + didYouMean(suggestionList(argument.name, known)),
                                          {argument.location});
                }
            }
        }
        return Action::SkipChildren;
    }

    Action enterArgument(const ast::Argument &node) override
    {
        const Field *field = m_context.fieldDef();
        const NamedType *parentType = m_context.parentType();
        if (!m_context.argument() && field && parentType) {
            QStringList known;
            for (const InputValue &arg : field->args)
                known.append(arg.name);
            m_context.reportError(
                u"Unknown argument \"%1\" on field \"%2.%3\"."_s.arg(node.name, parentType->name(), field->name)
                    + didYouMean(suggestionList(node.name, known)),
                {node.location});
        }
        return Action::Continue;
    }
};

} // namespace

std::unique_ptr<ValidationRule> makeKnownArgumentNamesRule(ValidationContext &context)
{
    return std::make_unique<KnownArgumentNamesRule>(context);
}

} // namespace vingt::graphql
