#include "graphql/type/schema.h"
#include "graphql/utilities/suggestionlist.h"
#include "graphql/validation/specifiedrules.h"

#include <algorithm>

namespace vingt::graphql {

using namespace Qt::StringLiterals;

namespace {

/// Spec §5.3.1: selected fields exist on the parent type.
class FieldsOnCorrectTypeRule final : public ValidationRule
{
public:
    using ValidationRule::ValidationRule;

    Action enterField(const ast::Field &node) override
    {
        const NamedType *type = m_context.parentType();
        if (!type || m_context.fieldDef())
            return Action::Continue;
        QString suggestion = didYouMean(u"to use an inline fragment on"_s, suggestedTypeNames(*type, node.name));
        if (suggestion.isEmpty())
            suggestion = didYouMean(suggestedFieldNames(*type, node.name));
        m_context.reportError(u"Cannot query field \"%1\" on type \"%2\"."_s.arg(node.name, type->name()) + suggestion,
                              {node.location});
        return Action::Continue;
    }

private:
    // Types of an abstract type that do have the field: the most used interfaces first, then sub before super.
    QStringList suggestedTypeNames(const NamedType &type, const QString &fieldName) const
    {
        if (!type.isAbstract())
            return {};
        const Schema &schema = m_context.schema();
        std::vector<const NamedType *> suggested;
        QHash<const NamedType *, int> usageCount;
        for (const ObjectType *possible : schema.possibleTypes(type)) {
            if (!possible->field(fieldName))
                continue;
            if (!usageCount.contains(possible))
                suggested.push_back(possible);
            usageCount[possible] = 1;
            for (const InterfaceType *iface : possible->interfaces()) {
                if (!iface->field(fieldName))
                    continue;
                if (!usageCount.contains(iface))
                    suggested.push_back(iface);
                usageCount[iface] += 1;
            }
        }
        std::sort(suggested.begin(), suggested.end(), [&](const NamedType *a, const NamedType *b) {
            const int diff = usageCount.value(b) - usageCount.value(a);
            if (diff != 0)
                return diff < 0;
            if (a->kind() == TypeKind::Interface && schema.isSubType(*a, *b))
                return true;
            if (b->kind() == TypeKind::Interface && schema.isSubType(*b, *a))
                return false;
            return naturalCompare(a->name(), b->name()) < 0;
        });
        QStringList names;
        for (const NamedType *t : suggested)
            names.append(t->name());
        return names;
    }

    static QStringList suggestedFieldNames(const NamedType &type, const QString &fieldName)
    {
        const ObjectLikeType *object = type.asObjectLike();
        if (!object)
            return {};
        QStringList names;
        for (const Field &field : object->fields())
            names.append(field.name);
        return suggestionList(fieldName, names);
    }
};

} // namespace

std::unique_ptr<ValidationRule> makeFieldsOnCorrectTypeRule(ValidationContext &context)
{
    return std::make_unique<FieldsOnCorrectTypeRule>(context);
}

} // namespace vingt::graphql
