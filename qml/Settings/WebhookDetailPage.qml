import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Vingt.Gui
import Vingt.Theme
import Vingt.Components

// One webhook: its settings (Edit, Send test event, Delete with confirmation), the delivery log (status, response
// code, latency, attempts, time) with each delivery's request and response and Replay, and a signature-check snippet.
SettingsPage {
    id: page
    objectName: "webhookDetailPage"
    property string webhookId
    property bool demo: false            // screenshot mode: shows the first webhook and its newest delivery
    property var hook: ({})
    property var delivery: ({})          // the selected delivery, with its exchange
    property string error
    property string notice
    property bool snippetCopied: false
    crumbs: [qsTr("APIs & Webhooks")]
    title: page.hook.description || qsTr("Webhook")
    description: page.hook.targetUrl ?? ""

    function reload() {
        page.hook = WebhooksController.webhook(page.webhookId)
    }
    onWebhookIdChanged: {
        WebhooksController.currentWebhookId = webhookId
        reload()
    }
    Component.onDestruction: {
        if (WebhooksController.currentWebhookId === page.webhookId)
            WebhooksController.currentWebhookId = ""
    }
    StackView.onActivated: {
        WebhooksController.currentWebhookId = page.webhookId
        reload()
    }
    function pickDemo() {
        if (page.demo && page.webhookId.length === 0 && WebhooksController.webhooks.count > 0) {
            const first = WebhooksController.webhooks.get(0)
            page.webhookId = first.id
        }
    }
    Component.onCompleted: pickDemo()
    Connections {
        target: WebhooksController.webhooks
        function onDataChanged() { page.reload() }
        function onModelReset() { page.reload() }
        function onCountChanged() {
            page.pickDemo()
            page.reload()
        }
    }
    Connections {
        target: WebhooksController
        function onRemoved(id: string) {
            if (id === page.webhookId)
                page.StackView.view.pop()
        }
        function onActionFailed(message: string) { page.error = message }
        function onDeliveryLoaded(delivery: var) { page.delivery = delivery }
        function onQueued(deliveryId: string) { page.notice = qsTr("Queued as delivery %1.").arg(deliveryId) }
        function onDeliveriesLoaded() {
            if (page.demo && page.delivery.id === undefined && WebhooksController.deliveries.count > 0)
                WebhooksController.loadDelivery(WebhooksController.deliveries.get(0).id)
            if (page.delivery.id !== undefined && WebhooksController.deliveries.indexOfId(page.delivery.id) >= 0)
                WebhooksController.loadDelivery(page.delivery.id) // keep the open exchange current
        }
    }

    Component { id: editPage; WebhookEditPage {} }

    ConfirmDialog {
        id: deleteDialog
        objectName: "deleteWebhookDialog"
        title: qsTr("Delete this webhook?")
        message: qsTr("%1 stops receiving events; deliveries not sent yet are dropped. This cannot be undone.").arg(page.hook.targetUrl ?? "")
        confirmText: qsTr("Delete webhook")
        danger: true
        onAccepted: {
            page.error = ""
            WebhooksController.remove(page.webhookId)
        }
    }

    Card {
        Layout.fillWidth: true
        implicitHeight: grid.implicitHeight + 40
        GridLayout {
            id: grid
            x: 20
            y: 20
            width: parent.width - 40
            columns: 2
            columnSpacing: 24
            rowSpacing: 14

            VText { text: qsTr("URL"); secondary: true; Layout.preferredWidth: 140 }
            VText { objectName: "webhookUrl"; Layout.fillWidth: true; text: page.hook.targetUrl ?? ""; mono: true }
            VText { text: qsTr("Events"); secondary: true }
            VText { objectName: "webhookEvents"; Layout.fillWidth: true; text: page.hook.operationsText ?? ""; mono: true }
            VText { text: qsTr("Secret"); secondary: true }
            RowLayout {
                spacing: 8
                VText {
                    id: secretText
                    property bool shown: false
                    text: (page.hook.secret ?? "").length === 0 ? qsTr("None: deliveries are not signed")
                        : shown ? page.hook.secret : "••••••••••••"
                    mono: shown
                    secondary: (page.hook.secret ?? "").length === 0
                }
                VButton {
                    visible: (page.hook.secret ?? "").length > 0
                    text: secretText.shown ? qsTr("Hide") : qsTr("Show")
                    onClicked: secretText.shown = !secretText.shown
                }
            }
            VText { text: qsTr("Created"); secondary: true }
            VText { text: page.hook.createdText ?? "" }
        }
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: 8
        VButton {
            objectName: "editWebhookButton"
            text: qsTr("Edit")
            onClicked: page.StackView.view.push(editPage, { webhookId: page.webhookId })
        }
        VButton {
            objectName: "sendTestButton"
            text: qsTr("Send test event")
            enabled: !WebhooksController.busy
            onClicked: {
                page.error = ""
                WebhooksController.sendTestEvent()
            }
        }
        VText { Layout.fillWidth: true; text: page.notice; secondary: true }
        VButton {
            objectName: "deleteWebhookButton"
            text: qsTr("Delete webhook")
            variant: "danger"
            enabled: !WebhooksController.busy
            onClicked: deleteDialog.open()
        }
    }

    ErrorText {
        objectName: "webhookDetailError"
        Layout.fillWidth: true
        text: page.error
    }

    SectionTitle {
        Layout.fillWidth: true
        title: qsTr("Deliveries")
        description: WebhooksController.deliveryCount === 1 ? qsTr("1 delivery, newest first.")
                   : qsTr("%1 deliveries, newest first.").arg(WebhooksController.deliveryCount)
    }
    Card {
        Layout.fillWidth: true
        implicitHeight: deliveryColumn.implicitHeight
        ColumnLayout {
            id: deliveryColumn
            width: parent.width
            spacing: 0
            TableHeader {
                Layout.fillWidth: true
                visible: WebhooksController.deliveries.count > 0
                titles: [qsTr("Status"), qsTr("Event"), qsTr("Code"), qsTr("Latency"), qsTr("Attempts"), qsTr("Time")]
                widths: [110, 0, 70, 90, 80, 110]
            }
            Repeater {
                model: WebhooksController.deliveries
                delegate: TableRow {
                    id: deliveryRow
                    required property int index
                    required property string itemId
                    required property string eventName
                    required property string status
                    required property string statusTone
                    required property string responseCodeText
                    required property string latencyText
                    required property int attempts
                    required property string timeText
                    required property bool isTest
                    required property string replayOf
                    objectName: "deliveryRow-" + index
                    Layout.fillWidth: true
                    last: index === WebhooksController.deliveries.count - 1
                    onActivated: WebhooksController.loadDelivery(itemId)
                    Item {
                        width: 110
                        height: deliveryRow.height
                        Badge { anchors.verticalCenter: parent.verticalCenter; text: deliveryRow.status; tone: deliveryRow.statusTone }
                    }
                    Row {
                        width: deliveryRow.width - 24 - 460
                        height: deliveryRow.height
                        spacing: 6
                        VText { height: parent.height; text: deliveryRow.eventName; mono: true }
                        Badge { anchors.verticalCenter: parent.verticalCenter; visible: deliveryRow.isTest; text: qsTr("Test") }
                        Badge { anchors.verticalCenter: parent.verticalCenter; visible: deliveryRow.replayOf.length > 0; text: qsTr("Replay") }
                    }
                    VText { width: 70; height: deliveryRow.height; text: deliveryRow.responseCodeText }
                    VText { width: 90; height: deliveryRow.height; text: deliveryRow.latencyText; secondary: true }
                    VText { width: 80; height: deliveryRow.height; text: deliveryRow.attempts; secondary: true }
                    VText { width: 110; height: deliveryRow.height; text: deliveryRow.timeText; secondary: true }
                }
            }
            EmptyState {
                Layout.fillWidth: true
                visible: WebhooksController.deliveries.count === 0
                title: qsTr("No deliveries yet")
                text: qsTr("Change a record that matches the events, or send a test event.")
            }
        }
    }

    // The selected delivery's exchange.
    Card {
        objectName: "deliveryPanel"
        Layout.fillWidth: true
        visible: page.delivery.id !== undefined
        implicitHeight: exchange.implicitHeight + 40
        ColumnLayout {
            id: exchange
            x: 20
            y: 20
            width: parent.width - 40
            spacing: 10
            RowLayout {
                Layout.fillWidth: true
                spacing: 8
                VText {
                    Layout.fillWidth: true
                    text: qsTr("Delivery %1").arg(page.delivery.id ?? "")
                    font.weight: Font.DemiBold
                    mono: true
                }
                VButton {
                    objectName: "replayButton"
                    text: qsTr("Replay")
                    enabled: !WebhooksController.busy
                    onClicked: {
                        page.error = ""
                        WebhooksController.replay(page.delivery.id)
                    }
                }
            }
            VText {
                Layout.fillWidth: true
                text: qsTr("%1 · %2 attempt(s) · created %3%4").arg(page.delivery.status ?? "").arg(page.delivery.attempts ?? 0)
                      .arg(page.delivery.createdText ?? "").arg((page.delivery.error ?? "").length > 0 ? " · " + page.delivery.error : "")
                color: page.delivery.status === "FAILED" ? Theme.danger : Theme.textSecondary
                wrapMode: Text.WordWrap
                elide: Text.ElideNone
            }
            VText { text: qsTr("Request"); font.weight: Font.Medium }
            CodeBlock { objectName: "requestText"; Layout.fillWidth: true; text: (page.delivery.requestHeaders ?? "") + "\n\n" + (page.delivery.requestBody ?? "") }
            VText { text: qsTr("Response"); font.weight: Font.Medium }
            CodeBlock {
                objectName: "responseText"
                Layout.fillWidth: true
                text: page.delivery.hasResponse ? qsTr("HTTP %1\n%2\n\n%3").arg(page.delivery.responseCodeText).arg(page.delivery.responseHeaders).arg(page.delivery.responseBody)
                                                : qsTr("No response. %1").arg(page.delivery.error ?? "")
            }
        }
    }

    SectionTitle {
        Layout.fillWidth: true
        title: qsTr("Check the signature")
        description: qsTr("Receivers recompute the HMAC-SHA256 of \"<timestamp>:<raw body>\" with the secret.")
        VButton {
            objectName: "copySnippetButton"
            text: page.snippetCopied ? qsTr("Copied") : qsTr("Copy")
            onClicked: {
                Desktop.copyToClipboard(WebhooksController.signatureSnippet(page.hook.secret ?? ""))
                page.snippetCopied = true
            }
        }
    }
    CodeBlock {
        objectName: "signatureSnippet"
        Layout.fillWidth: true
        text: WebhooksController.signatureSnippet(page.hook.secret ?? "")
    }

    component CodeBlock: Rectangle {
        property alias text: code.text
        implicitHeight: code.implicitHeight + 20
        radius: Theme.radius
        color: Theme.codeBackground
        border.color: Theme.border
        TextEdit {
            id: code
            x: 10
            y: 10
            width: parent.width - 20
            readOnly: true
            selectByMouse: true
            wrapMode: TextEdit.WrapAnywhere
            font.family: Theme.monoFamily
            font.pixelSize: Theme.fontSizeSmall
            color: Theme.text
        }
    }
}
