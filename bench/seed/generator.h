#pragma once

#include <QByteArray>
#include <QtGlobal>

// Deterministic seed data: every value is a pure function of (seed, index), so two runs with the same
// seed send byte-identical records and a run can be continued later with --offset.
namespace vingt::seed {

/// Company names are "Company NNNNNNN" where NNNNNNN is a bijection of the index over [0, 10^7): names
/// (and the domains built from them) are unique for up to 10,000,000 companies, and the leading digits
/// are uniform, so the range ["Company 01", "Company 02") holds 1% of any prefix of the index space.
inline constexpr quint64 kNameSpace = 10'000'000;

[[nodiscard]] quint64 companyNumber(quint64 seed, quint64 index);
/// "Company 0123456".
[[nodiscard]] QByteArray companyName(quint64 seed, quint64 index);
/// A version-4-shaped UUID in lower case, derived from the seed and the index.
[[nodiscard]] QByteArray companyId(quint64 seed, quint64 index);
[[nodiscard]] QByteArray personId(quint64 seed, quint64 personIndex);

/// Appends one company record as a JSON object (no separator).
void appendCompany(QByteArray &out, quint64 seed, quint64 index);
/// Appends one person record linked to company `companyIndex`; `personIndex` is global and unique.
void appendPerson(QByteArray &out, quint64 seed, quint64 companyIndex, quint64 personIndex);

/// Appends one opportunity (no relations): a stage, an amount in USD and a close date in 2025.
void appendOpportunity(QByteArray &out, quint64 seed, quint64 index);

} // namespace vingt::seed
