import QtQuick
import Vingt.Gui

// Calls the API this process serves, like another client would: `call(method, path, token, body)` records the status
// and the response body (`body`: an object sent as JSON, or undefined).
QtObject {
    property int status: -1
    property string body

    function call(method: string, path: string, token: string, json: var) {
        status = -1
        const request = new XMLHttpRequest()
        request.onreadystatechange = () => {
            if (request.readyState === XMLHttpRequest.DONE) {
                body = request.responseText
                status = request.status
            }
        }
        request.open(method, ServerController.url + path.replace(/^\//, ""))
        request.setRequestHeader("Authorization", "Bearer " + token)
        if (json === undefined) {
            request.send()
        } else {
            request.setRequestHeader("Content-Type", "application/json")
            request.send(JSON.stringify(json))
        }
    }
}
