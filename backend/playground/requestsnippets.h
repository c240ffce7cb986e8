#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace vingt::playground {

/// @brief A request as the playground sends it. The Authorization header is never part of it: snippets read the
/// token from the environment (DECISIONS "Playground": `VINGT_API_KEY`).
struct SnippetRequest {
    QString method = QStringLiteral("GET");
    QString url;
    QList<QPair<QString, QString>> headers; ///< besides Authorization
    QByteArray body;                        ///< empty: no body
};

enum class SnippetLanguage { Curl, Python, JavaScript, CppQt };

/// The request as code that runs as is: cURL (POSIX shell), Python `requests`, JavaScript `fetch` (Node 18+ or a
/// browser, as an ES module), C++ with Qt Network. Every snippet sends `Authorization: Bearer $VINGT_API_KEY` read
/// from the environment at run time; strings are quoted for their language, so any URL, header or body is safe.
[[nodiscard]] QString snippet(const SnippetRequest &request, SnippetLanguage language);

/// The languages by the names the UI offers ("curl", "python", "javascript", "cpp"); Curl for an unknown name.
[[nodiscard]] SnippetLanguage snippetLanguageFromName(const QString &name);

} // namespace vingt::playground
