pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Vingt.Theme

// Breadcrumb (clickable parents), title, description and room for actions on the right.
ColumnLayout {
    id: header
    property var crumbs: []          // parent page names; clicking one goes back that many levels
    property string title
    property string description
    default property alias actions: actionRow.data
    signal crumbClicked(int depth)
    spacing: 6

    Row {
        visible: header.crumbs.length > 0
        spacing: 6
        Repeater {
            model: header.crumbs
            delegate: Row {
                id: crumb
                required property string modelData
                required property int index
                spacing: 6
                VText {
                    text: crumb.modelData
                    secondary: true
                    font.pixelSize: Theme.fontSizeSmall
                    MouseArea {
                        anchors.fill: parent
                        cursorShape: Qt.PointingHandCursor
                        onClicked: header.crumbClicked(crumb.index)
                    }
                }
                VText {
                    text: "/"
                    color: Theme.textTertiary
                    font.pixelSize: Theme.fontSizeSmall
                }
            }
        }
        VText {
            text: header.title
            font.pixelSize: Theme.fontSizeSmall
        }
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: 12
        VText {
            Layout.fillWidth: true
            text: header.title
            font.pixelSize: Theme.fontSizeTitle
            font.weight: Font.DemiBold
        }
        Row {
            id: actionRow
            spacing: 8
        }
    }
    VText {
        Layout.fillWidth: true
        visible: header.description.length > 0
        text: header.description
        secondary: true
        wrapMode: Text.WordWrap
        elide: Text.ElideNone
    }
}
