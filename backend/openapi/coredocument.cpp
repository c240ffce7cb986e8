// The core document of API-CONTRACT §9: one set of paths, schemas, tags and webhooks per served object, from the
// DataModel snapshot and the route table the router matches.
#include "openapi/documentparts.h"
#include "openapi/openapibuilder.h"
#include "routes/coreroutetable.h"

#include <QSet>

#include <algorithm>
#include <array>

namespace vingt::openapi {

using namespace Qt::StringLiterals;
using routes::CoreBody;
using routes::CoreOperation;
using routes::CoreRoute;

namespace {

/// The composite types with a schema component, named by their type.
struct CompositeName {
    FieldType type;
    QLatin1StringView name;
};
constexpr std::array kComposites{
    CompositeName{FieldType::FullName, "FullName"_L1}, CompositeName{FieldType::Currency, "Currency"_L1},
    CompositeName{FieldType::Links, "Links"_L1},       CompositeName{FieldType::Emails, "Emails"_L1},
    CompositeName{FieldType::Phones, "Phones"_L1},     CompositeName{FieldType::Address, "Address"_L1},
    CompositeName{FieldType::Actor, "Actor"_L1},       CompositeName{FieldType::RichTextV2, "RichTextV2"_L1},
};

/// The query parameter components of §9 (keys camelCase, names as on the wire), by route flag.
struct ParameterName {
    unsigned flag;
    QLatin1StringView key;
};
constexpr std::array kParameters{
    ParameterName{routes::kOrderBy, "orderBy"_L1},
    ParameterName{routes::kFilter, "filter"_L1},
    ParameterName{routes::kLimit, "limit"_L1},
    ParameterName{routes::kDepth, "depth"_L1},
    ParameterName{routes::kStartingAfter, "startingAfter"_L1},
    ParameterName{routes::kEndingBefore, "endingBefore"_L1},
    ParameterName{routes::kFields, "fields"_L1},
    ParameterName{routes::kOmitNullValues, "omitNullValues"_L1},
    ParameterName{routes::kSoftDelete, "softDelete"_L1},
    ParameterName{routes::kUpsert, "upsert"_L1},
};
constexpr std::array kGroupByParameters{"groupBy"_L1, "aggregate"_L1, "includeRecordsSample"_L1, "orderByForRecords"_L1,
                                        "groupByLimit"_L1};

/// Writes one document; holds the names of the schema components it has chosen.
class CoreWriter
{
public:
    CoreWriter(JsonOut &out, const DataModel &model, const DocumentOptions &options)
        : m_out(out)
        , m_model(model)
        , m_options(options)
    {
        for (const ObjectMetadata &object : model.objects()) {
            if (routes::servedByCoreApi(object))
                m_objects.push_back(&object);
        }
        std::sort(m_objects.begin(), m_objects.end(),
                  [](const ObjectMetadata *a, const ObjectMetadata *b) { return a->namePlural < b->namePlural; });
        for (const ObjectMetadata *object : m_objects) {
            const QString name = pascal(object->nameSingular);
            m_taken << name << name + "ForUpdate"_L1 << name + "ForResponse"_L1;
        }
        // Component names of composite types, unless an object's schemas already use the name (then inline).
        for (const CompositeName &composite : kComposites) {
            if (!m_taken.contains(composite.name))
                m_compositeNames.insert(int(composite.type), composite.name);
        }
    }

    void write()
    {
        m_out.object([&] {
            parts::writeHead(m_out, DocumentKind::Core, m_options.baseUrl);
            m_out.array("tags"_L1, [&] {
                for (const ObjectMetadata *object : m_objects) {
                    m_out.object([&] {
                        m_out.field("name"_L1, object->namePlural);
                        m_out.field("description"_L1, object->labelPlural);
                    });
                }
            });
            m_out.object("paths"_L1, [&] {
                parts::writeOpenApiPath(m_out, DocumentKind::Core, m_options.baseUrl);
                for (const ObjectMetadata *object : m_objects)
                    writePaths(*object);
            });
            m_out.object("components"_L1, [&] {
                parts::writeSecuritySchemes(m_out);
                m_out.object("schemas"_L1, [&] { writeSchemas(); });
                m_out.object("parameters"_L1, [&] { writeParameters(); });
                parts::writeErrorResponses(m_out);
            });
            m_out.object("webhooks"_L1, [&] {
                for (const ObjectMetadata *object : m_objects)
                    writeWebhooks(*object);
            });
        });
    }

private:
    // ---- paths ----

