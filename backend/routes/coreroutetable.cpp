#include "routes/coreroutetable.h"

#include "model/objectmetadata.h"

#include <array>
#include <vector>

namespace vingt::routes {

using namespace Qt::StringLiterals;

namespace {

using Shape = CoreShape;
using Op = CoreOperation;

/// Parameters of every route that returns records (§1.3).
constexpr unsigned kRecordOutput = kDepth | kFields | kOmitNullValues;

// Matching order (§1.1): `batch` and the older `restore/...` prefixes, then the specific suffixes, then the generic
// `{id}`; among rows of one path, the order is the one of the documents.
constexpr std::array kRoutes{
    CoreRoute{"POST"_L1, "/batch/{plural}"_L1, Shape::Batch, Op::CreateMany, 201, "create{Plural}"_L1,
              "createMany{Plural}"_L1, "Create Many {plural}"_L1, kRecordOutput | kUpsert, CoreBody::Records},
    CoreRoute{"PATCH"_L1,
              "/restore/{plural}"_L1,
              Shape::RestoreMany,
              Op::RestoreMany,
              200,
              "restore{Plural}"_L1,
              {},
              {},
              kFilter | kRecordOutput,
              CoreBody::None,
              true},
    CoreRoute{"POST"_L1, "/{plural}/duplicates"_L1, Shape::Duplicates, Op::FindDuplicates, 200,
              "{singular}Duplicates"_L1, "find{Singular}Duplicates"_L1, "Find {singular} Duplicates"_L1, kRecordOutput,
              CoreBody::Duplicates},
    CoreRoute{"GET"_L1,
              "/{plural}/groupBy"_L1,
              Shape::GroupBy,
              Op::GroupBy,
              200,
              {},
              "groupBy{Plural}"_L1,
              "Group {plural} By"_L1,
              kFilter | kOrderBy | kGroupByParameters,
              CoreBody::None},
    CoreRoute{"PATCH"_L1, "/{plural}/merge"_L1, Shape::Merge, Op::Merge, 200, "merge{Singular}"_L1,
              "mergeMany{Plural}"_L1, "Merge Many {plural}"_L1, kRecordOutput, CoreBody::Merge},
    CoreRoute{"PATCH"_L1, "/{plural}/restore"_L1, Shape::RestoreMany, Op::RestoreMany, 200, "restore{Plural}"_L1,
              "restoreMany{Plural}"_L1, "Restore Many {plural}"_L1, kFilter | kRecordOutput, CoreBody::None},
    CoreRoute{"GET"_L1, "/{plural}/{id}"_L1, Shape::One, Op::FindOne, 200, "{singular}"_L1, "findOne{Singular}"_L1,
              "Find One {singular}"_L1, kRecordOutput, CoreBody::None},
    CoreRoute{"PATCH"_L1, "/{plural}/{id}"_L1, Shape::One, Op::UpdateOne, 200, "update{Singular}"_L1,
              "UpdateOne{Singular}"_L1, "Update One {singular}"_L1, kRecordOutput, CoreBody::PartialRecord},
    CoreRoute{"PUT"_L1,
              "/{plural}/{id}"_L1,
              Shape::One,
              Op::UpdateOne,
              200,
              "update{Singular}"_L1,
              {},
              {},
              kRecordOutput,
              CoreBody::PartialRecord},
    CoreRoute{"DELETE"_L1, "/{plural}/{id}"_L1, Shape::One, Op::DeleteOne, 200, "delete{Singular}"_L1,
              "deleteOne{Singular}"_L1, "Delete One {singular}"_L1, kSoftDelete, CoreBody::None},
    CoreRoute{"PATCH"_L1,
              "/restore/{plural}/{id}"_L1,
              Shape::RestoreOne,
              Op::RestoreOne,
              200,
              "restore{Singular}"_L1,
              {},
              {},
              kRecordOutput,
              CoreBody::None,
              true},
    CoreRoute{"PATCH"_L1, "/{plural}/{id}/restore"_L1, Shape::RestoreOne, Op::RestoreOne, 200, "restore{Singular}"_L1,
              "restoreOne{Singular}"_L1, "Restore One {singular}"_L1, kRecordOutput, CoreBody::None},
    CoreRoute{"GET"_L1, "/{plural}"_L1, Shape::Collection, Op::FindMany, 200, "{plural}"_L1, "findMany{Plural}"_L1,
              "Find Many {plural}"_L1, kFilter | kOrderBy | kLimit | kStartingAfter | kEndingBefore | kRecordOutput,
              CoreBody::None},
    CoreRoute{"POST"_L1, "/{plural}"_L1, Shape::Collection, Op::CreateOne, 201, "create{Singular}"_L1,
              "createOne{Singular}"_L1, "Create One {singular}"_L1, kRecordOutput | kUpsert, CoreBody::Record},
    CoreRoute{"PATCH"_L1, "/{plural}"_L1, Shape::Collection, Op::UpdateMany, 200, "update{Plural}"_L1,
              "updateMany{Plural}"_L1, "Update Many {plural}"_L1, kFilter | kRecordOutput, CoreBody::PartialRecord},
    CoreRoute{"PUT"_L1,
              "/{plural}"_L1,
              Shape::Collection,
              Op::UpdateMany,
              200,
              "update{Plural}"_L1,
              {},
              {},
              kFilter | kRecordOutput,
              CoreBody::PartialRecord},
    CoreRoute{"DELETE"_L1, "/{plural}"_L1, Shape::Collection, Op::DeleteMany, 200, "delete{Plural}"_L1,
              "deleteMany{Plural}"_L1, "Delete Many {plural}"_L1, kFilter | kSoftDelete, CoreBody::None},
};

/// The order of `Allow` values.
constexpr std::array kMethodOrder{"GET"_L1, "POST"_L1, "PATCH"_L1, "PUT"_L1, "DELETE"_L1};

/// Each route's path split into segments, once.
const std::vector<QStringList> &routeSegments()
{
    static const std::vector<QStringList> segments = [] {
        std::vector<QStringList> all;
        for (const CoreRoute &route : kRoutes)
            all.push_back(QString(route.path).split(u'/', Qt::SkipEmptyParts));
        return all;
    }();
    return segments;
}

bool segmentsMatch(const QStringList &pattern, const QStringList &segments)
{
    if (pattern.size() != segments.size())
        return false;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        if (!pattern[i].startsWith(u'{') && pattern[i] != segments[i])
            return false;
    }
    return true;
}

} // namespace

