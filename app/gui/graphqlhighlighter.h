#pragma once

#include <QColor>
#include <QObject>
#include <QPointer>
#include <QQuickTextDocument>
#include <QtQml/qqmlregistration.h>

namespace vingt::gui {

class GraphQLSyntaxHighlighter;

/// @brief Colours a QML TextEdit/TextArea holding a GraphQL document (the playground's editor): keywords, names
/// after `$` and `@`, strings (block strings across lines), numbers, comments and punctuation. Set `document` to the
/// item's `textDocument`; the colours come from the Theme (QML), so none is written here. Also finds the bracket
/// that matches the one at a cursor, for the editor's bracket matching.
class GraphQLHighlighter : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QQuickTextDocument *document READ document WRITE setDocument NOTIFY documentChanged)
    Q_PROPERTY(QColor keywordColor MEMBER m_keywordColor NOTIFY colorsChanged)
    Q_PROPERTY(QColor variableColor MEMBER m_variableColor NOTIFY colorsChanged)
    Q_PROPERTY(QColor stringColor MEMBER m_stringColor NOTIFY colorsChanged)
    Q_PROPERTY(QColor numberColor MEMBER m_numberColor NOTIFY colorsChanged)
    Q_PROPERTY(QColor commentColor MEMBER m_commentColor NOTIFY colorsChanged)
    Q_PROPERTY(QColor punctuationColor MEMBER m_punctuationColor NOTIFY colorsChanged)

public:
    explicit GraphQLHighlighter(QObject *parent = nullptr);
    ~GraphQLHighlighter() override;

    [[nodiscard]] QQuickTextDocument *document() const { return m_document; }
    void setDocument(QQuickTextDocument *document);

    /// The offset of the bracket (`{}()[]`) matching the one just before or at `cursor`, -1 when there is none.
    /// Brackets inside strings and comments are skipped.
    Q_INVOKABLE [[nodiscard]] static int matchingBracket(const QString &text, int cursor);
    /// The offset of the bracket matched by matchingBracket() (the one at or before `cursor`), -1 when none.
    Q_INVOKABLE [[nodiscard]] static int bracketAt(const QString &text, int cursor);

    struct Colors {
        QColor keyword, variable, string, number, comment, punctuation;
    };
    [[nodiscard]] Colors colors() const;

Q_SIGNALS:
    void documentChanged();
    void colorsChanged();

private:
    QPointer<QQuickTextDocument> m_document;
    QPointer<GraphQLSyntaxHighlighter> m_highlighter; ///< a child of the document, gone with it
    QColor m_keywordColor{Qt::darkBlue};
    QColor m_variableColor{Qt::darkMagenta};
    QColor m_stringColor{Qt::darkGreen};
    QColor m_numberColor{Qt::darkCyan};
    QColor m_commentColor{Qt::gray};
    QColor m_punctuationColor{Qt::darkGray};
};

} // namespace vingt::gui