    void writePaths(const ObjectMetadata &object)
    {
        QStringList done;
        for (const CoreRoute &route : routes::coreRoutes()) {
            if (route.operationId.isEmpty() || done.contains(route.path))
                continue;
            done << route.path;
            m_out.object(routes::expandName(route.path, object), [&] {
                for (const CoreRoute &row : routes::coreRoutes()) {
                    if (row.path == route.path && !row.operationId.isEmpty())
                        writeOperation(object, row);
                }
            });
        }
    }

    void writeOperation(const ObjectMetadata &object, const CoreRoute &route)
    {
        m_out.object(QString(route.method).toLower(), [&] {
            m_out.strings("tags"_L1, {object.namePlural});
            m_out.field("summary"_L1, routes::expandName(route.summary, object));
            m_out.field("operationId"_L1, routes::expandName(route.operationId, object));
            m_out.array("parameters"_L1, [&] {
                if (route.path.contains("{id}"_L1))
                    m_out.ref("parameters"_L1, u"idPath"_s);
                for (const ParameterName &parameter : kParameters) {
                    if (route.parameters & parameter.flag)
                        m_out.ref("parameters"_L1, parameter.key);
                }
                if (route.parameters & routes::kGroupByParameters) {
                    for (QLatin1StringView key : kGroupByParameters)
                        m_out.ref("parameters"_L1, key);
                }
            });
            writeRequestBody(object, route.body);
            m_out.object("responses"_L1, [&] {
                writeSuccess(object, route);
                const bool byId = route.path.contains("{id}"_L1) || route.operation == CoreOperation::Merge;
                if (byId)
                    parts::writeErrorRefs(m_out, {400, 401, 403, 404, 429});
                else
                    parts::writeErrorRefs(m_out, {400, 401, 403, 429});
            });
        });
    }

    void writeRequestBody(const ObjectMetadata &object, CoreBody body)
    {
        const QString name = pascal(object.nameSingular);
        switch (body) {
        case CoreBody::None: return;
        case CoreBody::Record: parts::writeJsonBody(m_out, [&] { m_out.schemaRef(name); }); return;
        case CoreBody::Records:
            parts::writeJsonBody(m_out, [&] { m_out.arraySchema([&] { m_out.schemaRef(name); }); });
            return;
        case CoreBody::PartialRecord:
            parts::writeJsonBody(m_out, [&] { m_out.schemaRef(name + "ForUpdate"_L1); });
            return;
        case CoreBody::Duplicates:
            parts::writeJsonBody(m_out, [&] {
                m_out.object([&] {
                    m_out.field("type"_L1, "object"_L1);
                    m_out.field("description"_L1, "Either `ids` or `data`."_L1);
                    m_out.object("properties"_L1, [&] {
                        m_out.object("ids"_L1, [&] { uuidArray(); });
                        m_out.object("data"_L1, [&] {
                            m_out.field("type"_L1, "array"_L1);
                            m_out.ref("items"_L1, "schemas"_L1, name + "ForUpdate"_L1);
                        });
                    });
                });
            });
            return;
        case CoreBody::Merge:
            parts::writeJsonBody(m_out, [&] {
                m_out.object([&] {
                    m_out.field("type"_L1, "object"_L1);
                    m_out.object("properties"_L1, [&] {
                        m_out.object("ids"_L1, [&] {
                            uuidArray();
                            m_out.field("minItems"_L1, 2);
                        });
                        m_out.object("conflictPriorityIndex"_L1, [&] {
                            m_out.field("type"_L1, "integer"_L1);
                            m_out.field("minimum"_L1, 0);
                        });
                        m_out.property("dryRun"_L1, "boolean"_L1);
                    });
                    m_out.strings("required"_L1, {u"ids"_s});
                });
            });
            return;
        }
    }

