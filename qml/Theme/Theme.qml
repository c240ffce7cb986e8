pragma Singleton
import QtQuick
import Vingt.Gui

// Every colour, font and size of the app (UI.md "Visual language"). No colour literal lives outside this file.
QtObject {
    readonly property bool dark: Desktop.dark

    readonly property color background: dark ? "#171717" : "#FFFFFF"
    readonly property color sidebar: dark ? "#1B1B1B" : "#FCFCFC"
    readonly property color border: dark ? "#333333" : "#EBEBEB"
    readonly property color borderStrong: dark ? "#474747" : "#D6D6D6"
    readonly property color text: dark ? "#EBEBEB" : "#333333"
    readonly property color textSecondary: dark ? "#B3B3B3" : "#666666"
    readonly property color textTertiary: dark ? "#818181" : "#999999"
    readonly property color hover: dark ? "#222222" : "#F5F5F5"
    readonly property color selected: dark ? "#2A2A2A" : "#EFEFEF"
    readonly property color inputBackground: dark ? "#1D1D1D" : "#FFFFFF"
    readonly property color codeBackground: dark ? "#1F1F1F" : "#F7F7F7"
    readonly property color accent: "#1961ED"
    readonly property color accentHover: "#1550C4"
    readonly property color accentSoft: dark ? "#1A2745" : "#EDF2FE"
    readonly property color accentText: "#FFFFFF"
    readonly property color danger: "#E5484D"
    readonly property color dangerSoft: dark ? "#3B1A1C" : "#FDECEC"
    readonly property color warning: "#FFB224"
    readonly property color warningText: dark ? "#FFB224" : "#AD5700"
    readonly property color warningSoft: dark ? "#3A2A0C" : "#FFF7E6"
    readonly property color success: "#30A46C"
    readonly property color successSoft: dark ? "#13291F" : "#E9F6EF"
    readonly property color overlay: dark ? "#99000000" : "#40000000"
    readonly property color transparent: "transparent"

    // Select option colours: Twenty's tag colour names (stored in the option's `color`) and how they draw.
    readonly property var tagColorNames: ["green", "turquoise", "sky", "blue", "purple", "pink", "red", "orange", "yellow", "gray"]
    readonly property var tagColors: ({
        "green": "#30A46C", "turquoise": "#12A594", "sky": "#68DDFD", "blue": "#1961ED", "purple": "#8E4EC6",
        "pink": "#D6409F", "red": "#E5484D", "orange": "#F76808", "yellow": "#FFB224", "gray": "#8F8F8F"
    })
    function tagColor(name: string): color { return tagColors[name] ?? tagColors["gray"] }

    readonly property string fontFamily: "Inter"
    readonly property string monoFamily: "JetBrains Mono"
    readonly property int fontSize: 13
    readonly property int fontSizeSmall: 12
    readonly property int fontSizeTitle: 20
    readonly property int fontSizeSection: 14

    readonly property int radius: 4
    readonly property int radiusLarge: 8
    readonly property int unit: 4
    readonly property int rowHeight: 40
    readonly property int controlHeight: 32
    readonly property int sidebarWidth: 220
    readonly property int contentWidth: 880
}
