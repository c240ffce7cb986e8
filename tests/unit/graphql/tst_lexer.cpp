#include "graphql/language/lexer.h"

#include <QTest>

using namespace vingt::graphql;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(vingt::graphql::TokenKind)

namespace {

/// "Kind:value@line:column" for each token but <EOF>, e.g. `Name:foo@1:1`.
QStringList describe(const std::vector<Token> &tokens)
{
    QStringList out;
    for (const Token &token : tokens) {
        if (token.kind == TokenKind::Eof)
            break;
        out.append(u"%1:%2@%3:%4"_s.arg(tokenKindDescription(token.kind).remove(u'"'), token.value)
                       .arg(token.line)
                       .arg(token.column));
    }
    return out;
}

} // namespace

/// The GraphQL lexer (spec §2.1, graphql-js lexer tests).
class TestLexer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tokens_data();
    void tokens();
    void strings_data();
    void strings();
    void blockStrings_data();
    void blockStrings();
    void errors_data();
    void errors();
    void keepsCommentsOnRequest();
    void lineTerminatorsAndBom();
};

void TestLexer::tokens_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("punctuators") << u"! $ & ( ) ... : = @ [ ] { | }"_s
                                 << QStringList{u"!:@1:1"_s,  u"$:@1:3"_s,   u"&:@1:5"_s,  u"(:@1:7"_s,
                                                u"):@1:9"_s,  u"...:@1:11"_s, u"::@1:15"_s, u"=:@1:17"_s,
                                                u"@:@1:19"_s, u"[:@1:21"_s,  u"]:@1:23"_s, u"{:@1:25"_s,
                                                u"|:@1:27"_s, u"}:@1:29"_s};
    QTest::newRow("names") << u"foo _bar Baz9 __typename"_s
                           << QStringList{u"Name:foo@1:1"_s, u"Name:_bar@1:5"_s, u"Name:Baz9@1:10"_s,
                                          u"Name:__typename@1:15"_s};
    QTest::newRow("integers") << u"0 -0 4 -4 1234567890"_s
                              << QStringList{u"Int:0@1:1"_s, u"Int:-0@1:3"_s, u"Int:4@1:6"_s, u"Int:-4@1:8"_s,
                                             u"Int:1234567890@1:11"_s};
    QTest::newRow("floats") << u"4.123 -4.123 0.123 1e50 1.2E-3 -1.5e+3"_s
                            << QStringList{u"Float:4.123@1:1"_s, u"Float:-4.123@1:7"_s, u"Float:0.123@1:14"_s,
                                           u"Float:1e50@1:20"_s, u"Float:1.2E-3@1:25"_s, u"Float:-1.5e+3@1:32"_s};
    QTest::newRow("commas are insignificant") << u"a,b,,c"_s
                                              << QStringList{u"Name:a@1:1"_s, u"Name:b@1:3"_s, u"Name:c@1:6"_s};
    QTest::newRow("comments skipped") << u"# comment\nfoo # trailing\n  bar"_s
                                      << QStringList{u"Name:foo@2:1"_s, u"Name:bar@3:3"_s};
    QTest::newRow("line and column after a block string")
        << u"\"\"\"\n  a\n  b\"\"\" x"_s << QStringList{u"BlockString:a\nb@1:1"_s, u"Name:x@3:8"_s};
    QTest::newRow("selection") << u"{ person(id: \"1\") { name } }"_s
                               << QStringList{u"{:@1:1"_s, u"Name:person@1:3"_s, u"(:@1:9"_s, u"Name:id@1:10"_s,
                                              u"::@1:12"_s, u"String:1@1:14"_s, u"):@1:17"_s, u"{:@1:19"_s,
                                              u"Name:name@1:21"_s, u"}:@1:26"_s, u"}:@1:28"_s};
}

