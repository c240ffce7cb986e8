// The Core REST route table (API-CONTRACT §1.1, §1.2): which row a method and path match, and the Allow list.
#include "routes/coreroutetable.h"

#include <QTest>

using namespace vingt;
using namespace vingt::routes;
using namespace Qt::StringLiterals;

class TstCoreRouteTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void match_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("matches");
        QTest::addColumn<QString>("operationId"); ///< of the matched row; "-" when the method is not allowed
        QTest::addColumn<QString>("object");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QByteArray>("allowed");
        const QString id = u"20202020-0000-4000-8000-000000000001"_s;
        QTest::newRow("find many") << QByteArray("GET") << u"people"_s << true << u"findMany{Plural}"_s << u"people"_s
                                   << QString() << QByteArray("GET,POST,PATCH,PUT,DELETE");
        QTest::newRow("HEAD is GET") << QByteArray("HEAD") << u"people"_s << true << u"findMany{Plural}"_s
                                     << u"people"_s << QString() << QByteArray("GET,POST,PATCH,PUT,DELETE");
        QTest::newRow("PUT alias") << QByteArray("PUT") << u"people/"_s + id << true << QString() << u"people"_s << id
                                   << QByteArray("GET,PATCH,PUT,DELETE");
        QTest::newRow("batch GET") << QByteArray("GET") << u"batch/people"_s << true << u"-"_s << u"people"_s
                                   << QString() << QByteArray("POST");
        QTest::newRow("duplicates before id")
            << QByteArray("POST") << u"people/duplicates"_s << true << u"find{Singular}Duplicates"_s << u"people"_s
            << QString() << QByteArray("POST");
        QTest::newRow("restore prefix on PATCH") << QByteArray("PATCH") << u"restore/people"_s << true << QString()
                                                 << u"people"_s << QString() << QByteArray("PATCH");
        QTest::newRow("restore prefix is an id on GET")
            << QByteArray("GET") << u"restore/people"_s << true << u"findOne{Singular}"_s << u"restore"_s << u"people"_s
            << QByteArray("GET,PATCH,PUT,DELETE");
        QTest::newRow("restore one") << QByteArray("PATCH") << u"people/"_s + id + u"/restore"_s << true
                                     << u"restoreOne{Singular}"_s << u"people"_s << id << QByteArray("PATCH");
        QTest::newRow("restore one older form") << QByteArray("PATCH") << u"restore/people/"_s + id << true << QString()
                                                << u"people"_s << id << QByteArray("PATCH");
        QTest::newRow("restore one GET") << QByteArray("GET") << u"people/"_s + id + u"/restore"_s << true << u"-"_s
                                         << u"people"_s << id << QByteArray("PATCH");
        QTest::newRow("older form GET") << QByteArray("GET") << u"restore/people/"_s + id << false << QString()
                                        << QString() << QString() << QByteArray();
        QTest::newRow("no segments") << QByteArray("GET") << QString() << false << QString() << QString() << QString()
                                     << QByteArray();
        QTest::newRow("too deep") << QByteArray("GET") << u"people/a/b/c"_s << false << QString() << QString()
                                  << QString() << QByteArray();
    }
    void match()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(bool, matches);
        QFETCH(QString, operationId);
        QFETCH(QString, object);
        QFETCH(QString, id);
        QFETCH(QByteArray, allowed);
        CoreRouteMatch match;
        QCOMPARE(matchCoreRoute(method, path.split(u'/', Qt::SkipEmptyParts), match), matches);
        if (!matches)
            return;
        QCOMPARE(match.allowedMethods, allowed);
        QCOMPARE(match.object, object);
        QCOMPARE(match.id, id);
        if (operationId == "-"_L1) {
            QVERIFY(!match.route);
        } else {
            QVERIFY(match.route);
            QCOMPARE(QString(match.route->operationId), operationId);
        }
    }

    /// Every documented operation is unique per path and method, and every served (path, method) has one row.
    void documentedRowsAreUnique()
    {
        QSet<QString> seen;
        for (const CoreRoute &route : coreRoutes()) {
            const QString key = route.method + u' ' + route.path;
            QVERIFY2(!seen.contains(key), qPrintable(key));
            seen << key;
            if (!route.operationId.isEmpty())
                QVERIFY(!route.summary.isEmpty());
        }
    }
};

QTEST_APPLESS_MAIN(TstCoreRouteTable)
#include "tst_coreroutetable.moc"
