import QtQuick
import QtQuick.Layouts
import Vingt.Gui
import Vingt.Theme

// Shows a just-issued token once: monospace, Copy, and the warning that it will not be shown again.
Card {
    id: panel
    property string token
    property bool copied: false
    implicitHeight: column.implicitHeight + 32
    color: Theme.warningSoft
    border.color: Theme.warning

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: 16
        spacing: 10
        VText {
            Layout.fillWidth: true
            text: qsTr("Copy this key now: it will not be shown again")
            color: Theme.warningText
            font.weight: Font.DemiBold
            wrapMode: Text.WordWrap
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: 8
            VTextField {
                id: tokenField
                objectName: "tokenField"
                Layout.fillWidth: true
                text: panel.token
                onTextChanged: cursorPosition = 0
                readOnly: true
                mono: true
                selectByMouse: true
            }
            VButton {
                objectName: "copyTokenButton"
                text: panel.copied ? qsTr("Copied") : qsTr("Copy")
                variant: "primary"
                onClicked: {
                    Desktop.copyToClipboard(panel.token)
                    panel.copied = true
                }
            }
        }
    }
}
