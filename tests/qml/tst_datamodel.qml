import QtQuick
import QtQuick.Controls.Basic
import QtTest
import Vingt.Gui
import Vingt.Settings

// Data model: add a custom object and fields through the pages (a text field and a select with coloured options),
// then check through HTTP, with an API key, that the REST API serves them: a record is created with the new fields
// and read back. Then a refused option shows the service's message under the options editor.
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
    Component { id: dataModelPage; DataModelPage {} }
    Http { id: http }
    SignalSpy {
        id: keyCreated
        target: ApiKeysController
        signalName: "created"
    }

    TestCase {
        name: "DataModel"
        when: windowShown

        function request(method: string, path: string, token: string, json: var): var {
            http.call(method, path, token, json)
            tryVerify(() => http.status !== -1, 20000)
            return { status: http.status, body: http.body }
        }

        function adminToken(): string {
            let adminId = ""
            tryVerify(() => ApiKeysController.assignableRoles.count > 0, 20000)
            for (let i = 0; i < ApiKeysController.assignableRoles.count; ++i) {
                if (ApiKeysController.assignableRoles.get(i).label === "Admin")
                    adminId = ApiKeysController.assignableRoles.get(i).id
            }
            ApiKeysController.createKey("Data model test", ApiKeysController.expiryInDays(30), adminId)
            keyCreated.wait(10000)
            return keyCreated.signalArguments[keyCreated.count - 1][1]
        }

        // findChild does not reach a popup's Repeater delegates: walk the visual children of its content item.
        function findItem(item: var, name: string): var {
            if (!item)
                return null
            if (item.objectName === name)
                return item
            for (let i = 0; i < item.children.length; ++i) {
                const found = findItem(item.children[i], name)
                if (found)
                    return found
            }
            return null
        }

        function type(field: var, text: string) {
            field.forceActiveFocus()
            field.selectAll()
            keySequence("Ctrl+A")
            for (const c of text)
                keyClick(c)
        }

        function test_addObjectAndFields() {
            const token = adminToken()
            stack.clear()
            stack.push(dataModelPage, {}, StackView.Immediate)
            const list = stack.currentItem

            // + New object: labels typed, API names derived from them.
            mouseClick(findChild(list, "newObjectButton"))
            const editor = findChild(list, "objectEditor")
            tryVerify(() => editor.opened)
            type(findChild(editor, "objectLabelSingular"), "Invoice")
            type(findChild(editor, "objectLabelPlural"), "Invoices")
            compare(findChild(editor, "objectNamePlural").text, "invoices")
            keyClick(Qt.Key_Return)          // Enter saves the dialog
            // The new object opens.
            tryVerify(() => stack.depth === 2 && stack.currentItem.object.namePlural === "invoices", 20000)
            const page = stack.currentItem

            // + Add field: TEXT "Reference".
            mouseClick(findChild(page, "addFieldButton"))
            const fields = findChild(page, "fieldEditor")
            tryVerify(() => fields.opened)
            mouseClick(findItem(fields.contentItem, "type-TEXT"))
            type(findItem(fields.contentItem, "fieldLabel"), "Reference")
            compare(findItem(fields.contentItem, "fieldName").text, "reference")
            mouseClick(findItem(fields.contentItem, "saveFieldButton"))
            tryVerify(() => !fields.visible, 20000)
            tryVerify(() => findChild(page, "fieldRow-reference") !== null, 20000)

            // + Add field: SELECT "Status" with two options, the second one renamed and recoloured.
            mouseClick(findChild(page, "addFieldButton"))
            tryVerify(() => fields.opened)
            mouseClick(findItem(fields.contentItem, "type-SELECT"))
            type(findItem(fields.contentItem, "fieldLabel"), "Status")
            const second = findItem(fields.contentItem, "option-1")
            verify(second !== null)
            type(findItem(second, "optionLabel"), "Paid")
            compare(findItem(second, "optionValue").text, "PAID")
            mouseClick(findItem(second, "optionColor"))
            mouseClick(findItem(fields.contentItem, "saveFieldButton"))
            tryVerify(() => !fields.visible, 20000)
            tryVerify(() => findChild(page, "fieldRow-status") !== null, 20000)

            // Another client (HTTP, the key's token) sees the object and both fields.
            let response = request("POST", "/rest/invoices", token, { reference: "INV-1", status: "PAID" })
            compare(response.status, 201, response.body)
            const created = JSON.parse(response.body).data.createInvoice
            compare(created.reference, "INV-1")
            compare(created.status, "PAID")
            response = request("GET", "/rest/invoices/" + created.id, token)
            compare(response.status, 200, response.body)
            compare(JSON.parse(response.body).data.invoice.status, "PAID")
            // The options keep their order and the colour picked in the editor.
            response = request("GET", "/rest/metadata/objects", token)
            compare(response.status, 200, response.body)
            const invoice = JSON.parse(response.body).data.objects.find(o => o.namePlural === "invoices")
            const statusField = invoice.fields.find(f => f.name === "status")
            compare(statusField.options.map(o => o.value).join(","), "OPTION_1,PAID")
            compare(statusField.options[1].color, "sky")   // the swatch moved from "turquoise" to the next colour

            // An option value the service refuses: its message shows under the options editor, the dialog stays.
            mouseClick(findChild(page, "addFieldButton"))
            tryVerify(() => fields.opened)
            mouseClick(findItem(fields.contentItem, "type-SELECT"))
            type(findItem(fields.contentItem, "fieldLabel"), "Stage")
            type(findItem(findItem(fields.contentItem, "option-0"), "optionValue"), "bad value")
            mouseClick(findItem(fields.contentItem, "saveFieldButton"))
            tryVerify(() => (fields.errors["options"] ?? "").length > 0, 20000)
            verify(fields.visible)
            keyClick(Qt.Key_Escape)          // Escape closes it
            tryVerify(() => !fields.visible)

            // Delete the Reference field (⋯ menu, confirmation): the API refuses it from then on.
            const row = findChild(page, "fieldRow-reference")
            mouseClick(findChild(row, "fieldMenuButton"))
            const deleteItem = findChild(row, "deleteFieldItem")
            tryVerify(() => deleteItem.visible)
            mouseClick(deleteItem)
            const confirmField = findChild(page, "deleteFieldDialog")
            tryVerify(() => confirmField.opened)
            mouseClick(findItem(confirmField.contentItem, "confirmButton"))
            tryVerify(() => findChild(page, "fieldRow-reference") === null, 20000)
            response = request("POST", "/rest/invoices", token, { reference: "INV-2" })
            compare(response.status, 400, response.body)

            // Delete is offered once the object is inactive; then the page goes back and the REST path is gone.
            verify(!findChild(page, "object-delete").enabled)
            mouseClick(findChild(page, "object-toggle"))
            tryVerify(() => page.object.isActive === false, 20000)
            tryVerify(() => findChild(page, "object-delete").enabled, 20000)
            mouseClick(findChild(page, "object-delete"))
            keyClick(Qt.Key_Return)          // Enter confirms
            tryCompare(stack, "depth", 1, 20000)
            response = request("GET", "/rest/invoices", token)
            compare(response.status, 400, response.body)
            verify(response.body.indexOf("object 'invoices' not found") >= 0, response.body)
        }
    }
}
