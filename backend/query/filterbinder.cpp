#include "query/filterbinder.h"

#include "query/comparatorsupport.h"
#include "core/clock.h"
#include "core/json.h"
#include "core/uuid.h"
#include "query/columnresolver.h"

#include <QJsonArray>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <span>

namespace vingt {

using namespace Qt::StringLiterals;

namespace {

using enum Comparator;

/// What a column supports, by kind and, for JSON columns, by field type.
enum class ColumnClass { Text, Comparable, Boolean, Select, MultiSelect, JsonArray, Json };

ColumnClass classify(const ResolvedColumn &column)
{
    switch (column.column->kind) {
    case ValueKind::Text: return ColumnClass::Text;
    case ValueKind::Uuid:
    case ValueKind::DateTime:
    case ValueKind::Date:
    case ValueKind::Float:
    case ValueKind::Integer: return ColumnClass::Comparable;
    case ValueKind::Boolean: return ColumnClass::Boolean;
    case ValueKind::Select: return ColumnClass::Select;
    case ValueKind::MultiSelect: return ColumnClass::MultiSelect;
    case ValueKind::Json:
        return !column.isSubField && column.field->type == FieldType::Array ? ColumnClass::JsonArray
                                                                            : ColumnClass::Json;
    }
    return ColumnClass::Text;
}

// API-CONTRACT §2.3, plus endsWith and containsExactly of the REST grammar (§1.4).
constexpr std::array kText{Eq, Neq, Gt, Gte, Lt, Lte, In, StartsWith, EndsWith, Like, Ilike, Regex, Iregex, Is};
constexpr std::array kComparable{Eq, Neq, Gt, Gte, Lt, Lte, In, Is};
constexpr std::array kBoolean{Eq, Is};
constexpr std::array kSelect{Eq, Neq, In, Is};
constexpr std::array kMultiSelect{ContainsAny, ContainsExactly, IsEmptyArray, Is};
constexpr std::array kJsonArray{ContainsAny, ContainsExactly, ContainsIlike, IsEmptyArray, Is};
constexpr std::array kJson{Like, Is};

std::span<const Comparator> supported(ColumnClass kind)
{
    switch (kind) {
    case ColumnClass::Text: return kText;
    case ColumnClass::Comparable: return kComparable;
    case ColumnClass::Boolean: return kBoolean;
    case ColumnClass::Select: return kSelect;
    case ColumnClass::MultiSelect: return kMultiSelect;
    case ColumnClass::JsonArray: return kJsonArray;
    case ColumnClass::Json: return kJson;
    }
    return {};
}

} // namespace

std::span<const Comparator> supportedComparators(const ResolvedColumn &column)
{
    return supported(classify(column));
}

namespace {

std::optional<qint64> integral(double number)
{
    if (!std::isfinite(number) || std::trunc(number) != number || std::abs(number) >= 9.2e18)
        return std::nullopt;
    return static_cast<qint64>(number);
}

class Binder
{
public:
    Binder(const ObjectMetadata &object, const SqlDialect &dialect, QStringView alias)
        : m_object(object)
        , m_dialect(dialect)
        , m_prefix(alias.isEmpty() ? QString() : dialect.quote(alias) + u'.')
    {}

    Result<SqlFragment> bind(const FilterNode &node)
    {
        // Each `not` and each and/or of several operands is one level of parentheses in the SQL; SQLite's parser
        // overflows past a few dozen, so bound them here, for REST and GraphQL alike (Vingt's choice).
        const bool nests = node.kind == FilterNode::Kind::Not
                           || (node.kind != FilterNode::Kind::Condition && node.children.size() > 1);
        if (nests && ++m_depth > kMaxFilterNesting) {
            return Error::badRequest(
                u"Filter is nested too deeply: at most %1 levels of and/or/not are allowed. Flatten groups of the "
                "same kind (and(a,and(b,c)) is and(a,b,c)) or split the request"_s.arg(kMaxFilterNesting));
        }
        auto bound = bindNode(node);
        if (nests)
            --m_depth;
        return bound;
    }

private:
    Result<SqlFragment> bindNode(const FilterNode &node)
    {
        switch (node.kind) {
        case FilterNode::Kind::And: return junction(node.children, u" AND "_s, u"1 = 1"_s);
        case FilterNode::Kind::Or: return junction(node.children, u" OR "_s, u"0 = 1"_s);
        case FilterNode::Kind::Not: {
            auto inner = node.children.size() == 1 ? bind(node.children.front())
                                                   : junction(node.children, u" AND "_s, u"1 = 1"_s);
            if (!inner)
                return inner.error();
            // A junction of several operands is parenthesized already.
            const auto isJunction = [](const FilterNode &n) {
                return (n.kind == FilterNode::Kind::And || n.kind == FilterNode::Kind::Or) && n.children.size() > 1;
            };
            const bool wrapped = node.children.size() > 1
                                 || (node.children.size() == 1 && isJunction(node.children[0]));
            inner->sql = wrapped ? u"NOT "_s + inner->sql : u"NOT ("_s + inner->sql + u')';
            return inner;
        }
        case FilterNode::Kind::Condition: return condition(node.condition);
        }
        return Error::internal(u"unknown filter node kind"_s);
    }

