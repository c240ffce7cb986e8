#pragma once
// Helpers of the fuzz targets (tests/fuzz/README.md). Each target is one file defining LLVMFuzzerTestOneInput; it is
// linked with libFuzzer (`make fuzz`, preset fuzz) or with replaymain.cpp (the test build: a ctest replays the corpus
// and the regression inputs).

#include "model/datamodel.h"
#include "model/standardobjects.h"

#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace vingt::fuzz {

/// The input as the server would see it after UTF-8 decoding (invalid sequences become U+FFFD).
inline QString text(const std::uint8_t *data, std::size_t size)
{
    return QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
}

inline QByteArray bytes(const std::uint8_t *data, std::size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

/// A property the target checks beyond "no crash": a violation aborts, which libFuzzer reports as a crash.
inline void check(bool condition, const char *what, const QString &detail = {})
{
    if (!condition) {
        std::fprintf(stderr, "fuzz property violated: %s\n%s\n", what, qPrintable(detail));
        std::abort();
    }
}

/// The standard data model (people, companies, ...) built in memory, as a new workspace has it.
inline const DataModel &standardModel()
{
    static const DataModel model(1, standardObjects());
    return model;
}

} // namespace vingt::fuzz
