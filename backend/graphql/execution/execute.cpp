#include "graphql/execution/execute.h"

#include "graphql/execution/collectfields.h"
#include "graphql/execution/values.h"
#include "graphql/graphqllogging.h"
#include "graphql/type/schema.h"
#include "graphql/utilities/inspect.h"
#include "graphql/utilities/jsonoutput.h"
#include "graphql/utilities/typeinfo.h"

#include <QJsonDocument>

#include <algorithm>
#include <cmath>
#include <exception>
#include <limits>
#include <map>

namespace vingt::graphql {

using namespace Qt::StringLiterals;

QByteArray ExecutionResult::toJson() const
{
    QByteArray out;
    out.reserve(data.size() + 32);
    out.append('{');
    if (!errors.empty()) {
        out.append("\"errors\":[");
        bool first = true;
        for (const GraphqlError &error : errors) {
            if (!first)
                out.append(',');
            first = false;
            error.writeJson(out);
        }
        out.append(']');
    }
    if (hasData) {
        if (!errors.empty())
            out.append(',');
        out.append("\"data\":");
        out.append(data);
    }
    out.append('}');
    return out;
}

QJsonObject ExecutionResult::toJsonObject() const
{
    return QJsonDocument::fromJson(toJson()).object();
}

namespace {

struct FieldPlan;

/// One value of the response under construction. Objects and lists own their children; a node nulled by error
/// propagation keeps its place (kind Null) so that pending work below it is skipped.
struct ResultNode {
    enum class Kind : quint8 { Pending, Null, Leaf, Text, Object, List };

    Kind kind = Kind::Pending;
    bool nonNullSlot = false; ///< the position is non-null: a null here nulls the parent instead
    ResultNode *parent = nullptr;
    const QString *key = nullptr; ///< response key in an object parent (null in a list)
    int index = -1;               ///< position in the parent (field index or item index)
    const FieldPlan *plan = nullptr;
    QJsonValue leaf;                ///< Leaf
    QString text;                   ///< Text: a string leaf kept as a QString
    ResultNode *children = nullptr; ///< Object and List: contiguous, from the arena
    int childCount = 0;
};

/// Allocates result nodes in large blocks, children of a node contiguously: a page of records costs a few
/// allocations instead of several per object. Node addresses never change.
class NodeArena
{
public:
    ResultNode *allocate(int count)
    {
        if (m_used + count > m_capacity) {
            m_capacity = std::max(kBlockSize, count);
            m_blocks.push_back(std::make_unique<ResultNode[]>(size_t(m_capacity)));
            m_used = 0;
        }
        ResultNode *nodes = m_blocks.back().get() + m_used;
        m_used += count;
        return nodes;
    }

private:
    static constexpr int kBlockSize = 256;
    std::vector<std::unique_ptr<ResultNode[]>> m_blocks;
    int m_used = 0;
    int m_capacity = 0;
};

/// A response key of an object type's selection, resolved once per (type, selection) for all objects.
struct PlannedField {
    QString responseKey;
    QByteArray keyJson;    ///< `"responseKey":`, encoded once for every object of the plan
    QByteArray latin1Name; ///< the field name for QJsonObject lookups (GraphQL names are ASCII; faster in Latin-1)
    std::vector<const ast::Field *> nodes;
    const Field *definition = nullptr;
    bool isTypename = false;
    QJsonObject args;
    std::optional<GraphqlError> argsError;
};

struct FieldPlan {
    std::vector<PlannedField> fields;
};

struct ObjectTask {
    ResultNode *node = nullptr;
    Value source;
};

/// Objects of one concrete type selected by the same field nodes, resolved together.
struct TaskGroup {
    const ObjectType *type = nullptr;
    const FieldPlan *plan = nullptr;
    bool isRoot = false;
    std::vector<ObjectTask> tasks;
};

class NextGroups
{
public:
    void add(const ObjectType *type, const FieldPlan *plan, ObjectTask task)
    {
        const auto key = std::make_pair(static_cast<const void *>(type), static_cast<const void *>(plan));
        auto it = m_index.find(key);
        if (it == m_index.end()) {
            it = m_index.emplace(key, m_groups.size()).first;
            m_groups.push_back({type, plan, false, {}});
        }
        m_groups[it->second].tasks.push_back(std::move(task));
    }
    [[nodiscard]] bool empty() const { return m_groups.empty(); }
    std::vector<TaskGroup> take()
    {
        m_index.clear();
        return std::move(m_groups);
    }

private:
    std::vector<TaskGroup> m_groups;
    std::map<std::pair<const void *, const void *>, size_t> m_index;
};

class Executor final : public detail::ResolveHooks
{
public:
    Executor(const ExecutionArgs &args, const ast::OperationDefinition &operation, QJsonObject variables)
        : m_args(args)
        , m_schema(args.schema)
        , m_operation(operation)
        , m_variables(std::move(variables))
    {
        using DefaultResolver = FieldResult (*)(const ResolveParams &);
        const DefaultResolver *target = m_schema.defaultResolver().target<DefaultResolver>();
        m_defaultResolverIsBuiltin = target && *target == &defaultFieldResolver;
        for (const ast::FragmentDefinition *fragment : args.document.fragments()) {
            if (!m_fragments.contains(fragment->name))
                m_fragments.insert(fragment->name, fragment);
        }
    }