    Result<SqlFragment> junction(const std::vector<FilterNode> &children, const QString &op, const QString &empty)
    {
        if (children.empty())
            return SqlFragment{empty, {}};
        SqlFragment out;
        QStringList parts;
        for (const FilterNode &child : children) {
            auto part = bind(child);
            if (!part)
                return part.error();
            parts << part->sql;
            out.binds << part->binds;
        }
        out.sql = parts.size() == 1 ? parts.front() : u'(' + parts.join(op) + u')';
        return out;
    }

    Error invalidValue(const ResolvedColumn &column, const QJsonValue &value, QStringView expected) const
    {
        const QString shown = value.isString() ? value.toString() : QString::fromUtf8(json::serialize(value));
        return Error::badRequest(u"Invalid value '%1' for field '%2' on object '%3': expected %4"_s.arg(
            shown, column.displayName(), m_object.nameSingular, expected));
    }

    /// Casts one value to what the column stores (API-CONTRACT §1.4: "values are then cast by field type").
    Result<QVariant> cast(const ResolvedColumn &column, const QJsonValue &value) const
    {
        ValueKind kind = column.column->kind;
        // §1.4: NUMBER filters cast to float whatever the storage (an int column compares fine with 5.5).
        if (kind == ValueKind::Integer && column.field && column.field->type == FieldType::Number && !column.isSubField)
            kind = ValueKind::Float;
        switch (kind) {
        case ValueKind::Float: {
            double number = value.toDouble();
            bool ok = value.isDouble();
            if (value.isString())
                number = value.toString().toDouble(&ok);
            if (!ok || !std::isfinite(number))
                return invalidValue(column, value, u"a number");
            return m_dialect.toSql(kind, number);
        }
        case ValueKind::Integer: {
            std::optional<qint64> integer;
            if (value.isString()) {
                bool ok = false;
                const qint64 parsed = value.toString().toLongLong(&ok);
                if (ok)
                    integer = parsed;
                else if (const double number = value.toString().toDouble(&ok); ok)
                    integer = integral(number);
            } else if (value.isDouble()) {
                // Qt keeps JSON integers that fit in 64 bits exact; anything else is a double.
                const QVariant variant = value.toVariant();
                integer = variant.typeId() == QMetaType::LongLong ? variant.toLongLong() : integral(value.toDouble());
            }
            if (!integer)
                return invalidValue(column, value, u"an integer");
            return m_dialect.toSql(kind, *integer);
        }
        case ValueKind::Boolean:
            if (value.isBool())
                return m_dialect.toSql(kind, value.toBool());
            if (value.isString()) // API-CONTRACT §1.4: BOOLEAN `== 'true'` (any case, as Twenty lower-cases)
                return m_dialect.toSql(kind, value.toString().compare(u"true"_s, Qt::CaseInsensitive) == 0);
            return invalidValue(column, value, u"a boolean");
        default: break;
        }

        QString text;
        if (value.isString())
            text = value.toString();
        else if (value.isDouble() || value.isBool())
            text = QString::fromUtf8(json::serialize(value));
        else if (kind == ValueKind::Uuid)
            return Error::badRequest(u"'%1' is not a valid UUID"_s.arg(QString::fromUtf8(json::serialize(value))));
        else
            return invalidValue(column, value, u"a string");

        switch (kind) {
        case ValueKind::Uuid:
            if (!uuid::isValid(text))
                return Error::badRequest(u"'%1' is not a valid UUID"_s.arg(text));
            text = text.toLower(); // stored lower-case by the records service
            break;
        case ValueKind::DateTime: {
            const auto iso = clock::normalizeIso(text);
            if (!iso)
                return invalidValue(column, value, u"an ISO-8601 date-time");
            text = *iso;
            break;
        }
        case ValueKind::Date: {
            const auto date = clock::normalizeDate(text);
            if (!date)
                return invalidValue(column, value, u"a date (YYYY-MM-DD)");
            text = *date;
            break;
        }
        default: break;
        }
        return m_dialect.toSql(kind, text);
    }

    Result<QString> patternText(const ResolvedColumn &column, const QJsonValue &value) const
    {
        if (value.isString())
            return value.toString();
        if (value.isDouble())
            return QString::fromUtf8(json::serialize(value));
        return invalidValue(column, value, u"a string");
    }

