#include "graphql/validation/specifiedrules.h"

namespace vingt::graphql {

using namespace Qt::StringLiterals;

namespace {

/// Spec §5.1.1: a document sent for execution holds only operations and fragments.
class ExecutableDefinitionsRule final : public ValidationRule
{
public:
    using ValidationRule::ValidationRule;

    Action enterDocument(const ast::Document &document) override
    {
        for (const auto &definition : document.definitions) {
            if (definition->kind != ast::Definition::Kind::TypeSystem)
                continue;
            const auto &typeSystem = static_cast<const ast::TypeSystemDefinition &>(*definition);
            const QString name = typeSystem.isSchema ? u"schema"_s : u'"' + typeSystem.name + u'"';
            m_context.reportError(u"The %1 definition is not executable."_s.arg(name), {definition->location});
        }
        return Action::SkipChildren;
    }
};

} // namespace

std::unique_ptr<ValidationRule> makeExecutableDefinitionsRule(ValidationContext &context)
{
    return std::make_unique<ExecutableDefinitionsRule>(context);
}

} // namespace vingt::graphql
