#include "query/orderby.h"

#include "core/json.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <array>

namespace vingt {

using namespace Qt::StringLiterals;

namespace {

constexpr std::array kDirectionNames{"AscNullsFirst"_L1, "AscNullsLast"_L1, "DescNullsFirst"_L1, "DescNullsLast"_L1};

QString allowedDirections()
{
    QStringList quoted;
    for (const auto name : kDirectionNames)
        quoted << u"'%1'"_s.arg(name);
    return quoted.join(u", "_s);
}

// API-CONTRACT §1.4.
Error invalidRestDirection(QStringView direction)
{
    return Error::badRequest(
        u"'order_by' direction '%1' invalid. Allowed values are %2"_s.arg(direction, allowedDirections()));
}

Error invalidJsonDirection(const QJsonValue &direction)
{
    return Error::badRequest(u"'orderBy' direction '%1' invalid. Allowed values are %2"_s.arg(
        direction.isString() ? direction.toString() : json::typeName(direction), allowedDirections()));
}

Result<Direction> jsonDirection(const QJsonValue &value)
{
    if (const auto direction = directionFromName(value.toString()); value.isString() && direction)
        return *direction;
    return invalidJsonDirection(value);
}

Result<void> appendTerms(const QJsonObject &item, std::vector<OrderTerm> &out)
{
    for (auto it = item.begin(); it != item.end(); ++it) {
        if (it.value().isNull())
            continue;
        if (!it.value().isObject()) {
            auto direction = jsonDirection(it.value());
            if (!direction)
                return direction.error();
            out.push_back({it.key(), {}, *direction});
            continue;
        }
        const QJsonObject sub = it.value().toObject();
        for (auto s = sub.begin(); s != sub.end(); ++s) {
            if (s.value().isNull())
                continue;
            auto direction = jsonDirection(s.value());
            if (!direction)
                return direction.error();
            out.push_back({it.key(), s.key(), *direction});
        }
    }
    return {};
}

} // namespace

QLatin1StringView directionName(Direction direction)
{
    return kDirectionNames[static_cast<std::size_t>(direction)];
}

std::optional<Direction> directionFromName(QStringView name)
{
    for (std::size_t i = 0; i < kDirectionNames.size(); ++i) {
        if (name == kDirectionNames[i])
            return static_cast<Direction>(i);
    }
    return std::nullopt;
}

bool isAscending(Direction direction)
{
    return direction == Direction::AscNullsFirst || direction == Direction::AscNullsLast;
}

bool nullsFirst(Direction direction)
{
    return direction == Direction::AscNullsFirst || direction == Direction::DescNullsFirst;
}

Direction reversed(Direction direction)
{
    switch (direction) {
    case Direction::AscNullsFirst: return Direction::DescNullsLast;
    case Direction::AscNullsLast: return Direction::DescNullsFirst;
    case Direction::DescNullsFirst: return Direction::AscNullsLast;
    case Direction::DescNullsLast: return Direction::AscNullsFirst;
    }
    return direction;
}

Result<std::vector<OrderTerm>> parseRestOrderBy(QStringView text)
{
    std::vector<OrderTerm> terms;
    for (const QStringView rawItem : text.split(u',')) {
        const QStringView item = rawItem.trimmed();
        if (item.isEmpty())
            continue;
        QStringView path = item;
        Direction direction = Direction::AscNullsFirst;
        // `field[Direction]`; anything else is a field path, which resolveOrder() reports if it is unknown.
        if (const qsizetype open = item.indexOf(u'['); open >= 0 && item.endsWith(u']')) {
            path = item.left(open);
            const QStringView name = item.mid(open + 1, item.size() - open - 2);
            const auto parsed = directionFromName(name);
            if (!parsed)
                return invalidRestDirection(name);
            direction = *parsed;
        }
        const qsizetype dot = path.indexOf(u'.');
        if (dot < 0)
            terms.push_back({path.toString(), {}, direction});
        else
            terms.push_back({path.left(dot).toString(), path.mid(dot + 1).toString(), direction});
    }
    return terms;
}

Result<std::vector<OrderTerm>> orderByFromJson(const QJsonValue &input)
{
    std::vector<OrderTerm> terms;
    if (input.isNull() || input.isUndefined())
        return terms;
    const QJsonArray items = input.isObject() ? QJsonArray{input} : input.toArray();
    if (!input.isArray() && !input.isObject())
        return Error::badRequest(u"'orderBy' expects a list of objects"_s);
    for (const QJsonValue &item : items) {
        if (item.isNull())
            continue;
        if (!item.isObject())
            return Error::badRequest(u"'orderBy' expects a list of objects"_s);
        VINGT_TRY(appendTerms(item.toObject(), terms));
    }
    return terms;
}

} // namespace vingt
