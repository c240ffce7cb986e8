#include "support/e2e.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>
#include <QUuid>

#include <algorithm>

namespace vingt::test {

QString uniqueTag()
{
    return QStringLiteral("t") + QUuid::createUuid().toString(QUuid::Id128).left(11).toLower();
}

HttpClient clientWithNewRole(HttpClient &admin, QString &roleId)
{
    using namespace Qt::StringLiterals;
    const HttpResponse role = admin.post(u"/rest/metadata/roles"_s,
                                         QJsonObject{{u"label"_s, u"No model "_s + uniqueTag()},
                                                     {u"canBeAssignedToApiKeys"_s, true},
                                                     {u"canUpdateAllSettings"_s, false}});
    roleId = role.value(u"data.createOneRole.id"_s).toString();
    const HttpResponse key = admin.post(u"/rest/metadata/apiKeys"_s,
                                        QJsonObject{{u"name"_s, u"model-"_s + uniqueTag()},
                                                    {u"expiresAt"_s, u"2099-01-01T00:00:00.000Z"_s},
                                                    {u"roleId"_s, roleId}});
    const HttpResponse token = admin.send("POST",
                                          u"/rest/metadata/apiKeys/%1/regenerate"_s.arg(key.value(u"id"_s).toString()));
    return admin.withToken(token.value(u"data.regenerateApiKey.token"_s).toString());
}

QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).toLower();
}

QString pct(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

QString query(std::initializer_list<std::pair<QString, QString>> parameters)
{
    QStringList parts;
    for (const auto &[name, value] : parameters) {
        parts << name + u'=' + pct(value);
    }
    return parts.join(u'&');
}

QJsonValue at(const QJsonObject &object, const QString &path)
{
    QJsonValue current = object;
    const QStringList parts = path.split(u'.');
    for (const QString &part : parts) {
        if (!current.isObject() || !current.toObject().contains(part)) {
            return QJsonValue(QJsonValue::Undefined);
        }
        current = current.toObject().value(part);
    }
    return current;
}

QString jsonText(const QJsonValue &value)
{
    return QString::fromUtf8(toJson(value));
}

QStringList column(const QJsonArray &records, const QString &path)
{
    QStringList result;
    for (const QJsonValue &record : records) {
        const QJsonValue value = at(record.toObject(), path);
        result << (value.isString() ? value.toString() : jsonText(value));
    }
    return result;
}

QStringList keysOf(const QJsonObject &object)
{
    QStringList keys = object.keys();
    std::sort(keys.begin(), keys.end());
    return keys;
}

QString envelopeProblem(const HttpResponse &response, int status)
{
    if (!response.json.isObject()) {
        return QStringLiteral("the error body is not a JSON object");
    }
    const QJsonObject body = response.object();
    if (body.value(QStringLiteral("statusCode")).toInt(-1) != status) {
        return QStringLiteral("statusCode is not %1").arg(status);
    }
    if (!body.value(QStringLiteral("error")).isString() || body.value(QStringLiteral("error")).toString().isEmpty()) {
        return QStringLiteral("`error` is not a non-empty string");
    }
    const QJsonValue messages = body.value(QStringLiteral("messages"));
    if (!messages.isArray() || messages.toArray().isEmpty()) {
        return QStringLiteral("`messages` is not a non-empty array");
    }
    for (const QJsonValue &message : messages.toArray()) {
        if (!message.isString()) {
            return QStringLiteral("`messages` holds a non-string");
        }
    }
    for (auto it = body.begin(); it != body.end(); ++it) {
        static const QStringList known{QStringLiteral("statusCode"), QStringLiteral("error"),
                                       QStringLiteral("messages"), QStringLiteral("code")};
        if (!known.contains(it.key())) {
            return QStringLiteral("unexpected member `%1` in the error body").arg(it.key());
        }
    }
    if (body.contains(QStringLiteral("code")) && !body.value(QStringLiteral("code")).isString()) {
        return QStringLiteral("`code` is not a string");
    }
    return {};
}

QString errorProblem(const HttpResponse &response, int status)
{
    if (QString problem = envelopeProblem(response, status); !problem.isEmpty()) {
        return problem;
    }
    if (!response.header("content-type").toLower().startsWith("application/json")) {
        return QStringLiteral("the error is not sent as application/json");
    }
    for (const QString &message : response.messages()) {
        if (QString leak = leakProblem(message); !leak.isEmpty()) {
            return leak;
        }
    }
    return {};
}

QString graphqlProblem(const HttpResponse &response)
{
    using namespace Qt::StringLiterals;
    if (response.status != 200)
        return u"expected HTTP 200"_s;
    if (!response.json.isObject())
        return u"body is not a JSON object"_s;
    if (response.object().contains(u"errors"_s))
        return u"unexpected errors"_s;
    return {};
}

QString leakProblem(const QString &message, const QString &dataDir)
{
    static const QRegularExpression sql(
        QStringLiteral(
            "\\b(SELECT\\s.+\\sFROM|INSERT\\s+INTO|UPDATE\\s+\\S+\\s+SET|DELETE\\s+FROM|CREATE\\s+TABLE|"
            "constraint failed|sqlite|SQLITE_|no such (table|column)|QSQLITE|QPSQL|"
            "near \"[^\"]*\": syntax error|RETURNING|ON CONFLICT|\\.cpp\\b|\\.h:\\d|std::|vingt::|0x[0-9a-f]{8,})"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression path(QStringLiteral("(^|[\\s'\"(])(/tmp/|/home/|/usr/|/var/|/work/|/root/)"));
    const auto sqlMatch = sql.match(message);
    if (sqlMatch.hasMatch()) {
        return QStringLiteral("the message leaks internals (\"%1\"): %2").arg(sqlMatch.captured(0), message);
    }
    const auto pathMatch = path.match(message);
    if (pathMatch.hasMatch()) {
        return QStringLiteral("the message contains a file path: %1").arg(message);
    }
    if (!dataDir.isEmpty() && message.contains(dataDir)) {
        return QStringLiteral("the message contains the data directory: %1").arg(message);
    }
    return {};
}

} // namespace vingt::test
