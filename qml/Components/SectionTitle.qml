import QtQuick
import QtQuick.Layouts
import Vingt.Theme

// A section heading with an optional description and actions on the right.
RowLayout {
    id: section
    property string title
    property string description
    default property alias actions: actionRow.data
    spacing: 12
    ColumnLayout {
        Layout.fillWidth: true
        spacing: 2
        VText {
            Layout.fillWidth: true
            text: section.title
            font.pixelSize: Theme.fontSizeSection
            font.weight: Font.DemiBold
        }
        VText {
            Layout.fillWidth: true
            visible: section.description.length > 0
            text: section.description
            secondary: true
        }
    }
    Row {
        id: actionRow
        Layout.alignment: Qt.AlignBottom
        spacing: 8
    }
}
