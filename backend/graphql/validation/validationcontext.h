#pragma once

#include "graphql/error/graphqlerror.h"
#include "graphql/language/ast.h"
#include "graphql/language/visitor.h"
#include "graphql/utilities/typeinfo.h"

#include <QHash>

#include <functional>
#include <memory>
#include <unordered_map>
#include <vector>

namespace vingt::graphql {

class Schema;

/// @brief A variable reference with the input type expected where it appears (graphql-js VariableUsage).
struct VariableUsage {
    const ast::Value *node = nullptr;
    TypeRef type;                                ///< invalid when the position is unknown
    const InputValue *locationDefault = nullptr; ///< the argument / input field whose default applies, if it has one
};

/// @brief What validation rules see: the schema, the document, the TypeInfo of the traversal, and memoized
/// document queries (graphql-js ValidationContext).
class ValidationContext
{
public:
    ValidationContext(const Schema &schema, const ast::Document &document, TypeInfo &typeInfo,
                      std::function<void(GraphqlError)> onError);

    [[nodiscard]] const Schema &schema() const { return m_schema; }
    [[nodiscard]] const ast::Document &document() const { return m_document; }
    /// Records an error with code GRAPHQL_VALIDATION_FAILED.
    void reportError(const QString &message, std::vector<SourceLocation> locations);

    [[nodiscard]] const ast::FragmentDefinition *fragment(const QString &name) const;
    /// The fragment spreads of a selection set, nested inline fragments included, not through spread fragments.
    [[nodiscard]] const std::vector<const ast::FragmentSpread *> &fragmentSpreads(const ast::SelectionSet &set);
    /// The fragments an operation uses, transitively, each once.
    [[nodiscard]] const std::vector<const ast::FragmentDefinition *> &recursivelyReferencedFragments(
        const ast::OperationDefinition &operation);
    [[nodiscard]] const std::vector<VariableUsage> &variableUsages(const ast::OperationDefinition &operation);
    [[nodiscard]] const std::vector<VariableUsage> &variableUsages(const ast::FragmentDefinition &fragment);
    /// The variable usages of an operation and of the fragments it uses.
    [[nodiscard]] std::vector<VariableUsage> recursiveVariableUsages(const ast::OperationDefinition &operation);

    [[nodiscard]] TypeRef type() const { return m_typeInfo.type(); }
    [[nodiscard]] const NamedType *parentType() const { return m_typeInfo.parentType(); }
    [[nodiscard]] TypeRef inputType() const { return m_typeInfo.inputType(); }
    [[nodiscard]] TypeRef parentInputType() const { return m_typeInfo.parentInputType(); }
    [[nodiscard]] const Field *fieldDef() const { return m_typeInfo.fieldDef(); }
    [[nodiscard]] const Directive *directive() const { return m_typeInfo.directive(); }
    [[nodiscard]] const InputValue *argument() const { return m_typeInfo.argument(); }

private:
    template<typename Node>
    const std::vector<VariableUsage> &collectVariableUsages(const Node &node);

    const Schema &m_schema;
    const ast::Document &m_document;
    TypeInfo &m_typeInfo;
    std::function<void(GraphqlError)> m_onError;
    QHash<QString, const ast::FragmentDefinition *> m_fragments;
    // Node-based maps: the references handed out stay valid while more entries are added.
    std::unordered_map<const ast::SelectionSet *, std::vector<const ast::FragmentSpread *>> m_fragmentSpreads;
    std::unordered_map<const ast::OperationDefinition *, std::vector<const ast::FragmentDefinition *>>
        m_referencedFragments;
    std::unordered_map<const void *, std::vector<VariableUsage>> m_variableUsages;
};

/// @brief Base of the validation rules: an AST visitor with the validation context (graphql-js ValidationRule).
class ValidationRule : public AstVisitor
{
public:
    explicit ValidationRule(ValidationContext &context)
        : m_context(context)
    {
    }

protected:
    ValidationContext &m_context;
};

using ValidationRuleFactory = std::unique_ptr<ValidationRule> (*)(ValidationContext &);

} // namespace vingt::graphql
