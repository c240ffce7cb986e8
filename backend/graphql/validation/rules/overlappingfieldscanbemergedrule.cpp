#include "graphql/language/printer.h"
#include "graphql/validation/specifiedrules.h"

#include <unordered_map>

namespace vingt::graphql {

using namespace Qt::StringLiterals;

namespace {

/// A field selection with the parent type it was selected on and its definition (either may be unknown).
struct NodeAndDef {
    const NamedType *parentType = nullptr;
    const ast::Field *node = nullptr;
    const Field *definition = nullptr;
};

/// Response name → the selections answering it, in document order.
struct FieldMap {
    std::vector<QString> order;
    QHash<QString, std::vector<NodeAndDef>> fields;

    void add(const QString &responseName, NodeAndDef field)
    {
        auto it = fields.find(responseName);
        if (it == fields.end()) {
            order.push_back(responseName);
            it = fields.insert(responseName, {});
        }
        it->push_back(field);
    }
};

struct FieldsAndFragmentNames {
    FieldMap fieldMap;
    QStringList fragmentNames;
};

struct ConflictReason {
    QString responseName;
    QString message;                     ///< set for a direct conflict
    std::vector<ConflictReason> subReasons; ///< set for conflicting sub-fields
};

struct Conflict {
    ConflictReason reason;
    std::vector<const ast::Field *> fields1;
    std::vector<const ast::Field *> fields2;
};

QString reasonMessage(const ConflictReason &reason)
{
    if (reason.subReasons.empty())
        return reason.message;
    QStringList parts;
    for (const ConflictReason &sub : reason.subReasons)
        parts.append(u"subfields \"%1\" conflict because %2"_s.arg(sub.responseName, reasonMessage(sub)));
    return parts.join(u" and "_s);
}

bool sameArguments(const ast::Field &a, const ast::Field &b)
{
    if (a.arguments.empty())
        return b.arguments.empty();
    if (b.arguments.empty() || a.arguments.size() != b.arguments.size())
        return false;
    for (const ast::Argument &argument : a.arguments) {
        const auto other = std::find_if(b.arguments.begin(), b.arguments.end(),
                                        [&](const ast::Argument &candidate) { return candidate.name == argument.name; });
        if (other == b.arguments.end() || printValueSorted(*argument.value) != printValueSorted(*other->value))
            return false;
    }
    return true;
}

bool doTypesConflict(TypeRef a, TypeRef b)
{
    if (a.isList())
        return b.isList() ? doTypesConflict(a.ofType(), b.ofType()) : true;
    if (b.isList())
        return true;
    if (a.isNonNull())
        return b.isNonNull() ? doTypesConflict(a.ofType(), b.ofType()) : true;
    if (b.isNonNull())
        return true;
    if (a.named()->isLeaf() || b.named()->isLeaf())
        return a.named() != b.named();
    return false;
}

/// Spec §5.3.2 "Field Selection Merging": selections answering the same response name are the same field with
/// the same arguments (unless their parents are distinct object types) and return compatible shapes. A port of
/// graphql-js' algorithm, memoizing what was compared to stay polynomial.
class OverlappingFieldsCanBeMergedRule final : public ValidationRule
{
public:
    using ValidationRule::ValidationRule;

    Action enterSelectionSet(const ast::SelectionSet &node) override
    {
        std::vector<Conflict> conflicts = findConflictsWithinSelectionSet(m_context.parentType(), node);
        for (const Conflict &conflict : conflicts) {
            std::vector<SourceLocation> locations;
            for (const ast::Field *field : conflict.fields1)
                locations.push_back(field->location);
            for (const ast::Field *field : conflict.fields2)
                locations.push_back(field->location);
            m_context.reportError(
                u"Fields \"%1\" conflict because %2. Use different aliases on the fields to fetch both if this was intentional."_s
                    .arg(conflict.reason.responseName, reasonMessage(conflict.reason)),
                std::move(locations));
        }
        return Action::Continue;
    }

private:
    std::vector<Conflict> findConflictsWithinSelectionSet(const NamedType *parentType, const ast::SelectionSet &set)
    {
        std::vector<Conflict> conflicts;
        const FieldsAndFragmentNames &fields = fieldsAndFragmentNames(parentType, set);
        collectConflictsWithin(conflicts, fields.fieldMap);
        const QStringList &fragmentNames = fields.fragmentNames;
        for (qsizetype i = 0; i < fragmentNames.size(); ++i) {
            collectConflictsBetweenFieldsAndFragment(conflicts, false, fields.fieldMap, fragmentNames[i]);
            for (qsizetype j = i + 1; j < fragmentNames.size(); ++j)
                collectConflictsBetweenFragments(conflicts, false, fragmentNames[i], fragmentNames[j]);
        }
        return conflicts;
    }

