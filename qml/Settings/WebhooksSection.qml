pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Vingt.Gui
import Vingt.Theme
import Vingt.Components

// APIs & Webhooks → Webhooks: the table (URL, events, created) and + Create webhook. Pages open on `view`.
ColumnLayout {
    id: section
    objectName: "webhooksSection"
    property var view  // the StackView of the page that holds this section
    spacing: 24

    function openWebhook(id: string) {
        section.view.push(detailPage, { webhookId: id })
    }
    function createWebhook() {
        section.view.push(editPage, { webhookId: "" })
    }

    Component { id: detailPage; WebhookDetailPage {} }
    Component { id: editPage; WebhookEditPage {} }

    SectionTitle {
        Layout.fillWidth: true
        title: qsTr("Webhooks")
        description: qsTr("Webhooks notify another app when records change: one signed POST per event.")
        VButton {
            objectName: "createWebhookButton"
            text: qsTr("+ Create webhook")
            variant: "primary"
            onClicked: section.createWebhook()
        }
    }
    Card {
        Layout.fillWidth: true
        implicitHeight: hookColumn.implicitHeight
        ColumnLayout {
            id: hookColumn
            width: parent.width
            spacing: 0
            TableHeader {
                Layout.fillWidth: true
                visible: WebhooksController.webhooks.count > 0
                titles: [qsTr("URL"), qsTr("Events"), qsTr("Created"), ""]
                widths: [0, 260, 110, 24]
            }
            Repeater {
                model: WebhooksController.webhooks
                delegate: TableRow {
                    id: hookRow
                    required property int index
                    required property string itemId
                    required property string targetUrl
                    required property string operationsText
                    required property string description
                    required property string createdText
                    objectName: "webhookRow-" + targetUrl
                    Layout.fillWidth: true
                    last: index === WebhooksController.webhooks.count - 1
                    onActivated: section.openWebhook(itemId)
                    Column {
                        width: hookRow.width - 24 - 394
                        anchors.verticalCenter: parent ? parent.verticalCenter : undefined
                        VText {
                            width: parent.width - 8
                            text: hookRow.targetUrl
                            mono: true
                        }
                        VText {
                            width: parent.width - 8
                            visible: hookRow.description.length > 0
                            text: hookRow.description
                            secondary: true
                            font.pixelSize: Theme.fontSizeSmall
                        }
                    }
                    VText { width: 260; height: hookRow.height; text: hookRow.operationsText; secondary: true; mono: true }
                    VText { width: 110; height: hookRow.height; text: hookRow.createdText; secondary: true }
                    VText { width: 24; height: hookRow.height; text: "›"; secondary: true; horizontalAlignment: Text.AlignRight }
                }
            }
            EmptyState {
                Layout.fillWidth: true
                visible: WebhooksController.webhooks.count === 0
                title: qsTr("No webhooks yet")
                text: qsTr("Create a webhook to send record changes to another app, e.g. Zapier or your own service.")
                actionText: qsTr("+ Create webhook")
                onActionTriggered: section.createWebhook()
            }
        }
    }
}