    ExecutionResult run()
    {
        ExecutionResult result;
        result.hasData = true;
        const ObjectType *rootType = m_schema.rootType(m_operation.operation);
        if (!rootType) {
            result.errors.push_back(GraphqlError(u"Schema is not configured to execute %1 operation."_s.arg(
                                                     ast::operationTypeName(m_operation.operation)),
                                                 {m_operation.location}));
            result.data = "null";
            return result;
        }
        m_root = newNodes(1);
        const FieldPlan *plan = planFor(*rootType, &m_operation.selectionSet, {&m_operation.selectionSet});
        TaskGroup root{rootType, plan, true, {{m_root, m_args.rootValue}}};
        const bool serial = m_operation.operation == ast::OperationType::Mutation;
        executeGroup(root, serial);
        // Errors in response order, as a depth-first executor (graphql-js) reports them.
        std::stable_sort(m_errors.begin(), m_errors.end(),
                         [](const auto &a, const auto &b) { return a.first < b.first; });
        for (auto &entry : m_errors)
            result.errors.push_back(std::move(entry.second));
        m_errors.clear();
        jsonout::Buffer out(16384);
        write(out, *m_root);
        result.data = out.take();
        return result;
    }

    // detail::ResolveHooks
    QJsonArray pathOf(const void *handle) const override { return pathOf(static_cast<const ResultNode *>(handle)); }
    void addError(const void *handle, GraphqlError error) const override
    {
        const auto *node = static_cast<const ResultNode *>(handle);
        if (error.path.isEmpty())
            error.path = pathOf(node);
        if (error.locations.empty() && m_currentField) {
            for (const ast::Field *field : m_currentField->nodes)
                error.locations.push_back(field->location);
        }
        m_errors.emplace_back(orderKeyOf(node), std::move(error));
    }
    std::vector<SubfieldSelection> collectSubfields(const ObjectType &type,
                                                    const std::vector<const ast::Field *> &nodes) const override
    {
        std::vector<const ast::SelectionSet *> sets;
        for (const ast::Field *node : nodes) {
            if (node->selectionSet)
                sets.push_back(node->selectionSet.get());
        }
        std::vector<SubfieldSelection> result;
        for (CollectedField &collected : collectFields(m_schema, m_fragments, m_variables, type, sets)) {
            SubfieldSelection selection;
            selection.responseKey = collected.responseKey;
            const ast::Field &first = *collected.nodes.front();
            if (first.name != "__typename"_L1) {
                selection.definition = TypeInfo::fieldDefinition(m_schema, &type, first.name);
                if (selection.definition) {
                    selection.arguments = getArgumentValues(selection.definition->args, first.arguments, m_variables,
                                                            first.location, nullptr)
                                              .value_or(QJsonObject());
                }
            }
            selection.nodes = std::move(collected.nodes);
            result.push_back(std::move(selection));
        }
        return result;
    }

private:
    ResultNode *newNodes(int count) { return m_nodes.allocate(count); }

