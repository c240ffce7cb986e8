#include "query/querystring.h"

#include <QByteArray>

#include <algorithm>
#include <array>

namespace vingt {

using namespace Qt::StringLiterals;

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/// Lower case without underscores: how the hint rules compare spellings.
QString folded(QStringView name)
{
    QString out;
    out.reserve(name.size());
    for (const QChar c : name) {
        if (c != u'_')
            out += c.toLower();
    }
    return out;
}

struct Alias {
    QLatin1StringView spelling;
    QLatin1StringView known;
};

// API-CONTRACT §1.3.
constexpr std::array kAliases{
    Alias{"after"_L1, "starting_after"_L1},
    Alias{"startingAfter"_L1, "starting_after"_L1},
    Alias{"cursor"_L1, "starting_after"_L1},
    Alias{"before"_L1, "ending_before"_L1},
    Alias{"endingBefore"_L1, "ending_before"_L1},
    Alias{"orderBy"_L1, "order_by"_L1},
    Alias{"sort"_L1, "order_by"_L1},
    Alias{"sort_by"_L1, "order_by"_L1},
    Alias{"order"_L1, "order_by"_L1},
    Alias{"first"_L1, "limit"_L1},
    Alias{"pageSize"_L1, "limit"_L1},
    Alias{"page_size"_L1, "limit"_L1},
    Alias{"per_page"_L1, "limit"_L1},
    Alias{"where"_L1, "filter"_L1},
    Alias{"filters"_L1, "filter"_L1},
};

QString hintFor(const QString &name, const QStringList &known)
{
    const QString key = folded(name);
    for (const Alias &alias : kAliases) {
        if (folded(QString(alias.spelling)) == key && known.contains(alias.known))
            return alias.known;
    }
    for (const QString &candidate : known) {
        if (candidate != name && folded(candidate) == key)
            return candidate;
    }
    return {};
}

} // namespace

bool QueryParams::contains(QStringView name) const
{
    return find(name).has_value();
}

QString QueryParams::value(QStringView name, const QString &defaultValue) const
{
    return find(name).value_or(defaultValue);
}

std::optional<QString> QueryParams::find(QStringView name) const
{
    const auto it = std::find_if(m_items.begin(), m_items.end(), [&](const auto &item) { return item.first == name; });
    if (it == m_items.end())
        return std::nullopt;
    return it->second;
}

QStringList QueryParams::names() const
{
    QStringList out;
    for (const auto &item : m_items)
        out << item.first;
    return out;
}

QString formDecode(QByteArrayView component)
{
    QByteArray bytes;
    bytes.reserve(component.size());
    for (qsizetype i = 0; i < component.size(); ++i) {
        const char c = component[i];
        if (c == '+') {
            bytes += ' ';
        } else if (c == '%' && i + 2 < component.size() && hexValue(component[i + 1]) >= 0
                   && hexValue(component[i + 2]) >= 0) {
            bytes += char(hexValue(component[i + 1]) * 16 + hexValue(component[i + 2]));
            i += 2;
        } else {
            bytes += c;
        }
    }
    return QString::fromUtf8(bytes);
}

Result<QueryParams> parseQueryString(QByteArrayView raw)
{
    std::vector<std::pair<QString, QString>> items;
    qsizetype begin = 0;
    while (begin <= raw.size()) {
        qsizetype end = raw.indexOf('&', begin);
        if (end < 0)
            end = raw.size();
        const QByteArrayView pair = raw.sliced(begin, end - begin);
        begin = end + 1;
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        QString name = formDecode(eq < 0 ? pair : pair.first(eq));
        QString value = eq < 0 ? QString() : formDecode(pair.sliced(eq + 1));
        if (std::any_of(items.begin(), items.end(), [&](const auto &item) { return item.first == name; }))
            return Error::badRequest(u"Query parameter '%1' must be given once"_s.arg(name));
        items.emplace_back(std::move(name), std::move(value));
    }
    return QueryParams(std::move(items));
}

QString unknownParameterMessage(const QString &name, const QStringList &known)
{
    QString message = u"Unknown query parameter '%1'"_s.arg(name);
    if (const QString hint = hintFor(name, known); !hint.isEmpty())
        message += u". Did you mean '%1'?"_s.arg(hint);
    return message;
}

QStringList coreRestParameters()
{
    return {u"filter"_s,
            u"order_by"_s,
            u"limit"_s,
            u"starting_after"_s,
            u"ending_before"_s,
            u"depth"_s,
            u"fields"_s,
            u"soft_delete"_s,
            u"upsert"_s,
            u"omit_null_values"_s,
            u"group_by"_s,
            u"aggregate"_s,
            u"include_records_sample"_s,
            u"order_by_for_records"_s,
            u"view_id"_s,
            u"token"_s};
}

} // namespace vingt