void TestLexer::tokens()
{
    QFETCH(QString, source);
    QFETCH(QStringList, expected);
    const LexResult result = tokenize(source);
    QVERIFY2(!result.error, qPrintable(result.error ? result.error->message : QString()));
    QCOMPARE(describe(result.tokens), expected);
    QCOMPARE(result.tokens.back().kind, TokenKind::Eof);
}

void TestLexer::strings_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("value");
    QTest::newRow("simple") << uR"("simple")"_s << u"simple"_s;
    QTest::newRow("white space") << uR"(" white space ")"_s << u" white space "_s;
    QTest::newRow("quote") << uR"("quote \"")"_s << u"quote \""_s;
    QTest::newRow("escaped") << uR"("escaped \n\r\b\t\f\/\\")"_s << u"escaped \n\r\b\t\f/\\"_s;
    QTest::newRow("unicode escape") << uR"("unicode \u1234\u5678\u90AB\uCDEF")"_s << u"unicode \u1234\u5678\u90AB\uCDEF"_s;
    QTest::newRow("variable-width escape") << uR"("\u{1F600} \u{e9}")"_s << u"\U0001F600 \u00e9"_s;
    QTest::newRow("surrogate pair escape") << uR"("\uD83D\uDE00")"_s << u"\U0001F600"_s;
    QTest::newRow("non-ASCII text") << u"\"Zürich 東京 😀\""_s << u"Zürich 東京 😀"_s;
    QTest::newRow("empty") << uR"("")"_s << QString();
}

void TestLexer::strings()
{
    QFETCH(QString, source);
    QFETCH(QString, value);
    const LexResult result = tokenize(source);
    QVERIFY2(!result.error, qPrintable(result.error ? result.error->message : QString()));
    QCOMPARE(result.tokens.front().kind, TokenKind::String);
    QCOMPARE(result.tokens.front().value, value);
}

void TestLexer::blockStrings_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("value");
    QTest::newRow("simple") << u"\"\"\"simple\"\"\""_s << u"simple"_s;
    QTest::newRow("keeps escapes raw") << u"\"\"\"contains \\n \\u1234\"\"\""_s << u"contains \\n \\u1234"_s;
    QTest::newRow("escaped triple quote") << u"\"\"\"say \\\"\"\" then\"\"\""_s << u"say \"\"\" then"_s;
    QTest::newRow("common indentation removed")
        << u"\"\"\"\n    Hello,\n      World!\n\n    Yours,\n      GraphQL.\n  \"\"\""_s
        << u"Hello,\n  World!\n\nYours,\n  GraphQL."_s;
    QTest::newRow("first line keeps its indentation") << u"\"\"\"  first\n    second\n    third\"\"\""_s
                                                       << u"  first\nsecond\nthird"_s;
    QTest::newRow("blank leading and trailing lines dropped") << u"\"\"\"\n\n  \n  text\n \t \n\"\"\""_s << u"text"_s;
    QTest::newRow("CRLF lines") << u"\"\"\"\r\n  a\r\n  b\r\n\"\"\""_s << u"a\nb"_s;
    QTest::newRow("tabs count as indentation") << u"\"\"\"\n\t\ta\n\t\t\tb\n\"\"\""_s << u"a\n\tb"_s;
}

void TestLexer::blockStrings()
{
    QFETCH(QString, source);
    QFETCH(QString, value);
    const LexResult result = tokenize(source);
    QVERIFY2(!result.error, qPrintable(result.error ? result.error->message : QString()));
    QCOMPARE(result.tokens.front().kind, TokenKind::BlockString);
    QCOMPARE(result.tokens.front().value, value);
}

