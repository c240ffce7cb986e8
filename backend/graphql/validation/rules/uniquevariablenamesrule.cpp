#include "graphql/validation/specifiedrules.h"

namespace vingt::graphql {

using namespace Qt::StringLiterals;

namespace {

/// Spec §5.8.1: an operation defines each variable once.
class UniqueVariableNamesRule final : public ValidationRule
{
public:
    using ValidationRule::ValidationRule;

    Action enterOperationDefinition(const ast::OperationDefinition &node) override
    {
        QStringList order;
        QHash<QString, std::vector<SourceLocation>> locations;
        for (const ast::VariableDefinition &definition : node.variableDefinitions) {
            if (!locations.contains(definition.name))
                order.append(definition.name);
            locations[definition.name].push_back(definition.nameLocation);
        }
        for (const QString &name : order) {
            if (locations[name].size() > 1)
                m_context.reportError(u"There can be only one variable named \"$%1\"."_s.arg(name), locations[name]);
        }
        return Action::Continue;
    }
};

} // namespace

std::unique_ptr<ValidationRule> makeUniqueVariableNamesRule(ValidationContext &context)
{
    return std::make_unique<UniqueVariableNamesRule>(context);
}

} // namespace vingt::graphql
