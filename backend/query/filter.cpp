#include "query/filter.h"

#include <QJsonArray>

#include <array>

namespace vingt {

using namespace Qt::StringLiterals;

namespace {

struct ComparatorEntry {
    Comparator op;
    QLatin1StringView name;
};

constexpr std::array kComparators{
    ComparatorEntry{Comparator::Eq, "eq"_L1},
    ComparatorEntry{Comparator::Neq, "neq"_L1},
    ComparatorEntry{Comparator::In, "in"_L1},
    ComparatorEntry{Comparator::ContainsAny, "containsAny"_L1},
    ComparatorEntry{Comparator::ContainsExactly, "containsExactly"_L1},
    ComparatorEntry{Comparator::Is, "is"_L1},
    ComparatorEntry{Comparator::Gt, "gt"_L1},
    ComparatorEntry{Comparator::Gte, "gte"_L1},
    ComparatorEntry{Comparator::Lt, "lt"_L1},
    ComparatorEntry{Comparator::Lte, "lte"_L1},
    ComparatorEntry{Comparator::StartsWith, "startsWith"_L1},
    ComparatorEntry{Comparator::EndsWith, "endsWith"_L1},
    ComparatorEntry{Comparator::Like, "like"_L1},
    ComparatorEntry{Comparator::Ilike, "ilike"_L1},
    ComparatorEntry{Comparator::Regex, "regex"_L1},
    ComparatorEntry{Comparator::Iregex, "iregex"_L1},
    ComparatorEntry{Comparator::IsEmptyArray, "isEmptyArray"_L1},
    ComparatorEntry{Comparator::ContainsIlike, "containsIlike"_L1},
};

// API-CONTRACT §1.4: the REST grammar knows these fourteen, in this order (the order of the error message).
constexpr std::array kRestComparators{
    Comparator::Eq,
    Comparator::Neq,
    Comparator::In,
    Comparator::ContainsAny,
    Comparator::ContainsExactly,
    Comparator::Is,
    Comparator::Gt,
    Comparator::Gte,
    Comparator::Lt,
    Comparator::Lte,
    Comparator::StartsWith,
    Comparator::EndsWith,
    Comparator::Like,
    Comparator::Ilike,
};

const auto kAnd = "and"_L1;
const auto kOr = "or"_L1;
const auto kNot = "not"_L1;

Error invalidInput(const QString &what)
{
    return Error::badRequest(u"Invalid filter: "_s + what);
}

FilterNode collapse(std::vector<FilterNode> nodes)
{
    if (nodes.size() == 1)
        return std::move(nodes.front());
    return FilterNode::makeAnd(std::move(nodes));
}

Result<std::vector<FilterNode>> listFromJson(QLatin1StringView conjunction, const QJsonValue &value)
{
    std::vector<FilterNode> nodes;
    // GraphQL input coercion turns a single object into a one-item list.
    const QJsonArray items = value.isObject() ? QJsonArray{value} : value.toArray();
    if (!value.isArray() && !value.isObject())
        return invalidInput(u"'%1' expects a list of filters"_s.arg(conjunction));
    for (const QJsonValue &item : items) {
        if (item.isNull())
            continue;
        if (!item.isObject())
            return invalidInput(u"'%1' expects a list of filters"_s.arg(conjunction));
        auto node = filterFromJson(item.toObject());
        if (!node)
            return node.error();
        nodes.push_back(std::move(node).value());
    }
    return nodes;
}

Result<void> fieldFromJson(const QString &field, const QJsonObject &spec, std::vector<FilterNode> &out)
{
    for (auto it = spec.begin(); it != spec.end(); ++it) {
        if (const auto op = comparatorFromName(it.key())) {
            out.push_back(FilterNode::makeCondition(field, {}, *op, it.value()));
            continue;
        }
        if (it.value().isNull())
            continue;
        if (!it.value().isObject())
            return invalidInput(u"unknown comparator '%1' for field '%2'"_s.arg(it.key(), field));
        // A composite sub-field: {name: {firstName: {ilike: "%a%"}}}.
        const QJsonObject subSpec = it.value().toObject();
        for (auto sub = subSpec.begin(); sub != subSpec.end(); ++sub) {
            const auto op = comparatorFromName(sub.key());
            if (!op)
                return invalidInput(u"unknown comparator '%1' for field '%2.%3'"_s.arg(sub.key(), field, it.key()));
            out.push_back(FilterNode::makeCondition(field, it.key(), *op, sub.value()));
        }
    }
    return {};
}

void mentions(const FilterNode &node, QStringView field, bool &found)
{
    if (found)
        return;
    if (node.kind == FilterNode::Kind::Condition) {
        found = node.condition.field == field;
        return;
    }
    for (const FilterNode &child : node.children)
        mentions(child, field, found);
}

} // namespace

QLatin1StringView comparatorName(Comparator op)
{
    for (const auto &entry : kComparators) {
        if (entry.op == op)
            return entry.name;
    }
    return "eq"_L1;
}

std::optional<Comparator> comparatorFromName(QStringView name)
{
    for (const auto &entry : kComparators) {
        if (name == entry.name)
            return entry.op;
    }
    return std::nullopt;
}

std::span<const Comparator> restComparators()
{
    return kRestComparators;
}

FilterNode FilterNode::makeAnd(std::vector<FilterNode> children)
{
    FilterNode node;
    node.kind = Kind::And;
    node.children = std::move(children);
    return node;
}

FilterNode FilterNode::makeOr(std::vector<FilterNode> children)
{
    FilterNode node;
    node.kind = Kind::Or;
    node.children = std::move(children);
    return node;
}

FilterNode FilterNode::makeNot(FilterNode child)
{
    FilterNode node;
    node.kind = Kind::Not;
    node.children.push_back(std::move(child));
    return node;
}

FilterNode FilterNode::makeCondition(FilterCondition condition)
{
    FilterNode node;
    node.kind = Kind::Condition;
    node.condition = std::move(condition);
    return node;
}

FilterNode FilterNode::makeCondition(QString field, QString subField, Comparator op, QJsonValue value)
{
    return makeCondition(FilterCondition{std::move(field), std::move(subField), op, std::move(value)});
}

bool mentionsField(const FilterNode &node, QStringView field)
{
    bool found = false;
    mentions(node, field, found);
    return found;
}

Result<FilterNode> filterFromJson(const QJsonObject &input)
{
    std::vector<FilterNode> nodes;
    for (auto it = input.begin(); it != input.end(); ++it) {
        const QString key = it.key();
        const QJsonValue value = it.value();
        if (value.isNull())
            continue;
        if (key == kAnd || key == kOr) {
            auto children = listFromJson(key == kAnd ? kAnd : kOr, value);
            if (!children)
                return children.error();
            nodes.push_back(key == kAnd ? FilterNode::makeAnd(std::move(children).value())
                                        : FilterNode::makeOr(std::move(children).value()));
        } else if (key == kNot) {
            if (!value.isObject())
                return invalidInput(u"'not' expects a filter"_s);
            auto child = filterFromJson(value.toObject());
            if (!child)
                return child.error();
            nodes.push_back(FilterNode::makeNot(std::move(child).value()));
        } else {
            if (!value.isObject())
                return invalidInput(u"field '%1' expects an object of comparators"_s.arg(key));
            VINGT_TRY(fieldFromJson(key, value.toObject(), nodes));
        }
    }
    return collapse(std::move(nodes));
}

QJsonObject filterToJson(const FilterNode &node)
{
    switch (node.kind) {
    case FilterNode::Kind::And:
    case FilterNode::Kind::Or: {
        QJsonArray children;
        for (const FilterNode &child : node.children)
            children.append(filterToJson(child));
        return {{node.kind == FilterNode::Kind::And ? kAnd : kOr, children}};
    }
    case FilterNode::Kind::Not:
        return {{kNot, node.children.empty() ? QJsonObject{} : filterToJson(node.children.front())}};
    case FilterNode::Kind::Condition: {
        const FilterCondition &c = node.condition;
        QJsonObject leaf{{comparatorName(c.op), c.value}};
        if (!c.subField.isEmpty())
            leaf = QJsonObject{{c.subField, leaf}};
        return {{c.field, leaf}};
    }
    }
    return {};
}

} // namespace vingt
