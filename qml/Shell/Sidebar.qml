import QtQuick
import QtQuick.Layouts
import Vingt.Gui
import Vingt.Theme
import Vingt.Components

// Workspace name, grouped sections, and the live server status at the bottom.
Rectangle {
    id: sidebar
    property string current
    signal sectionClicked(string key)
    color: Theme.sidebar

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: 2

        RowLayout {
            Layout.fillWidth: true
            Layout.bottomMargin: 16
            Layout.topMargin: 4
            spacing: 8
            Rectangle {
                width: 22
                height: 22
                radius: Theme.radius
                color: Theme.accent
                VText {
                    anchors.centerIn: parent
                    text: "V"
                    color: Theme.accentText
                    font.weight: Font.Bold
                }
            }
            ColumnLayout {
                spacing: 0
                Layout.fillWidth: true
                VText {
                    text: "Vingt"
                    font.weight: Font.DemiBold
                }
                VText {
                    Layout.fillWidth: true
                    text: ServerController.workspaceName
                    secondary: true
                    font.pixelSize: Theme.fontSizeSmall
                }
            }
        }

        VText {
            Layout.topMargin: 8
            Layout.bottomMargin: 4
            Layout.leftMargin: 8
            text: qsTr("WORKSPACE")
            color: Theme.textTertiary
            font.pixelSize: 11
            font.weight: Font.DemiBold
        }
        SidebarItem { key: "general"; label: qsTr("General"); current: sidebar.current; onClicked: sidebar.sectionClicked(key) }
        SidebarItem { key: "data-model"; label: qsTr("Data model"); current: sidebar.current; onClicked: sidebar.sectionClicked(key) }
        SidebarItem { key: "roles"; label: qsTr("Roles"); current: sidebar.current; onClicked: sidebar.sectionClicked(key) }
        SidebarItem { key: "api-keys"; label: qsTr("APIs & Webhooks"); current: sidebar.current; onClicked: sidebar.sectionClicked(key) }

        VText {
            Layout.topMargin: 16
            Layout.bottomMargin: 4
            Layout.leftMargin: 8
            text: qsTr("DEVELOPERS")
            color: Theme.textTertiary
            font.pixelSize: 11
            font.weight: Font.DemiBold
        }
        SidebarItem { key: "playground"; label: qsTr("Playground"); current: sidebar.current; onClicked: sidebar.sectionClicked(key) }

        Item { Layout.fillHeight: true }

        ServerPill {
            Layout.fillWidth: true
            onOpenGeneral: sidebar.sectionClicked("general")
        }
    }
}
