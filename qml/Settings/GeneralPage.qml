import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Vingt.Gui
import Vingt.Theme
import Vingt.Components

// General: the API server (status, URL, port, bind address, start/stop), data location, limits, appearance.
SettingsPage {
    id: page
    objectName: "generalPage"
    title: qsTr("General")
    description: qsTr("The local API server, where the data lives, and how Vingt looks.")
    property string pendingHost

    function apply() {
        const host = hostField.text.trim()
        if (!ServerController.isLoopback(host)) {
            page.pendingHost = host
            exposeDialog.open()
            return
        }
        ServerController.start(host, parseInt(portField.text))
    }

    ConfirmDialog {
        id: exposeDialog
        title: qsTr("Listen on %1?").arg(page.pendingHost)
        message: qsTr("Other machines that can reach %1 will be able to call the API. Anyone with an API key gets its role's access.").arg(page.pendingHost)
        confirmText: qsTr("Listen on %1").arg(page.pendingHost)
        danger: true
        onAccepted: ServerController.start(page.pendingHost, parseInt(portField.text))
    }

    SectionTitle { Layout.fillWidth: true; title: qsTr("API server") }
    Card {
        Layout.fillWidth: true
        implicitHeight: serverGrid.implicitHeight + 40
        GridLayout {
            id: serverGrid
            x: 20
            y: 20
            width: parent.width - 40
            columns: 2
            columnSpacing: 24
            rowSpacing: 14

            VText { text: qsTr("Status"); secondary: true; Layout.preferredWidth: 140 }
            RowLayout {
                spacing: 8
                Badge {
                    objectName: "serverStatus"
                    text: ServerController.running ? qsTr("Running") : qsTr("Stopped")
                    tone: ServerController.running ? "success" : "danger"
                }
                VText {
                    visible: ServerController.running
                    text: ServerController.requestsPerMinute === 1 ? qsTr("1 request in the last minute") : qsTr("%1 requests in the last minute").arg(ServerController.requestsPerMinute)
                    secondary: true
                }
            }
            VText { text: qsTr("URL"); secondary: true; visible: ServerController.running }
            RowLayout {
                visible: ServerController.running
                spacing: 8
                VText { text: ServerController.url; mono: true }
                VButton {
                    text: qsTr("Copy")
                    height: 26
                    variant: "ghost"
                    onClicked: Desktop.copyToClipboard(ServerController.url)
                }
            }
            VText { text: qsTr("Bind address"); secondary: true }
            ColumnLayout {
                spacing: 4
                VTextField {
                    id: hostField
                    objectName: "hostField"
                    Layout.preferredWidth: 240
                    text: ServerController.host
                    mono: true
                }
                VText {
                    visible: !ServerController.isLoopback(hostField.text)
                    text: qsTr("⚠ Not a loopback address: other machines may reach the API.")
                    color: Theme.warningText
                    font.pixelSize: Theme.fontSizeSmall
                }
            }
            VText { text: qsTr("Port"); secondary: true }
            VTextField {
                id: portField
                objectName: "portField"
                Layout.preferredWidth: 120
                text: ServerController.port
                mono: true
                validator: IntValidator { bottom: 0; top: 65535 }
            }
            Item { width: 1; height: 1 }
            ColumnLayout {
                spacing: 6
                RowLayout {
                    spacing: 8
                    VButton {
                        objectName: "startServerButton"
                        text: ServerController.running ? qsTr("Restart") : qsTr("Start")
                        variant: "primary"
                        onClicked: page.apply()
                    }
                    VButton {
                        objectName: "stopServerButton"
                        text: qsTr("Stop")
                        enabled: ServerController.running
                        onClicked: ServerController.stop()
                    }
                }
                ErrorText { Layout.fillWidth: true; text: ServerController.error }
            }
        }
    }

    SectionTitle {
        Layout.fillWidth: true
        title: qsTr("Storage")
        description: qsTr("SQLite in the data directory by default; PostgreSQL when several Vingt servers share one database.")
    }
    Card {
        Layout.fillWidth: true
        implicitHeight: storageGrid.implicitHeight + 40
        GridLayout {
            id: storageGrid
            x: 20
            y: 20
            width: parent.width - 40
            columns: 2
            columnSpacing: 24
            rowSpacing: 14

            VText { text: qsTr("In use"); secondary: true; Layout.preferredWidth: 140 }
            RowLayout {
                Layout.fillWidth: true
                spacing: 8
                Badge { objectName: "storeBadge"; text: ServerController.postgres ? "PostgreSQL" : "SQLite" }
                VText {
                    objectName: "dataLocation"
                    Layout.fillWidth: true
                    text: ServerController.dataDir
                    mono: true
                    elide: Text.ElideMiddle
                }
                VButton {
                    text: ServerController.postgres ? qsTr("Copy URL") : qsTr("Copy path")
                    height: 26
                    variant: "ghost"
                    onClicked: Desktop.copyToClipboard(ServerController.dataDir)
                }
            }
            VText { text: qsTr("PostgreSQL URL"); secondary: true }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 6
                VTextField {
                    id: databaseUrlField
                    objectName: "databaseUrlField"
                    Layout.fillWidth: true
                    mono: true
                    placeholderText: "postgresql://user:password@host:5432/vingt"
                    error: ServerController.storageError !== ""
                    Accessible.name: qsTr("PostgreSQL URL")
                    onAccepted: ServerController.testDatabase(text)
                }
                RowLayout {
                    spacing: 8
                    VButton {
                        objectName: "testDatabaseButton"
                        text: qsTr("Test connection")
                        enabled: databaseUrlField.text.trim() !== "" && !ServerController.busy
                        onClicked: ServerController.testDatabase(databaseUrlField.text)
                    }
                    VButton {
                        objectName: "saveDatabaseButton"
                        text: qsTr("Use from next start")
                        variant: "primary"
                        enabled: databaseUrlField.text.trim() !== ""
                        onClicked: ServerController.saveDatabaseUrl(databaseUrlField.text)
                    }
                    VButton {
                        objectName: "forgetDatabaseButton"
                        visible: ServerController.savedDatabaseUrl !== ""
                        text: qsTr("Back to the data directory")
                        variant: "ghost"
                        onClicked: ServerController.saveDatabaseUrl("")
                    }
                    BusyIndicator {
                        running: ServerController.busy
                        visible: running
                        implicitWidth: 22
                        implicitHeight: 22
                    }
                }
                VText {
                    objectName: "savedDatabaseUrl"
                    Layout.fillWidth: true
                    visible: ServerController.savedDatabaseUrl !== ""
                    text: ServerController.storeGiven
                          ? qsTr("Saved for the next start: %1 (the command line or VINGT_DATABASE_URL names the store of this run and wins while it does).").arg(ServerController.savedDatabaseUrl)
                          : qsTr("Saved for the next start: %1").arg(ServerController.savedDatabaseUrl)
                    secondary: true
                    wrapMode: Text.Wrap
                    font.pixelSize: Theme.fontSizeSmall
                }
                VText {
                    objectName: "storageMessage"
                    Layout.fillWidth: true
                    visible: text !== ""
                    text: ServerController.storageMessage
                    wrapMode: Text.Wrap
                }
                ErrorText { objectName: "storageError"; Layout.fillWidth: true; text: ServerController.storageError }
                VButton {
                    objectName: "restartAppButton"
                    visible: ServerController.savedDatabaseUrl !== "" && !ServerController.storeGiven
                             && (!ServerController.postgres || ServerController.savedDatabaseUrl !== ServerController.dataDir)
                    text: qsTr("Restart Vingt now")
                    onClicked: ServerController.restartApp()
                }
            }
        }
    }

    SectionTitle {
        Layout.fillWidth: true
        title: qsTr("Limits")
        description: qsTr("Instance settings; change them with vingt serve --setting key=value.")
    }
    Card {
        Layout.fillWidth: true
        implicitHeight: limitColumn.implicitHeight
        ColumnLayout {
            id: limitColumn
            width: parent.width
            spacing: 0
            Repeater {
                model: ServerController.limits
                delegate: TableRow {
                    id: limitRow
                    required property int index
                    required property string itemId
                    required property string label
                    required property string value
                    required property string unit
                    Layout.fillWidth: true
                    interactive: false
                    last: index === ServerController.limits.count - 1
                    VText { width: 260; height: limitRow.height; text: limitRow.label }
                    VText { width: limitRow.width - 24 - 260 - 200; height: limitRow.height; text: limitRow.value + " " + limitRow.unit; secondary: true }
                    VText { width: 200; height: limitRow.height; text: limitRow.itemId; mono: true; color: Theme.textTertiary; font.pixelSize: Theme.fontSizeSmall; horizontalAlignment: Text.AlignRight }
                }
            }
        }
    }

    SectionTitle { Layout.fillWidth: true; title: qsTr("Appearance") }
    Card {
        Layout.fillWidth: true
        implicitHeight: 56
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 20
            anchors.rightMargin: 20
            VText { Layout.fillWidth: true; text: qsTr("Theme") }
            VComboBox {
                objectName: "themeCombo"
                Layout.preferredWidth: 160
                model: [qsTr("System"), qsTr("Light"), qsTr("Dark")]
                currentIndex: Desktop.themeChoice === "Light" ? 1 : Desktop.themeChoice === "Dark" ? 2 : 0
                onActivated: index => Desktop.themeChoice = ["System", "Light", "Dark"][index]
            }
        }
    }
}