    void writeSuccess(const ObjectMetadata &object, const CoreRoute &route)
    {
        const QString key = routes::expandName(route.dataKey, object);
        const QString record = pascal(object.nameSingular) + "ForResponse"_L1;
        auto one = [&] { m_out.schemaRef(record); };
        auto many = [&] { m_out.arraySchema(one); };
        auto idOnly = [&] { m_out.objectSchema([&] { m_out.property("id"_L1, "string"_L1, "uuid"_L1); }); };
        auto envelope = [&](auto &&schema) {
            parts::writeJsonResponse(m_out, route.status, "Successful operation"_L1,
                                     [&] { parts::writeDataEnvelope(m_out, key, schema); });
        };
        switch (route.operation) {
        case CoreOperation::FindOne:
        case CoreOperation::CreateOne:
        case CoreOperation::UpdateOne:
        case CoreOperation::RestoreOne:
        case CoreOperation::Merge: envelope(one); return;
        case CoreOperation::CreateMany:
        case CoreOperation::UpdateMany:
        case CoreOperation::RestoreMany: envelope(many); return;
        case CoreOperation::DeleteMany: envelope([&] { m_out.arraySchema(idOnly); }); return;
        case CoreOperation::DeleteOne:
            parts::writeJsonResponse(m_out, route.status, "Successful operation"_L1, [&] {
                m_out.objectSchema([&] {
                    m_out.objectSchema("data"_L1, [&] {
                        m_out.key(key);
                        idOnly();
                    });
                    m_out.object("softDelete"_L1, [&] {
                        m_out.field("type"_L1, "boolean"_L1);
                        m_out.field("description"_L1, "Present (true) when soft_delete=true"_L1);
                    });
                });
            });
            return;
        case CoreOperation::FindMany:
            parts::writeJsonResponse(m_out, route.status, "Successful operation"_L1, [&] {
                m_out.objectSchema([&] { parts::writePageMembers(m_out, key, true, many); });
            });
            return;
        case CoreOperation::FindDuplicates:
            parts::writeJsonResponse(m_out, route.status, "One result per input"_L1, [&] {
                m_out.objectSchema([&] {
                    m_out.arraySchema("data"_L1, [&] {
                        m_out.objectSchema([&] { parts::writePageMembers(m_out, key, false, many); });
                    });
                });
            });
            return;
        case CoreOperation::GroupBy:
            parts::writeJsonResponse(m_out, route.status, "One entry per group (a bare array)"_L1, [&] {
                m_out.arraySchema([&] {
                    m_out.object([&] {
                        m_out.field("type"_L1, "object"_L1);
                        m_out.object("properties"_L1, [&] {
                            m_out.object("groupByDimensionValues"_L1, [&] {
                                m_out.field("type"_L1, "array"_L1);
                                m_out.object("items"_L1, [&] { m_out.nullableType("string"_L1); });
                            });
                            m_out.arraySchema("records"_L1, one);
                        });
                        m_out.object("additionalProperties"_L1,
                                     [&] { m_out.field("description"_L1, "The requested aggregates, by name"_L1); });
                    });
                });
            });
            return;
        }
    }

    // ---- schemas ----

    void writeSchemas()
    {
        for (const ObjectMetadata *object : m_objects) {
            const QString name = pascal(object->nameSingular);
            m_out.object(name, [&] { writeRecordSchema(*object, Variant::Create); });
            m_out.object(name + "ForUpdate"_L1, [&] { writeRecordSchema(*object, Variant::Update); });
            m_out.object(name + "ForResponse"_L1, [&] { writeRecordSchema(*object, Variant::Response); });
        }
        for (const CompositeName &composite : kComposites) {
            if (m_compositeNames.contains(int(composite.type)))
                m_out.object(composite.name, [&] { writeCompositeBody(composite.type); });
        }
        for (const ObjectMetadata *object : m_objects) {
            for (const FieldMetadata &field : object->fields) {
                const QString name = enumName(*object, field);
                if (!name.isEmpty())
                    m_out.object(name, [&] { writeEnumBody(field); });
            }
        }
    }

