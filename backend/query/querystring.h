#pragma once

#include "core/result.h"

#include <QByteArrayView>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>
#include <utility>
#include <vector>

namespace vingt {

/// @brief Decoded query parameters of one request, in the order given; each name at most once.
class QueryParams
{
public:
    QueryParams() = default;
    explicit QueryParams(std::vector<std::pair<QString, QString>> items) : m_items(std::move(items)) {}

    [[nodiscard]] bool contains(QStringView name) const;
    /// The value of `name`, or `defaultValue` when absent (`?a` and `?a=` both give an empty value).
    [[nodiscard]] QString value(QStringView name, const QString &defaultValue = {}) const;
    [[nodiscard]] std::optional<QString> find(QStringView name) const;
    /// Names in request order.
    [[nodiscard]] QStringList names() const;
    [[nodiscard]] const std::vector<std::pair<QString, QString>> &items() const { return m_items; }
    [[nodiscard]] bool isEmpty() const { return m_items.empty(); }

private:
    std::vector<std::pair<QString, QString>> m_items;
};

/// Decodes a raw query string as application/x-www-form-urlencoded (API-CONTRACT §1.3): pairs split at `&` (empty
/// pairs skipped), name and value at the first `=`, then `+` is a space and `%XX` a byte, bytes read as UTF-8
/// (an invalid `%` sequence stays as written). Names are case-sensitive. A name given twice → 400
/// `Query parameter '<name>' must be given once` (Vingt's choice).
[[nodiscard]] Result<QueryParams> parseQueryString(QByteArrayView raw);

/// Decodes one form-urlencoded component: `+` → space, then `%XX`.
[[nodiscard]] QString formDecode(QByteArrayView component);

/// `Unknown query parameter '<name>'`, plus `. Did you mean '<known>'?` where the intent is obvious (API-CONTRACT
/// §1.3): after/startingAfter/cursor → starting_after; before/endingBefore → ending_before; orderBy/sort/sort_by/order
/// → order_by; first/pageSize/page_size/per_page → limit; where/filters → filter; any camelCase or differently-cased
/// spelling of a known name (softDelete, groupBy, LIMIT) → that name. Those spellings are compared ignoring case and
/// underscores (so `sortBy` and `PerPage` are recognized too). A hint is given only for a name in `known`.
[[nodiscard]] QString unknownParameterMessage(const QString &name, const QStringList &known);

/// The query parameters of the Core REST API (API-CONTRACT §1.3), `token` included.
[[nodiscard]] QStringList coreRestParameters();

} // namespace vingt
