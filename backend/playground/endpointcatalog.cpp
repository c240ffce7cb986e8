#include "playground/endpointcatalog.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QStringList>

#include <algorithm>
#include <array>

namespace vingt::playground {

using namespace Qt::StringLiterals;

namespace {

constexpr std::array kMethods{"get"_L1, "post"_L1, "put"_L1, "patch"_L1, "delete"_L1};
/// How deep the schema text expands nested objects and references (a record's relations nest further).
constexpr int kSchemaDepth = 3;

class SchemaWriter
{
public:
    explicit SchemaWriter(const QJsonObject &components) : m_components(components) {}

    /// The object `$ref` points to (`#/components/<section>/<name>`), or the object itself.
    [[nodiscard]] QJsonObject resolve(const QJsonObject &value) const
    {
        const QString ref = value.value("$ref"_L1).toString();
        if (!ref.startsWith("#/components/"_L1))
            return value;
        const QStringList parts = ref.mid(13).split(u'/');
        if (parts.size() != 2)
            return value;
        return m_components.value(parts[0]).toObject().value(parts[1]).toObject();
    }

    /// A schema in one line: `string (uuid)`, `[PersonForResponse]`, `string (enum: A|B)`, `object`.
    [[nodiscard]] QString oneLine(const QJsonObject &schema) const
    {
        const QString ref = schema.value("$ref"_L1).toString();
        if (!ref.isEmpty()) {
            // A named enum (a select field's values) is spelled out; other references by name.
            const QJsonObject target = resolve(schema);
            return target.contains("enum"_L1) ? ref.section(u'/', -1) + u' ' + oneLine(target).section(u' ', 1)
                                              : ref.section(u'/', -1);
        }
        if (schema.contains("oneOf"_L1) || schema.contains("anyOf"_L1)) {
            QStringList alternatives;
            const QJsonArray all = schema.value(schema.contains("oneOf"_L1) ? "oneOf"_L1 : "anyOf"_L1).toArray();
            for (const QJsonValue &alternative : all)
                alternatives << oneLine(alternative.toObject());
            return alternatives.join(" | "_L1);
        }
        QString type;
        const QJsonValue typeValue = schema.value("type"_L1);
        if (typeValue.isArray()) {
            QStringList types;
            for (const QJsonValue &t : typeValue.toArray())
                types << t.toString();
            type = types.join(u'|');
        } else {
            type = typeValue.toString();
        }
        if (type == "array"_L1)
            return u"["_s + oneLine(schema.value("items"_L1).toObject()) + u"]"_s;
        if (type.isEmpty())
            type = schema.contains("properties"_L1) ? u"object"_s : u"any"_s;
        QStringList notes;
        if (schema.contains("format"_L1))
            notes << schema.value("format"_L1).toString();
        if (schema.contains("enum"_L1)) {
            QStringList values;
            for (const QJsonValue &v : schema.value("enum"_L1).toArray())
                values << (v.isString() ? v.toString()
                                        : QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact))
                                              .mid(1)
                                              .chopped(1));
            notes << u"enum: "_s + values.join(u'|');
        }
        return notes.isEmpty() ? type : u"%1 (%2)"_s.arg(type, notes.join(", "_L1));
    }

    /// One `name: type` line per property, nested objects and references indented below (kSchemaDepth levels;
    /// a reference is expanded once per branch).
    void write(const QJsonObject &schema, int depth, QSet<QString> expanded, QStringList &lines) const
    {
        if (depth >= kSchemaDepth)
            return;
        QJsonObject target = schema;
        const QString ref = schema.value("$ref"_L1).toString();
        if (!ref.isEmpty()) {
            if (expanded.contains(ref))
                return;
            expanded.insert(ref);
            target = resolve(schema);
        }
        if (target.value("type"_L1).toString() == "array"_L1) {
            write(target.value("items"_L1).toObject(), depth, expanded, lines);
            return;
        }
        const QJsonObject properties = target.value("properties"_L1).toObject();
        QStringList required;
        for (const QJsonValue &name : target.value("required"_L1).toArray())
            required << name.toString();
        const QString indent(depth * 2, u' ');
        for (auto it = properties.begin(); it != properties.end(); ++it) {
            const QJsonObject property = it.value().toObject();
            lines << indent + it.key() + (required.contains(it.key()) ? u"*: "_s : u": "_s) + oneLine(property);
            write(property, depth + 1, expanded, lines);
        }
    }