    Result<SqlFragment> condition(const FilterCondition &c)
    {
        auto resolved = resolveColumn(m_object, c.field, c.subField);
        if (!resolved)
            return resolved.error();
        const ResolvedColumn &column = *resolved;
        const ColumnClass columnClass = classify(column);
        const auto allowed = supported(columnClass);
        if (std::find(allowed.begin(), allowed.end(), c.op) == allowed.end()) {
            QStringList names;
            for (const Comparator op : allowed)
                names << comparatorName(op);
            return Error::badRequest(
                u"Comparator '%1' is not supported for field '%2' on object '%3'. Supported: %4"_s.arg(
                    comparatorName(c.op), column.displayName(), m_object.nameSingular, names.join(u", "_s)));
        }
        if (c.value.isNull() || c.value.isUndefined())
            return invalidValue(column, c.value, c.op == Is ? u"NULL or NOT_NULL"_s : u"a value (use is: NULL)"_s);

        const QString lhs = m_prefix + m_dialect.quote(column.column->name);
        switch (c.op) {
        case Eq: return compare(column, lhs, u"="_s, c.value);
        case Neq: return compare(column, lhs, u"<>"_s, c.value);
        case Gt: return compare(column, lhs, u">"_s, c.value);
        case Gte: return compare(column, lhs, u">="_s, c.value);
        case Lt: return compare(column, lhs, u"<"_s, c.value);
        case Lte: return compare(column, lhs, u"<="_s, c.value);
        case In: return in(column, lhs, c.value);
        case Is: {
            const QString v = c.value.toString();
            if (v == "NULL"_L1)
                return SqlFragment{lhs + u" IS NULL"_s, {}};
            if (v == "NOT_NULL"_L1)
                return SqlFragment{lhs + u" IS NOT NULL"_s, {}};
            return invalidValue(column, c.value, u"NULL or NOT_NULL");
        }
        case StartsWith:
        case EndsWith: {
            auto text = patternText(column, c.value);
            if (!text)
                return text.error();
            const QString escaped = escapeLike(*text);
            return SqlFragment{m_dialect.like(lhs, u"?"_s), {c.op == StartsWith ? escaped + u'%' : u'%' + escaped}};
        }
        case Like:
        case Ilike:
        case Regex:
        case Iregex:
        case ContainsIlike: {
            auto text = patternText(column, c.value);
            if (!text)
                return text.error();
            QString sql;
            if (c.op == Like)
                sql = m_dialect.like(lhs, u"?"_s);
            else if (c.op == Ilike)
                sql = m_dialect.ilike(lhs, u"?"_s);
            else if (c.op == ContainsIlike)
                sql = m_dialect.jsonArrayContainsIlike(lhs, u"?"_s);
            else
                sql = m_dialect.regex(lhs, u"?"_s, c.op == Iregex);
            return SqlFragment{sql, {*text}};
        }
        case ContainsAny:
        case ContainsExactly: {
            if (!c.value.isArray())
                return invalidValue(column, c.value, u"an array");
            QVariantList binds;
            for (const QJsonValue &item : c.value.toArray()) {
                auto text = patternText(column, item);
                if (!text)
                    return text.error();
                binds << *text;
            }
            if (binds.isEmpty()) // any of nothing: no row; exactly nothing: the empty array
                return SqlFragment{c.op == ContainsAny ? u"0 = 1"_s : m_dialect.jsonArrayIsEmpty(lhs), {}};
            const QString sql = c.op == ContainsAny ? m_dialect.jsonArrayContainsAny(lhs, int(binds.size()))
                                                    : m_dialect.jsonArrayContainsExactly(lhs, int(binds.size()));
            return SqlFragment{sql, binds};
        }
        case IsEmptyArray: {
            bool empty = c.value.toBool();
            if (c.value.isString() && (c.value.toString() == "true"_L1 || c.value.toString() == "false"_L1))
                empty = c.value.toString() == "true"_L1;
            else if (!c.value.isBool())
                return invalidValue(column, c.value, u"a boolean");
            const QString sql = m_dialect.jsonArrayIsEmpty(lhs);
            return SqlFragment{empty ? sql : u"NOT ("_s + sql + u')', {}};
        }
        }
        return Error::internal(u"unhandled comparator"_s);
    }

    Result<SqlFragment> compare(const ResolvedColumn &column, const QString &lhs, const QString &op,
                                const QJsonValue &value) const
    {
        auto bound = cast(column, value);
        if (!bound)
            return bound.error();
        return SqlFragment{lhs + u' ' + op + u" ?"_s, {*bound}};
    }

    Result<SqlFragment> in(const ResolvedColumn &column, const QString &lhs, const QJsonValue &value) const
    {
        if (!value.isArray())
            return invalidValue(column, value, u"an array");
        SqlFragment out;
        for (const QJsonValue &item : value.toArray()) {
            auto bound = cast(column, item);
            if (!bound)
                return bound.error();
            out.binds << *bound;
        }
        if (out.binds.isEmpty())
            return SqlFragment{u"0 = 1"_s, {}};
        out.sql = lhs + u" IN (?"_s + u",?"_s.repeated(out.binds.size() - 1) + u')';
        return out;
    }

    const ObjectMetadata &m_object;
    const SqlDialect &m_dialect;
    QString m_prefix;
    int m_depth = 0; ///< nesting levels (parenthesized and/or, not) around the node being bound
};

} // namespace

QString escapeLike(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == u'\\' || c == u'%' || c == u'_')
            out += u'\\';
        out += c;
    }
    return out;
}

Result<SqlFragment> bindFilter(const FilterNode &filter, const ObjectMetadata &object, const SqlDialect &dialect,
                               QStringView tableAlias)
{
    return Binder(object, dialect, tableAlias).bind(filter);
}

} // namespace vingt
