#include "graphql/type/schema.h"
#include "graphql/validation/specifiedrules.h"

namespace vingt::graphql {

using namespace Qt::StringLiterals;

namespace {

bool isProvided(const std::vector<ast::Argument> &arguments, const QString &name)
{
    return std::any_of(arguments.begin(), arguments.end(), [&](const ast::Argument &a) { return a.name == name; });
}

/// Spec §5.4.2.1: required arguments (non-null without default) are given. Checked on leave, after deeper errors.
class ProvidedRequiredArgumentsRule final : public ValidationRule
{
public:
    using ValidationRule::ValidationRule;

    void leaveField(const ast::Field &node) override
    {
        const Field *field = m_context.fieldDef();
        if (!field)
            return;
        for (const InputValue &arg : field->args) {
            if (arg.isRequired() && !isProvided(node.arguments, arg.name)) {
                m_context.reportError(
                    u"Field \"%1\" argument \"%2\" of type \"%3\" is required, but it was not provided."_s.arg(
                        field->name, arg.name, arg.type.toString()),
                    {node.location});
            }
        }
    }

    void leaveDirective(const ast::Directive &node) override
    {
        const Directive *directive = m_context.schema().directive(node.name);
        if (!directive)
            return;
        for (const InputValue &arg : directive->args) {
            if (arg.isRequired() && !isProvided(node.arguments, arg.name)) {
                m_context.reportError(
                    u"Directive \"@%1\" argument \"%2\" of type \"%3\" is required, but it was not provided."_s.arg(
                        node.name, arg.name, arg.type.toString()),
                    {node.location});
            }
        }
    }
};

} // namespace

std::unique_ptr<ValidationRule> makeProvidedRequiredArgumentsRule(ValidationContext &context)
{
    return std::make_unique<ProvidedRequiredArgumentsRule>(context);
}

} // namespace vingt::graphql
