#include "query/restfilterparser.h"

#include <QJsonArray>
#include <QStringList>

#include <algorithm>
#include <array>

namespace vingt {

using namespace Qt::StringLiterals;

namespace {

// API-CONTRACT §1.4, error wording.
Error malformedItem(QStringView item)
{
    return Error::badRequest(u"'filter' invalid for '%1'. eg: price[gte]:10"_s.arg(item));
}

Error unknownComparator(QStringView item, QStringView comparator)
{
    QStringList names;
    for (const Comparator op : restComparators())
        names << comparatorName(op);
    return Error::badRequest(
        u"'filter' invalid for '%1', comparator %2 not in %3"_s.arg(item, comparator, names.join(u", "_s)));
}

Error arrayExpected(Comparator op, QStringView value)
{
    const QLatin1StringView name = comparatorName(op);
    return Error::badRequest(
        u"'filter' invalid for '%1' operator. Received %2 array value expected eg: 'field[%1]:[value_1,value_2]'"_s.arg(
            name, value));
}

Error unbalanced(qsizetype opened, qsizetype closed)
{
    const qsizetype missing = qAbs(opened - closed);
    const QString what = opened > closed ? u"close"_s : u"open"_s;
    const QString hint = missing > 1 ? u"%1 %2 brackets are"_s.arg(missing).arg(what)
                                     : u"%1 %2 bracket is"_s.arg(missing).arg(what);
    return Error::badRequest(u"'filter' invalid. %1 missing in the query"_s.arg(hint));
}

Error notTakesOne()
{
    return Error::badRequest(
        u"'filter' invalid. 'not' conjunction should contain only 1 condition. eg: not(field[eq]:1)"_s);
}

bool isQuote(QChar c)
{
    return c == u'"' || c == u'\'';
}

/// A field or sub-field name: letters, digits and underscores (metadata names are camelCase identifiers).
bool isName(QStringView part)
{
    if (part.isEmpty())
        return false;
    for (const QChar c : part) {
        if (!(c.isLetterOrNumber() || c == u'_'))
            return false;
    }
    return true;
}

QStringView trimmedLeft(QStringView s)
{
    qsizetype i = 0;
    while (i < s.size() && s[i].isSpace())
        ++i;
    return s.mid(i);
}

/// Walks a filter text keeping track of parentheses, `[...]` and quoted values. A quote opens a quoted value only
/// where a value starts (after ':' or, inside brackets, after '[' or ','), and only when it is closed later on;
/// otherwise it is an ordinary character, as in `O'Brien`.
class Scanner
{
public:
    explicit Scanner(QStringView text) : m_text(text) {}

    /// Advances past one character or one whole quoted value. Returns false at the end.
    bool next()
    {
        if (m_pos >= m_text.size())
            return false;
        m_quoted = false;
        const QChar c = m_text[m_pos];
        if (isQuote(c) && atValueStart()) {
            const qsizetype close = m_text.indexOf(c, m_pos + 1);
            if (close > m_pos) {
                m_start = m_pos;
                m_pos = close + 1;
                m_quoted = true;
                m_last = c;
                return true;
            }
        }
        if (c == u'(')
            ++m_parens;
        else if (c == u')')
            --m_parens;
        else if (c == u'[')
            ++m_brackets;
        else if (c == u']' && m_brackets > 0)
            --m_brackets;
        if (!c.isSpace())
            m_last = c;
        m_start = m_pos++;
        return true;
    }

    /// The character just consumed (the opening quote of a quoted value).
    [[nodiscard]] QChar current() const { return m_text[m_start]; }
    [[nodiscard]] qsizetype position() const { return m_start; }
    [[nodiscard]] bool quoted() const { return m_quoted; }
    [[nodiscard]] int parens() const { return m_parens; }
    [[nodiscard]] int brackets() const { return m_brackets; }

private:
    [[nodiscard]] bool atValueStart() const
    {
        return m_last == u':' || (m_brackets > 0 && (m_last == u'[' || m_last == u','));
    }