    enum class Variant { Create, Update, Response };

    void writeRecordSchema(const ObjectMetadata &object, Variant variant)
    {
        m_out.field("type"_L1, "object"_L1);
        const QString description = variant == Variant::Create ? u"A %1 to create"_s.arg(object.labelSingular)
                                    : variant == Variant::Update
                                        ? u"Fields of a %1 to update"_s.arg(object.labelSingular)
                                        : u"A %1"_s.arg(object.labelSingular);
        m_out.field("description"_L1,
                    object.description.isEmpty() ? description : description + u": "_s + object.description);
        QStringList required;
        m_out.object("properties"_L1, [&] {
            for (const FieldMetadata &field : object.fields) {
                if (!object.isApiField(field) || field.type == FieldType::MorphRelation)
                    continue;
                if (field.type == FieldType::Relation) {
                    writeRelationProperties(field, variant);
                    continue;
                }
                m_out.object(field.name, [&] { writeFieldBody(object, field); });
                if (variant == Variant::Create && !field.isNullable
                    && (field.defaultValue.isNull() || field.defaultValue.isUndefined())) {
                    required << field.name;
                }
            }
        });
        if (!required.isEmpty())
            m_out.strings("required"_L1, required);
    }

    void writeRelationProperties(const FieldMetadata &field, Variant variant)
    {
        const ObjectMetadata *target = m_model.relationTarget(field);
        if (field.isManyToOne()) {
            m_out.object(field.joinColumnName(), [&] {
                m_out.nullableType("string"_L1);
                m_out.field("format"_L1, "uuid"_L1);
                m_out.field("description"_L1, u"Id of the related %1"_s.arg(field.label));
            });
        }
        // Relations are written through join columns only; responses at depth 1 carry them (§1.7, 1.8).
        if (variant != Variant::Response || !target || !routes::servedByCoreApi(*target))
            return;
        const QString targetSchema = pascal(target->nameSingular) + "ForResponse"_L1;
        m_out.object(field.name, [&] {
            if (field.isManyToOne()) {
                m_out.array("oneOf"_L1, [&] {
                    m_out.schemaRef(targetSchema);
                    m_out.type("null"_L1);
                });
            } else {
                m_out.field("type"_L1, "array"_L1);
                m_out.ref("items"_L1, "schemas"_L1, targetSchema);
            }
            m_out.field("description"_L1, u"%1 (with depth=1)"_s.arg(field.label));
        });
    }

    /// The members of a field's schema (§9 types).
    /// The members of a field's schema (§9 types). A nullable scalar also takes null (`deletedAt`, a cleared SELECT).
    void writeFieldBody(const ObjectMetadata &object, const FieldMetadata &field)
    {
        auto type = [&](QLatin1StringView name, QLatin1StringView format = {}) {
            if (field.isNullable)
                m_out.nullableType(name);
            else
                m_out.field("type"_L1, name);
            if (!format.isEmpty())
                m_out.field("format"_L1, format);
        };
        auto component = [&](const QString &name) {
            if (!field.isNullable) {
                m_out.field("$ref"_L1, u"#/components/schemas/"_s + name);
                return;
            }
            m_out.array("oneOf"_L1, [&] {
                m_out.schemaRef(name);
                m_out.type("null"_L1);
            });
        };
        switch (field.type) {
        case FieldType::Uuid: type("string"_L1, "uuid"_L1); break;
        case FieldType::DateTime: type("string"_L1, "date-time"_L1); break;
        case FieldType::Date: type("string"_L1, "date"_L1); break;
        case FieldType::Boolean: type("boolean"_L1); break;
        case FieldType::Number: {
            const bool decimal = field.settings.value("dataType"_L1).toString() == "float"_L1
                                 || field.settings.value("decimals"_L1).toInt() > 0;
            type(decimal ? "number"_L1 : "integer"_L1);
            break;
        }
        case FieldType::Numeric:
        case FieldType::Position: type("number"_L1); break;
        case FieldType::Select:
        case FieldType::Rating: component(enumName(object, field)); break;
        case FieldType::MultiSelect:
            type("array"_L1);
            m_out.ref("items"_L1, "schemas"_L1, enumName(object, field));
            break;
        case FieldType::RawJson: type("object"_L1); break;
        case FieldType::Array:
            type("array"_L1);
            m_out.key("items"_L1);
            m_out.type("string"_L1);
            break;
        default:
            if (!isComposite(field.type)) {
                type("string"_L1);
            } else if (const QString name = m_compositeNames.value(int(field.type)); !name.isEmpty()) {
                m_out.field("$ref"_L1, u"#/components/schemas/"_s + name); // composites read as objects, never null
            } else {
                writeCompositeBody(field.type);
            }
            break;
        }
        if (!field.description.isEmpty())
            m_out.field("description"_L1, field.description);
    }

