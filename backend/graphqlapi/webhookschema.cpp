#include "graphqlapi/webhookschema.h"

#include "graphql/error/graphqlerror.h"
#include "graphqlapi/requestcontext.h"
#include "services/webhookservice.h"
#include "services/workspace.h"

#include <QJsonArray>
#include <QJsonObject>

namespace vingt::graphqlapi {

using namespace Qt::StringLiterals;
using graphql::FieldResult;
using graphql::GraphqlError;
using graphql::InputValueConfig;
using graphql::ResolveParams;
using graphql::Value;

namespace {

/// The `Webhook` object as JSON (the default resolvers read its members).
QJsonObject webhookJson(const Webhook &hook, const QString &workspaceId)
{
    auto orNull = [](const QString &text) { return text.isEmpty() ? QJsonValue() : QJsonValue(text); };
    return {{u"id"_s, hook.id},
            {u"targetUrl"_s, hook.targetUrl},
            {u"operations"_s, QJsonArray::fromStringList(hook.operations)},
            {u"description"_s, hook.description ? QJsonValue(*hook.description) : QJsonValue()},
            {u"secret"_s, hook.secret},
            {u"workspaceId"_s, workspaceId},
            {u"createdAt"_s, hook.createdAt},
            {u"updatedAt"_s, hook.updatedAt},
            {u"deletedAt"_s, orNull(hook.deletedAt)}};
}

/// A service error as GraphQL; §10.1 gives the invalid-URL error its userFriendlyMessage.
GraphqlError toGraphql(const Error &error)
{
    GraphqlError out = GraphqlError::fromError(error);
    if (error.kind == ErrorKind::BadRequest && error.message == "Invalid target URL provided"_L1)
        out.extensions.insert(u"userFriendlyMessage"_s, u"Please provide a valid HTTP or HTTPS URL."_s);
    return out;
}

FieldResult answer(const RequestContext &ctx, const Result<Webhook> &hook)
{
    if (!hook)
        return toGraphql(hook.error());
    return Value(webhookJson(*hook, ctx.auth.workspace->id()));
}

/// A root field whose resolver calls `call(ctx, service, args)`.
template<typename Call>
graphql::FieldConfig rootField(const QString &name, const QString &type, std::vector<InputValueConfig> args, Call call)
{
    return {name, type, std::move(args), [call](const ResolveParams &p) -> FieldResult {
                RequestContext &ctx = requestContext(p.context);
                return call(ctx, ctx.auth.workspace->webhooks(), p.args);
            }};
}

} // namespace

void addWebhookSchema(MetadataSchemaParts &parts)
{
    graphql::SchemaBuilder &b = parts.builder;
    b.addObjectType({u"Webhook"_s,
                     {{u"id"_s, u"UUID!"_s},
                      {u"targetUrl"_s, u"String!"_s},
                      {u"operations"_s, u"[String!]!"_s},
                      {u"description"_s, u"String"_s},
                      {u"secret"_s, u"String!"_s},
                      {u"workspaceId"_s, u"UUID!"_s},
                      {u"createdAt"_s, u"DateTime!"_s},
                      {u"updatedAt"_s, u"DateTime!"_s},
                      {u"deletedAt"_s, u"DateTime"_s}}});
    b.addInputObjectType({u"CreateWebhookInput"_s,
                          {{u"id"_s, u"UUID"_s},
                           {u"targetUrl"_s, u"String!"_s},
                           {u"operations"_s, u"[String!]!"_s},
                           {u"description"_s, u"String"_s},
                           {u"secret"_s, u"String"_s}}});
    b.addInputObjectType({u"UpdateWebhookInputUpdates"_s,
                          {{u"targetUrl"_s, u"String"_s},
                           {u"operations"_s, u"[String!]"_s},
                           {u"description"_s, u"String"_s},
                           {u"secret"_s, u"String"_s}}});
    b.addInputObjectType(
        {u"UpdateWebhookInput"_s, {{u"id"_s, u"UUID!"_s}, {u"update"_s, u"UpdateWebhookInputUpdates!"_s}}});

    parts.queryFields.push_back(
        rootField(u"webhooks"_s, u"[Webhook!]!"_s, {}, [](RequestContext &ctx, WebhookService &s, const QJsonObject &) {
            auto hooks = s.list(ctx.auth.actor);
            if (!hooks)
                return FieldResult(toGraphql(hooks.error()));
            std::vector<Value> items;
            for (const Webhook &hook : *hooks)
                items.emplace_back(webhookJson(hook, ctx.auth.workspace->id()));
            return FieldResult(Value::list(std::move(items)));
        }));
    parts.queryFields.push_back(rootField(u"webhook"_s, u"Webhook"_s, {{u"id"_s, u"UUID!"_s}},
                                          [](RequestContext &ctx, WebhookService &s, const QJsonObject &args) {
                                              return answer(ctx, s.get(ctx.auth.actor, args.value("id"_L1).toString()));
                                          }));
    parts.mutationFields.push_back(
        rootField(u"createWebhook"_s, u"Webhook!"_s, {{u"input"_s, u"CreateWebhookInput!"_s}},
                  [](RequestContext &ctx, WebhookService &s, const QJsonObject &args) {
                      return answer(ctx, s.create(ctx.auth.actor, args.value("input"_L1).toObject()));
                  }));
    parts.mutationFields.push_back(
        rootField(u"updateWebhook"_s, u"Webhook!"_s, {{u"input"_s, u"UpdateWebhookInput!"_s}},
                  [](RequestContext &ctx, WebhookService &s, const QJsonObject &args) {
                      const QJsonObject input = args.value("input"_L1).toObject();
                      return answer(ctx, s.update(ctx.auth.actor, input.value("id"_L1).toString(),
                                                  input.value("update"_L1).toObject()));
                  }));
    parts.mutationFields.push_back(rootField(u"deleteWebhook"_s, u"Webhook!"_s, {{u"id"_s, u"UUID!"_s}},
                                             [](RequestContext &ctx, WebhookService &s, const QJsonObject &args) {
                                                 return answer(
                                                     ctx, s.remove(ctx.auth.actor, args.value("id"_L1).toString()));
                                             }));
}

} // namespace vingt::graphqlapi