    /// The plan of an object type's selection: collected fields, definitions and coerced arguments. Cached by
    /// (type, selection), so a page of objects plans once.
    const FieldPlan *planFor(const ObjectType &type, const void *selectionKey,
                             const std::vector<const ast::SelectionSet *> &sets)
    {
        const auto key = std::make_pair(static_cast<const void *>(&type), selectionKey);
        const auto cached = m_plans.find(key);
        if (cached != m_plans.end())
            return cached->second.get();
        auto plan = std::make_unique<FieldPlan>();
        for (CollectedField &collected : collectFields(m_schema, m_fragments, m_variables, type, sets)) {
            PlannedField field;
            const ast::Field &first = *collected.nodes.front();
            field.responseKey = collected.responseKey;
            jsonout::appendString(field.keyJson, field.responseKey);
            field.keyJson.append(':');
            field.isTypename = first.name == "__typename"_L1;
            field.definition = TypeInfo::fieldDefinition(m_schema, &type, first.name);
            if (!field.definition)
                continue; // unknown field: validation reports it; never executed
            field.latin1Name = field.definition->name.toLatin1();
            if (!field.isTypename) {
                GraphqlError error;
                if (auto args = getArgumentValues(field.definition->args, first.arguments, m_variables, first.location,
                                                  &error))
                    field.args = std::move(*args);
                else
                    field.argsError = error.withCode(errorcode::kBadUserInput);
            }
            field.nodes = std::move(collected.nodes);
            plan->fields.push_back(std::move(field));
        }
        return m_plans.emplace(key, std::move(plan)).first->second.get();
    }

    const FieldPlan *subPlanFor(const ObjectType &type, const PlannedField &parentField)
    {
        const auto cached = m_plans.find(
            std::make_pair(static_cast<const void *>(&type), static_cast<const void *>(&parentField)));
        if (cached != m_plans.end())
            return cached->second.get();
        std::vector<const ast::SelectionSet *> sets;
        for (const ast::Field *node : parentField.nodes) {
            if (node->selectionSet)
                sets.push_back(node->selectionSet.get());
        }
        return planFor(type, &parentField, sets);
    }

    static bool isDead(const ResultNode *node)
    {
        for (const ResultNode *n = node; n; n = n->parent) {
            if (n->kind == ResultNode::Kind::Null)
                return true;
        }
        return false;
    }

    QJsonArray pathOf(const ResultNode *node) const
    {
        std::vector<const ResultNode *> chain;
        for (const ResultNode *n = node; n && n->parent; n = n->parent)
            chain.push_back(n);
        QJsonArray path;
        for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
            if ((*it)->key)
                path.append(*(*it)->key);
            else
                path.append((*it)->index);
        }
        return path;
    }

    /// The position of a node in the response, to sort errors.
    static std::vector<int> orderKeyOf(const ResultNode *node)
    {
        std::vector<int> key;
        for (const ResultNode *n = node; n && n->parent; n = n->parent)
            key.push_back(n->index);
        std::reverse(key.begin(), key.end());
        return key;
    }

    /// Null propagation (spec §6.4.4): the nearest nullable position becomes null.
    void nullify(ResultNode *node)
    {
        ResultNode *target = node;
        while (target->nonNullSlot && target->parent)
            target = target->parent;
        target->kind = ResultNode::Kind::Null;
        target->children = nullptr;
        target->childCount = 0;
        target->leaf = QJsonValue();
        target->text = QString();
    }

    void fieldError(ResultNode *slot, const PlannedField &field, GraphqlError error)
    {
        if (error.locations.empty()) {
            for (const ast::Field *node : field.nodes)
                error.locations.push_back(node->location);
        }
        if (error.path.isEmpty())
            error.path = pathOf(slot);
        m_errors.emplace_back(orderKeyOf(slot), std::move(error));
        nullify(slot);
    }

    void executeGroups(std::vector<TaskGroup> groups)
    {
        while (!groups.empty()) {
            NextGroups next;
            for (TaskGroup &group : groups)
                executeFields(group, next, nullptr);
            groups = next.take();
        }
    }

