#include "graphql/validation/specifiedrules.h"

namespace vingt::graphql {

using namespace Qt::StringLiterals;

namespace {

/// Spec §5.4.2: an argument is given at most once per field or directive.
class UniqueArgumentNamesRule final : public ValidationRule
{
public:
    using ValidationRule::ValidationRule;

    Action enterField(const ast::Field &node) override { return check(node.arguments); }
    Action enterDirective(const ast::Directive &node) override { return check(node.arguments); }

private:
    Action check(const std::vector<ast::Argument> &arguments)
    {
        QStringList order;
        QHash<QString, std::vector<SourceLocation>> locations;
        for (const ast::Argument &argument : arguments) {
            if (!locations.contains(argument.name))
                order.append(argument.name);
            locations[argument.name].push_back(argument.location);
        }
        for (const QString &name : order) {
            if (locations[name].size() > 1)
                m_context.reportError(u"There can be only one argument named \"%1\"."_s.arg(name), locations[name]);
        }
        return Action::Continue;
    }
};

} // namespace

std::unique_ptr<ValidationRule> makeUniqueArgumentNamesRule(ValidationContext &context)
{
    return std::make_unique<UniqueArgumentNamesRule>(context);
}

} // namespace vingt::graphql
