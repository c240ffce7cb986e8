import QtQuick
import QtQuick.Controls.Basic
import Vingt.Theme

Switch {
    id: control
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontSize
    opacity: enabled ? 1 : 0.5
    indicator: Rectangle {
        implicitWidth: 32
        implicitHeight: 18
        x: control.width - width - control.rightPadding
        y: (control.height - height) / 2
        radius: 9
        color: control.checked ? Theme.accent : Theme.borderStrong
        border.width: control.visualFocus ? 2 : 0
        border.color: Theme.accentSoft
        Rectangle {
            x: control.checked ? parent.width - width - 2 : 2
            anchors.verticalCenter: parent.verticalCenter
            width: 14
            height: 14
            radius: 7
            color: Theme.accentText
        }
    }
    contentItem: Text {
        rightPadding: control.indicator.width + 12
        text: control.text
        font: control.font
        color: Theme.text
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }
}
