#include "graphql/type/schema.h"
#include "graphql/validation/specifiedrules.h"

namespace vingt::graphql {

using namespace Qt::StringLiterals;

namespace {

/// Spec §5.7.3: a non-repeatable directive appears at most once per location.
class UniqueDirectivesPerLocationRule final : public ValidationRule
{
public:
    using ValidationRule::ValidationRule;

    Action enterOperationDefinition(const ast::OperationDefinition &node) override { return check(node.directives); }
    Action enterVariableDefinition(const ast::VariableDefinition &node) override { return check(node.directives); }
    Action enterField(const ast::Field &node) override { return check(node.directives); }
    Action enterFragmentSpread(const ast::FragmentSpread &node) override { return check(node.directives); }
    Action enterInlineFragment(const ast::InlineFragment &node) override { return check(node.directives); }
    Action enterFragmentDefinition(const ast::FragmentDefinition &node) override { return check(node.directives); }

private:
    Action check(const std::vector<ast::Directive> &directives)
    {
        QHash<QString, SourceLocation> seen;
        for (const ast::Directive &directive : directives) {
            const Directive *definition = m_context.schema().directive(directive.name);
            if (!definition || definition->isRepeatable)
                continue;
            const auto first = seen.constFind(directive.name);
            if (first != seen.constEnd()) {
                m_context.reportError(
                    u"The directive \"@%1\" can only be used once at this location."_s.arg(directive.name),
                    {*first, directive.location});
            } else {
                seen.insert(directive.name, directive.location);
            }
        }
        return Action::Continue;
    }
};

} // namespace

std::unique_ptr<ValidationRule> makeUniqueDirectivesPerLocationRule(ValidationContext &context)
{
    return std::make_unique<UniqueDirectivesPerLocationRule>(context);
}

} // namespace vingt::graphql
