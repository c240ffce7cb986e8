import QtQuick
import Vingt.Theme

// The backend's message, in words, right under the control that caused it. Hidden when empty.
Text {
    visible: text.length > 0
    color: Theme.danger
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontSizeSmall
    wrapMode: Text.WordWrap
}
