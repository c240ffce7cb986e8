#include "graphql/language/blockstring.h"

#include <limits>

namespace vingt::graphql {

using namespace Qt::StringLiterals;

namespace {

bool isWhiteSpace(QChar c)
{
    return c == u' ' || c == u'\t';
}

qsizetype leadingWhitespace(QStringView line)
{
    qsizetype i = 0;
    while (i < line.size() && isWhiteSpace(line[i]))
        ++i;
    return i;
}

} // namespace

QStringList dedentBlockStringLines(const QStringList &lines)
{
    qsizetype commonIndent = std::numeric_limits<qsizetype>::max();
    qsizetype firstNonEmptyLine = -1;
    qsizetype lastNonEmptyLine = -1;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &line = lines[i];
        const qsizetype indent = leadingWhitespace(line);
        if (indent == line.size())
            continue; // blank line
        if (firstNonEmptyLine < 0)
            firstNonEmptyLine = i;
        lastNonEmptyLine = i;
        if (i != 0 && indent < commonIndent)
            commonIndent = indent;
    }
    QStringList result;
    if (firstNonEmptyLine < 0)
        return result;
    for (qsizetype i = firstNonEmptyLine; i <= lastNonEmptyLine; ++i) {
        if (i == 0 || commonIndent == std::numeric_limits<qsizetype>::max())
            result.append(lines[i]);
        else
            result.append(lines[i].mid(commonIndent));
    }
    return result;
}

bool isPrintableAsBlockString(QStringView value)
{
    if (value.isEmpty())
        return true;
    bool isEmptyLine = true;
    bool hasIndent = false;
    bool hasCommonIndent = true;
    bool seenNonEmptyLine = false;
    for (const QChar c : value) {
        switch (c.unicode()) {
        case 0x0000:
        case 0x0001:
        case 0x0002:
        case 0x0003:
        case 0x0004:
        case 0x0005:
        case 0x0006:
        case 0x0007:
        case 0x0008:
        case 0x000B:
        case 0x000C:
        case 0x000E:
        case 0x000F: return false; // non-printable
        case 0x000D: return false; // \r would read back as \n
        case 0x000A:
            if (isEmptyLine && !seenNonEmptyLine)
                return false; // leading new line
            seenNonEmptyLine = true;
            isEmptyLine = true;
            hasIndent = false;
            break;
        case 0x0009:
        case 0x0020: hasIndent = hasIndent || isEmptyLine; break;
        default:
            hasCommonIndent = hasCommonIndent && hasIndent;
            isEmptyLine = false;
        }
    }
    if (isEmptyLine)
        return false; // trailing empty lines
    if (hasCommonIndent && seenNonEmptyLine)
        return false; // internal indent
    return true;
}

QString printBlockString(const QString &value)
{
    QString escaped = value;
    escaped.replace(u"\"\"\""_s, u"\\\"\"\""_s);
    QString normalized = escaped;
    normalized.replace(u"\r\n"_s, u"\n"_s).replace(u'\r', u'\n');
    const QStringList lines = normalized.split(u'\n');
    const bool isSingleLine = lines.size() == 1;
    bool forceLeadingNewLine = lines.size() > 1;
    for (qsizetype i = 1; i < lines.size() && forceLeadingNewLine; ++i) {
        if (!lines[i].isEmpty() && !isWhiteSpace(lines[i][0]))
            forceLeadingNewLine = false;
    }
    const bool hasTrailingTripleQuotes = escaped.endsWith(u"\\\"\"\""_s);
    const bool hasTrailingQuote = value.endsWith(u'"') && !hasTrailingTripleQuotes;
    const bool hasTrailingSlash = value.endsWith(u'\\');
    const bool forceTrailingNewline = hasTrailingQuote || hasTrailingSlash;
    const bool printAsMultipleLines = !isSingleLine || value.size() > 70 || forceTrailingNewline
        || forceLeadingNewLine || hasTrailingTripleQuotes;
    QString result;
    const bool skipLeadingNewLine = isSingleLine && !value.isEmpty() && isWhiteSpace(value[0]);
    if ((printAsMultipleLines && !skipLeadingNewLine) || forceLeadingNewLine)
        result += u'\n';
    result += escaped;
    if (printAsMultipleLines || forceTrailingNewline)
        result += u'\n';
    return u"\"\"\""_s + result + u"\"\"\""_s;
}

QString printString(QStringView value)
{
    static const char hex[] = "0123456789ABCDEF";
    QString out;
    out.reserve(value.size() + 2);
    out += u'"';
    for (const QChar c : value) {
        const char16_t u = c.unicode();
        switch (u) {
        case u'"': out += u"\\\""_s; continue;
        case u'\\': out += u"\\\\"_s; continue;
        case u'\b': out += u"\\b"_s; continue;
        case u'\f': out += u"\\f"_s; continue;
        case u'\n': out += u"\\n"_s; continue;
        case u'\r': out += u"\\r"_s; continue;
        case u'\t': out += u"\\t"_s; continue;
        default: break;
        }
        if (u < 0x20 || (u >= 0x7F && u <= 0x9F)) {
            out += u"\\u00"_s;
            out += QChar(hex[u >> 4]);
            out += QChar(hex[u & 0xF]);
            continue;
        }
        out += c;
    }
    out += u'"';
    return out;
}

} // namespace vingt::graphql
