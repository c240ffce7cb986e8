#pragma once

#include <QByteArray>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace vingt::playground {

/// @brief What the response pane shows: the text, and per line the node that line opens (a JSON pointer such as
/// `/data/companies/0`, `""` for the root), or nothing when the line opens no object or array.
struct FoldedJson {
    QString text;
    std::vector<std::optional<QString>> lineNodes;
};

/// @brief Which nodes are folded: those nested deeper than `depth` levels (< 0: none) unless unfolded by hand, plus
/// those folded by hand.
struct FoldState {
    int depth = -1;
    QSet<QString> folded;   ///< JSON pointers folded by hand
    QSet<QString> unfolded; ///< JSON pointers below `depth` unfolded by hand

    [[nodiscard]] bool isFolded(const QString &pointer, int level) const;
    /// Folds an open node or unfolds a folded one.
    void toggle(const QString &pointer, int level);
};

/// The response pane's folding: `json` pretty-printed (2-space indent, keys sorted as QJsonObject keeps them) with
/// each folded object or array on one line: `{…3 keys}`, `[…12 items]` (empty ones stay `{}` / `[]`). Text that is
/// not JSON is returned as is (no foldable line).
[[nodiscard]] FoldedJson foldJson(const QByteArray &json, const FoldState &state);
/// The same with only a depth (< 0: nothing folded).
[[nodiscard]] QString foldJson(const QByteArray &json, int depth);
/// The nesting level of a JSON pointer (`""` → 0, `/data` → 1).
[[nodiscard]] int pointerLevel(const QString &pointer);

} // namespace vingt::playground
