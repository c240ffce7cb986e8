import QtQuick
import QtQuick.Controls.Basic
import Vingt.Theme

// A text input; `error` draws the border in the danger colour (the message goes in an ErrorText below).
TextField {
    id: control
    property bool error: false
    property bool mono: false
    implicitHeight: Theme.controlHeight
    implicitWidth: 320
    leftPadding: 10
    rightPadding: 10
    color: Theme.text
    placeholderTextColor: Theme.textTertiary
    selectionColor: Theme.accent
    selectedTextColor: Theme.accentText
    font.family: mono ? Theme.monoFamily : Theme.fontFamily
    font.pixelSize: Theme.fontSize
    background: Rectangle {
        radius: Theme.radius
        color: control.readOnly ? Theme.codeBackground : Theme.inputBackground
        border.width: 1
        border.color: control.error ? Theme.danger : control.activeFocus ? Theme.accent : Theme.border
    }
}
