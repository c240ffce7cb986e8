import QtQuick
import QtQuick.Controls.Basic
import QtTest
import Vingt.Gui
import Vingt.Settings

// Roles: create a role, let it read everything but Companies, assign it to a key, and check through HTTP that the
// key is now restricted.
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
    Component { id: rolesPage; RolesPage {} }
    Http { id: http }
    SignalSpy {
        id: keyCreated
        target: ApiKeysController
        signalName: "created"
    }

    TestCase {
        name: "Roles"
        when: windowShown

        function expectStatus(method: string, path: string, token: string, status: int) {
            http.call(method, path, token)
            tryVerify(() => http.status !== -1, 20000)
            compare(http.status, status, method + " " + path + ": " + http.body)
        }

        function test_restrictAndAssign() {
            // A key with the Admin role to start from.
            let adminId = ""
            tryVerify(() => ApiKeysController.assignableRoles.count > 0, 20000)
            for (let i = 0; i < ApiKeysController.assignableRoles.count; ++i) {
                if (ApiKeysController.assignableRoles.get(i).label === "Admin")
                    adminId = ApiKeysController.assignableRoles.get(i).id
            }
            ApiKeysController.createKey("Reporting", ApiKeysController.expiryInDays(30), adminId)
            keyCreated.wait(10000)
            const keyId = keyCreated.signalArguments[0][0]
            const token = keyCreated.signalArguments[0][1]
            expectStatus("GET", "/rest/companies", token, 200)

            stack.clear()
            stack.push(rolesPage, {}, StackView.Immediate)
            const list = stack.currentItem
            mouseClick(findChild(list, "createRoleButton"))
            const label = findChild(list, "roleLabelField")
            tryVerify(() => label.visible)
            label.text = "Reader"
            mouseClick(findChild(list, "saveRoleButton"))
            tryCompare(stack, "depth", 2, 20000)
            const editor = stack.currentItem
            tryVerify(() => editor.role.label === "Reader", 20000)
            verify(editor.editable)

            // Read every object...
            const readAll = findChild(editor, "switch-canReadAllObjectRecords")
            verify(!readAll.checked)
            mouseClick(readAll)
            tryVerify(() => editor.role.canReadAllObjectRecords === true, 20000)
            // ...but not Companies.
            let companiesRead = null
            tryVerify(() => (companiesRead = findChild(editor, "perm-Companies-read")) !== null && companiesRead.checked, 20000)
            mouseClick(companiesRead)
            tryVerify(() => {
                const companies = findChild(editor, "objectPermission-Companies")
                return companies !== null && companies.read === false && companies.overridden
            }, 20000)

            // Assignment tab: + Assign to API key, pick the key.
            findChild(editor, "roleTabs").currentIndex = 1
            mouseClick(findChild(editor, "assignKeyButton"))
            const picker = findChild(editor, "assignKeyCombo")
            tryVerify(() => picker.visible && picker.indexOfValue(keyId) >= 0, 20000)
            picker.currentIndex = picker.indexOfValue(keyId)
            mouseClick(findChild(editor, "assignConfirmButton"))
            tryCompare(RolesController.roleKeys, "count", 1, 20000)

            // The key now has the role: Companies are refused, People are readable.
            expectStatus("GET", "/rest/companies", token, 403)
            expectStatus("GET", "/rest/people", token, 200)
        }

        function test_adminIsReadOnly() {
            stack.clear()
            stack.push(rolesPage, {}, StackView.Immediate)
            const list = stack.currentItem
            let row = null
            tryVerify(() => (row = findChild(list, "roleRow-Admin")) !== null, 20000)
            mouseClick(row)
            tryCompare(stack, "depth", 2)
            const editor = stack.currentItem
            tryVerify(() => editor.role.label === "Admin", 20000)
            verify(!editor.editable)
            verify(!findChild(editor, "switch-canReadAllObjectRecords").enabled)
        }
    }
}
