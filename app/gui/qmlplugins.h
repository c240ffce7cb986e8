#pragma once

// The QML modules are static libraries: the executables that load them import their plugins.
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Vingt_GuiPlugin)
Q_IMPORT_QML_PLUGIN(Vingt_ThemePlugin)
Q_IMPORT_QML_PLUGIN(Vingt_ComponentsPlugin)
Q_IMPORT_QML_PLUGIN(Vingt_SettingsPlugin)
Q_IMPORT_QML_PLUGIN(Vingt_PlaygroundPlugin)
Q_IMPORT_QML_PLUGIN(Vingt_ShellPlugin)
