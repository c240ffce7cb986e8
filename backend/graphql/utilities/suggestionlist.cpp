#include "graphql/utilities/suggestionlist.h"

#include <algorithm>
#include <array>
#include <optional>
#include <vector>

namespace vingt::graphql {

using namespace Qt::StringLiterals;

namespace {

std::optional<int> lexicalDistance(const QString &input, const QString &inputLower, const QString &option,
                                   int threshold)
{
    if (input == option)
        return 0;
    const QString optionLower = option.toLower();
    if (inputLower == optionLower)
        return 1;
    QStringView a = optionLower;
    QStringView b = inputLower;
    if (a.size() < b.size())
        std::swap(a, b);
    const qsizetype aLength = a.size();
    const qsizetype bLength = b.size();
    if (aLength - bLength > threshold)
        return std::nullopt;
    std::array<std::vector<int>, 3> rows;
    for (auto &row : rows)
        row.assign(size_t(bLength + 1), 0);
    for (qsizetype j = 0; j <= bLength; ++j)
        rows[0][size_t(j)] = int(j);
    for (qsizetype i = 1; i <= aLength; ++i) {
        auto &upRow = rows[size_t((i - 1) % 3)];
        auto &currentRow = rows[size_t(i % 3)];
        int smallestCell = currentRow[0] = int(i);
        for (qsizetype j = 1; j <= bLength; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            int currentCell = std::min({upRow[size_t(j)] + 1, currentRow[size_t(j - 1)] + 1, upRow[size_t(j - 1)] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                const int doubleDiagonalCell = rows[size_t((i - 2) % 3)][size_t(j - 2)];
                currentCell = std::min(currentCell, doubleDiagonalCell + 1);
            }
            smallestCell = std::min(smallestCell, currentCell);
            currentRow[size_t(j)] = currentCell;
        }
        if (smallestCell > threshold)
            return std::nullopt;
    }
    const int distance = rows[size_t(aLength % 3)][size_t(bLength)];
    return distance <= threshold ? std::optional<int>(distance) : std::nullopt;
}

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

} // namespace

QStringList suggestionList(const QString &input, const QStringList &options)
{
    const QString inputLower = input.toLower();
    const int threshold = int(input.size() * 0.4) + 1;
    std::vector<std::pair<QString, int>> matches;
    for (const QString &option : options) {
        if (const auto distance = lexicalDistance(input, inputLower, option, threshold))
            matches.emplace_back(option, *distance);
    }
    std::sort(matches.begin(), matches.end(), [](const auto &x, const auto &y) {
        if (x.second != y.second)
            return x.second < y.second;
        return naturalCompare(x.first, y.first) < 0;
    });
    QStringList result;
    for (const auto &match : matches) {
        if (!result.contains(match.first))
            result.append(match.first);
    }
    return result;
}

QString didYouMean(const QStringList &suggestions)
{
    return didYouMean(QString(), suggestions);
}

QString didYouMean(const QString &subMessage, const QStringList &suggestions)
{
    if (suggestions.isEmpty())
        return {};
    QString message = u" Did you mean "_s;
    if (!subMessage.isEmpty())
        message += subMessage + u' ';
    QStringList quoted;
    for (const QString &suggestion : suggestions)
        quoted.append(u'"' + suggestion + u'"');
    if (quoted.size() == 1)
        return message + quoted[0] + u'?';
    if (quoted.size() == 2)
        return message + quoted[0] + u" or "_s + quoted[1] + u'?';
    QStringList selected = quoted.mid(0, 5);
    const QString last = selected.takeLast();
    return message + selected.join(u", "_s) + u", or "_s + last + u'?';
}

int naturalCompare(const QString &a, const QString &b)
{
    qsizetype ai = 0;
    qsizetype bi = 0;
    while (ai < a.size() && bi < b.size()) {
        QChar ac = a[ai];
        QChar bc = b[bi];
        if (isDigit(ac) && isDigit(bc)) {
            qint64 an = 0;
            do {
                ++ai;
                an = an * 10 + (ac.unicode() - u'0');
                ac = ai < a.size() ? a[ai] : QChar();
            } while (isDigit(ac) && an > 0);
            qint64 bn = 0;
            do {
                ++bi;
                bn = bn * 10 + (bc.unicode() - u'0');
                bc = bi < b.size() ? b[bi] : QChar();
            } while (isDigit(bc) && bn > 0);
            if (an < bn)
                return -1;
            if (an > bn)
                return 1;
        } else {
            if (ac < bc)
                return -1;
            if (ac > bc)
                return 1;
            ++ai;
            ++bi;
        }
    }
    return int(a.size() - b.size());
}

} // namespace vingt::graphql