    void executeGroup(TaskGroup &group, bool serial)
    {
        if (!serial) {
            NextGroups next;
            executeFields(group, next, nullptr);
            executeGroups(next.take());
            return;
        }
        // Mutations: each root field and everything below it completes before the next root field starts.
        auto drain = [this](NextGroups &next) { executeGroups(next.take()); };
        NextGroups next;
        executeFields(group, next, drain);
    }

    /// Resolves every planned field of a group of objects, field by field, and queues their object values.
    void executeFields(TaskGroup &group, NextGroups &next, const std::function<void(NextGroups &)> &afterEachField)
    {
        const FieldPlan &plan = *group.plan;
        std::vector<ObjectTask *> live;
        live.reserve(group.tasks.size());
        for (ObjectTask &task : group.tasks) {
            if (isDead(task.node))
                continue;
            ResultNode *node = task.node;
            node->kind = ResultNode::Kind::Object;
            node->plan = &plan;
            node->childCount = int(plan.fields.size());
            node->children = newNodes(node->childCount);
            for (int i = 0; i < node->childCount; ++i) {
                const PlannedField &field = plan.fields[size_t(i)];
                ResultNode &slot = node->children[i];
                slot.parent = node;
                slot.key = &field.responseKey;
                slot.index = i;
                slot.nonNullSlot = field.definition->type.isNonNull();
            }
            live.push_back(&task);
        }
        for (size_t fieldIndex = 0; fieldIndex < plan.fields.size(); ++fieldIndex) {
            const PlannedField &field = plan.fields[fieldIndex];
            std::vector<ObjectTask *> tasks;
            tasks.reserve(live.size());
            for (ObjectTask *task : live) {
                if (!isDead(task->node))
                    tasks.push_back(task);
            }
            if (tasks.empty())
                break;
            resolveField(group, field, fieldIndex, tasks, next);
            if (afterEachField)
                afterEachField(next);
        }
    }

    void resolveField(const TaskGroup &group, const PlannedField &field, size_t fieldIndex,
                      const std::vector<ObjectTask *> &tasks, NextGroups &next)
    {
        const ObjectType &parentType = *group.type;
        if (field.isTypename) {
            for (ObjectTask *task : tasks) {
                ResultNode *slot = &task->node->children[fieldIndex];
                slot->kind = ResultNode::Kind::Text;
                slot->text = parentType.name();
            }
            return;
        }
        if (field.argsError) {
            for (ObjectTask *task : tasks)
                fieldError(&task->node->children[fieldIndex], field, *field.argsError);
            return;
        }
        const Field &definition = *field.definition;
        m_currentField = &field;
        ResultNode *firstSlot = &tasks.front()->node->children[fieldIndex];
        ResolveInfo info{m_schema,    definition,       parentType, definition.type, field.nodes, m_operation,
                         m_variables, m_args.rootValue, this,       firstSlot};

        std::vector<FieldResult> results;
        results.reserve(tasks.size());
        if (definition.batchResolve && !group.isRoot) {
            std::vector<const Value *> sources;
            sources.reserve(tasks.size());
            for (ObjectTask *task : tasks)
                sources.push_back(&task->source);
            try {
                results = definition.batchResolve(BatchResolveParams{sources, field.args, m_args.context, info});
            } catch (const std::exception &e) {
                results.clear();
                qCWarning(lcGraphql).noquote()
                    << "batch resolver" << parentType.name() + u'.' + definition.name << "threw:" << e.what();
                results.assign(tasks.size(), FieldResult(Error::internal(QString::fromUtf8(e.what()))));
            }
            if (results.size() != tasks.size()) {
                qCWarning(lcGraphql).noquote() << "batch resolver" << parentType.name() + u'.' + definition.name
                                               << "answered" << results.size() << "results for" << tasks.size();
                results.assign(tasks.size(), FieldResult(Error{ErrorKind::Internal, u"Internal server error"_s, {}}));
            }
        } else {
            const FieldResolver &resolver = definition.resolve ? definition.resolve : m_schema.defaultResolver();
            // The built-in default resolver, inlined: most fields of JSON records read a property.
            const bool readProperty = !definition.resolve && !group.isRoot && m_defaultResolverIsBuiltin;
            for (ObjectTask *task : tasks) {
                if (readProperty) {
                    const QJsonValue source = task->source.isJson() ? task->source.json() : QJsonValue();
                    results.emplace_back(source.isObject()
                                             ? Value(source.toObject().value(QLatin1StringView(field.latin1Name)))
                                             : Value());
                    continue;
                }
                ResultNode *slot = &task->node->children[fieldIndex];
                info.pathHandle = slot;
                const ResolveParams params{task->source, field.args, m_args.context, info};
                if (group.isRoot && m_args.rootFieldGuard) {
                    if (std::optional<GraphqlError> refused = m_args.rootFieldGuard(params)) {
                        results.emplace_back(std::move(*refused));
                        continue;
                    }
                }
                try {
                    results.push_back(resolver(params));
                } catch (const std::exception &e) {
                    qCWarning(lcGraphql).noquote()
                        << "resolver" << parentType.name() + u'.' + definition.name << "threw:" << e.what();
                    results.emplace_back(Error{ErrorKind::Internal, u"Internal server error"_s, {}});
                }
            }
        }
        for (size_t i = 0; i < tasks.size(); ++i) {
            ResultNode *slot = &tasks[i]->node->children[fieldIndex];
            if (isDead(slot))
                continue;
            if (!results[i].ok()) {
                fieldError(slot, field, results[i].error());
                continue;
            }
            completeValue(parentType, field, definition.type, slot, results[i].value(), next);
        }
        m_currentField = nullptr;
    }

