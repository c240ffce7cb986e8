import QtQuick
import Vingt.Theme

// Body text in the UI font; `secondary` for descriptions, `mono` for tokens and URLs.
Text {
    property bool secondary: false
    property bool mono: false
    color: secondary ? Theme.textSecondary : Theme.text
    font.family: mono ? Theme.monoFamily : Theme.fontFamily
    font.pixelSize: Theme.fontSize
    elide: Text.ElideRight
    verticalAlignment: Text.AlignVCenter
}
