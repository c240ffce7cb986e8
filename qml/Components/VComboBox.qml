pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import Vingt.Theme

ComboBox {
    id: control
    implicitHeight: Theme.controlHeight
    implicitWidth: 320
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontSize
    contentItem: Text {
        leftPadding: 10
        text: control.displayText
        font: control.font
        color: Theme.text
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }
    indicator: Text {
        x: control.width - width - 10
        anchors.verticalCenter: parent.verticalCenter
        text: "▾"
        color: Theme.textSecondary
        font.pixelSize: 12
    }
    background: Rectangle {
        radius: Theme.radius
        color: Theme.inputBackground
        border.width: 1
        border.color: control.visualFocus || control.popup.visible ? Theme.accent : Theme.border
    }
    delegate: ItemDelegate {
        id: option
        required property int index
        required property var model
        width: control.width
        height: Theme.controlHeight
        highlighted: control.highlightedIndex === index
        contentItem: Text {
            text: option.model[control.textRole] ?? option.model.modelData ?? ""
            font: control.font
            color: Theme.text
            verticalAlignment: Text.AlignVCenter
            elide: Text.ElideRight
        }
        background: Rectangle {
            color: option.highlighted ? Theme.hover : Theme.background
        }
    }
    popup.background: Rectangle {
        radius: Theme.radius
        color: Theme.background
        border.color: Theme.border
    }
}
