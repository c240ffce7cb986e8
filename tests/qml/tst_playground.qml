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

        function openPage() {
            const page = createTemporaryObject(pageComponent, root)
            page.controller.refresh("")
            tryVerify(() => page.controller.keys.length > 0, 20000)
            const keyBox = findChild(page, "keyBox")
            keyBox.currentIndex = page.controller.keys.findIndex(k => k.name === "Playground key")
            verify(page.keyId !== "")
            tryVerify(() => page.controller.endpoints.count > 50, 20000)
            return page
        }

        function sendAndWait(page, expectedStatus) {
            const controller = page.controller
            const send = findChild(page, "sendButton")
            tryVerify(() => send.enabled, 5000)
            const before = controller.history.length
            mouseClick(send)
            tryVerify(() => !controller.sending && controller.status !== 0, 20000, controller.statusLine)
            compare(controller.status, expectedStatus, controller.responseBody)
            tryVerify(() => controller.history.length > before || controller.history.length === 100, 20000)
        }

        // The endpoint browser lists the workspace's OpenAPI operations; picking one fills the builder.
        function test_endpointBrowserPickThenSend() {
            const page = openPage()
            const controller = page.controller
            const list = findChild(page, "endpointList")
            tryVerify(() => list.count > 50, 20000)
            const row = controller.endpoints.find("GET", "/rest/opportunities")
            verify(row >= 0)
            list.positionViewAtIndex(row, ListView.Beginning)
            tryVerify(() => list.itemAtIndex(row) !== null, 5000)
            mouseClick(list.itemAtIndex(row))
            compare(findChild(page, "methodBox").currentText, "GET")
            compare(findChild(page, "pathField").text, "/rest/opportunities?limit=5")
            compare(findChild(page, "objectBox").currentText, "opportunities")
            verify(findChild(page, "docsResponse").text.indexOf("opportunities") >= 0)
            sendAndWait(page, 200)
            verify(findChild(page, "responseArea").text.indexOf("\"opportunities\"") >= 0)
            // Folding: nested objects collapse to one line, unfolding restores the full JSON.
            controller.foldDepth = 1
            compare(findChild(page, "responseArea").text.indexOf("\"opportunities\""), -1)
            verify(findChild(page, "responseArea").text.indexOf("{…") >= 0)
            controller.foldDepth = -1
            verify(findChild(page, "responseArea").text.indexOf("\"opportunities\"") >= 0)
            // A click on the line that opens "data" folds it; another click unfolds it.
            const response = findChild(page, "responseArea")
            const at = response.positionToRectangle(response.text.indexOf("\"data\""))
            mouseClick(response, at.x + 4, at.y + at.height / 2)
            tryVerify(() => response.text.indexOf("\"data\": {…") >= 0, 5000, response.text)
            mouseClick(response, at.x + 4, at.y + at.height / 2)
            tryVerify(() => response.text.indexOf("\"opportunities\"") >= 0, 5000, response.text)

            // A create operation pre-fills the JSON body from the object's fields (select values included).
            const create = controller.endpoints.find("POST", "/rest/opportunities")
            verify(create >= 0)
            page.pickEndpoint(controller.endpoints.get(create))
            compare(findChild(page, "methodBox").currentText, "POST")
            const body = JSON.parse(findChild(page, "bodyArea").text)
            compare(body.stage, "NEW")
            compare(findChild(page, "bodyError").text, "")
            body.name = "From the endpoint browser"
            findChild(page, "bodyArea").text = JSON.stringify(body)
            sendAndWait(page, 201)

            // Search narrows the list.
            findChild(page, "endpointSearch").text = "noteTargets"
            tryVerify(() => list.count > 0 && controller.endpoints.find("GET", "/rest/opportunities") < 0, 5000)
            findChild(page, "endpointSearch").text = ""

            // A click on an object's heading folds its operations.
            const all = list.count
            list.positionViewAtBeginning()
            tryVerify(() => list.itemAtIndex(0) !== null, 5000)
            mouseClick(list.itemAtIndex(0), 20, 10)
            tryVerify(() => list.count < all && list.itemAtIndex(0) !== null, 5000)
            mouseClick(list.itemAtIndex(0), 20, 10)
            tryVerify(() => list.count === all, 5000)
        }

        // The structured filter editor writes the contract's syntax; the server accepts what it builds.
        function test_filterEditorBuildsAnAcceptedFilter() {
            const page = openPage()
            const controller = page.controller
            page.pickEndpoint(controller.endpoints.get(controller.endpoints.find("GET", "/rest/companies")))
            mouseClick(findChild(page, "addCondition"))
            const field = findChild(page, "conditionField")
            verify(field !== null)
            field.currentIndex = field.find("name")
            field.activated(field.currentIndex)
            const comparator = findChild(page, "conditionComparator")
            comparator.currentIndex = comparator.find("ilike")
            comparator.activated(comparator.currentIndex)
            const value = findChild(page, "conditionValue")
            value.text = "%a%"
            value.textEdited()
            compare(findChild(page, "filterField").text, "and(name[ilike]:%a%)")
            compare(findChild(page, "filterError").text, "")
            verify(findChild(page, "pathField").text.indexOf("filter=and%28name%5Bilike%5D%3A%25a%25%29") > 0,
                   findChild(page, "pathField").text)
            sendAndWait(page, 200)

            // A value the field's type refuses is flagged with the server's words, before sending.
            field.currentIndex = field.find("employees")
            field.activated(field.currentIndex)
            value.text = "many"
            value.textEdited()
            verify(findChild(page, "filterError").text.indexOf("many") >= 0, findChild(page, "filterError").text)

            // An error the server answers that names a request part highlights that input.
            findChild(page, "pathField").text = "/rest/companies?limit=lots"
            sendAndWait(page, 400)
            compare(controller.errorPart, "limit")
        }

        // Completion appears as a popup at the cursor; Return inserts the choice. Bracket matching outlines pairs.
        function test_completionPopupAndBrackets() {
            const page = openPage()
            mouseClick(findChild(page, "graphqlTab"))
            const editor = findChild(page, "queryArea")
            editor.forceActiveFocus()
            editor.text = "{ opportun"
            editor.cursorPosition = editor.text.length
            const popup = findChild(page, "completionPopup")
            tryVerify(() => popup.visible, 5000)
            keyClick(Qt.Key_Return)
            compare(editor.text, "{ opportunities")
            keyClick(Qt.Key_Escape) // closes the popup until the next edit
            tryVerify(() => !popup.visible, 5000)
            editor.text = "{ a(x: 1) { b } }"
            editor.cursorPosition = 1
            compare(findChild(page, "bracketB").offset, 16)
            editor.cursorPosition = 4
            compare(findChild(page, "bracketB").offset, 8)

            // Variables that are not JSON are flagged under the editor, before running.
            const variables = findChild(page, "variablesArea")
            variables.text = "{\"first\": }"
            verify(findChild(page, "variablesError").text.indexOf("Invalid JSON") >= 0)
            variables.text = "{\"first\": 2}"
            compare(findChild(page, "variablesError").text, "")

            // A GraphQL error that names a variable outlines the variables editor.
            editor.text = "query Q($n: Int!) { companies(first: $n) { totalCount } }"
            variables.text = "{\"n\": \"many\"}"
            sendAndWait(page, 200)
            verify(page.controller.responseBody.indexOf("errors") >= 0, page.controller.responseBody)
            compare(page.controller.errorPart, "variables")

            // The schema explorer: search, then navigate from a type to its fields.
            const schemaList = findChild(page, "schemaList")
            tryVerify(() => schemaList.count > 10, 5000)
            page.controller.schemaExplorer.open("Query")
            tryVerify(() => schemaList.count > 10, 5000)
            compare(page.controller.schemaExplorer.typeName, "Query")
        }

        // Saved requests: save under a name, list, re-run.
        function test_savedRequestRerun() {
            const page = openPage()
            const controller = page.controller
            findChild(page, "pathField").text = "/rest/people?limit=2"
            findChild(page, "saveName").text = "Two people"
            mouseClick(findChild(page, "saveButton"))
            tryVerify(() => controller.saved.some(r => r.savedName === "Two people"), 20000)
            findChild(page, "pathField").text = "/rest/companies"
            findChild(page, "explorerTabs").currentIndex = 2
            const list = findChild(page, "savedList")
            tryVerify(() => list.count > 0 && list.itemAtIndex(0) !== null, 5000)
            mouseClick(list.itemAtIndex(0), 20, 10)
            compare(findChild(page, "pathField").text, "/rest/people?limit=2")
            sendAndWait(page, 200)
            compare(controller.history[0].path, "/rest/people?limit=2")
            verify(controller.saved.some(r => r.savedName === "Two people"))
        }

        function test_restGraphqlCompletionHistory() {
            const page = createTemporaryObject(pageComponent, root)
            const controller = page.controller
            controller.refresh("")
            tryVerify(() => controller.keys.length > 0, 20000)
            const keyBox = findChild(page, "keyBox")
            keyBox.currentIndex = controller.keys.findIndex(k => k.name === "Playground key")
            verify(page.keyId !== "")
            const before = controller.history.length // other test functions (alphabetical order) sent requests

            // REST: Send performs a real HTTP call; status, rate-limit headers and the JSON body are shown.
            findChild(page, "pathField").text = "/rest/companies?limit=1"
            const send = findChild(page, "sendButton")
            tryVerify(() => send.enabled, 5000)
            mouseClick(send)
            tryVerify(() => controller.statusLine.startsWith("200"), 20000, controller.statusLine)
            verify(findChild(page, "responseArea").text.indexOf("\"companies\"") >= 0)
            verify(findChild(page, "headersArea").text.toLowerCase().indexOf("x-ratelimit-remaining") >= 0)
            tryVerify(() => controller.history.length === before + 1, 20000)
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
            tryVerify(() => controller.history.length === before + 2, 20000)
            compare(controller.history[0].kind, "graphql")

            // History: search, then re-run the REST request from it.
            findChild(page, "explorerTabs").currentIndex = 1
            findChild(page, "historySearch").text = "companies?limit=1"
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
