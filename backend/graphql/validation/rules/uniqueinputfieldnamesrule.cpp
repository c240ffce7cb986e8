#include "graphql/validation/specifiedrules.h"

namespace vingt::graphql {

using namespace Qt::StringLiterals;

namespace {

/// Spec §5.6.3: an input object literal gives each field once.
class UniqueInputFieldNamesRule final : public ValidationRule
{
public:
    using ValidationRule::ValidationRule;

    Action enterValue(const ast::Value &node) override
    {
        if (node.kind == ast::Value::Kind::Object)
            m_knownNameStack.emplace_back();
        return Action::Continue;
    }
    void leaveValue(const ast::Value &node) override
    {
        if (node.kind == ast::Value::Kind::Object)
            m_knownNameStack.pop_back();
    }
    Action enterObjectField(const ast::ObjectField &node) override
    {
        auto &known = m_knownNameStack.back();
        const auto first = known.constFind(node.name);
        if (first != known.constEnd()) {
            m_context.reportError(u"There can be only one input field named \"%1\"."_s.arg(node.name),
                                  {*first, node.location});
        } else {
            known.insert(node.name, node.location);
        }
        return Action::Continue;
    }

private:
    std::vector<QHash<QString, SourceLocation>> m_knownNameStack;
};

} // namespace

std::unique_ptr<ValidationRule> makeUniqueInputFieldNamesRule(ValidationContext &context)
{
    return std::make_unique<UniqueInputFieldNamesRule>(context);
}

} // namespace vingt::graphql
