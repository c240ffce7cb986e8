import QtQuick
import QtQuick.Controls.Basic
import Vingt.Theme

CheckBox {
    id: control
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontSize
    opacity: enabled ? 1 : 0.5
    indicator: Rectangle {
        implicitWidth: 16
        implicitHeight: 16
        x: control.leftPadding
        y: (control.height - height) / 2
        radius: 3
        color: control.checked ? Theme.accent : Theme.inputBackground
        border.width: control.checked ? 0 : 1
        border.color: control.visualFocus ? Theme.accent : Theme.borderStrong
        Text {
            anchors.centerIn: parent
            visible: control.checked
            text: "✓"
            color: Theme.accentText
            font.pixelSize: 11
            font.bold: true
        }
    }
    contentItem: Text {
        leftPadding: control.indicator.width + (control.text.length > 0 ? 8 : 0)
        text: control.text
        font: control.font
        color: Theme.text
        verticalAlignment: Text.AlignVCenter
    }
}