    void collectConflictsBetweenFieldsAndFragment(std::vector<Conflict> &conflicts, bool mutuallyExclusive,
                                                  const FieldMap &fieldMap, const QString &fragmentName)
    {
        auto &compared = m_comparedFieldsAndFragments[&fieldMap];
        const auto previous = compared.constFind(fragmentName);
        if (previous != compared.constEnd() && (mutuallyExclusive || *previous == mutuallyExclusive))
            return;
        compared.insert(fragmentName, mutuallyExclusive);

        const ast::FragmentDefinition *fragment = m_context.fragment(fragmentName);
        if (!fragment)
            return;
        const FieldsAndFragmentNames &referenced = referencedFieldsAndFragmentNames(*fragment);
        if (&fieldMap == &referenced.fieldMap)
            return;
        collectConflictsBetween(conflicts, mutuallyExclusive, fieldMap, referenced.fieldMap);
        for (const QString &referencedName : referenced.fragmentNames)
            collectConflictsBetweenFieldsAndFragment(conflicts, mutuallyExclusive, fieldMap, referencedName);
    }

    void collectConflictsBetweenFragments(std::vector<Conflict> &conflicts, bool mutuallyExclusive,
                                          const QString &fragmentName1, const QString &fragmentName2)
    {
        if (fragmentName1 == fragmentName2)
            return;
        const QString key = fragmentName1 < fragmentName2 ? fragmentName1 + u'\n' + fragmentName2
                                                          : fragmentName2 + u'\n' + fragmentName1;
        const auto previous = m_comparedFragmentPairs.constFind(key);
        if (previous != m_comparedFragmentPairs.constEnd() && (mutuallyExclusive || *previous == mutuallyExclusive))
            return;
        m_comparedFragmentPairs.insert(key, mutuallyExclusive);

        const ast::FragmentDefinition *fragment1 = m_context.fragment(fragmentName1);
        const ast::FragmentDefinition *fragment2 = m_context.fragment(fragmentName2);
        if (!fragment1 || !fragment2)
            return;
        const FieldsAndFragmentNames &fields1 = referencedFieldsAndFragmentNames(*fragment1);
        const FieldsAndFragmentNames &fields2 = referencedFieldsAndFragmentNames(*fragment2);
        collectConflictsBetween(conflicts, mutuallyExclusive, fields1.fieldMap, fields2.fieldMap);
        for (const QString &referenced2 : fields2.fragmentNames)
            collectConflictsBetweenFragments(conflicts, mutuallyExclusive, fragmentName1, referenced2);
        for (const QString &referenced1 : fields1.fragmentNames)
            collectConflictsBetweenFragments(conflicts, mutuallyExclusive, referenced1, fragmentName2);
    }

    std::vector<Conflict> findConflictsBetweenSubSelectionSets(bool mutuallyExclusive, const NamedType *parentType1,
                                                               const ast::SelectionSet &set1,
                                                               const NamedType *parentType2,
                                                               const ast::SelectionSet &set2)
    {
        std::vector<Conflict> conflicts;
        const FieldsAndFragmentNames &fields1 = fieldsAndFragmentNames(parentType1, set1);
        const FieldsAndFragmentNames &fields2 = fieldsAndFragmentNames(parentType2, set2);
        collectConflictsBetween(conflicts, mutuallyExclusive, fields1.fieldMap, fields2.fieldMap);
        for (const QString &fragmentName2 : fields2.fragmentNames)
            collectConflictsBetweenFieldsAndFragment(conflicts, mutuallyExclusive, fields1.fieldMap, fragmentName2);
        for (const QString &fragmentName1 : fields1.fragmentNames)
            collectConflictsBetweenFieldsAndFragment(conflicts, mutuallyExclusive, fields2.fieldMap, fragmentName1);
        for (const QString &fragmentName1 : fields1.fragmentNames) {
            for (const QString &fragmentName2 : fields2.fragmentNames)
                collectConflictsBetweenFragments(conflicts, mutuallyExclusive, fragmentName1, fragmentName2);
        }
        return conflicts;
    }

    void collectConflictsWithin(std::vector<Conflict> &conflicts, const FieldMap &fieldMap)
    {
        for (const QString &responseName : fieldMap.order) {
            const std::vector<NodeAndDef> &fields = fieldMap.fields[responseName];
            for (size_t i = 0; i < fields.size(); ++i) {
                for (size_t j = i + 1; j < fields.size(); ++j) {
                    if (auto conflict = findConflict(false, responseName, fields[i], fields[j]))
                        conflicts.push_back(std::move(*conflict));
                }
            }
        }
    }

    void collectConflictsBetween(std::vector<Conflict> &conflicts, bool parentFieldsAreMutuallyExclusive,
                                 const FieldMap &fieldMap1, const FieldMap &fieldMap2)
    {
        for (const QString &responseName : fieldMap1.order) {
            const auto fields2 = fieldMap2.fields.constFind(responseName);
            if (fields2 == fieldMap2.fields.constEnd())
                continue;
            for (const NodeAndDef &field1 : fieldMap1.fields[responseName]) {
                for (const NodeAndDef &field2 : *fields2) {
                    if (auto conflict = findConflict(parentFieldsAreMutuallyExclusive, responseName, field1, field2))
                        conflicts.push_back(std::move(*conflict));
                }
            }
        }
    }

