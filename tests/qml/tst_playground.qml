import QtQuick
import QtQuick.Controls.Basic
import QtTest
import Vingt.Gui
import Vingt.Playground

// Playground: a REST request and a GraphQL query sent through the UI to the real local server as a key picked in
// the page (no token typed anywhere), GraphQL completion appearing while typing, the history recording and re-running.
Item {
    id: root
    width: 1400
    height: 850

    Component { id: pageComponent; PlaygroundPage { anchors.fill: parent } }
    SignalSpy { id: createdSpy; target: ApiKeysController; signalName: "created" }

    TestCase {
        name: "Playground"
        when: windowShown

        function initTestCase() {
            ApiKeysController.refresh()
            tryVerify(() => ApiKeysController.assignableRoles.count > 0, 20000)
            let roleId = ""
            for (let i = 0; i < ApiKeysController.assignableRoles.count; ++i) {
                const role = ApiKeysController.assignableRoles.get(i)
                if (role.label === "Admin")
                    roleId = role.id
            }
            verify(roleId !== "")
            ApiKeysController.createKey("Playground key", ApiKeysController.expiryInDays(30), roleId)
            createdSpy.wait(20000)
        }

        function test_restGraphqlCompletionHistory() {
            const page = createTemporaryObject(pageComponent, root)
            const controller = page.controller
            controller.refresh("")
            tryVerify(() => controller.keys.length > 0, 20000)
            const keyBox = findChild(page, "keyBox")
            keyBox.currentIndex = controller.keys.findIndex(k => k.name === "Playground key")
            verify(page.keyId !== "")

            // REST: Send performs a real HTTP call; status, rate-limit headers and the JSON body are shown.
            findChild(page, "pathField").text = "/rest/companies?limit=1"
            const send = findChild(page, "sendButton")
            tryVerify(() => send.enabled, 5000)
            mouseClick(send)
            tryVerify(() => controller.statusLine.startsWith("200"), 20000, controller.statusLine)
            verify(findChild(page, "responseArea").text.indexOf("\"companies\"") >= 0)
            verify(findChild(page, "headersArea").text.toLowerCase().indexOf("x-ratelimit-remaining") >= 0)
            tryVerify(() => controller.history.length === 1, 20000)
            compare(controller.history[0].path, "/rest/companies?limit=1")
            compare(controller.history[0].status, 200)

            // A filter typed with a mistake is flagged with the server's words.
            const filter = findChild(page, "filterField")
            filter.text = "name[eq]"
            verify(findChild(page, "filterError").text.indexOf("'filter' invalid") >= 0)
            filter.text = "name[eq]:Acme"
            compare(findChild(page, "filterError").text, "")

            // GraphQL: completion while typing, diagnostics, Run.
            mouseClick(findChild(page, "graphqlTab"))
            const editor = findChild(page, "queryArea")
            editor.text = "{ compa"
            editor.cursorPosition = editor.text.length
            const completions = findChild(page, "completionList")
            tryVerify(() => completions.count > 0, 5000)
            verify(completions.model.some(item => item.label === "companies"))
            verify(findChild(page, "diagnosticsText").text.indexOf("Syntax Error") >= 0)
            editor.text = "query Count { companies { totalCount } }"
            compare(findChild(page, "diagnosticsText").text, "")
            compare(findChild(page, "operationBox").currentText, "Count")
            mouseClick(send)
            tryVerify(() => controller.statusLine.startsWith("200") && controller.responseBody.indexOf("totalCount") >= 0,
                      20000, controller.statusLine)
            tryVerify(() => controller.history.length === 2, 20000)
            compare(controller.history[0].kind, "graphql")

            // History: search, then re-run the REST request from it.
            findChild(page, "historySearch").text = "companies?limit"
            tryVerify(() => controller.history.length === 1, 20000)
            const list = findChild(page, "historyList")
            tryVerify(() => list.count === 1 && list.itemAtIndex(0) !== null, 5000)
            mouseClick(list.itemAtIndex(0))
            compare(page.mode, "rest")
            compare(findChild(page, "pathField").text, "/rest/companies?limit=1")
            mouseClick(send)
            tryVerify(() => controller.history.length === 2, 20000)
        }
    }
}
