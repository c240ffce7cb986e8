import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Templates as T
import QtQuick.Layouts
import Vingt.Theme

// Confirms an action and names what it affects. `danger` styles the confirm button.
Dialog {
    id: dialog
    property string message
    property string confirmText: qsTr("Confirm")
    property bool danger: false
    modal: true
    anchors.centerIn: T.Overlay.overlay
    width: 440
    padding: 20
    topPadding: 20
    focus: true
    T.Overlay.modal: Rectangle { color: Theme.overlay }
    background: Rectangle {
        radius: Theme.radiusLarge
        color: Theme.background
        border.color: Theme.border
    }
    header: Item {}
    contentItem: ColumnLayout {
        spacing: 12
        VText {
            text: dialog.title
            font.pixelSize: Theme.fontSizeSection + 2
            font.weight: Font.DemiBold
        }
        VText {
            Layout.fillWidth: true
            text: dialog.message
            secondary: true
            wrapMode: Text.WordWrap
            elide: Text.ElideNone
        }
        RowLayout {
            Layout.topMargin: 8
            Layout.alignment: Qt.AlignRight
            spacing: 8
            VButton {
                text: qsTr("Cancel")
                onClicked: dialog.reject()
            }
            VButton {
                objectName: "confirmButton"
                text: dialog.confirmText
                variant: dialog.danger ? "danger" : "primary"
                focus: true
                onClicked: dialog.accept()
            }
        }
    }
    footer: Item {}
}
