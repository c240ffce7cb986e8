#pragma once

#include "graphql/error/graphqlerror.h"

#include "core/error.h"
#include "core/result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <memory>
#include <type_traits>
#include <typeinfo>
#include <vector>

namespace vingt::graphql {

/// @brief What a resolver returns and what child resolvers receive as their source.
///
/// A Value is one of:
/// - null;
/// - JSON (any QJsonValue): a leaf for scalar/enum fields; a JSON object whose properties the default resolver
///   reads for object fields; a JSON array for list fields. A QString is kept as is (no QJsonValue is built: Qt's
///   conversions cost more than the rest of a field's execution), so prefer QString for text leaves;
/// - a list of Values (Value::list) — items may be objects, JSON, nested lists or null;
/// - an object handle (Value::object / Value::borrowed): an opaque typed pointer that the resolvers of the
///   object's fields receive as `source` and read back with `as<T>()`.
/// Any Value may carry a concrete type name, used to resolve interfaces and unions (see Value::withTypeName).
/// Copying is cheap (shared data); a Value is immutable.
class Value
{
public:
    enum class Kind : quint8 { Null, Json, List, Object };

    Value() = default;
    Value(std::nullptr_t) {}
    Value(const QJsonValue &json);
    Value(const QJsonObject &object) : Value(QJsonValue(object)) {}
    Value(const QJsonArray &array) : Value(QJsonValue(array)) {}
    Value(const QString &text) : m_kind(Kind::Json), m_isText(true), m_text(text) {}
    Value(QString &&text) : m_kind(Kind::Json), m_isText(true), m_text(std::move(text)) {}
    Value(const char *text) : Value(QString::fromUtf8(text)) {}
    Value(bool b) : Value(QJsonValue(b)) {}
    Value(int n) : Value(QJsonValue(n)) {}
    Value(qint64 n) : Value(QJsonValue(n)) {}
    Value(double d) : Value(QJsonValue(d)) {}

    /// A list of values (the executor completes each item with the list's item type).
    [[nodiscard]] static Value list(std::vector<Value> items);
    /// An owned object handle. Child resolvers get it back with `source.as<T>()`.
    template<typename T>
    [[nodiscard]] static Value object(std::shared_ptr<const T> data, QString typeName = {})
    {
        Value v;
        v.m_kind = Kind::Object;
        v.m_objectType = &typeid(T);
        v.m_object = std::move(data);
        v.m_typeName = std::move(typeName);
        return v;
    }
    template<typename T>
    [[nodiscard]] static Value object(std::shared_ptr<T> data, QString typeName = {})
    {
        return object<T>(std::shared_ptr<const T>(std::move(data)), std::move(typeName));
    }
    /// A non-owning object handle: `data` must outlive the execution (e.g. a pointer into the Schema, or into a
    /// batch the context owns). No allocation.
    template<typename T>
    [[nodiscard]] static Value borrowed(const T *data, QString typeName = {})
    {
        return object<T>(std::shared_ptr<const T>(std::shared_ptr<const T>(), data), std::move(typeName));
    }

    [[nodiscard]] Kind kind() const { return m_kind; }
    [[nodiscard]] bool isNull() const { return m_kind == Kind::Null; }
    [[nodiscard]] bool isJson() const { return m_kind == Kind::Json; }
    [[nodiscard]] bool isList() const { return m_kind == Kind::List; }
    [[nodiscard]] bool isObject() const { return m_kind == Kind::Object; }

    /// The JSON value (Null when the Value is not JSON). Built on demand for text values: see isText().
    [[nodiscard]] QJsonValue json() const { return m_isText ? QJsonValue(m_text) : m_json; }
    /// A JSON string held as a QString (built from a QString), readable without conversion by text().
    [[nodiscard]] bool isText() const { return m_isText; }
    [[nodiscard]] const QString &text() const { return m_text; }
    /// The items of a list Value (empty otherwise).
    [[nodiscard]] const std::vector<Value> &items() const;
    /// The object handle as T, or null when this is not an object handle of exactly type T.
    template<typename T>
    [[nodiscard]] const T *as() const
    {
        if (m_kind != Kind::Object || !m_objectType || *m_objectType != typeid(T))
            return nullptr;
        return static_cast<const T *>(m_object.get());
    }
    /// The concrete GraphQL type name attached to this value, if any.
    [[nodiscard]] const QString &typeName() const { return m_typeName; }
    /// A copy naming its concrete GraphQL type (for interfaces and unions).
    [[nodiscard]] Value withTypeName(QString typeName) const;

private:
    Kind m_kind = Kind::Null;
    bool m_isText = false;
    QString m_text;
    QJsonValue m_json;
    std::shared_ptr<const std::vector<Value>> m_list;
    std::shared_ptr<const void> m_object;
    const std::type_info *m_objectType = nullptr;
    QString m_typeName;
};

/// @brief A resolver's answer: a Value, or a GraphQL error for this field (the field becomes null, or its
/// nearest nullable parent, and the error is reported with the field's path and locations).
/// Built implicitly from a Value (or anything a Value is built from), a vingt::Error (mapped by
/// GraphqlError::fromError, so VINGT_TRY works inside resolvers), a GraphqlError (custom extensions), or a
/// Result<Value>.
class FieldResult
{
public:
    FieldResult() = default;
    FieldResult(Value value) : m_value(std::move(value)) {}
    template<typename T>
    requires(
        std::is_constructible_v<
            Value,
            T &&> && !std::is_same_v<std::decay_t<T>, Value> && !std::is_same_v<std::decay_t<T>, FieldResult> && !std::is_same_v<std::decay_t<T>, Error> && !std::is_same_v<std::decay_t<T>, GraphqlError>)
        FieldResult(T &&value)
        : m_value(Value(std::forward<T>(value)))
    {}
    FieldResult(const Error &error) : m_error(std::make_shared<GraphqlError>(GraphqlError::fromError(error))) {}
    FieldResult(GraphqlError error) : m_error(std::make_shared<GraphqlError>(std::move(error))) {}
    FieldResult(Result<Value> result);

    [[nodiscard]] bool ok() const { return !m_error; }
    [[nodiscard]] const Value &value() const { return m_value; }
    [[nodiscard]] Value takeValue() { return std::move(m_value); }
    /// Only valid when !ok().
    [[nodiscard]] const GraphqlError &error() const { return *m_error; }

private:
    Value m_value;
    std::shared_ptr<const GraphqlError> m_error;
};

} // namespace vingt::graphql
