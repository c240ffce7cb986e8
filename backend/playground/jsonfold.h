#pragma once

#include <QByteArray>
#include <QString>

namespace vingt::playground {

/// The response pane's folding: `json` pretty-printed (2-space indent, keys sorted as QJsonObject keeps them) with every object or
/// array nested deeper than `depth` levels folded to one line: `{…3 keys}`, `[…12 items]` (empty ones stay `{}` /
/// `[]`). `depth` < 0 folds nothing. Text that is not JSON is returned as is.
[[nodiscard]] QString foldJson(const QByteArray &json, int depth);

} // namespace vingt::playground
