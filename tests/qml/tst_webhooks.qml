import QtQuick
import QtQuick.Controls.Basic
import QtTest
import Vingt.Gui
import Vingt.Settings

// Webhooks: create one through the page (URL, events picker, secret) and see it over HTTP; its page sends a test
// event, shows the delivery's request and replays it; edit; refuse an invalid URL next to the field; delete.
Item {
    id: root
    width: 1280
    height: 800

    StackView {
        id: stack
        anchors.fill: parent
        pushEnter: Transition {}
        pushExit: Transition {}
        popEnter: Transition {}
        popExit: Transition {}
    }
    Component { id: keysPage; ApiKeysPage {} }
    Http { id: http }
    SignalSpy { id: keyCreated; target: ApiKeysController; signalName: "created" }

    TestCase {
        name: "Webhooks"
        when: windowShown
        property string token

        function adminToken(): string {
            if (token.length > 0)
                return token
            tryVerify(() => ApiKeysController.assignableRoles.count > 0, 20000)
            let admin = ""
            for (let i = 0; i < ApiKeysController.assignableRoles.count; ++i) {
                const role = ApiKeysController.assignableRoles.get(i)
                if (role.label === "Admin")
                    admin = role.id
            }
            verify(admin.length > 0)
            ApiKeysController.createKey("webhooks qml test", "", admin)
            keyCreated.wait(20000)
            token = keyCreated.signalArguments[0][1]
            return token
        }
        function get(path: string): var {
            http.call("GET", path, adminToken())
            tryVerify(() => http.status !== -1, 20000)
            return { status: http.status, json: http.body.length > 0 ? JSON.parse(http.body) : null }
        }
        function selectText(combo: var, text: string) {
            tryVerify(() => combo.find(text) >= 0, 20000, text + " is offered")
            combo.currentIndex = combo.find(text)
        }
        function openList(): var {
            stack.clear()
            stack.push(keysPage, {}, StackView.Immediate)
            return stack.currentItem
        }

        function test_createTestEventReplayEditDelete() {
            const list = openList()
            mouseClick(findChild(list, "createWebhookButton"))
            tryCompare(stack, "depth", 2)
            const edit = stack.currentItem
            verify(findChild(edit, "webhookUrlField").activeFocus, "the URL field has the focus")
            verify(findChild(edit, "webhookSecretField").text.length === 64, "a secret is proposed")
            findChild(edit, "webhookUrlField").text = "https://hooks.example.com/qml"
            selectText(findChild(edit, "eventObjectCombo"), "person")
            selectText(findChild(edit, "eventActionCombo"), "created")
            mouseClick(findChild(edit, "addEventButton"))
            selectText(findChild(edit, "eventObjectCombo"), "*")
            selectText(findChild(edit, "eventActionCombo"), "deleted")
            mouseClick(findChild(edit, "addEventButton"))
            verify(findChild(edit, "eventChip-person.created") !== null)
            verify(findChild(edit, "eventChip-*.deleted") !== null)
            findChild(edit, "webhookSecretField").text = "qml-secret"
            findChild(edit, "webhookDescriptionField").text = "QML hook"
            mouseClick(findChild(edit, "saveWebhookButton"))
            tryCompare(stack, "depth", 1, 20000)

            // Another client sees it through the API, exactly as entered.
            let row = null
            tryVerify(() => (row = findChild(list, "webhookRow-https://hooks.example.com/qml")) !== null, 20000)
            const id = row.itemId
            const hook = get("/rest/metadata/webhooks/" + id)
            compare(hook.status, 200)
            compare(hook.json.targetUrl, "https://hooks.example.com/qml")
            compare(hook.json.operations, ["person.created", "*.deleted"])
            compare(hook.json.secret, "qml-secret")
            compare(hook.json.description, "QML hook")

            // Its page: Send test event → a test delivery in the log, with its request; Replay → a second one.
            mouseClick(row)
            tryCompare(stack, "depth", 2)
            const detail = stack.currentItem
            compare(findChild(detail, "webhookUrl").text, "https://hooks.example.com/qml")
            verify(findChild(detail, "signatureSnippet").text.indexOf("qml-secret") >= 0)
            mouseClick(findChild(detail, "sendTestButton"))
            tryCompare(WebhooksController.deliveries, "count", 1, 20000)
            let deliveries = get("/rest/metadata/webhooks/" + id + "/deliveries")
            compare(deliveries.json.totalCount, 1)
            compare(deliveries.json.data.webhookDeliveries[0].eventName, "person.created")
            compare(deliveries.json.data.webhookDeliveries[0].recordId, null)
            const first = findChild(detail, "deliveryRow-0")
            verify(first.isTest)
            mouseClick(first)
            tryVerify(() => findChild(detail, "deliveryPanel").visible, 20000)
            verify(findChild(detail, "requestText").text.indexOf("\"eventName\": \"person.created\"") >= 0)
            mouseClick(findChild(detail, "replayButton"))
            tryCompare(WebhooksController.deliveries, "count", 2, 20000)
            deliveries = get("/rest/metadata/webhooks/" + id + "/deliveries")
            compare(deliveries.json.totalCount, 2)
            compare(deliveries.json.data.webhookDeliveries[0].replayOf, deliveries.json.data.webhookDeliveries[1].id)

            // Edit: the form starts from the webhook; the change is visible over HTTP.
            mouseClick(findChild(detail, "editWebhookButton"))
            tryCompare(stack, "depth", 3)
            const change = stack.currentItem
            compare(findChild(change, "webhookUrlField").text, "https://hooks.example.com/qml")
            compare(findChild(change, "webhookSecretField").text, "qml-secret")
            findChild(change, "webhookUrlField").text = "http://localhost:8080/changed"
            mouseClick(findChild(change, "saveWebhookButton"))
            tryCompare(stack, "depth", 2, 20000)
            tryCompare(findChild(detail, "webhookUrl"), "text", "http://localhost:8080/changed", 20000)
            compare(get("/rest/metadata/webhooks/" + id).json.targetUrl, "http://localhost:8080/changed")

            // Delete: confirm (danger, names the URL), back to the list, gone from the API.
            findChild(detail, "deleteWebhookButton").clicked()
            const remove = findChild(detail, "deleteWebhookDialog")
            tryCompare(remove, "visible", true)
            verify(remove.message.indexOf("http://localhost:8080/changed") >= 0)
            remove.accept()
            tryCompare(stack, "depth", 1, 20000)
            compare(get("/rest/metadata/webhooks/" + id).status, 404)
        }

        function test_invalidUrlIsRefusedNextToTheField() {
            const list = openList()
            mouseClick(findChild(list, "createWebhookButton"))
            tryCompare(stack, "depth", 2)
            const edit = stack.currentItem
            verify(!findChild(edit, "saveWebhookButton").enabled, "Save needs a URL")
            findChild(edit, "webhookUrlField").text = "ftp://files.example.com/"
            edit.save()
            tryCompare(findChild(edit, "webhookError"), "text", "Invalid target URL provided", 20000)
            verify(findChild(edit, "webhookUrlField").error)
            compare(stack.depth, 2)
        }
    }
}
