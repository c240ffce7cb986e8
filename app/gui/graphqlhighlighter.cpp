#include "gui/graphqlhighlighter.h"

#include <QSet>
#include <QStringList>
#include <QSyntaxHighlighter>
#include <QTextDocument>

#include <algorithm>
#include <iterator>
#include <vector>

namespace vingt::gui {

using namespace Qt::StringLiterals;

namespace {

enum BlockState { Normal = 0, InBlockString = 1 };

bool isNameStart(QChar c)
{
    return c.isLetter() || c == u'_';
}

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

} // namespace

/// The QSyntaxHighlighter on the document: a small scanner per line (GraphQL tokens never span lines except block
/// strings, carried in the block state).
class GraphQLSyntaxHighlighter : public QSyntaxHighlighter
{
public:
    GraphQLSyntaxHighlighter(QTextDocument *document, const GraphQLHighlighter &owner)
        : QSyntaxHighlighter(document)
        , m_owner(owner)
    {}

protected:
    void highlightBlock(const QString &text) override
    {
        static const QSet<QString> kKeywords{u"query"_s, u"mutation"_s, u"subscription"_s, u"fragment"_s,
                                             u"on"_s,    u"true"_s,     u"false"_s,        u"null"_s};
        const GraphQLHighlighter::Colors colors = m_owner.colors();
        QTextCharFormat keyword, variable, string, number, comment, punctuation;
        keyword.setForeground(colors.keyword);
        keyword.setFontWeight(QFont::DemiBold);
        variable.setForeground(colors.variable);
        string.setForeground(colors.string);
        number.setForeground(colors.number);
        comment.setForeground(colors.comment);
        comment.setFontItalic(true);
        punctuation.setForeground(colors.punctuation);

        const qsizetype n = text.size();
        qsizetype i = 0;
        setCurrentBlockState(Normal);
        if (previousBlockState() == InBlockString) {
            const qsizetype end = text.indexOf("\"\"\""_L1);
            if (end < 0) {
                setFormat(0, int(n), string);
                setCurrentBlockState(InBlockString);
                return;
            }
            setFormat(0, int(end + 3), string);
            i = end + 3;
        }
        while (i < n) {
            const QChar c = text.at(i);
            if (c == u'#') {
                setFormat(int(i), int(n - i), comment);
                return;
            }
            if (text.mid(i, 3) == "\"\"\""_L1) {
                const qsizetype end = text.indexOf("\"\"\""_L1, i + 3);
                if (end < 0) {
                    setFormat(int(i), int(n - i), string);
                    setCurrentBlockState(InBlockString);
                    return;
                }
                setFormat(int(i), int(end + 3 - i), string);
                i = end + 3;
            } else if (c == u'"') {
                qsizetype j = i + 1;
                while (j < n && text.at(j) != u'"')
                    j += text.at(j) == u'\\' ? 2 : 1;
                j = std::min(j + 1, n);
                setFormat(int(i), int(j - i), string);
                i = j;
            } else if ((c == u'$' || c == u'@') && i + 1 < n && isNameStart(text.at(i + 1))) {
                qsizetype j = i + 1;
                while (j < n && isNameChar(text.at(j)))
                    ++j;
                setFormat(int(i), int(j - i), c == u'$' ? variable : keyword);
                i = j;
            } else if (isNameStart(c)) {
                qsizetype j = i;
                while (j < n && isNameChar(text.at(j)))
                    ++j;
                if (kKeywords.contains(text.mid(i, j - i)))
                    setFormat(int(i), int(j - i), keyword);
                i = j;
            } else if (c.isDigit() || (c == u'-' && i + 1 < n && text.at(i + 1).isDigit())) {
                qsizetype j = i + 1;
                while (j < n
                       && (text.at(j).isLetterOrNumber() || text.at(j) == u'.' || text.at(j) == u'+'
                           || text.at(j) == u'-'))
                    ++j;
                setFormat(int(i), int(j - i), number);
                i = j;
            } else {
                if (u"{}()[]:=!|&"_s.contains(c) || text.mid(i, 3) == "..."_L1)
                    setFormat(int(i), c == u'.' ? 3 : 1, punctuation);
                i += c == u'.' && text.mid(i, 3) == "..."_L1 ? 3 : 1;
            }
        }
    }

private:
    const GraphQLHighlighter &m_owner;
};

GraphQLHighlighter::GraphQLHighlighter(QObject *parent) : QObject(parent)
{
    connect(this, &GraphQLHighlighter::colorsChanged, this, [this] {
        if (m_highlighter)
            m_highlighter->rehighlight();
    });
}

GraphQLHighlighter::~GraphQLHighlighter()
{
    delete m_highlighter; // owned by the document, but it refers to this object
}

void GraphQLHighlighter::setDocument(QQuickTextDocument *document)
{
    if (document == m_document)
        return;
    delete m_highlighter;
    m_highlighter = nullptr;
    m_document = document;
    if (document && document->textDocument())
        m_highlighter = new GraphQLSyntaxHighlighter(document->textDocument(), *this);
    Q_EMIT documentChanged();
}

GraphQLHighlighter::Colors GraphQLHighlighter::colors() const
{
    return {m_keywordColor, m_variableColor, m_stringColor, m_numberColor, m_commentColor, m_punctuationColor};
}

namespace {

/// Offsets of the brackets of `text` outside strings and comments, with their kind.
struct Bracket {
    int offset;
    QChar c;
};

std::vector<Bracket> brackets(const QString &text)
{
    std::vector<Bracket> out;
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (c == u'#') {
            while (i < n && text.at(i) != u'\n')
                ++i;
        } else if (c == u'"') {
            const bool block = text.mid(i, 3) == "\"\"\""_L1;
            const qsizetype end = block ? text.indexOf("\"\"\""_L1, i + 3) : [&] {
                qsizetype j = i + 1;
                while (j < n && text.at(j) != u'"' && text.at(j) != u'\n')
                    j += text.at(j) == u'\\' ? 2 : 1;
                return j;
            }();
            i = end < 0 ? n : end + (block ? 2 : 0);
        } else if (u"{}()[]"_s.contains(c)) {
            out.push_back({int(i), c});
        }
    }
    return out;
}

QChar partner(QChar c)
{
    switch (c.unicode()) {
    case '{': return u'}';
    case '}': return u'{';
    case '(': return u')';
    case ')': return u'(';
    case '[': return u']';
    case ']': return u'[';
    default: return {};
    }
}

} // namespace

