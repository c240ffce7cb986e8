pragma ComponentBehavior: Bound
import QtQuick
import Vingt.Theme

// Underlined tabs; `currentIndex` selects one.
Item {
    id: bar
    property var tabs: []
    property int currentIndex: 0
    implicitHeight: 36
    implicitWidth: row.implicitWidth
    Rectangle {
        anchors.bottom: parent.bottom
        width: parent.width
        height: 1
        color: Theme.border
    }
    Row {
        id: row
        height: parent.height
        spacing: 20
        Repeater {
            model: bar.tabs
            delegate: Item {
                id: tab
                required property string modelData
                required property int index
                width: label.implicitWidth
                height: row.height
                activeFocusOnTab: true
                Keys.onReturnPressed: bar.currentIndex = index
                Keys.onSpacePressed: bar.currentIndex = index
                VText {
                    id: label
                    anchors.verticalCenter: parent.verticalCenter
                    text: tab.modelData
                    color: bar.currentIndex === tab.index || tab.activeFocus ? Theme.text : Theme.textSecondary
                    font.weight: Font.Medium
                }
                Rectangle {
                    anchors.bottom: parent.bottom
                    width: parent.width
                    height: 2
                    color: bar.currentIndex === tab.index ? Theme.text : Theme.transparent
                }
                MouseArea {
                    anchors.fill: parent
                    cursorShape: Qt.PointingHandCursor
                    onClicked: bar.currentIndex = tab.index
                }
            }
        }
    }
}
