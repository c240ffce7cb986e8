import QtQuick
import QtQuick.Layouts
import Vingt.Theme

// What a list shows when it has no rows: what the thing is, and the first action.
Item {
    id: empty
    property string title
    property string text
    property string actionText
    signal actionTriggered()
    implicitHeight: column.implicitHeight + 48
    implicitWidth: 400

    ColumnLayout {
        id: column
        anchors.centerIn: parent
        width: Math.min(parent.width - 32, 420)
        spacing: 8
        VText {
            Layout.alignment: Qt.AlignHCenter
            text: empty.title
            font.weight: Font.DemiBold
            font.pixelSize: Theme.fontSizeSection
        }
        VText {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            text: empty.text
            secondary: true
            wrapMode: Text.WordWrap
            elide: Text.ElideNone
        }
        VButton {
            Layout.alignment: Qt.AlignHCenter
            Layout.topMargin: 4
            visible: empty.actionText.length > 0
            text: empty.actionText
            variant: "primary"
            onClicked: empty.actionTriggered()
        }
    }
}
