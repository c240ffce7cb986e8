import QtQuick
import Vingt.Theme

// A 16 px icon: a glyph for a Tabler icon name (objects, fields) or a field type; a neutral dot otherwise.
Item {
    id: glyph
    property string name
    property color color: Theme.textSecondary
    implicitWidth: 20
    implicitHeight: 20

    readonly property var glyphs: ({
        "IconBuildingSkyscraper": "▥", "IconUser": "◉", "IconUsers": "◎", "IconTargetArrow": "◎",
        "IconCheckbox": "☑", "IconNotes": "≡", "IconNote": "≡", "IconTimelineEvent": "◷", "IconMessage": "✉",
        "IconMail": "✉", "IconCalendar": "▦", "IconBox": "▣", "IconSettings": "⚙", "IconKey": "⊶",
        "IconShield": "⛉", "IconDatabase": "⛁", "IconCode": "‹›", "IconLock": "⊶", "IconHeart": "♥",
        "IconStar": "★", "IconLink": "↗", "IconPhone": "☎", "IconMap": "⌂", "IconTag": "⌗",
        "TEXT": "T", "NUMBER": "#", "NUMERIC": "#", "BOOLEAN": "✓", "DATE_TIME": "◷", "DATE": "▦",
        "SELECT": "◉", "MULTI_SELECT": "☰", "CURRENCY": "¤", "LINKS": "↗", "EMAILS": "@", "PHONES": "☎",
        "ADDRESS": "⌂", "FULL_NAME": "◉", "RATING": "★", "RELATION": "⇄", "MORPH_RELATION": "⇄",
        "RAW_JSON": "{}", "ARRAY": "[]", "UUID": "#", "POSITION": "↕", "ACTOR": "◉", "RICH_TEXT": "¶",
        "RICH_TEXT_V2": "¶", "TS_VECTOR": "⌕",
        "general": "⚙", "data-model": "⛁", "roles": "◈", "api-keys": "⊶", "playground": "▷"
    })

    Text {
        anchors.centerIn: parent
        text: glyph.glyphs[glyph.name] ?? "•"
        color: glyph.color
        font.family: Theme.fontFamily
        font.pixelSize: 14
    }
}
