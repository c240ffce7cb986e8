#include "model/fieldtype.h"

#include <array>

namespace vingt {

namespace {
using namespace Qt::StringLiterals;

struct TypeName {
    FieldType type;
    QLatin1StringView name;
};

constexpr std::array kTypeNames{
    TypeName{FieldType::Uuid, "UUID"_L1},
    TypeName{FieldType::Text, "TEXT"_L1},
    TypeName{FieldType::Phones, "PHONES"_L1},
    TypeName{FieldType::Emails, "EMAILS"_L1},
    TypeName{FieldType::DateTime, "DATE_TIME"_L1},
    TypeName{FieldType::Date, "DATE"_L1},
    TypeName{FieldType::Boolean, "BOOLEAN"_L1},
    TypeName{FieldType::Number, "NUMBER"_L1},
    TypeName{FieldType::Numeric, "NUMERIC"_L1},
    TypeName{FieldType::Links, "LINKS"_L1},
    TypeName{FieldType::Currency, "CURRENCY"_L1},
    TypeName{FieldType::FullName, "FULL_NAME"_L1},
    TypeName{FieldType::Rating, "RATING"_L1},
    TypeName{FieldType::Select, "SELECT"_L1},
    TypeName{FieldType::MultiSelect, "MULTI_SELECT"_L1},
    TypeName{FieldType::Relation, "RELATION"_L1},
    TypeName{FieldType::MorphRelation, "MORPH_RELATION"_L1},
    TypeName{FieldType::Position, "POSITION"_L1},
    TypeName{FieldType::Address, "ADDRESS"_L1},
    TypeName{FieldType::RawJson, "RAW_JSON"_L1},
    TypeName{FieldType::RichText, "RICH_TEXT"_L1},
    TypeName{FieldType::RichTextV2, "RICH_TEXT_V2"_L1},
    TypeName{FieldType::Actor, "ACTOR"_L1},
    TypeName{FieldType::Array, "ARRAY"_L1},
    TypeName{FieldType::TsVector, "TS_VECTOR"_L1},
};

constexpr std::array kFullName{SubField{"firstName"_L1, ValueKind::Text, true},
                               SubField{"lastName"_L1, ValueKind::Text, true}};
constexpr std::array kCurrency{SubField{"amountMicros"_L1, ValueKind::Integer, false},
                               SubField{"currencyCode"_L1, ValueKind::Text, true}};
constexpr std::array kLinks{SubField{"primaryLinkUrl"_L1, ValueKind::Text, true},
                            SubField{"primaryLinkLabel"_L1, ValueKind::Text, true},
                            SubField{"secondaryLinks"_L1, ValueKind::Json, false}};
constexpr std::array kEmails{SubField{"primaryEmail"_L1, ValueKind::Text, true},
                             SubField{"additionalEmails"_L1, ValueKind::Json, false}};
constexpr std::array kPhones{SubField{"primaryPhoneNumber"_L1, ValueKind::Text, true},
                             SubField{"primaryPhoneCountryCode"_L1, ValueKind::Text, true},
                             SubField{"primaryPhoneCallingCode"_L1, ValueKind::Text, true},
                             SubField{"additionalPhones"_L1, ValueKind::Json, false}};
// Latitude and longitude are stored as REAL: an int64 NUMERIC would lose every decimal of a coordinate.
constexpr std::array kAddress{SubField{"addressStreet1"_L1, ValueKind::Text, true},
                              SubField{"addressStreet2"_L1, ValueKind::Text, true},
                              SubField{"addressCity"_L1, ValueKind::Text, true},
                              SubField{"addressState"_L1, ValueKind::Text, true},
                              SubField{"addressPostcode"_L1, ValueKind::Text, true},
                              SubField{"addressCountry"_L1, ValueKind::Text, true},
                              SubField{"addressLat"_L1, ValueKind::Float, false},
                              SubField{"addressLng"_L1, ValueKind::Float, false}};
constexpr std::array kActor{SubField{"source"_L1, ValueKind::Select, false},
                            SubField{"workspaceMemberId"_L1, ValueKind::Uuid, false},
                            SubField{"name"_L1, ValueKind::Text, true},
                            SubField{"context"_L1, ValueKind::Json, false}};
constexpr std::array kRichTextV2{SubField{"blocknote"_L1, ValueKind::Text, false},
                                 SubField{"markdown"_L1, ValueKind::Text, false}};

constexpr std::array kActorSources{"EMAIL"_L1, "CALENDAR"_L1, "WORKFLOW"_L1, "AGENT"_L1, "API"_L1,
                                   "IMPORT"_L1, "MANUAL"_L1, "SYSTEM"_L1, "WEBHOOK"_L1};
} // namespace

QLatin1StringView fieldTypeName(FieldType type)
{
    for (const auto &entry : kTypeNames) {
        if (entry.type == type)
            return entry.name;
    }
    return "TEXT"_L1;
}

std::optional<FieldType> fieldTypeFromName(QStringView name)
{
    for (const auto &entry : kTypeNames) {
        if (name == entry.name)
            return entry.type;
    }
    return std::nullopt;
}

std::span<const SubField> compositeSubFields(FieldType type)
{
    switch (type) {
    case FieldType::FullName: return kFullName;
    case FieldType::Currency: return kCurrency;
    case FieldType::Links: return kLinks;
    case FieldType::Emails: return kEmails;
    case FieldType::Phones: return kPhones;
    case FieldType::Address: return kAddress;
    case FieldType::Actor: return kActor;
    case FieldType::RichTextV2: return kRichTextV2;
    default: return {};
    }
}

bool isComposite(FieldType type)
{
    return !compositeSubFields(type).empty();
}

bool isRelation(FieldType type)
{
    return type == FieldType::Relation || type == FieldType::MorphRelation;
}

QString pascal(QStringView name)
{
    QString out = name.toString();
    if (!out.isEmpty())
        out[0] = out[0].toUpper();
    return out;
}

QString compositeColumnName(const QString &field, QLatin1StringView subField)
{
    return field + pascal(QString(subField));
}

std::span<const QLatin1StringView> actorSources()
{
    return kActorSources;
}

} // namespace vingt