    QString fieldCoordinate(const ObjectType &parentType, const PlannedField &field) const
    {
        return parentType.name() + u'.' + field.definition->name;
    }

    /// Completes a resolved value into its slot (spec §6.4.3 CompleteValue); objects are queued for the next level.
    void completeValue(const ObjectType &parentType, const PlannedField &field, TypeRef type, ResultNode *slot,
                       const Value &value, NextGroups &next)
    {
        if (type.isNonNull()) {
            if (value.isNull()) {
                fieldError(slot, field,
                           GraphqlError(u"Cannot return null for non-nullable field %1."_s.arg(
                               fieldCoordinate(parentType, field))));
                return;
            }
            completeValue(parentType, field, type.ofType(), slot, value, next);
            return;
        }
        if (value.isNull()) {
            slot->kind = ResultNode::Kind::Null;
            return;
        }
        if (type.isList()) {
            completeList(parentType, field, type, slot, value, next);
            return;
        }
        const NamedType *named = type.named();
        if (named->isLeaf()) {
            if (!value.isJson()) {
                fieldError(
                    slot, field,
                    GraphqlError(u"Expected a value of type \"%1\" for field \"%2\", got an object or list."_s.arg(
                        named->name(), fieldCoordinate(parentType, field))));
                return;
            }
            if (completeCommonLeaf(*named, value, slot))
                return;
            const QJsonValue json = value.json();
            Result<QJsonValue> serialized = named->asEnum() ? named->asEnum()->serialize(json)
                                                            : named->asScalar()->serialize(json);
            if (!serialized.ok()) {
                fieldError(slot, field, GraphqlError(serialized.error().message));
                return;
            }
            if (serialized->isNull() || serialized->isUndefined()) {
                fieldError(
                    slot, field,
                    GraphqlError(u"Expected `%1.serialize(%2)` to return non-nullable value, returned: null"_s.arg(
                        named->name(), inspect(value.json()))));
                return;
            }
            slot->kind = ResultNode::Kind::Leaf;
            slot->leaf = std::move(*serialized);
            return;
        }
        const ObjectType *runtimeType = named->asObject();
        if (!runtimeType) {
            std::optional<GraphqlError> error;
            runtimeType = resolveRuntimeType(*named, parentType, field, value, error);
            if (!runtimeType) {
                fieldError(slot, field, std::move(*error));
                return;
            }
        }
        if (runtimeType->isTypeOf() && !runtimeType->isTypeOf()(value, m_args.context)) {
            fieldError(slot, field,
                       GraphqlError(u"Expected value of type \"%1\" but got: %2."_s.arg(
                           runtimeType->name(), value.isJson() ? inspect(value.json()) : u"an object"_s)));
            return;
        }
        next.add(runtimeType, subPlanFor(*runtimeType, field), {slot, value});
    }