int GraphQLHighlighter::bracketAt(const QString &text, int cursor)
{
    const std::vector<Bracket> all = brackets(text);
    // The bracket just before the cursor wins over the one after it (the one just typed).
    for (int offset : {cursor - 1, cursor}) {
        for (const Bracket &b : all) {
            if (b.offset == offset)
                return offset;
        }
    }
    return -1;
}

int GraphQLHighlighter::matchingBracket(const QString &text, int cursor)
{
    const int at = bracketAt(text, cursor);
    if (at < 0)
        return -1;
    const std::vector<Bracket> all = brackets(text);
    const QChar c = text.at(at);
    const QChar other = partner(c);
    const bool forward = c == u'{' || c == u'(' || c == u'[';
    auto it = std::find_if(all.begin(), all.end(), [&](const Bracket &b) { return b.offset == at; });
    int depth = 0;
    if (forward) {
        for (auto j = it; j != all.end(); ++j) {
            depth += j->c == c ? 1 : j->c == other ? -1 : 0;
            if (depth == 0)
                return j->offset;
        }
    } else {
        for (auto j = std::make_reverse_iterator(it + 1); j != all.rend(); ++j) {
            depth += j->c == c ? 1 : j->c == other ? -1 : 0;
            if (depth == 0)
                return j->offset;
        }
    }
    return -1;
}

} // namespace vingt::gui