    /// The schema component of a SELECT, MULTI_SELECT or RATING field's values: `<Object><Field>Enum`.
    [[nodiscard]] QString enumName(const ObjectMetadata &object, const FieldMetadata &field) const
    {
        if (field.type != FieldType::Select && field.type != FieldType::MultiSelect && field.type != FieldType::Rating)
            return {};
        if (!object.isApiField(field))
            return {};
        return pascal(object.nameSingular) + pascal(field.name) + "Enum"_L1;
    }

    void writeEnumBody(const FieldMetadata &field)
    {
        QStringList values = field.optionValues();
        if (values.isEmpty() && field.type == FieldType::Rating) {
            for (int i = 1; i <= 5; ++i)
                values << u"RATING_%1"_s.arg(i);
        }
        m_out.field("type"_L1, "string"_L1);
        if (!values.isEmpty())
            m_out.strings("enum"_L1, values);
        m_out.field("description"_L1, u"Values of %1"_s.arg(field.label));
    }

    /// A composite type's object schema (§2.4), from the model's sub-fields.
    void writeCompositeBody(FieldType type)
    {
        m_out.field("type"_L1, "object"_L1);
        m_out.object("properties"_L1, [&] {
            for (const SubField &sub : compositeSubFields(type)) {
                m_out.object(sub.name, [&] {
                    switch (sub.kind) {
                    case ValueKind::Uuid:
                        m_out.nullableType("string"_L1);
                        m_out.field("format"_L1, "uuid"_L1);
                        break;
                    case ValueKind::Integer:
                    case ValueKind::Float: m_out.nullableType("number"_L1); break;
                    case ValueKind::Select: {
                        QStringList sources;
                        for (QLatin1StringView source : actorSources())
                            sources << source;
                        m_out.field("type"_L1, "string"_L1);
                        m_out.strings("enum"_L1, sources);
                        break;
                    }
                    case ValueKind::Json: writeJsonSubField(sub.name); break;
                    default: m_out.field("type"_L1, "string"_L1); break;
                    }
                });
            }
        });
    }

    void writeJsonSubField(QLatin1StringView name)
    {
        if (name == "context"_L1) {
            m_out.nullableType("object"_L1);
            return;
        }
        m_out.nullableType("array"_L1);
        m_out.object("items"_L1, [&] {
            if (name == "additionalEmails"_L1) {
                m_out.field("type"_L1, "string"_L1);
                m_out.field("format"_L1, "email"_L1);
            } else if (name == "secondaryLinks"_L1) {
                m_out.field("type"_L1, "object"_L1);
                m_out.object("properties"_L1, [&] {
                    m_out.property("url"_L1, "string"_L1);
                    m_out.property("label"_L1, "string"_L1);
                });
            } else {
                m_out.field("type"_L1, "object"_L1);
                m_out.object("properties"_L1, [&] {
                    m_out.property("number"_L1, "string"_L1);
                    m_out.property("countryCode"_L1, "string"_L1);
                    m_out.property("callingCode"_L1, "string"_L1);
                });
            }
        });
    }