    [[nodiscard]] QString text(const QJsonObject &schema) const
    {
        if (schema.isEmpty())
            return {};
        QStringList lines;
        write(schema, 0, {}, lines);
        return lines.isEmpty() ? oneLine(schema) : lines.join(u'\n');
    }

private:
    QJsonObject m_components;
};

QJsonObject jsonSchemaOf(const QJsonObject &withContent)
{
    return withContent.value("content"_L1)
        .toObject()
        .value("application/json"_L1)
        .toObject()
        .value("schema"_L1)
        .toObject();
}

} // namespace

Result<std::vector<Endpoint>> readEndpoints(const QByteArray &openApiDocument, const QString &pathPrefix)
{
    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(openApiDocument, &parseError);
    if (!json.isObject() || !json.object().value("paths"_L1).isObject())
        return Error::badRequest(parseError.error != QJsonParseError::NoError
                                     ? u"The OpenAPI document is not valid JSON: %1"_s.arg(parseError.errorString())
                                     : u"The OpenAPI document has no 'paths' object"_s);
    const QJsonObject root = json.object();
    const SchemaWriter schemas(root.value("components"_L1).toObject());

    QStringList tagOrder;
    QHash<QString, QString> tagDescriptions;
    for (const QJsonValue &tag : root.value("tags"_L1).toArray()) {
        tagOrder << tag.toObject().value("name"_L1).toString();
        tagDescriptions.insert(tagOrder.last(), tag.toObject().value("description"_L1).toString());
    }

    std::vector<Endpoint> endpoints;
    const QJsonObject paths = root.value("paths"_L1).toObject();
    for (auto path = paths.begin(); path != paths.end(); ++path) {
        const QJsonObject item = path.value().toObject();
        for (QLatin1StringView method : kMethods) {
            if (!item.value(method).isObject())
                continue;
            const QJsonObject operation = item.value(method).toObject();
            Endpoint endpoint;
            endpoint.group = operation.value("tags"_L1).toArray().at(0).toString();
            if (endpoint.group.isEmpty()) // untagged: grouped by the path's first segment
                endpoint.group = path.key().section(u'/', 1, 1);
            endpoint.groupDescription = tagDescriptions.value(endpoint.group);
            endpoint.method = QString(method).toUpper();
            endpoint.path = pathPrefix + path.key();
            endpoint.summary = operation.value("summary"_L1).toString();
            endpoint.description = operation.value("description"_L1).toString();
            endpoint.operationId = operation.value("operationId"_L1).toString();
            QJsonArray parameters = item.value("parameters"_L1).toArray();
            for (const QJsonValue &p : operation.value("parameters"_L1).toArray())
                parameters.append(p);
            for (const QJsonValue &value : parameters) {
                const QJsonObject parameter = schemas.resolve(value.toObject());
                endpoint.parameters.push_back({parameter.value("name"_L1).toString(),
                                               parameter.value("in"_L1).toString(),
                                               parameter.value("description"_L1).toString(),
                                               schemas.oneLine(parameter.value("schema"_L1).toObject()),
                                               parameter.value("required"_L1).toBool()});
            }
            endpoint.requestSchema = schemas.text(
                jsonSchemaOf(schemas.resolve(operation.value("requestBody"_L1).toObject())));
            const QJsonObject responses = operation.value("responses"_L1).toObject();
            for (auto response = responses.begin(); response != responses.end(); ++response) {
                if (response.key().startsWith(u'2')) {
                    endpoint.responseSchema = schemas.text(jsonSchemaOf(schemas.resolve(response.value().toObject())));
                    break;
                }
            }
            endpoints.push_back(std::move(endpoint));
        }
    }
    // Grouped in the document's tag order; paths keep their order inside a group (QJsonObject sorts them by key).
    auto rank = [&](const Endpoint &e) {
        const qsizetype index = tagOrder.indexOf(e.group);
        return index < 0 ? tagOrder.size() : index;
    };
    std::stable_sort(endpoints.begin(), endpoints.end(),
                     [&](const Endpoint &a, const Endpoint &b) { return rank(a) < rank(b); });
    return endpoints;
}

} // namespace vingt::playground
