#include "playground/restfilterwriter.h"

#include "query/filterbinder.h"
#include "query/restfilterparser.h"
#include "storage/sqldialect.h"

#include <QJsonArray>
#include <QStringList>

namespace vingt::playground {

using namespace Qt::StringLiterals;

namespace {

bool isArrayComparator(Comparator op)
{
    return op == Comparator::In || op == Comparator::ContainsAny || op == Comparator::ContainsExactly;
}

/// One value (or array item) as the grammar reads it back (see writeRestFilter()).
Result<QString> writeValue(const QString &value)
{
    static const QString kSpecial = u",()[]"_s;
    bool special = value.isEmpty() || value.front().isSpace() || value.front() == u'"' || value.front() == u'\'';
    for (const QChar c : value)
        special = special || kSpecial.contains(c);
    if (!special)
        return value;
    if (!value.contains(u'"'))
        return u"\"%1\""_s.arg(value);
    if (!value.contains(u'\''))
        return u"'%1'"_s.arg(value);
    return Error::badRequest(
        u"The filter value %1 holds both quote characters and a separator: the REST filter syntax cannot express it"_s
            .arg(value));
}

QString scalarText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 17);
    if (value.isNull())
        return u"NULL"_s;
    return {};
}

Result<QString> writeNode(const FilterNode &node)
{
    if (node.kind == FilterNode::Kind::Condition) {
        const FilterCondition &c = node.condition;
        QString path = c.field;
        if (!c.subField.isEmpty())
            path += u'.' + c.subField;
        QString value;
        if (isArrayComparator(c.op) || c.value.isArray()) {
            QStringList items;
            for (const QJsonValue &item : c.value.toArray()) {
                auto written = writeValue(scalarText(item));
                if (!written)
                    return written.error();
                items << *written;
            }
            value = u'[' + items.join(u',') + u']';
        } else {
            auto written = writeValue(scalarText(c.value));
            if (!written)
                return written.error();
            value = *written;
        }
        return u"%1[%2]:%3"_s.arg(path, comparatorName(c.op), value);
    }
    QStringList parts;
    for (const FilterNode &child : node.children) {
        auto written = writeNode(child);
        if (!written)
            return written.error();
        parts << *written;
    }
    const QString name = node.kind == FilterNode::Kind::And  ? u"and"_s
                         : node.kind == FilterNode::Kind::Or ? u"or"_s
                                                             : u"not"_s;
    return u"%1(%2)"_s.arg(name, parts.join(u','));
}

} // namespace

Result<QString> writeRestFilter(const FilterNode &filter)
{
    if (filter.kind == FilterNode::Kind::Not && filter.children.size() != 1)
        return Error::badRequest(u"'not' takes exactly one condition"_s);
    return writeNode(filter);
}

Result<FilterNode> checkRestFilter(const DataModel &model, const QString &objectNamePlural, const QString &text)
{
    if (text.trimmed().isEmpty())
        return FilterNode::makeAnd({});
    const ObjectMetadata *object = model.objectByPlural(objectNamePlural);
    if (!object)
        return Error::badRequest(u"Object '%1' not found"_s.arg(objectNamePlural));
    auto filter = parseRestFilter(text);
    if (!filter)
        return filter.error();
    // The binder is where the server checks fields, comparators per type and values: run it, drop the SQL.
    static const SqliteDialect kDialect;
    auto bound = bindFilter(*filter, *object, kDialect);
    if (!bound)
        return bound.error();
    return filter;
}

} // namespace vingt::playground