    /// The common leaves need no coercion (same result as the serialize callbacks): built-in scalars of the right
    /// JSON type, and enum values given as text.
    static bool completeCommonLeaf(const NamedType &type, const Value &value, ResultNode *slot)
    {
        if (value.isText()) {
            const EnumType *enumType = type.asEnum();
            const ScalarType *scalar = type.asScalar();
            const bool accepted = enumType ? enumType->value(value.text()) != nullptr
                                           : (scalar->builtin() == ScalarType::Builtin::String
                                              || scalar->builtin() == ScalarType::Builtin::Id);
            if (!accepted)
                return false;
            slot->kind = ResultNode::Kind::Text;
            slot->text = value.text();
            return true;
        }
        const ScalarType *scalar = type.asScalar();
        if (!scalar)
            return false;
        const QJsonValue json = value.json();
        bool accepted = false;
        switch (scalar->builtin()) {
        case ScalarType::Builtin::String:
        case ScalarType::Builtin::Id: accepted = json.isString(); break;
        case ScalarType::Builtin::Boolean: accepted = json.isBool(); break;
        case ScalarType::Builtin::Float: accepted = json.isDouble() && std::isfinite(json.toDouble()); break;
        case ScalarType::Builtin::Int: {
            constexpr qint64 kNotInteger = std::numeric_limits<qint64>::min();
            const qint64 integer = json.toInteger(kNotInteger);
            accepted = integer != kNotInteger && integer >= -2147483648LL && integer <= 2147483647LL;
            break;
        }
        case ScalarType::Builtin::None: break;
        }
        if (!accepted)
            return false;
        slot->kind = ResultNode::Kind::Leaf;
        slot->leaf = json;
        return true;
    }

    void completeList(const ObjectType &parentType, const PlannedField &field, TypeRef type, ResultNode *slot,
                      const Value &value, NextGroups &next)
    {
        const QJsonValue json = value.isJson() && !value.isText() ? value.json() : QJsonValue();
        const bool isJsonArray = json.isArray();
        if (!value.isList() && !isJsonArray) {
            fieldError(slot, field,
                       GraphqlError(u"Expected Iterable, but did not find one for field \"%1\"."_s.arg(
                           fieldCoordinate(parentType, field))));
            return;
        }
        const QJsonArray array = isJsonArray ? json.toArray() : QJsonArray();
        const size_t count = isJsonArray ? size_t(array.size()) : value.items().size();
        const TypeRef itemType = type.ofType();
        slot->kind = ResultNode::Kind::List;
        slot->childCount = int(count);
        slot->children = newNodes(slot->childCount);
        for (size_t i = 0; i < count; ++i) {
            ResultNode &child = slot->children[i];
            child.parent = slot;
            child.index = int(i);
            child.nonNullSlot = itemType.isNonNull();
        }
        for (size_t i = 0; i < count; ++i) {
            if (slot->kind != ResultNode::Kind::List)
                return; // an item error nulled the list
            if (isJsonArray)
                completeValue(parentType, field, itemType, &slot->children[i], Value(array.at(qsizetype(i))), next);
            else
                completeValue(parentType, field, itemType, &slot->children[i], value.items()[i], next);
        }
    }

