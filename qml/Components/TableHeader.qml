pragma ComponentBehavior: Bound
import QtQuick
import Vingt.Theme

// The header row of a table: column titles with the widths of the rows' columns (a list of numbers; 0 = fill).
Rectangle {
    id: header
    property var titles: []
    property var widths: []
    implicitHeight: 32
    color: Theme.transparent
    Rectangle {
        anchors.bottom: parent.bottom
        width: parent.width
        height: 1
        color: Theme.border
    }
    Row {
        anchors.fill: parent
        anchors.leftMargin: 12
        anchors.rightMargin: 12
        Repeater {
            model: header.titles
            delegate: VText {
                required property string modelData
                required property int index
                width: header.widths[index] > 0 ? header.widths[index] : header.width - 24 - header.fixedWidth()
                height: header.height
                text: modelData
                secondary: true
                font.pixelSize: Theme.fontSizeSmall
                font.weight: Font.Medium
            }
        }
    }
    function fixedWidth() {
        let sum = 0
        for (const w of widths)
            sum += w
        return sum
    }
}
