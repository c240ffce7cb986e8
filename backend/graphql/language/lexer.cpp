#include "graphql/language/lexer.h"

#include "graphql/language/blockstring.h"

namespace vingt::graphql {

using namespace Qt::StringLiterals;

namespace {

bool isDigit(int code)
{
    return code >= '0' && code <= '9';
}

bool isNameStart(int code)
{
    return (code >= 'A' && code <= 'Z') || (code >= 'a' && code <= 'z') || code == '_';
}

bool isNameContinue(int code)
{
    return isNameStart(code) || isDigit(code);
}

bool isUnicodeScalarValue(int code)
{
    return (code >= 0x0000 && code <= 0xD7FF) || (code >= 0xE000 && code <= 0x10FFFF);
}

bool isLeadingSurrogate(int code)
{
    return code >= 0xD800 && code <= 0xDBFF;
}

bool isTrailingSurrogate(int code)
{
    return code >= 0xDC00 && code <= 0xDFFF;
}

int readHexDigit(int code)
{
    if (code >= '0' && code <= '9')
        return code - '0';
    if (code >= 'A' && code <= 'F')
        return code - 'A' + 10;
    if (code >= 'a' && code <= 'f')
        return code - 'a' + 10;
    return -1;
}

void appendCodePoint(QString &out, char32_t codePoint)
{
    const char32_t points[1] = {codePoint};
    out.append(QString::fromUcs4(points, 1));
}

} // namespace

QString tokenKindDescription(TokenKind kind)
{
    switch (kind) {
    case TokenKind::Sof: return u"<SOF>"_s;
    case TokenKind::Eof: return u"<EOF>"_s;
    case TokenKind::Bang: return u"\"!\""_s;
    case TokenKind::Dollar: return u"\"$\""_s;
    case TokenKind::Amp: return u"\"&\""_s;
    case TokenKind::ParenL: return u"\"(\""_s;
    case TokenKind::ParenR: return u"\")\""_s;
    case TokenKind::Spread: return u"\"...\""_s;
    case TokenKind::Colon: return u"\":\""_s;
    case TokenKind::Equals: return u"\"=\""_s;
    case TokenKind::At: return u"\"@\""_s;
    case TokenKind::BracketL: return u"\"[\""_s;
    case TokenKind::BracketR: return u"\"]\""_s;
    case TokenKind::BraceL: return u"\"{\""_s;
    case TokenKind::Pipe: return u"\"|\""_s;
    case TokenKind::BraceR: return u"\"}\""_s;
    case TokenKind::Name: return u"Name"_s;
    case TokenKind::Int: return u"Int"_s;
    case TokenKind::Float: return u"Float"_s;
    case TokenKind::String: return u"String"_s;
    case TokenKind::BlockString: return u"BlockString"_s;
    case TokenKind::Comment: return u"Comment"_s;
    }
    return {};
}

bool isPunctuator(TokenKind kind)
{
    switch (kind) {
    case TokenKind::Bang:
    case TokenKind::Dollar:
    case TokenKind::Amp:
    case TokenKind::ParenL:
    case TokenKind::ParenR:
    case TokenKind::Spread:
    case TokenKind::Colon:
    case TokenKind::Equals:
    case TokenKind::At:
    case TokenKind::BracketL:
    case TokenKind::BracketR:
    case TokenKind::BraceL:
    case TokenKind::Pipe:
    case TokenKind::BraceR: return true;
    default: return false;
    }
}

QString tokenDescription(const Token &token)
{
    const bool hasValue = token.kind == TokenKind::Name || token.kind == TokenKind::Int
        || token.kind == TokenKind::Float || token.kind == TokenKind::String || token.kind == TokenKind::BlockString
        || token.kind == TokenKind::Comment;
    QString description = tokenKindDescription(token.kind);
    if (hasValue)
        description += u" \""_s + token.value + u'"';
    return description;
}

Lexer::Lexer(QStringView source)
    : m_source(source)
{
}

const Token &Lexer::advance()
{
    m_lastToken = m_token;
    m_token = lookahead();
    m_lookahead.reset();
    return m_token;
}

const Token &Lexer::lookahead()
{
    if (!m_lookahead) {
        if (m_token.kind == TokenKind::Eof) {
            m_lookahead = m_token;
        } else {
            Token next;
            do {
                next = readToken();
            } while (next.kind == TokenKind::Comment);
            m_lookahead = std::move(next);
        }
    }
    return *m_lookahead;
}

int Lexer::codeAt(qsizetype position) const
{
    return position < m_source.size() ? m_source[position].unicode() : -1;
}

void Lexer::fail(qsizetype position, QString message) const
{
    throw SyntaxError{position, std::move(message)};
}

QString Lexer::printCodePointAt(qsizetype position) const
{
    if (position >= m_source.size())
        return tokenKindDescription(TokenKind::Eof);
    int code = codeAt(position);
    if (isLeadingSurrogate(code) && isTrailingSurrogate(codeAt(position + 1)))
        code = QChar::surrogateToUcs4(char16_t(code), char16_t(codeAt(position + 1)));
    if (code >= 0x20 && code <= 0x7E) {
        if (code == '"')
            return u"'\"'"_s;
        return u'"' + QString(QChar(code)) + u'"';
    }
    return u"U+"_s + QString::number(code, 16).toUpper().rightJustified(4, u'0');
}

Token Lexer::makeToken(TokenKind kind, qsizetype start, qsizetype end, QString value) const
{
    Token token;
    token.kind = kind;
    token.start = start;
    token.end = end;
    token.line = m_line;
    token.column = int(1 + start - m_lineStart);
    token.value = std::move(value);
    return token;
}

Token Lexer::readToken()
{
    const qsizetype length = m_source.size();
    qsizetype position = m_position;
    Token token;
    bool found = false;
    while (position < length && !found) {
        const int code = codeAt(position);
        switch (code) {
        case 0xFEFF: // BOM
        case '\t':
        case ' ':
        case ',': ++position; continue;
        case '\n':
            ++position;
            ++m_line;
            m_lineStart = position;
            continue;
        case '\r':
            position += codeAt(position + 1) == '\n' ? 2 : 1;
            ++m_line;
            m_lineStart = position;
            continue;
        case '#': token = readComment(position); found = true; continue;
        case '!': token = makeToken(TokenKind::Bang, position, position + 1); found = true; continue;
        case '$': token = makeToken(TokenKind::Dollar, position, position + 1); found = true; continue;
        case '&': token = makeToken(TokenKind::Amp, position, position + 1); found = true; continue;
        case '(': token = makeToken(TokenKind::ParenL, position, position + 1); found = true; continue;
        case ')': token = makeToken(TokenKind::ParenR, position, position + 1); found = true; continue;
        case '.':
            if (codeAt(position + 1) == '.' && codeAt(position + 2) == '.') {
                token = makeToken(TokenKind::Spread, position, position + 3);
                found = true;
                continue;
            }
            break;
        case ':': token = makeToken(TokenKind::Colon, position, position + 1); found = true; continue;
        case '=': token = makeToken(TokenKind::Equals, position, position + 1); found = true; continue;
        case '@': token = makeToken(TokenKind::At, position, position + 1); found = true; continue;
        case '[': token = makeToken(TokenKind::BracketL, position, position + 1); found = true; continue;
        case ']': token = makeToken(TokenKind::BracketR, position, position + 1); found = true; continue;
        case '{': token = makeToken(TokenKind::BraceL, position, position + 1); found = true; continue;
        case '|': token = makeToken(TokenKind::Pipe, position, position + 1); found = true; continue;
        case '}': token = makeToken(TokenKind::BraceR, position, position + 1); found = true; continue;
        case '"':
            if (codeAt(position + 1) == '"' && codeAt(position + 2) == '"')
                token = readBlockString(position);
            else
                token = readString(position);
            found = true;
            continue;
        default: break;
        }
        if (isDigit(code) || code == '-') {
            token = readNumber(position, char16_t(code));
            found = true;
            continue;
        }
        if (isNameStart(code)) {
            token = readName(position);
            found = true;
            continue;
        }
        if (code == '\'')
            fail(position, u"Unexpected single quote character ('), did you mean to use a double quote (\")?"_s);
        const bool supplementary = isLeadingSurrogate(code) && isTrailingSurrogate(codeAt(position + 1));
        if (isUnicodeScalarValue(code) || supplementary)
            fail(position, u"Unexpected character: "_s + printCodePointAt(position) + u'.');
        fail(position, u"Invalid character: "_s + printCodePointAt(position) + u'.');
    }
    if (!found)
        token = makeToken(TokenKind::Eof, length, length);
    m_position = token.end;
    return token;
}

Token Lexer::readComment(qsizetype start)
{
    const qsizetype length = m_source.size();
    qsizetype position = start + 1;
    while (position < length) {
        const int code = codeAt(position);
        if (code == '\n' || code == '\r')
            break;
        if (isUnicodeScalarValue(code))
            ++position;
        else if (isLeadingSurrogate(code) && isTrailingSurrogate(codeAt(position + 1)))
            position += 2;
        else
            break;
    }
    return makeToken(TokenKind::Comment, start, position, m_source.sliced(start + 1, position - start - 1).toString());
}

Token Lexer::readNumber(qsizetype start, char16_t first)
{
    qsizetype position = start;
    int code = first;
    bool isFloat = false;
    if (code == '-')
        code = codeAt(++position);
    if (code == '0') {
        code = codeAt(++position);
        if (isDigit(code))
            fail(position, u"Invalid number, unexpected digit after 0: "_s + printCodePointAt(position) + u'.');
    } else {
        position = readDigits(position, code);
        code = codeAt(position);
    }
    if (code == '.') {
        isFloat = true;
        code = codeAt(++position);
        position = readDigits(position, code);
        code = codeAt(position);
    }
    if (code == 'E' || code == 'e') {
        isFloat = true;
        code = codeAt(++position);
        if (code == '+' || code == '-')
            code = codeAt(++position);
        position = readDigits(position, code);
        code = codeAt(position);
    }
    if (code == '.' || isNameStart(code))
        fail(position, u"Invalid number, expected digit but got: "_s + printCodePointAt(position) + u'.');
    return makeToken(isFloat ? TokenKind::Float : TokenKind::Int, start, position,
                     m_source.sliced(start, position - start).toString());
}

qsizetype Lexer::readDigits(qsizetype start, int first)
{
    if (!isDigit(first))
        fail(start, u"Invalid number, expected digit but got: "_s + printCodePointAt(start) + u'.');
    qsizetype position = start + 1;
    while (isDigit(codeAt(position)))
        ++position;
    return position;
}

Token Lexer::readString(qsizetype start)
{
    const qsizetype length = m_source.size();
    qsizetype position = start + 1;
    qsizetype chunkStart = position;
    QString value;
    while (position < length) {
        const int code = codeAt(position);
        if (code == '"') {
            value += m_source.sliced(chunkStart, position - chunkStart);
            return makeToken(TokenKind::String, start, position + 1, std::move(value));
        }
        if (code == '\\') {
            value += m_source.sliced(chunkStart, position - chunkStart);
            const int next = codeAt(position + 1);
            if (next == 'u' && codeAt(position + 2) == '{') {
                // \u{X...}: at most 12 characters (\u{00000000}), at least 5 (\u{0}), a Unicode scalar value.
                qint64 point = 0;
                qsizetype size = 3;
                bool ok = false;
                while (size < 12) {
                    const int c = codeAt(position + size++);
                    if (c == '}') {
                        ok = size >= 5 && isUnicodeScalarValue(int(point));
                        break;
                    }
                    const int digit = readHexDigit(c);
                    if (digit < 0)
                        break;
                    point = (point << 4) | digit;
                    if (point > 0x10FFFF)
                        break;
                }
                if (!ok) {
                    fail(position, u"Invalid Unicode escape sequence: \""_s
                                       + m_source.sliced(position, std::min(size, length - position)).toString()
                                       + u"\"."_s);
                }
                appendCodePoint(value, char32_t(point));
                position += size;
            } else if (next == 'u') {
                auto read16 = [&](qsizetype at) {
                    int result = 0;
                    for (int i = 0; i < 4; ++i) {
                        const int digit = readHexDigit(codeAt(at + i));
                        if (digit < 0)
                            return -1;
                        result = (result << 4) | digit;
                    }
                    return result;
                };
                const int unit = read16(position + 2);
                if (unit >= 0 && isUnicodeScalarValue(unit)) {
                    value += QChar(char16_t(unit));
                    position += 6;
                } else if (unit >= 0 && isLeadingSurrogate(unit) && codeAt(position + 6) == '\\'
                           && codeAt(position + 7) == 'u' && isTrailingSurrogate(read16(position + 8))) {
                    // JSON-style surrogate pair escape, accepted only as a valid pair.
                    value += QChar(char16_t(unit));
                    value += QChar(char16_t(read16(position + 8)));
                    position += 12;
                } else {
                    fail(position, u"Invalid Unicode escape sequence: \""_s
                                       + m_source.sliced(position, std::min<qsizetype>(6, length - position)).toString()
                                       + u"\"."_s);
                }
            } else {
                switch (next) {
                case '"': value += u'"'; break;
                case '\\': value += u'\\'; break;
                case '/': value += u'/'; break;
                case 'b': value += u'\b'; break;
                case 'f': value += u'\f'; break;
                case 'n': value += u'\n'; break;
                case 'r': value += u'\r'; break;
                case 't': value += u'\t'; break;
                default:
                    fail(position, u"Invalid character escape sequence: \""_s
                                       + m_source.sliced(position, std::min<qsizetype>(2, length - position)).toString()
                                       + u"\"."_s);
                }
                position += 2;
            }
            chunkStart = position;
            continue;
        }
        if (code == '\n' || code == '\r')
            break;
        if (isUnicodeScalarValue(code))
            ++position;
        else if (isLeadingSurrogate(code) && isTrailingSurrogate(codeAt(position + 1)))
            position += 2;
        else
            fail(position, u"Invalid character within String: "_s + printCodePointAt(position) + u'.');
    }
    fail(position, u"Unterminated string."_s);
}

Token Lexer::readBlockString(qsizetype start)
{
    const qsizetype length = m_source.size();
    qsizetype lineStart = m_lineStart;
    qsizetype position = start + 3;
    qsizetype chunkStart = position;
    QString currentLine;
    QStringList lines;
    while (position < length) {
        const int code = codeAt(position);
        if (code == '"' && codeAt(position + 1) == '"' && codeAt(position + 2) == '"') {
            currentLine += m_source.sliced(chunkStart, position - chunkStart);
            lines.append(currentLine);
            Token token = makeToken(TokenKind::BlockString, start, position + 3, dedentBlockStringLines(lines).join(u'\n'));
            m_line += int(lines.size() - 1);
            m_lineStart = lineStart;
            return token;
        }
        if (code == '\\' && codeAt(position + 1) == '"' && codeAt(position + 2) == '"' && codeAt(position + 3) == '"') {
            currentLine += m_source.sliced(chunkStart, position - chunkStart);
            chunkStart = position + 1; // drop only the backslash
            position += 4;
            continue;
        }
        if (code == '\n' || code == '\r') {
            currentLine += m_source.sliced(chunkStart, position - chunkStart);
            lines.append(currentLine);
            position += (code == '\r' && codeAt(position + 1) == '\n') ? 2 : 1;
            currentLine.clear();
            chunkStart = position;
            lineStart = position;
            continue;
        }
        if (isUnicodeScalarValue(code))
            ++position;
        else if (isLeadingSurrogate(code) && isTrailingSurrogate(codeAt(position + 1)))
            position += 2;
        else
            fail(position, u"Invalid character within String: "_s + printCodePointAt(position) + u'.');
    }
    fail(position, u"Unterminated string."_s);
}

Token Lexer::readName(qsizetype start)
{
    const qsizetype length = m_source.size();
    qsizetype position = start + 1;
    while (position < length && isNameContinue(codeAt(position)))
        ++position;
    return makeToken(TokenKind::Name, start, position, m_source.sliced(start, position - start).toString());
}

SourceLocation locationAt(QStringView source, qsizetype position)
{
    // graphql-js getLocation(): every line terminator that starts before `position` begins a new line.
    int line = 1;
    qsizetype lineStart = 0;
    qsizetype i = 0;
    while (i < position && i < source.size()) {
        const char16_t c = source[i].unicode();
        if (c == u'\r' && i + 1 < source.size() && source[i + 1] == u'\n') {
            ++line;
            i += 2;
            lineStart = i;
        } else if (c == u'\n' || c == u'\r') {
            ++line;
            ++i;
            lineStart = i;
        } else {
            ++i;
        }
    }
    return {line, int(position + 1 - lineStart)};
}

GraphqlError syntaxError(QStringView source, const SyntaxError &error)
{
    return GraphqlError(u"Syntax Error: "_s + error.message, {locationAt(source, error.position)})
        .withCode(errorcode::kParseFailed);
}

LexResult tokenize(QStringView source, bool includeComments)
{
    LexResult result;
    Lexer lexer(source);
    try {
        for (;;) {
            Token token = lexer.readToken();
            if (token.kind == TokenKind::Comment && !includeComments)
                continue;
            const bool end = token.kind == TokenKind::Eof;
            result.tokens.push_back(std::move(token));
            if (end)
                break;
        }
    } catch (const SyntaxError &error) {
        result.error = syntaxError(source, error);
    }
    return result;
}

} // namespace vingt::graphql