    const ObjectType *resolveRuntimeType(const NamedType &abstractType, const ObjectType &parentType,
                                         const PlannedField &field, const Value &value,
                                         std::optional<GraphqlError> &error)
    {
        QString name = value.typeName();
        if (name.isEmpty() && value.isJson() && !value.isText()) {
            const QJsonValue json = value.json();
            if (json.isObject())
                name = json.toObject().value("__typename"_L1).toString();
        }
        if (name.isEmpty()) {
            const TypeResolver *resolver = nullptr;
            if (const InterfaceType *iface = abstractType.asInterface())
                resolver = &iface->resolveType();
            else if (const UnionType *unionType = abstractType.asUnion())
                resolver = &unionType->resolveType();
            if (resolver && *resolver)
                name = (*resolver)(value, m_args.context);
        }
        if (name.isEmpty()) {
            for (const ObjectType *possible : m_schema.possibleTypes(abstractType)) {
                if (possible->isTypeOf() && possible->isTypeOf()(value, m_args.context)) {
                    name = possible->name();
                    break;
                }
            }
        }
        if (name.isEmpty()) {
            error = GraphqlError(
                u"Abstract type \"%1\" must resolve to an Object type at runtime for field \"%2\". Either the \"%1\" type should provide a \"resolveType\" function or each possible type should provide an \"isTypeOf\" function."_s
                    .arg(abstractType.name(), fieldCoordinate(parentType, field)));
            return nullptr;
        }
        const NamedType *runtime = m_schema.type(name);
        if (!runtime) {
            error = GraphqlError(
                u"Abstract type \"%1\" was resolved to a type \"%2\" that does not exist inside the schema."_s.arg(
                    abstractType.name(), name));
            return nullptr;
        }
        if (!runtime->asObject()) {
            error = GraphqlError(
                u"Abstract type \"%1\" was resolved to a non-object type \"%2\"."_s.arg(abstractType.name(), name));
            return nullptr;
        }
        if (!m_schema.isSubType(abstractType, *runtime)) {
            error = GraphqlError(
                u"Runtime Object type \"%1\" is not a possible type for \"%2\"."_s.arg(name, abstractType.name()));
            return nullptr;
        }
        return runtime->asObject();
    }

    void write(jsonout::Buffer &out, const ResultNode &node) const
    {
        switch (node.kind) {
        case ResultNode::Kind::Pending:
        case ResultNode::Kind::Null: out.append("null", 4); return;
        case ResultNode::Kind::Leaf: out.appendValue(node.leaf); return;
        case ResultNode::Kind::Text: out.appendString(node.text); return;
        case ResultNode::Kind::Object: {
            out.append('{');
            for (int i = 0; i < node.childCount; ++i) {
                if (i)
                    out.append(',');
                out.append(node.plan->fields[size_t(i)].keyJson);
                write(out, node.children[i]);
            }
            out.append('}');
            return;
        }
        case ResultNode::Kind::List: {
            out.append('[');
            for (int i = 0; i < node.childCount; ++i) {
                if (i)
                    out.append(',');
                write(out, node.children[i]);
            }
            out.append(']');
            return;
        }
        }
    }

    const ExecutionArgs &m_args;
    const Schema &m_schema;
    const ast::OperationDefinition &m_operation;
    QJsonObject m_variables;
    FragmentMap m_fragments;
    NodeArena m_nodes;
    ResultNode *m_root = nullptr;
    mutable std::vector<std::pair<std::vector<int>, GraphqlError>> m_errors; ///< with their response position
    std::map<std::pair<const void *, const void *>, std::unique_ptr<FieldPlan>> m_plans;
    const PlannedField *m_currentField = nullptr;
    bool m_defaultResolverIsBuiltin = false;
};

/// Picks the operation to run (graphql-js buildExecutionContext), or explains why none can be.
const ast::OperationDefinition *selectOperation(const ast::Document &document, const QString &operationName,
                                                std::optional<GraphqlError> &error)
{
    const ast::OperationDefinition *selected = nullptr;
    for (const ast::OperationDefinition *operation : document.operations()) {
        if (operationName.isEmpty()) {
            if (selected) {
                error = GraphqlError(u"Must provide operation name if query contains multiple operations."_s);
                return nullptr;
            }
            selected = operation;
        } else if (operation->name == operationName) {
            selected = operation;
        }
    }
    if (!selected) {
        error = GraphqlError(operationName.isEmpty() ? u"Must provide an operation."_s
                                                     : u"Unknown operation named \"%1\"."_s.arg(operationName));
    }
    return selected;
}

} // namespace

ExecutionResult execute(const ExecutionArgs &args)
{
    ExecutionResult result;
    std::optional<GraphqlError> operationError;
    const ast::OperationDefinition *operation = selectOperation(args.document, args.operationName, operationError);
    if (!operation) {
        result.errors.push_back(operationError->withCode(errorcode::kBadUserInput));
        return result;
    }
    CoercedVariables variables = getVariableValues(args.schema, operation->variableDefinitions, args.variables);
    if (!variables.ok()) {
        result.errors = std::move(variables.errors);
        return result;
    }
    Executor executor(args, *operation, std::move(variables.values));
    return executor.run();
}

} // namespace vingt::graphql
