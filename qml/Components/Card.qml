import QtQuick
import Vingt.Theme

// A bordered panel (radius 8, 1 px border, no shadow).
Rectangle {
    radius: Theme.radiusLarge
    color: Theme.background
    border.width: 1
    border.color: Theme.border
}
