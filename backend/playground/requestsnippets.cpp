#include "playground/requestsnippets.h"

#include <QStringList>

namespace vingt::playground {

using namespace Qt::StringLiterals;

namespace {

/// POSIX shell single quotes: `'` becomes `'\''`.
QString shellQuote(const QString &text)
{
    QString out = text;
    out.replace(u'\'', u"'\\''"_s);
    return u'\'' + out + u'\'';
}

enum class Quoting { Python, JavaScript };

/// A double-quoted ASCII string literal for Python or JavaScript: non-ASCII as `\uXXXX` (JavaScript: surrogate
/// pairs for characters beyond the BMP; Python: `\UXXXXXXXX`, as a Python str holds code points).
QString quotedString(const QString &text, Quoting quoting)
{
    QString out = u"\""_s;
    for (const char32_t u : text.toUcs4()) {
        if (u == U'"')
            out += u"\\\""_s;
        else if (u == U'\\')
            out += u"\\\\"_s;
        else if (u == U'\n')
            out += u"\\n"_s;
        else if (u == U'\r')
            out += u"\\r"_s;
        else if (u == U'\t')
            out += u"\\t"_s;
        else if (u >= 0x20 && u < 0x7f)
            out += QChar(char16_t(u));
        else if (u > 0xffff && quoting == Quoting::Python)
            out += u"\\U%1"_s.arg(uint(u), 8, 16, QChar(u'0'));
        else
            for (const QChar c : QString::fromUcs4(&u, 1))
                out += u"\\u%1"_s.arg(uint(c.unicode()), 4, 16, QChar(u'0'));
    }
    return out + u'"';
}

/// C++: the text's UTF-8 bytes, non-ASCII as octal escapes (a hex escape would swallow following hex digits).
QString cppString(const QString &text)
{
    QString out = u"\""_s;
    for (const unsigned char b : text.toUtf8()) {
        if (b == '"')
            out += u"\\\""_s;
        else if (b == '\\')
            out += u"\\\\"_s;
        else if (b == '\n')
            out += u"\\n"_s;
        else if (b == '?')
            out += u"\\?"_s;
        else if (b < 0x20 || b >= 0x7f)
            out += u"\\%1"_s.arg(int(b), 3, 8, QChar(u'0'));
        else
            out += QChar(b);
    }
    return out + u'"';
}

QString curl(const SnippetRequest &r)
{
    QStringList lines{u"curl -sS -X %1 %2"_s.arg(r.method, shellQuote(r.url)),
                      u"  -H \"Authorization: Bearer $VINGT_API_KEY\""_s};
    for (const auto &[name, value] : r.headers)
        lines << u"  -H %1"_s.arg(shellQuote(name + u": "_s + value));
    if (!r.body.isEmpty())
        lines << u"  --data-binary %1"_s.arg(shellQuote(QString::fromUtf8(r.body)));
    return lines.join(u" \\\n"_s) + u'\n';
}

QString python(const SnippetRequest &r)
{
    QString out = u"import os\nimport requests\n\n"_s;
    out += u"headers = {\n    \"Authorization\": \"Bearer \" + os.environ[\"VINGT_API_KEY\"],\n"_s;
    for (const auto &[name, value] : r.headers)
        out += u"    %1: %2,\n"_s.arg(quotedString(name, Quoting::Python), quotedString(value, Quoting::Python));
    out += u"}\n"_s;
    out += u"response = requests.request(%1, %2, headers=headers"_s.arg(quotedString(r.method, Quoting::Python),
                                                                        quotedString(r.url, Quoting::Python));
    if (!r.body.isEmpty())
        out += u", data=%1.encode(\"utf-8\")"_s.arg(quotedString(QString::fromUtf8(r.body), Quoting::Python));
    out += u")\nprint(response.status_code)\nprint(response.text)\n"_s;
    return out;
}

QString javascript(const SnippetRequest &r)
{
    QString out = u"const response = await fetch(%1, {\n  method: %2,\n  headers: {\n"_s.arg(
        quotedString(r.url, Quoting::JavaScript), quotedString(r.method, Quoting::JavaScript));
    out += u"    Authorization: `Bearer ${process.env.VINGT_API_KEY}`,\n"_s;
    for (const auto &[name, value] : r.headers)
        out += u"    %1: %2,\n"_s.arg(quotedString(name, Quoting::JavaScript), quotedString(value, Quoting::JavaScript));
    out += u"  },\n"_s;
    if (!r.body.isEmpty())
        out += u"  body: %1,\n"_s.arg(quotedString(QString::fromUtf8(r.body), Quoting::JavaScript));
    out += u"});\nconsole.log(response.status);\nconsole.log(await response.text());\n"_s;
    return out;
}

QString cppQt(const SnippetRequest &r)
{
    QString out = u"// Qt 6: QT += network\n"_s
                  u"QNetworkAccessManager manager;\n"_s
                  u"QNetworkRequest request(QUrl(QString::fromUtf8(%1)));\n"_s.arg(cppString(r.url));
    out += u"request.setRawHeader(\"Authorization\", \"Bearer \" + qgetenv(\"VINGT_API_KEY\"));\n"_s;
    for (const auto &[name, value] : r.headers)
        out += u"request.setRawHeader(%1, %2);\n"_s.arg(cppString(name), cppString(value));
    out += u"QNetworkReply *reply = manager.sendCustomRequest(request, %1"_s.arg(cppString(r.method));
    if (!r.body.isEmpty())
        out += u", QByteArray(%1)"_s.arg(cppString(QString::fromUtf8(r.body)));
    out += u");\n"_s
           u"QObject::connect(reply, &QNetworkReply::finished, [reply] {\n"_s
           u"    qDebug() << reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() << reply->readAll();\n"_s
           u"    reply->deleteLater();\n"_s
           u"});\n"_s;
    return out;
}

} // namespace

QString snippet(const SnippetRequest &request, SnippetLanguage language)
{
    switch (language) {
    case SnippetLanguage::Curl: return curl(request);
    case SnippetLanguage::Python: return python(request);
    case SnippetLanguage::JavaScript: return javascript(request);
    case SnippetLanguage::CppQt: return cppQt(request);
    }
    return {};
}

SnippetLanguage snippetLanguageFromName(const QString &name)
{
    if (name == u"python"_s)
        return SnippetLanguage::Python;
    if (name == u"javascript"_s)
        return SnippetLanguage::JavaScript;
    if (name == u"cpp"_s)
        return SnippetLanguage::CppQt;
    return SnippetLanguage::Curl;
}

} // namespace vingt::playground
