#pragma once

#include "model/datamodel.h"

#include <QByteArray>
#include <QString>

namespace vingt {
class Settings;
}

namespace vingt::openapi {

/// @brief The two documents of API-CONTRACT §9.
enum class DocumentKind { Core, Metadata };

/// @brief What a document depends on besides the data model.
struct DocumentOptions {
    QString baseUrl;          ///< scheme and authority from the request, no trailing slash: "http://127.0.0.1:3000"
    int pageSizeDefault = 60; ///< `api.pageSizeDefault`
    int pageSizeMax = 60;     ///< `api.pageSizeMax`
    int groupByDefaultGroups = 50;   ///< `api.groupByDefaultGroups`
    int metadataLimitDefault = 1000; ///< `metadata.restDefaultLimit`
    int metadataLimitMax = 1000;     ///< `metadata.restMaxLimit`

    [[nodiscard]] static DocumentOptions fromSettings(const Settings &settings, const QString &baseUrl);
    [[nodiscard]] bool operator==(const DocumentOptions &) const = default;
};

/// @brief Writes the OpenAPI 3.1.1 documents of API-CONTRACT §9 with JsonWriter. The core document is generated from
/// a DataModel snapshot and the route table the router matches (routes/coreroutetable.h); the metadata document from
/// the metadata routes (§3.1, 5.2, 6.5, 10.1, 10.4). No token ever appears in a document (DECISIONS "HTTP").
/// Thread rule: stateless; callable from any thread.
class OpenApiBuilder
{
public:
    /// The document for a request without a valid token: info, servers, security, one path `/open-api/{kind}`.
    [[nodiscard]] static QByteArray baseDocument(DocumentKind kind, const QString &baseUrl);
    /// A workspace's core document: every served object (sorted by `namePlural`), its routes and schemas.
    [[nodiscard]] static QByteArray coreDocument(const DataModel &model, const DocumentOptions &options);
    /// The metadata document.
    [[nodiscard]] static QByteArray metadataDocument(const DocumentOptions &options);
};

} // namespace vingt::openapi