void TestLexer::errors_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::newRow("unexpected character") << u"?"_s << u"Syntax Error: Unexpected character: \"?\"."_s << 1 << 1;
    QTest::newRow("single quote") << u"\n 'x'"_s
                                  << u"Syntax Error: Unexpected single quote character ('), did you mean to use a double quote (\")?"_s
                                  << 2 << 2;
    QTest::newRow("control character") << u"\u0007"_s << u"Syntax Error: Unexpected character: U+0007."_s << 1 << 1;
    QTest::newRow("lone surrogate") << QString(QChar(0xD800)) << u"Syntax Error: Invalid character: U+D800."_s << 1 << 1;
    QTest::newRow("lone dot") << u"a . b"_s << u"Syntax Error: Unexpected character: \".\"."_s << 1 << 3;
    QTest::newRow("unterminated string") << u"\"no end"_s << u"Syntax Error: Unterminated string."_s << 1 << 8;
    QTest::newRow("line break in string") << u"\"multi\nline\""_s << u"Syntax Error: Unterminated string."_s << 1 << 7;
    QTest::newRow("unterminated block string") << u"\"\"\"no end"_s << u"Syntax Error: Unterminated string."_s << 1 << 10;
    QTest::newRow("bad escape") << uR"("bad \x esc")"_s << u"Syntax Error: Invalid character escape sequence: \"\\x\"."_s
                                << 1 << 6;
    QTest::newRow("bad unicode escape") << uR"("bad \uXYZW")"_s
                                        << u"Syntax Error: Invalid Unicode escape sequence: \"\\uXYZW\"."_s << 1 << 6;
    QTest::newRow("lone leading surrogate escape")
        << uR"("\uD83D x")"_s << u"Syntax Error: Invalid Unicode escape sequence: \"\\uD83D\"."_s << 1 << 2;
    QTest::newRow("surrogate in variable-width escape")
        << uR"("\u{D800}")"_s << u"Syntax Error: Invalid Unicode escape sequence: \"\\u{D800}\"."_s << 1 << 2;
    QTest::newRow("digit after zero") << u"01"_s << u"Syntax Error: Invalid number, unexpected digit after 0: \"1\"."_s
                                      << 1 << 2;
    QTest::newRow("missing fraction digits") << u"1."_s << u"Syntax Error: Invalid number, expected digit but got: <EOF>."_s
                                             << 1 << 3;
    QTest::newRow("name right after number") << u"123abc"_s
                                             << u"Syntax Error: Invalid number, expected digit but got: \"a\"."_s << 1 << 4;
    QTest::newRow("exponent without digits") << u"1.0e"_s
                                             << u"Syntax Error: Invalid number, expected digit but got: <EOF>."_s << 1 << 5;
    QTest::newRow("minus alone") << u"- 1"_s << u"Syntax Error: Invalid number, expected digit but got: \" \"."_s << 1 << 2;
}

void TestLexer::errors()
{
    QFETCH(QString, source);
    QFETCH(QString, message);
    QFETCH(int, line);
    QFETCH(int, column);
    const LexResult result = tokenize(source);
    QVERIFY(result.error.has_value());
    QCOMPARE(result.error->message, message);
    QCOMPARE(result.error->locations.size(), size_t(1));
    QCOMPARE(result.error->locations[0].line, line);
    QCOMPARE(result.error->locations[0].column, column);
    QCOMPARE(result.error->code(), u"GRAPHQL_PARSE_FAILED"_s);
}

void TestLexer::keepsCommentsOnRequest()
{
    const LexResult result = tokenize(u"# hello\nfoo"_s, true);
    QVERIFY(!result.error);
    QCOMPARE(describe(result.tokens), (QStringList{u"Comment: hello@1:1"_s, u"Name:foo@2:1"_s}));
}

void TestLexer::lineTerminatorsAndBom()
{
    const LexResult result = tokenize(u"\uFEFFa\r\nb\rc\n\td"_s);
    QVERIFY(!result.error);
    QCOMPARE(describe(result.tokens),
             (QStringList{u"Name:a@1:2"_s, u"Name:b@2:1"_s, u"Name:c@3:1"_s, u"Name:d@4:2"_s}));
}

QTEST_GUILESS_MAIN(TestLexer)
#include "tst_lexer.moc"