std::span<const CoreRoute> coreRoutes()
{
    return kRoutes;
}

bool matchCoreRoute(QByteArrayView method, const QStringList &segments, CoreRouteMatch &match)
{
    const QLatin1StringView asGet = method == "HEAD" ? "GET"_L1 : QLatin1StringView(method);
    const std::vector<QStringList> &patterns = routeSegments();
    for (std::size_t i = 0; i < kRoutes.size(); ++i) {
        const CoreRoute &candidate = kRoutes[i];
        if ((candidate.onlyForItsMethod && candidate.method != asGet) || !segmentsMatch(patterns[i], segments))
            continue;
        // The path's shape is found: the row for the method, and every method this path takes.
        match = {};
        match.shape = candidate.shape;
        for (qsizetype s = 0; s < segments.size(); ++s) {
            if (patterns[i][s] == "{plural}"_L1)
                match.object = segments[s];
            else if (patterns[i][s] == "{id}"_L1)
                match.id = segments[s];
        }
        QList<QLatin1StringView> methods;
        for (const CoreRoute &row : kRoutes) {
            if (row.path != candidate.path)
                continue;
            methods << row.method;
            if (row.method == asGet)
                match.route = &row;
        }
        QByteArrayList allowed;
        for (QLatin1StringView name : kMethodOrder) {
            if (methods.contains(name))
                allowed << QByteArray(name.data(), name.size());
        }
        match.allowedMethods = allowed.join(',');
        return true;
    }
    return false;
}

QString expandName(QLatin1StringView pattern, const ObjectMetadata &object)
{
    QString out = pattern;
    out.replace("{plural}"_L1, object.namePlural);
    out.replace("{singular}"_L1, object.nameSingular);
    out.replace("{Plural}"_L1, pascal(object.namePlural));
    out.replace("{Singular}"_L1, pascal(object.nameSingular));
    return out;
}

bool servedByCoreApi(const ObjectMetadata &object)
{
    return object.isActive && !object.isRemote;
}

} // namespace vingt::routes
