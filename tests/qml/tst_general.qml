import QtQuick
import QtQuick.Controls.Basic
import QtTest
import Vingt.Gui
import Vingt.Settings

// General → Storage: the store in use, a PostgreSQL URL checked in words (not a URL, nobody listening), saved for the
// next start without its password on screen, and forgotten again.
Item {
    id: root
    width: 1280
    height: 800

    GeneralPage { id: page; anchors.fill: parent }

    TestCase {
        name: "GeneralStorage"
        when: windowShown

        function test_storage() {
            compare(findChild(page, "storeBadge").text, "SQLite")
            compare(findChild(page, "dataLocation").text, ServerController.dataDir)
            const field = findChild(page, "databaseUrlField")
            const error = findChild(page, "storageError")
            const saved = findChild(page, "savedDatabaseUrl")
            verify(!findChild(page, "testDatabaseButton").enabled, "nothing to test while the field is empty")

            // Not a PostgreSQL URL: the error says which form to use, next to the field.
            field.text = "mysql://root@127.0.0.1/crm"
            mouseClick(findChild(page, "saveDatabaseButton"))
            tryVerify(() => error.text.indexOf("is not a PostgreSQL URL: use postgresql://") >= 0, 5000, error.text)
            verify(field.error, "the field is outlined")
            verify(!saved.visible)

            // Port 9 (discard) on the loopback: nobody answers, and the check says where it tried.
            field.text = "postgresql://vingt@127.0.0.1:9/crm"
            mouseClick(findChild(page, "testDatabaseButton"))
            tryVerify(() => error.text.indexOf("cannot be reached") >= 0, 20000, error.text)
            verify(error.text.indexOf("127.0.0.1:9") >= 0, error.text)

            // Saved for the next start: shown without its password.
            field.text = "postgresql://vingt:s3cret@127.0.0.1:5432/crm"
            mouseClick(findChild(page, "saveDatabaseButton"))
            tryVerify(() => saved.visible, 5000)
            verify(saved.text.indexOf("postgresql://vingt:***@127.0.0.1:5432/crm") >= 0, saved.text)
            verify(saved.text.indexOf("s3cret") < 0)
            compare(error.text, "")
            verify(findChild(page, "storageMessage").text.indexOf("next start") >= 0)
            verify(findChild(page, "forgetDatabaseButton").visible)

            mouseClick(findChild(page, "forgetDatabaseButton"))
            tryVerify(() => !saved.visible, 5000)
            compare(ServerController.savedDatabaseUrl, "")
        }
    }
}
