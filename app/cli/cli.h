#pragma once

#include <QStringList>

namespace vingt::cli {

/// Each command takes its own arguments (without the program name and command word) and returns the exit code.
int serve(const QStringList &arguments);
int apiKey(const QStringList &arguments);
int workspace(const QStringList &arguments);
int model(const QStringList &arguments);

/// Prints to stdout / stderr, flushed (stdout is read by scripts and tests line by line).
void out(const QString &text);
void err(const QString &text);

} // namespace vingt::cli
