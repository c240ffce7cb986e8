import QtQuick
import QtQuick.Layouts
import Vingt.Gui
import Vingt.Theme
import Vingt.Components

// The server status at the bottom of the sidebar: green dot + URL (click copies it), red with the reason when
// stopped (click opens General).
Rectangle {
    id: pill
    signal openGeneral()
    property bool copied: false
    implicitHeight: column.implicitHeight + 16
    radius: Theme.radius
    color: area.containsMouse ? Theme.hover : Theme.transparent
    border.width: 1
    border.color: Theme.border

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: 8
        spacing: 2
        RowLayout {
            spacing: 6
            Rectangle {
                width: 8
                height: 8
                radius: 4
                color: ServerController.running ? Theme.success : Theme.danger
            }
            VText {
                text: pill.copied ? qsTr("URL copied") : ServerController.running ? qsTr("Serving on") : qsTr("Server stopped")
                secondary: true
                font.pixelSize: Theme.fontSizeSmall
            }
        }
        VText {
            Layout.fillWidth: true
            text: ServerController.running ? ServerController.url.replace("http://", "").replace(/\/$/, "")
                                           : (ServerController.error || qsTr("Open General to start it"))
            mono: ServerController.running
            font.pixelSize: Theme.fontSizeSmall
            wrapMode: ServerController.running ? Text.NoWrap : Text.WordWrap
            color: ServerController.running ? Theme.text : Theme.danger
        }
    }
    Timer {
        id: resetCopied
        interval: 1500
        onTriggered: pill.copied = false
    }
    MouseArea {
        id: area
        anchors.fill: parent
        hoverEnabled: true
        cursorShape: Qt.PointingHandCursor
        onClicked: {
            if (ServerController.running) {
                Desktop.copyToClipboard(ServerController.url)
                pill.copied = true
                resetCopied.restart()
            } else {
                pill.openGeneral()
            }
        }
    }
}