    // ---- parameters ----

    void writeParameters()
    {
        const int pageMax = m_options.pageSizeMax;
        parts::writeIdPathParameter(m_out);
        parts::writeCursorParameters(m_out);
        auto text = [&] { m_out.type("string"_L1); };
        auto flag = [&] {
            m_out.object([&] {
                m_out.field("type"_L1, "string"_L1);
                m_out.strings("enum"_L1, {u"true"_s, u"false"_s});
            });
        };
        parts::writeQueryParameter(m_out, "filter"_L1, "filter"_L1,
                                   "Filters the records: `field[comparator]:value` items, comma-separated (AND), or "
                                   "`and(...)`, `or(...)`, `not(...)`. Comparators: eq, neq, in, containsAny, "
                                   "containsExactly, is, gt, gte, lt, lte, startsWith, endsWith, like, ilike. "
                                   "Example: `name[ilike]:\"%acme%\"`."_L1,
                                   text);
        parts::writeQueryParameter(m_out, "depth"_L1, "depth"_L1,
                                   "0: relations appear as their join column only; 1: related records are included."_L1,
                                   [&] {
                                       m_out.object([&] {
                                           m_out.field("type"_L1, "integer"_L1);
                                           m_out.array("enum"_L1, [&] {
                                               m_out.writer().value(0);
                                               m_out.writer().value(1);
                                           });
                                           m_out.field("default"_L1, 0);
                                       });
                                   });
        parts::writeQueryParameter(m_out, "orderBy"_L1, "order_by"_L1,
                                   "`field_1[AscNullsFirst],field_2[DescNullsLast],...`; directions AscNullsFirst "
                                   "(default), AscNullsLast, DescNullsFirst, DescNullsLast."_L1,
                                   text);
        parts::writeLimitParameter(m_out, "limit"_L1, m_options.pageSizeDefault, pageMax);
        parts::writeQueryParameter(m_out, "softDelete"_L1, "soft_delete"_L1,
                                   "`true`: soft delete (sets deletedAt); otherwise the records are destroyed."_L1,
                                   flag);
        parts::writeQueryParameter(m_out, "upsert"_L1, "upsert"_L1,
                                   "`true`: update the record matching the id or a unique field, else create it."_L1,
                                   flag);
        parts::writeQueryParameter(m_out, "fields"_L1, "fields"_L1,
                                   "Comma-separated fields to return; `id` is always included."_L1, text);
        parts::writeQueryParameter(m_out, "omitNullValues"_L1, "omit_null_values"_L1,
                                   "`true`: leave out the keys whose value is null."_L1, flag);
        parts::writeQueryParameter(m_out, "groupBy"_L1, "group_by"_L1,
                                   "Required. A JSON array of dimensions, e.g. `[{\"stage\":true},{\"closeDate\":"
                                   "{\"granularity\":\"MONTH\"}}]`."_L1,
                                   text);
        parts::writeQueryParameter(m_out, "aggregate"_L1, "aggregate"_L1,
                                   "A JSON array of aggregate names, e.g. `[\"totalCount\"]`."_L1, text);
        parts::writeQueryParameter(m_out, "includeRecordsSample"_L1, "include_records_sample"_L1,
                                   "`true`: add up to 10 records per group."_L1, flag);
        parts::writeQueryParameter(m_out, "orderByForRecords"_L1, "order_by_for_records"_L1,
                                   "Orders the sampled records, like order_by."_L1, text);
        parts::writeLimitParameter(m_out, "groupByLimit"_L1, m_options.groupByDefaultGroups, 0);
    }

    // ---- webhooks ----

    void writeWebhooks(const ObjectMetadata &object)
    {
        const QString name = pascal(object.nameSingular);
        // Pairs, not structured bindings: clang 14 (the fuzz build) cannot capture those in a lambda.
        for (const auto &event : {std::pair{"Created"_L1, "created"_L1}, std::pair{"Updated"_L1, "updated"_L1},
                                  std::pair{"Deleted"_L1, "deleted"_L1}}) {
            m_out.object(name + u' ' + event.first,
                         [&] { m_out.object("post"_L1, [&] { writeWebhook(object, event.second); }); });
        }
    }

