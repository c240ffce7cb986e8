#include "graphql/validation/specifiedrules.h"

namespace vingt::graphql {

using namespace Qt::StringLiterals;

namespace {

/// Spec §5.3.3: leaf fields have no selection set, object fields have one.
class ScalarLeafsRule final : public ValidationRule
{
public:
    using ValidationRule::ValidationRule;

    Action enterField(const ast::Field &node) override
    {
        const TypeRef type = m_context.type();
        if (!type.isValid())
            return Action::Continue;
        if (type.named()->isLeaf()) {
            if (node.selectionSet) {
                m_context.reportError(u"Field \"%1\" must not have a selection since type \"%2\" has no subfields."_s.arg(
                                          node.name, type.toString()),
                                      {node.selectionSet->location});
            }
        } else if (!node.selectionSet) {
            m_context.reportError(
                u"Field \"%1\" of type \"%2\" must have a selection of subfields. Did you mean \"%1 { ... }\"?"_s.arg(
                    node.name, type.toString()),
                {node.location});
        } else if (node.selectionSet->selections.empty()) {
            m_context.reportError(u"Field \"%1\" of type \"%2\" must have at least one field selected."_s.arg(
                                      node.name, type.toString()),
                                  {node.location});
        }
        return Action::Continue;
    }
};

} // namespace

std::unique_ptr<ValidationRule> makeScalarLeafsRule(ValidationContext &context)
{
    return std::make_unique<ScalarLeafsRule>(context);
}

} // namespace vingt::graphql