    std::optional<Conflict> findConflict(bool parentFieldsAreMutuallyExclusive, const QString &responseName,
                                         const NodeAndDef &field1, const NodeAndDef &field2)
    {
        // Different object types can never be returned together: their fields need only compatible shapes.
        const bool mutuallyExclusive = parentFieldsAreMutuallyExclusive
            || (field1.parentType != field2.parentType && field1.parentType && field2.parentType
                && field1.parentType->kind() == TypeKind::Object && field2.parentType->kind() == TypeKind::Object);
        const ast::Field &node1 = *field1.node;
        const ast::Field &node2 = *field2.node;
        if (!mutuallyExclusive) {
            if (node1.name != node2.name) {
                return Conflict{{responseName, u"\"%1\" and \"%2\" are different fields"_s.arg(node1.name, node2.name), {}},
                                {&node1},
                                {&node2}};
            }
            if (!sameArguments(node1, node2))
                return Conflict{{responseName, u"they have differing arguments"_s, {}}, {&node1}, {&node2}};
        }
        const TypeRef type1 = field1.definition ? field1.definition->type : TypeRef();
        const TypeRef type2 = field2.definition ? field2.definition->type : TypeRef();
        if (type1.isValid() && type2.isValid() && doTypesConflict(type1, type2)) {
            return Conflict{{responseName,
                             u"they return conflicting types \"%1\" and \"%2\""_s.arg(type1.toString(), type2.toString()),
                             {}},
                            {&node1},
                            {&node2}};
        }
        if (node1.selectionSet && node2.selectionSet) {
            std::vector<Conflict> conflicts = findConflictsBetweenSubSelectionSets(
                mutuallyExclusive, type1.named(), *node1.selectionSet, type2.named(), *node2.selectionSet);
            if (!conflicts.empty()) {
                Conflict result{{responseName, {}, {}}, {&node1}, {&node2}};
                for (Conflict &sub : conflicts) {
                    result.reason.subReasons.push_back(std::move(sub.reason));
                    result.fields1.insert(result.fields1.end(), sub.fields1.begin(), sub.fields1.end());
                    result.fields2.insert(result.fields2.end(), sub.fields2.begin(), sub.fields2.end());
                }
                return result;
            }
        }
        return std::nullopt;
    }

    const FieldsAndFragmentNames &fieldsAndFragmentNames(const NamedType *parentType, const ast::SelectionSet &set)
    {
        auto cached = m_cache.find(&set);
        if (cached != m_cache.end())
            return *cached->second;
        auto result = std::make_unique<FieldsAndFragmentNames>();
        collectFieldsAndFragmentNames(parentType, set, *result);
        return *m_cache.emplace(&set, std::move(result)).first->second;
    }

    const FieldsAndFragmentNames &referencedFieldsAndFragmentNames(const ast::FragmentDefinition &fragment)
    {
        auto cached = m_cache.find(&fragment.selectionSet);
        if (cached != m_cache.end())
            return *cached->second;
        const NamedType *fragmentType = typeFromAst(m_context.schema(), fragment.typeCondition).named();
        return fieldsAndFragmentNames(fragmentType, fragment.selectionSet);
    }

    void collectFieldsAndFragmentNames(const NamedType *parentType, const ast::SelectionSet &set,
                                       FieldsAndFragmentNames &out)
    {
        for (const auto &selection : set.selections) {
            switch (selection->kind) {
            case ast::Selection::Kind::Field: {
                const auto &field = static_cast<const ast::Field &>(*selection);
                const ObjectLikeType *object = parentType ? parentType->asObjectLike() : nullptr;
                const Field *definition = object ? object->field(field.name) : nullptr;
                out.fieldMap.add(field.responseKey(), {parentType, &field, definition});
                break;
            }
            case ast::Selection::Kind::FragmentSpread: {
                const QString &name = static_cast<const ast::FragmentSpread &>(*selection).name;
                if (!out.fragmentNames.contains(name))
                    out.fragmentNames.append(name);
                break;
            }
            case ast::Selection::Kind::InlineFragment: {
                const auto &fragment = static_cast<const ast::InlineFragment &>(*selection);
                const NamedType *fragmentType = fragment.typeCondition
                    ? typeFromAst(m_context.schema(), *fragment.typeCondition).named()
                    : parentType;
                collectFieldsAndFragmentNames(fragmentType, fragment.selectionSet, out);
                break;
            }
            }
        }
    }

    std::unordered_map<const ast::SelectionSet *, std::unique_ptr<FieldsAndFragmentNames>> m_cache;
    std::unordered_map<const FieldMap *, QHash<QString, bool>> m_comparedFieldsAndFragments;
    QHash<QString, bool> m_comparedFragmentPairs;
};

} // namespace

std::unique_ptr<ValidationRule> makeOverlappingFieldsCanBeMergedRule(ValidationContext &context)
{
    return std::make_unique<OverlappingFieldsCanBeMergedRule>(context);
}

} // namespace vingt::graphql