    QStringView m_text;
    qsizetype m_pos = 0;
    qsizetype m_start = 0;
    int m_parens = 0;
    int m_brackets = 0;
    bool m_quoted = false;
    QChar m_last; ///< last non-space character before the current position
};

/// Splits at commas outside parentheses, brackets and quoted values.
std::vector<QStringView> splitItems(QStringView text)
{
    std::vector<QStringView> items;
    qsizetype begin = 0;
    Scanner scanner(text);
    while (scanner.next()) {
        if (!scanner.quoted() && scanner.current() == u',' && scanner.parens() == 0 && scanner.brackets() == 0) {
            items.push_back(text.mid(begin, scanner.position() - begin));
            begin = scanner.position() + 1;
        }
    }
    items.push_back(text.mid(begin));
    return items;
}

/// `and(...)`, `or(...)`, `not(...)` whose opening parenthesis is closed by the last character.
struct Conjunction {
    FilterNode::Kind kind;
    QStringView content;
};

std::optional<Conjunction> matchConjunction(QStringView item)
{
    static const std::array<std::pair<QLatin1StringView, FilterNode::Kind>, 3> kConjunctions{{
        {"and("_L1, FilterNode::Kind::And},
        {"or("_L1, FilterNode::Kind::Or},
        {"not("_L1, FilterNode::Kind::Not},
    }};
    for (const auto &[prefix, kind] : kConjunctions) {
        if (!item.startsWith(prefix) || !item.endsWith(u')'))
            continue;
        // The parenthesis opened by the conjunction must close exactly at the end.
        const QStringView rest = item.mid(prefix.size() - 1);
        Scanner scanner(rest);
        qsizetype closedAt = -1;
        while (scanner.next()) {
            if (!scanner.quoted() && scanner.parens() == 0) {
                closedAt = scanner.position();
                break;
            }
        }
        if (closedAt != rest.size() - 1)
            return std::nullopt;
        return Conjunction{kind, rest.mid(1, rest.size() - 2)};
    }
    return std::nullopt;
}

QString unquote(QStringView value)
{
    if (value.size() >= 2 && isQuote(value.front()) && value.back() == value.front())
        return value.mid(1, value.size() - 2).toString();
    return value.toString();
}

QJsonArray parseArray(QStringView value)
{
    QJsonArray out;
    const QStringView content = value.mid(1, value.size() - 2);
    if (content.trimmed().isEmpty())
        return out;
    // Items split like filter items: commas inside quotes do not count. Reuse the scanner on "[...]" itself.
    qsizetype begin = 1;
    Scanner scanner(value);
    while (scanner.next()) {
        const bool end = scanner.position() == value.size() - 1;
        if (end || (!scanner.quoted() && scanner.current() == u',' && scanner.brackets() == 1)) {
            out.append(unquote(value.mid(begin, scanner.position() - begin).trimmed()));
            begin = scanner.position() + 1;
        }
    }
    return out;
}

Result<FilterNode> parseBase(QStringView item)
{
    const qsizetype open = item.indexOf(u'[');
    const qsizetype close = open < 0 ? -1 : item.indexOf(u']', open + 1);
    if (open <= 0 || close <= open + 1 || close + 1 >= item.size() || item[close + 1] != u':'
        || close + 2 >= item.size())
        return malformedItem(item);
    const QStringView path = item.left(open);
    const auto parts = path.split(u'.');
    for (const QStringView part : parts) {
        if (!isName(part))
            return malformedItem(item);
    }
    const QStringView comparatorText = item.mid(open + 1, close - open - 1);
    const auto op = comparatorFromName(comparatorText);
    if (!op || std::find(restComparators().begin(), restComparators().end(), *op) == restComparators().end())
        return unknownComparator(item, comparatorText);

    const QStringView valueText = item.mid(close + 2);
    QJsonValue value;
    if (*op == Comparator::In || *op == Comparator::ContainsAny || *op == Comparator::ContainsExactly) {
        if (!valueText.startsWith(u'[') || !valueText.endsWith(u']') || valueText.size() < 2)
            return arrayExpected(*op, valueText);
        value = parseArray(valueText);
    } else {
        value = unquote(valueText);
    }
    const QString field = parts.front().toString();
    const QString subField = parts.size() > 1 ? path.mid(field.size() + 1).toString() : QString();
    return FilterNode::makeCondition(field, subField, *op, value);
}

Result<FilterNode> parseItem(QStringView rawItem)
{
    const QStringView item = trimmedLeft(rawItem);
    const auto conjunction = matchConjunction(item);
    if (!conjunction)
        return parseBase(item);
    if (conjunction->content.trimmed().isEmpty())
        return malformedItem(item);
    std::vector<FilterNode> children;
    for (const QStringView child : splitItems(conjunction->content)) {
        auto node = parseItem(child);
        if (!node)
            return node.error();
        children.push_back(std::move(node).value());
    }
    switch (conjunction->kind) {
    case FilterNode::Kind::Not:
        if (children.size() != 1)
            return notTakesOne();
        return FilterNode::makeNot(std::move(children.front()));
    case FilterNode::Kind::Or: return FilterNode::makeOr(std::move(children));
    default: return FilterNode::makeAnd(std::move(children));
    }
}

} // namespace

Result<FilterNode> parseRestFilter(QStringView text)
{
    // An empty filter is an error rather than "everything": `DELETE /rest/people?filter=` must not destroy all rows.
    if (text.trimmed().isEmpty())
        return malformedItem(text);

    qsizetype opened = 0;
    qsizetype closed = 0;
    Scanner scanner(text);
    while (scanner.next()) {
        if (scanner.quoted())
            continue;
        if (scanner.current() == u'(')
            ++opened;
        else if (scanner.current() == u')')
            ++closed;
    }
    if (opened != closed)
        return unbalanced(opened, closed);

    const QStringView trimmed = trimmedLeft(text);
    if (matchConjunction(trimmed))
        return parseItem(trimmed);
    // API-CONTRACT §1.4: no enclosing conjunction means and(...).
    std::vector<FilterNode> children;
    for (const QStringView item : splitItems(text)) {
        auto node = parseItem(item);
        if (!node)
            return node.error();
        children.push_back(std::move(node).value());
    }
    return FilterNode::makeAnd(std::move(children));
}

} // namespace vingt