    void writeWebhook(const ObjectMetadata &object, QLatin1StringView action)
    {
        m_out.strings("tags"_L1, {object.namePlural});
        m_out.field("summary"_L1, u"%1.%2"_s.arg(object.nameSingular, action));
        m_out.field("description"_L1,
                    u"Sent to the webhooks whose operations match %1.%2"_s.arg(object.nameSingular, action));
        m_out.array("security"_L1, [] {});
        m_out.array("parameters"_L1, [&] {
            for (const auto &parameter :
                 {std::pair{"X-Twenty-Webhook-Signature"_L1,
                            "Lowercase hex HMAC-SHA256, keyed by the webhook secret, of `<timestamp>:<raw body>` "
                            "(only when the webhook has a secret)"_L1},
                  std::pair{"X-Twenty-Webhook-Timestamp"_L1, "Milliseconds since the epoch"_L1},
                  std::pair{"X-Twenty-Webhook-Nonce"_L1, "16 random bytes as hex"_L1},
                  std::pair{"X-Vingt-Delivery-Id"_L1, "Unique per delivery, reused by its retries"_L1}}) {
                m_out.object([&] {
                    m_out.field("name"_L1, parameter.first);
                    m_out.field("in"_L1, "header"_L1);
                    m_out.field("description"_L1, parameter.second);
                    m_out.field("required"_L1, false);
                    m_out.key("schema"_L1);
                    m_out.type("string"_L1);
                });
            }
        });
        parts::writeJsonBody(m_out, [&] {
            m_out.objectSchema([&] {
                m_out.property("targetUrl"_L1, "string"_L1);
                m_out.object("eventName"_L1, [&] {
                    m_out.field("type"_L1, "string"_L1);
                    m_out.strings("enum"_L1, {object.nameSingular + u'.' + action});
                });
                m_out.objectSchema("objectMetadata"_L1, [&] {
                    m_out.property("id"_L1, "string"_L1, "uuid"_L1);
                    m_out.object("nameSingular"_L1, [&] {
                        m_out.field("type"_L1, "string"_L1);
                        m_out.strings("enum"_L1, {object.nameSingular});
                    });
                });
                m_out.property("workspaceId"_L1, "string"_L1, "uuid"_L1);
                m_out.property("webhookId"_L1, "string"_L1, "uuid"_L1);
                m_out.property("eventDate"_L1, "string"_L1, "date-time"_L1);
                m_out.property("userId"_L1, "string"_L1, "uuid"_L1);
                m_out.property("workspaceMemberId"_L1, "string"_L1, "uuid"_L1);
                m_out.ref("record"_L1, "schemas"_L1, pascal(object.nameSingular) + "ForResponse"_L1);
                if (action == "updated"_L1)
                    m_out.arraySchema("updatedFields"_L1, [&] { m_out.type("string"_L1); });
            });
        });
        m_out.object("responses"_L1, [&] {
            m_out.object("200"_L1, [&] { m_out.field("description"_L1, "Any 2xx status acknowledges the event"_L1); });
        });
    }

    // ---- helpers ----

    void uuidArray()
    {
        m_out.field("type"_L1, "array"_L1);
        m_out.key("items"_L1);
        m_out.type("string"_L1, "uuid"_L1);
    }

    JsonOut &m_out;
    const DataModel &m_model;
    const DocumentOptions &m_options;
    std::vector<const ObjectMetadata *> m_objects;
    QSet<QString> m_taken;
    QHash<int, QString> m_compositeNames;
};

} // namespace

QByteArray OpenApiBuilder::coreDocument(const DataModel &model, const DocumentOptions &options)
{
    JsonWriter writer;
    JsonOut out(writer);
    CoreWriter(out, model, options).write();
    return writer.take();
}

} // namespace vingt::openapi
