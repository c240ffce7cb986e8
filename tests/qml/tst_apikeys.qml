import QtQuick
import QtQuick.Controls.Basic
import QtTest
import Vingt.Gui
import Vingt.Settings

// API keys: create a key and see its token once, regenerate it (the old token stops working), delete it.
Item {
    id: root
    width: 1280
    height: 800

    StackView {
        id: stack
        anchors.fill: parent
        // As in the app's shell: pages switch at once.
        pushEnter: Transition {}
        pushExit: Transition {}
        popEnter: Transition {}
        popExit: Transition {}
    }
    Component { id: keysPage; ApiKeysPage {} }
    Http { id: http }

    TestCase {
        name: "ApiKeys"
        when: windowShown

        function expectStatus(method: string, path: string, token: string, status: int) {
            http.call(method, path, token)
            tryVerify(() => http.status !== -1, 20000)
            compare(http.status, status, method + " " + path + ": " + http.body)
        }

        function test_createRegenerateDelete() {
            stack.clear()
            stack.push(keysPage, {}, StackView.Immediate)
            const list = stack.currentItem

            mouseClick(findChild(list, "createKeyButton"))
            tryCompare(stack, "depth", 2)
            const create = stack.currentItem
            const nameField = findChild(create, "keyNameField")
            verify(nameField.activeFocus, "the name field has the focus")
            keyClick(Qt.Key_Q)
            nameField.text = "QML test key"
            const role = findChild(create, "roleCombo")
            tryVerify(() => role.currentText === "Admin", 5000, "Admin is preselected")
            verify(!findChild(create, "tokenPanel").visible)
            mouseClick(findChild(create, "saveKeyButton"))
            tryVerify(() => create.token.length > 0 || create.error.length > 0, 20000)
            compare(create.error, "")
            const panel = findChild(create, "tokenPanel")
            verify(panel.visible)
            compare(findChild(create, "tokenField").text, create.token)
            const firstToken = create.token
            expectStatus("GET", "/rest/companies", firstToken, 200)

            // Back to the list: the key is there, and its page never shows a token.
            mouseClick(findChild(create, "copyTokenButton"))
            mouseClick(findChild(create, "doneButton"))
            tryCompare(stack, "depth", 1)
            let row = null
            tryVerify(() => (row = findChild(list, "keyRow-QML test key")) !== null, 20000)
            mouseClick(row)
            tryCompare(stack, "depth", 2)
            const detail = stack.currentItem
            compare(detail.key.name, "QML test key")
            verify(!findChild(detail, "tokenPanel").visible, "the token is shown once")

            // Regenerate: confirm, the new token shows once, the old one stops working.
            tryVerify(() => findChild(detail, "regenerateButton").enabled, 20000)
            findChild(detail, "regenerateButton").clicked()
            const regenerate = findChild(detail, "regenerateDialog")
            tryCompare(regenerate, "visible", true)
            regenerate.accept()
            tryVerify(() => detail.token.length > 0, 20000)
            verify(detail.token !== firstToken)
            verify(findChild(detail, "tokenPanel").visible)
            expectStatus("GET", "/rest/companies", firstToken, 403) // revoked (contract §5.4)
            expectStatus("GET", "/rest/companies", detail.token, 200)
            const secondToken = detail.token

            // Delete: confirm (danger), back to the list, the key no longer authenticates.
            findChild(detail, "deleteButton").clicked()
            const remove = findChild(detail, "deleteDialog")
            tryCompare(remove, "visible", true)
            verify(remove.title.indexOf("QML test key") >= 0, "the confirmation names the key")
            remove.accept()
            tryCompare(stack, "depth", 1, 20000)
            expectStatus("GET", "/rest/companies", secondToken, 403)
        }

        function test_emptyNameIsRefusedNextToTheField() {
            stack.clear()
            stack.push(keysPage, {}, StackView.Immediate)
            mouseClick(findChild(stack.currentItem, "createKeyButton"))
            tryCompare(stack, "depth", 2)
            const create = stack.currentItem
            verify(!findChild(create, "saveKeyButton").enabled, "Save needs a name")
            findChild(create, "keyNameField").text = "Short-lived"
            findChild(create, "expirationCombo").currentIndex = 4 // custom date
            create.save()                                          // with no date given
            tryVerify(() => findChild(create, "createError").text.length > 0, 20000)
            verify(findChild(create, "keyNameField").error)
        }
    }
}
