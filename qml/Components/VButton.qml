import QtQuick
import QtQuick.Controls.Basic
import Vingt.Theme

// Buttons: "primary" (accent), "secondary" (bordered), "danger", "ghost" (text only).
Button {
    id: control
    property string variant: "secondary"
    readonly property bool isPrimary: variant === "primary"
    readonly property bool isDanger: variant === "danger"

    implicitHeight: Theme.controlHeight
    leftPadding: 12
    rightPadding: 12
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontSize
    font.weight: Font.Medium
    opacity: enabled ? 1 : 0.45
    focusPolicy: Qt.StrongFocus
    Keys.onReturnPressed: clicked()
    Keys.onEnterPressed: clicked()

    contentItem: Text {
        text: control.text
        font: control.font
        color: control.isPrimary || control.isDanger ? Theme.accentText : Theme.text
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }
    background: Rectangle {
        radius: Theme.radius
        color: control.isPrimary ? (control.hovered ? Theme.accentHover : Theme.accent)
             : control.isDanger ? Theme.danger
             : control.variant === "ghost" ? (control.hovered ? Theme.hover : Theme.transparent)
             : (control.hovered ? Theme.hover : Theme.background)
        border.width: control.variant === "secondary" || control.visualFocus ? 1 : 0
        border.color: control.visualFocus ? Theme.accent : Theme.border
    }
}
