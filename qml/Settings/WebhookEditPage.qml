pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Vingt.Gui
import Vingt.Theme
import Vingt.Components

// Create or edit a webhook: URL (http or https), events (object × action, `*` for any), description, secret.
SettingsPage {
    id: page
    objectName: "webhookEditPage"
    property string webhookId              // empty: create
    property var operations: []
    property string error
    readonly property bool creating: webhookId.length === 0
    crumbs: [qsTr("APIs & Webhooks")]
    title: creating ? qsTr("New webhook") : qsTr("Edit webhook")
    description: qsTr("Vingt POSTs each matching record event to the URL, signed with the secret.")

    function addOperation(op: string) {
        if (op.length > 0 && page.operations.indexOf(op) < 0)
            page.operations = page.operations.concat([op])
    }
    function removeOperation(op: string) {
        page.operations = page.operations.filter(o => o !== op)
    }
    function save() {
        page.error = ""
        WebhooksController.save(page.webhookId, urlField.text, page.operations.length > 0 ? page.operations : ["*.*"],
                                descriptionField.text, secretField.text)
    }

    Component.onCompleted: {
        if (!creating) {
            const hook = WebhooksController.webhook(webhookId)
            urlField.text = hook.targetUrl ?? ""
            descriptionField.text = hook.description ?? ""
            secretField.text = hook.secret ?? ""
            page.operations = hook.operations ?? []
        } else {
            secretField.text = WebhooksController.generateSecret()
        }
        urlField.forceActiveFocus()
    }
    Connections {
        target: WebhooksController
        function onSaved(id: string) { page.StackView.view.pop() }
        function onSaveFailed(message: string) { page.error = message }
    }

    Card {
        Layout.fillWidth: true
        implicitHeight: form.implicitHeight + 40
        GridLayout {
            id: form
            x: 20
            y: 20
            width: parent.width - 40
            columns: 2
            columnSpacing: 24
            rowSpacing: 14

            VText { text: qsTr("URL"); secondary: true; Layout.preferredWidth: 140 }
            VTextField {
                id: urlField
                objectName: "webhookUrlField"
                Layout.fillWidth: true
                mono: true
                placeholderText: "https://example.com/webhooks/vingt"
                error: page.error.indexOf("URL") >= 0
                onAccepted: page.save()
            }

            VText { text: qsTr("Events"); secondary: true; Layout.alignment: Qt.AlignTop; Layout.topMargin: 8 }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 8
                RowLayout {
                    spacing: 8
                    VComboBox {
                        id: objectCombo
                        objectName: "eventObjectCombo"
                        Layout.preferredWidth: 200
                        model: WebhooksController.objectNames
                        displayText: currentText === "*" ? qsTr("Any object (*)") : currentText
                    }
                    VComboBox {
                        id: actionCombo
                        objectName: "eventActionCombo"
                        Layout.preferredWidth: 160
                        model: WebhooksController.actions
                        displayText: currentText === "*" ? qsTr("Any action (*)") : currentText
                    }
                    VButton {
                        objectName: "addEventButton"
                        text: qsTr("Add")
                        onClicked: page.addOperation(WebhooksController.operation(objectCombo.currentText, actionCombo.currentText))
                    }
                }
                Flow {
                    Layout.fillWidth: true
                    spacing: 6
                    Repeater {
                        model: page.operations
                        delegate: Rectangle {
                            id: chip
                            required property string modelData
                            objectName: "eventChip-" + modelData
                            implicitWidth: chipRow.implicitWidth + 16
                            implicitHeight: 26
                            radius: Theme.radius
                            color: Theme.accentSoft
                            Row {
                                id: chipRow
                                anchors.centerIn: parent
                                spacing: 6
                                VText { text: chip.modelData; mono: true; color: Theme.accent }
                                VText {
                                    text: "×"
                                    color: Theme.accent
                                    MouseArea {
                                        anchors.fill: parent
                                        cursorShape: Qt.PointingHandCursor
                                        onClicked: page.removeOperation(chip.modelData)
                                    }
                                }
                            }
                        }
                    }
                }
                VText {
                    visible: page.operations.length === 0
                    text: qsTr("No event chosen: every event (*.*) is sent.")
                    secondary: true
                    font.pixelSize: Theme.fontSizeSmall
                }
            }

            VText { text: qsTr("Description"); secondary: true }
            VTextField {
                id: descriptionField
                objectName: "webhookDescriptionField"
                Layout.fillWidth: true
                placeholderText: qsTr("Optional, e.g. Zapier sync")
            }

            VText { text: qsTr("Secret"); secondary: true }
            RowLayout {
                Layout.fillWidth: true
                spacing: 8
                VTextField {
                    id: secretField
                    objectName: "webhookSecretField"
                    Layout.fillWidth: true
                    mono: true
                    placeholderText: qsTr("Empty: deliveries are not signed")
                }
                VButton {
                    text: qsTr("Generate")
                    onClicked: secretField.text = WebhooksController.generateSecret()
                }
            }
        }
    }

    ErrorText {
        objectName: "webhookError"
        Layout.fillWidth: true
        text: page.error
    }

    RowLayout {
        Layout.alignment: Qt.AlignRight
        spacing: 8
        VButton {
            text: qsTr("Cancel")
            onClicked: page.StackView.view.pop()
        }
        VButton {
            objectName: "saveWebhookButton"
            text: page.creating ? qsTr("Create webhook") : qsTr("Save")
            variant: "primary"
            enabled: urlField.text.trim().length > 0 && !WebhooksController.busy
            onClicked: page.save()
        }
    }
}
