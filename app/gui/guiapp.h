#pragma once

namespace vingt::gui {

/// True when `vingt` started without a command should open the desktop app: a display is present
/// (DISPLAY or WAYLAND_DISPLAY, checked before any QGuiApplication exists) or a screenshot is asked for.
[[nodiscard]] bool wantsGui(int argc, char *argv[]);

/// The desktop app: opens the instance, serves the API on localhost (LocalServer, like `vingt serve`) and shows the
/// Qt Quick shell. `--page P --screenshot F.png` renders page P at 1280×800 into F and exits.
int run(int argc, char *argv[]);

} // namespace vingt::gui
