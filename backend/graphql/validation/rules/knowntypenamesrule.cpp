#include "graphql/type/schema.h"
#include "graphql/utilities/suggestionlist.h"
#include "graphql/validation/specifiedrules.h"

namespace vingt::graphql {

using namespace Qt::StringLiterals;

namespace {

/// Spec §5.5.1.2 (and variables §5.8.2): every named type of the document exists in the schema.
class KnownTypeNamesRule final : public ValidationRule
{
public:
    using ValidationRule::ValidationRule;

    Action enterNamedType(const ast::TypeNode &node) override
    {
        if (m_context.schema().type(node.name))
            return Action::Continue;
        QStringList names;
        for (const NamedType *type : m_context.schema().types())
            names.append(type->name());
        m_context.reportError(u"Unknown type \"%1\"."_s.arg(node.name) + didYouMean(suggestionList(node.name, names)),
                              {node.location});
        return Action::Continue;
    }
};

} // namespace

std::unique_ptr<ValidationRule> makeKnownTypeNamesRule(ValidationContext &context)
{
    return std::make_unique<KnownTypeNamesRule>(context);
}

} // namespace vingt::graphql
