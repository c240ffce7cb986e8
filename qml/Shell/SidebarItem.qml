import QtQuick
import Vingt.Theme
import Vingt.Components

// One section entry: icon and label; Tab reaches it, Enter or Space opens it.
Rectangle {
    id: item
    required property string key
    required property string label
    property string current
    readonly property bool selected: current === key
    signal clicked()
    objectName: "sidebar-" + key
    implicitHeight: 30
    implicitWidth: 196
    radius: Theme.radius
    color: selected ? Theme.selected : area.containsMouse || activeFocus ? Theme.hover : Theme.transparent
    activeFocusOnTab: true
    Keys.onReturnPressed: clicked()
    Keys.onSpacePressed: clicked()
    Accessible.role: Accessible.Button
    Accessible.name: label

    Row {
        anchors.verticalCenter: parent.verticalCenter
        x: 6
        spacing: 6
        Glyph {
            name: item.key
            color: item.selected ? Theme.text : Theme.textSecondary
        }
        VText {
            height: 20
            text: item.label
            color: item.selected ? Theme.text : Theme.textSecondary
            font.weight: item.selected ? Font.Medium : Font.Normal
        }
    }
    MouseArea {
        id: area
        anchors.fill: parent
        hoverEnabled: true
        cursorShape: Qt.PointingHandCursor
        onClicked: item.clicked()
    }
}
