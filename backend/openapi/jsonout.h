#pragma once

#include "core/jsonwriter.h"

#include <QLatin1StringView>
#include <QString>
#include <QStringList>

#include <utility>

namespace vingt::openapi {

/// @brief A thin layer over JsonWriter for documents: nested objects and arrays as lambdas, so the structure of the
/// code follows the structure of the JSON. Keys are QLatin1StringView or QString.
class JsonOut
{
public:
    explicit JsonOut(JsonWriter &writer) : m_w(writer) {}

    [[nodiscard]] JsonWriter &writer() { return m_w; }

    /// `{...}` as a value (an array element, or after key()).
    template<typename Body>
    void object(Body &&body)
    {
        m_w.beginObject();
        std::forward<Body>(body)();
        m_w.endObject();
    }
    /// `"key": {...}`.
    template<typename Key, typename Body>
    void object(const Key &key, Body &&body)
    {
        this->key(key);
        object(std::forward<Body>(body));
    }
    template<typename Body>
    void array(Body &&body)
    {
        m_w.beginArray();
        std::forward<Body>(body)();
        m_w.endArray();
    }
    template<typename Key, typename Body>
    void array(const Key &key, Body &&body)
    {
        this->key(key);
        array(std::forward<Body>(body));
    }

    /// `{"type": "object", "properties": {...}}` as a value; `properties` writes the members of `properties`.
    template<typename Properties>
    void objectSchema(Properties &&properties)
    {
        object([&] {
            field(QLatin1StringView("type"), QLatin1StringView("object"));
            object(QLatin1StringView("properties"), std::forward<Properties>(properties));
        });
    }
    template<typename Key, typename Properties>
    void objectSchema(const Key &key, Properties &&properties)
    {
        this->key(key);
        objectSchema(std::forward<Properties>(properties));
    }
    /// `{"type": "array", "items": ...}` as a value; `items` writes the item schema as a value.
    template<typename Items>
    void arraySchema(Items &&items)
    {
        object([&] {
            field(QLatin1StringView("type"), QLatin1StringView("array"));
            key(QLatin1StringView("items"));
            std::forward<Items>(items)();
        });
    }
    template<typename Key, typename Items>
    void arraySchema(const Key &key, Items &&items)
    {
        this->key(key);
        arraySchema(std::forward<Items>(items));
    }

    void key(QLatin1StringView name) { m_w.key(name); }
    void key(const QString &name) { m_w.key(QStringView(name)); }

    template<typename Key>
    void field(const Key &key, QLatin1StringView value)
    {
        this->key(key);
        m_w.value(value);
    }
    template<typename Key>
    void field(const Key &key, const char *value)
    {
        field(key, QLatin1StringView(value));
    }
    template<typename Key>
    void field(const Key &key, const QString &value)
    {
        this->key(key);
        m_w.value(QStringView(value));
    }
    template<typename Key>
    void field(const Key &key, bool value)
    {
        this->key(key);
        m_w.value(value);
    }
    template<typename Key>
    void field(const Key &key, int value)
    {
        this->key(key);
        m_w.value(value);
    }
    template<typename Key>
    void strings(const Key &key, const QStringList &values)
    {
        array(key, [&] {
            for (const QString &value : values)
                m_w.value(QStringView(value));
        });
    }

    /// `{"$ref": "#/components/<section>/<name>"}` as a value.
    void ref(QLatin1StringView section, const QString &name)
    {
        object([&] { field(QLatin1StringView("$ref"), QStringLiteral("#/components/") + section + u'/' + name); });
    }
    template<typename Key>
    void ref(const Key &key, QLatin1StringView section, const QString &name)
    {
        this->key(key);
        ref(section, name);
    }
    /// A `$ref` to a schema component, as a value.
    void schemaRef(const QString &name) { ref(QLatin1StringView("schemas"), name); }

    /// `{"type": "<type>"}` or `{"type": "<type>", "format": "<format>"}` as a value.
    void type(QLatin1StringView type, QLatin1StringView format = {})
    {
        object([&] {
            field(QLatin1StringView("type"), type);
            if (!format.isEmpty())
                field(QLatin1StringView("format"), format);
        });
    }
    template<typename Key>
    void property(const Key &key, QLatin1StringView type, QLatin1StringView format = {})
    {
        this->key(key);
        this->type(type, format);
    }
    /// `"type": ["<type>", "null"]` inside an object.
    void nullableType(QLatin1StringView type)
    {
        array(QLatin1StringView("type"), [&] {
            m_w.value(type);
            m_w.value(QLatin1StringView("null"));
        });
    }

private:
    JsonWriter &m_w;
};

} // namespace vingt::openapi
