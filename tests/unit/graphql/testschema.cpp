#include "testschema.h"

#include "graphql/type/resolveinfo.h"
#include "graphql/type/schemabuilder.h"

#include <QRegularExpression>

#include <any>

using namespace vingt;
using namespace vingt::graphql;
using namespace Qt::StringLiterals;

namespace testschema {

namespace {

struct PersonRecord {
    QString id;
    QString first;
    QString last;
    QJsonValue tags; // array or null
    QStringList friendIds;
    QString color;
    QString birthday;
};

const std::vector<PersonRecord> &people()
{
    static const std::vector<PersonRecord> records{
        {u"1"_s, u"Ada"_s, u"Lovelace"_s, QJsonArray{u"math"_s, u"poetry"_s}, {u"2"_s}, u"RED"_s, u"1815-12-10T00:00:00Z"_s},
        {u"2"_s, u"Alan"_s, u"Turing"_s, QJsonArray{}, {u"1"_s, u"3"_s}, u"GREEN"_s, u"1912-06-23T00:00:00Z"_s},
        {u"3"_s, u"Grace"_s, QString(), QJsonValue::Null, {}, u"BLUE"_s, QString()},
    };
    return records;
}

const PersonRecord *findPerson(const QString &id)
{
    for (const PersonRecord &record : people()) {
        if (record.id == id)
            return &record;
    }
    return nullptr;
}

Value personValue(const PersonRecord &record)
{
    return Value::borrowed<PersonRecord>(&record, u"Person"_s);
}

Context *contextOf(const std::any &context)
{
    if (const auto *pointer = std::any_cast<Context *>(&context))
        return *pointer;
    return nullptr;
}

template<typename F>
FieldResolver onPerson(F function)
{
    return [function](const ResolveParams &p) -> FieldResult {
        const PersonRecord *person = p.source.as<PersonRecord>();
        if (!person)
            return Error::internal(u"not a person"_s);
        return function(*person, p);
    };
}

/// ISO-8601 date-times only (YYYY-MM-DDTHH:MM:SSZ).
Result<QJsonValue> parseDateTime(const QJsonValue &value)
{
    static const QRegularExpression pattern(u"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z$"_s);
    if (!value.isString() || !pattern.match(value.toString()).hasMatch())
        return Error::badRequest(u"DateTime cannot represent an invalid date-time string: "_s
                                 + (value.isString() ? value.toString() : u"non-string"_s));
    return value;
}

std::shared_ptr<const Schema> build()
{
    SchemaBuilder builder;
    builder.setQueryType(u"Query"_s).setMutationType(u"Mutation"_s);

    builder.addScalarType({.name = u"DateTime"_s,
                           .description = u"An ISO-8601 date-time in UTC."_s,
                           .specifiedByUrl = u"https://tools.ietf.org/html/rfc3339"_s,
                           .serialize = parseDateTime,
                           .parseValue = parseDateTime});
    builder.addScalarType({.name = u"JSON"_s});

    builder.addEnumType({.name = u"Color"_s,
                         .values = {{u"RED"_s, u"The color of blood."_s},
                                    {u"GREEN"_s},
                                    {u"BLUE"_s, {}, u"Blue is out"_s},
                                    {u"PURPLE"_s, {}, QString(kDefaultDeprecationReason)}},
                         .description = u"A primary color."_s});

    builder.addInputObjectType({.name = u"PersonFilter"_s,
                                .fields = {{.name = u"nameContains"_s, .type = u"String"_s},
                                           {.name = u"color"_s, .type = u"Color"_s, .defaultValue = u"RED"_s},
                                           {.name = u"tags"_s, .type = u"[String!]"_s},
                                           {.name = u"limit"_s, .type = u"Int"_s, .defaultValue = 5}},
                                .description = u"How to filter people."_s});
    builder.addInputObjectType({.name = u"NameInput"_s,
                                .fields = {{.name = u"first"_s, .type = u"String!"_s},
                                           {.name = u"last"_s, .type = u"String"_s, .description = u"Family name."_s}}});
    builder.addInputObjectType(
        {.name = u"PersonInput"_s,
         .fields = {{.name = u"name"_s, .type = u"NameInput!"_s},
                    {.name = u"tags"_s, .type = u"[String]"_s, .defaultValue = QJsonArray{u"new"_s}},
                    {.name = u"color"_s, .type = u"Color"_s},
                    {.name = u"nickname"_s, .type = u"String"_s, .deprecationReason = u"Unused"_s}}});

    builder.addInterfaceType({.name = u"Node"_s,
                              .fields = {{.name = u"id"_s, .type = u"ID!"_s}},
                              .description = u"An object with an ID."_s});

    builder.addObjectType({.name = u"Name"_s,
                           .fields = {{.name = u"first"_s, .type = u"String"_s},
                                      {.name = u"last"_s, .type = u"String"_s}}});

    builder.addObjectType(
        {.name = u"Person"_s,
         .fields =
             {
                 {.name = u"id"_s,
                  .type = u"ID!"_s,
                  .resolve = onPerson([](const PersonRecord &p, const ResolveParams &) -> FieldResult { return p.id; })},
                 {.name = u"name"_s,
                  .type = u"Name"_s,
                  .resolve = onPerson([](const PersonRecord &p, const ResolveParams &) -> FieldResult {
                      // A JSON object: Name's fields use the default resolver.
                      QJsonObject name{{u"first"_s, p.first}};
                      name.insert(u"last"_s, p.last.isNull() ? QJsonValue() : QJsonValue(p.last));
                      return name;
                  })},
                 {.name = u"tags"_s,
                  .type = u"[String]"_s,
                  .resolve = onPerson([](const PersonRecord &p, const ResolveParams &) -> FieldResult { return p.tags; })},
                 {.name = u"friends"_s,
                  .type = u"[Person]"_s,
                  .args = {{.name = u"first"_s, .type = u"Int"_s, .defaultValue = 10}},
                  .description = u"Loaded in one batch per level."_s,
                  .batchResolve = [](const BatchResolveParams &p) {
                      if (Context *context = contextOf(p.context)) {
                          ++context->friendsBatchCalls;
                          context->friendsSources += int(p.sources.size());
                      }
                      const int first = p.args.value("first"_L1).toInt();
                      std::vector<FieldResult> results;
                      for (const Value *source : p.sources) {
                          const PersonRecord *person = source->as<PersonRecord>();
                          if (!person) {
                              results.emplace_back(Error::internal(u"not a person"_s));
                              continue;
                          }
                          std::vector<Value> friends;
                          for (const QString &id : person->friendIds) {
                              if (int(friends.size()) >= first)
                                  break;
                              if (const PersonRecord *f = findPerson(id))
                                  friends.push_back(personValue(*f));
                          }
                          results.emplace_back(Value::list(std::move(friends)));
                      }
                      return results;
                  }},
                 {.name = u"favoriteColor"_s,
                  .type = u"Color"_s,
                  .resolve = onPerson([](const PersonRecord &p, const ResolveParams &) -> FieldResult { return p.color; })},
                 {.name = u"birthday"_s,
                  .type = u"DateTime"_s,
                  .resolve = onPerson([](const PersonRecord &p, const ResolveParams &) -> FieldResult {
                      return p.birthday.isEmpty() ? Value() : Value(p.birthday);
                  })},
                 {.name = u"lastNameOrFail"_s,
                  .type = u"String!"_s,
                  .resolve = onPerson([](const PersonRecord &p, const ResolveParams &) -> FieldResult {
                      return p.last.isNull() ? Value() : Value(p.last);
                  }),
                  .description = u"Non-null: null for people without a last name (tests null propagation)."_s},
                 {.name = u"secret"_s,
                  .type = u"String"_s,
                  .resolve = [](const ResolveParams &) -> FieldResult { return Error::permissionDenied(); }},
                 {.name = u"nickname"_s, .type = u"String"_s, .deprecationReason = u"Use `name`."_s},
             },
         .interfaces = {u"Node"_s},
         .description = u"A person.\n\nWith a two-line description."_s});

    builder.addObjectType({.name = u"Company"_s,
                           .fields = {{.name = u"id"_s, .type = u"ID!"_s},
                                      {.name = u"title"_s, .type = u"String"_s},
                                      {.name = u"size"_s, .type = u"Int"_s}},
                           .interfaces = {u"Node"_s}});

    builder.addUnionType({.name = u"SearchResult"_s, .types = {u"Person"_s, u"Company"_s}});

    builder.addObjectType(
        {.name = u"Query"_s,
         .fields =
             {
                 {.name = u"person"_s,
                  .type = u"Person"_s,
                  .args = {{.name = u"id"_s, .type = u"ID!"_s}},
                  .resolve = [](const ResolveParams &p) -> FieldResult {
                      const PersonRecord *person = findPerson(p.args.value("id"_L1).toString());
                      return person ? personValue(*person) : Value();
                  }},
                 {.name = u"people"_s,
                  .type = u"[Person!]!"_s,
                  .args = {{.name = u"first"_s, .type = u"Int"_s, .defaultValue = 10},
                           {.name = u"filter"_s, .type = u"PersonFilter"_s}},
                  .resolve = [](const ResolveParams &p) -> FieldResult {
                      if (Context *context = contextOf(p.context); context && context->denyPeople)
                          return Error::permissionDenied();
                      const int first = p.args.value("first"_L1).toInt();
                      const QJsonObject filter = p.args.value("filter"_L1).toObject();
                      const QString contains = filter.value("nameContains"_L1).toString();
                      std::vector<Value> result;
                      for (const PersonRecord &person : people()) {
                          if (int(result.size()) >= first)
                              break;
                          if (!contains.isEmpty() && !person.first.contains(contains, Qt::CaseInsensitive))
                              continue;
                          result.push_back(personValue(person));
                      }
                      return Value::list(std::move(result));
                  },
                  .description = u"People, the first ones."_s},
                 {.name = u"node"_s,
                  .type = u"Node"_s,
                  .args = {{.name = u"id"_s, .type = u"ID!"_s}},
                  .resolve = [](const ResolveParams &p) -> FieldResult {
                      const QString id = p.args.value("id"_L1).toString();
                      if (id.startsWith(u'c'))
                          return Value(QJsonObject{{u"__typename"_s, u"Company"_s}, {u"id"_s, id}, {u"title"_s, u"ACME"_s}});
                      const PersonRecord *person = findPerson(id);
                      return person ? personValue(*person) : Value();
                  }},
                 {.name = u"search"_s,
                  .type = u"[SearchResult!]"_s,
                  .args = {{.name = u"text"_s, .type = u"String!"_s}},
                  .resolve = [](const ResolveParams &) -> FieldResult {
                      return Value::list({personValue(people()[0]),
                                          Value(QJsonObject{{u"id"_s, u"c1"_s}, {u"title"_s, u"ACME"_s}, {u"size"_s, 42}})
                                              .withTypeName(u"Company"_s)});
                  }},
                 {.name = u"echo"_s,
                  .type = u"JSON"_s,
                  .args = {{.name = u"value"_s, .type = u"JSON"_s},
                           {.name = u"color"_s, .type = u"Color"_s},
                           {.name = u"when"_s, .type = u"DateTime"_s},
                           {.name = u"filter"_s, .type = u"PersonFilter"_s},
                           {.name = u"ids"_s, .type = u"[ID!]"_s},
                           {.name = u"count"_s, .type = u"Int"_s},
                           {.name = u"ratio"_s, .type = u"Float"_s},
                           {.name = u"flag"_s, .type = u"Boolean"_s}},
                  .resolve = [](const ResolveParams &p) -> FieldResult { return p.args; },
                  .description = u"Answers its coerced arguments."_s},
                 {.name = u"failing"_s,
                  .type = u"String"_s,
                  .resolve = [](const ResolveParams &) -> FieldResult {
                      return GraphqlError(u"Custom failure"_s, {},
                                          QJsonObject{{u"code"_s, u"CONFLICT"_s}, {u"subCode"_s, u"CUSTOM"_s}});
                  }},
                 {.name = u"crash"_s,
                  .type = u"String"_s,
                  .resolve = [](const ResolveParams &) -> FieldResult { return Error::unavailable(u"db is down"_s); }},
                 {.name = u"warning"_s,
                  .type = u"String"_s,
                  .resolve = [](const ResolveParams &p) -> FieldResult {
                      p.info.addError(GraphqlError(u"Partial answer"_s));
                      return u"partial"_s;
                  }},
                 {.name = u"lookAhead"_s,
                  .type = u"Person"_s,
                  .resolve = [](const ResolveParams &p) -> FieldResult {
                      // Records what is selected below, as a loader planning its query would.
                      const NamedType *person = p.info.schema.type(u"Person"_s);
                      Context *context = contextOf(p.context);
                      if (!person || !person->asObject() || !context)
                          return Error::internal(u"lookAhead needs Person and a context"_s);
                      for (const SubfieldSelection &s : p.info.collectSubfields(*person->asObject())) {
                          QStringList args;
                          for (auto it = s.arguments.begin(); it != s.arguments.end(); ++it)
                              args.append(it.key() + u'=' + QString::number(it.value().toInt()));
                          context->lookAhead.append(s.responseKey + u':' + (s.definition ? s.definition->name : u"?"_s)
                                                    + u'(' + args.join(u',') + u')');
                      }
                      return personValue(people()[0]);
                  },
                  .deprecationReason = QString(kDefaultDeprecationReason)},
             }});

    builder.addObjectType(
        {.name = u"Mutation"_s,
         .fields =
             {
                 {.name = u"addPerson"_s,
                  .type = u"Person!"_s,
                  .args = {{.name = u"input"_s, .type = u"PersonInput!"_s}},
                  .resolve = [](const ResolveParams &p) -> FieldResult {
                      if (Context *context = contextOf(p.context))
                          context->mutationLog.append(u"addPerson"_s);
                      return personValue(people()[1]);
                  }},
                 {.name = u"deletePerson"_s,
                  .type = u"Boolean"_s,
                  .args = {{.name = u"id"_s, .type = u"ID!"_s}},
                  .resolve = [](const ResolveParams &p) -> FieldResult {
                      if (Context *context = contextOf(p.context))
                          context->mutationLog.append(u"deletePerson:"_s + p.args.value("id"_L1).toString());
                      if (!findPerson(p.args.value("id"_L1).toString()))
                          return Error::notFound();
                      return true;
                  }},
             }});

    auto built = builder.build();
    if (!built.ok())
        qFatal("test schema: %s", qPrintable(built.error().message));
    return *built;
}

} // namespace

std::shared_ptr<const Schema> schema()
{
    static const std::shared_ptr<const Schema> instance = build();
    return instance;
}

} // namespace testschema
