import QtQuick
import Vingt.Theme

// One table row (40 px): hover and keyboard focus highlight, Enter or click activates.
Rectangle {
    id: row
    property bool interactive: true
    property bool last: false
    default property alias cells: cellRow.data
    signal activated()
    implicitHeight: Theme.rowHeight
    color: row.activeFocus ? Theme.selected : area.containsMouse && interactive ? Theme.hover : Theme.transparent
    activeFocusOnTab: interactive
    Keys.onReturnPressed: activated()
    Keys.onEnterPressed: activated()
    Keys.onSpacePressed: activated()

    Row {
        id: cellRow
        anchors.fill: parent
        anchors.leftMargin: 12
        anchors.rightMargin: 12
    }
    Rectangle {
        visible: !row.last
        anchors.bottom: parent.bottom
        width: parent.width
        height: 1
        color: Theme.border
    }
    MouseArea {
        id: area
        anchors.fill: parent
        hoverEnabled: true
        enabled: row.interactive
        cursorShape: row.interactive ? Qt.PointingHandCursor : Qt.ArrowCursor
        onClicked: row.activated()
        z: -1
    }
}
