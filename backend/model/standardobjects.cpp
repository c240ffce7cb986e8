#include "model/standardobjects.h"

#include "core/clock.h"
#include "core/uuid.h"

#include <QJsonArray>

namespace vingt {

using namespace Qt::StringLiterals;

namespace {

FieldMetadata &addField(ObjectMetadata &object, const QString &name, const QString &label, FieldType type,
                        const QString &icon)
{
    FieldMetadata f;
    f.id = uuid::create();
    f.objectMetadataId = object.id;
    f.name = name;
    f.label = label;
    f.type = type;
    f.icon = icon;
    f.isCustom = object.isCustom;
    f.createdAt = object.createdAt;
    f.updatedAt = object.createdAt;
    if (type == FieldType::Text)
        f.defaultValue = u"''"_s;
    object.fields.push_back(std::move(f));
    return object.fields.back();
}

void setOptions(FieldMetadata &field, const QStringList &values, const QStringList &colors = {})
{
    static const QStringList kPalette{u"green"_s, u"turquoise"_s, u"sky"_s, u"blue"_s,
                                      u"purple"_s, u"pink"_s,      u"red"_s, u"orange"_s};
    for (int i = 0; i < values.size(); ++i) {
        QString label = values[i].toLower().replace(u'_', u' ');
        label[0] = label[0].toUpper();
        field.options.push_back({uuid::create(), values[i], label, double(i),
                                 colors.value(i, kPalette[i % kPalette.size()])});
    }
    field.defaultValue = u"'%1'"_s.arg(values.first());
}

ObjectMetadata makeObject(const QString &singular, const QString &plural, const QString &labelSingular,
                          const QString &labelPlural, const QString &icon, bool isSystem)
{
    ObjectMetadata o;
    o.id = uuid::create();
    o.nameSingular = singular;
    o.namePlural = plural;
    o.labelSingular = labelSingular;
    o.labelPlural = labelPlural;
    o.icon = icon;
    o.isSystem = isSystem;
    o.isSearchable = !isSystem;
    o.createdAt = clock::nowIso();
    o.updatedAt = o.createdAt;
    return o;
}

void setLabelIdentifier(ObjectMetadata &object, const QString &fieldName, const QString &imageFieldName = {})
{
    for (const auto &f : object.fields) {
        if (f.name == fieldName)
            object.labelIdentifierFieldMetadataId = f.id;
        if (!imageFieldName.isEmpty() && f.name == imageFieldName)
            object.imageIdentifierFieldMetadataId = f.id;
    }
}

} // namespace

void addSystemFields(ObjectMetadata &object, bool withPosition, bool withActors)
{
    auto &id = addField(object, u"id"_s, u"Id"_s, FieldType::Uuid, u"Icon123"_s);
    id.isSystem = true;
    id.isNullable = false;
    id.defaultValue = u"uuid"_s;
    auto &createdAt = addField(object, u"createdAt"_s, u"Creation date"_s, FieldType::DateTime, u"IconCalendar"_s);
    createdAt.isNullable = false;
    createdAt.defaultValue = u"now"_s;
    auto &updatedAt = addField(object, u"updatedAt"_s, u"Last update"_s, FieldType::DateTime, u"IconCalendarClock"_s);
    updatedAt.isNullable = false;
    updatedAt.defaultValue = u"now"_s;
    addField(object, u"deletedAt"_s, u"Deleted at"_s, FieldType::DateTime, u"IconCalendarMinus"_s);
    if (withPosition) {
        auto &position = addField(object, u"position"_s, u"Position"_s, FieldType::Position, u"IconHierarchy2"_s);
        position.isSystem = true;
    }
    if (withActors) {
        auto &createdBy = addField(object, u"createdBy"_s, u"Created by"_s, FieldType::Actor, u"IconCreativeCommonsSa"_s);
        createdBy.isNullable = false;
        createdBy.defaultValue = QJsonObject{{u"source"_s, u"'MANUAL'"_s}, {u"name"_s, u"'System'"_s}};
        auto &updatedBy = addField(object, u"updatedBy"_s, u"Updated by"_s, FieldType::Actor, u"IconUserCircle"_s);
        updatedBy.isNullable = false;
        updatedBy.defaultValue = createdBy.defaultValue;
    }
}

void addRelation(ObjectMetadata &source, const QString &fieldName, const QString &label, ObjectMetadata &target,
                 const QString &inverseName, const QString &inverseLabel, OnDelete onDelete, const QString &icon)
{
    FieldMetadata &many = addField(source, fieldName, label, FieldType::Relation,
                                   icon.isEmpty() ? target.icon : icon);
    many.relationType = RelationType::ManyToOne;
    many.relationTargetObjectMetadataId = target.id;
    many.onDelete = onDelete;
    many.settings = QJsonObject{{u"relationType"_s, u"MANY_TO_ONE"_s},
                                {u"onDelete"_s, QString(onDeleteName(onDelete))},
                                {u"joinColumnName"_s, fieldName + u"Id"_s}};
    const QString manyId = many.id;
    FieldMetadata &one = addField(target, inverseName, inverseLabel, FieldType::Relation, source.icon);
    one.relationType = RelationType::OneToMany;
    one.relationTargetObjectMetadataId = source.id;
    one.relationTargetFieldMetadataId = manyId;
    one.settings = QJsonObject{{u"relationType"_s, u"ONE_TO_MANY"_s}};
    const QString oneId = one.id;
    // `many` may have moved if source == target; look it up again.
    for (auto &f : source.fields) {
        if (f.id == manyId)
            f.relationTargetFieldMetadataId = oneId;
    }
}

std::vector<ObjectMetadata> standardObjects()
{
    auto company = makeObject(u"company"_s, u"companies"_s, u"Company"_s, u"Companies"_s,
                              u"IconBuildingSkyscraper"_s, false);
    auto person = makeObject(u"person"_s, u"people"_s, u"Person"_s, u"People"_s, u"IconUser"_s, false);
    auto opportunity = makeObject(u"opportunity"_s, u"opportunities"_s, u"Opportunity"_s, u"Opportunities"_s,
                                  u"IconTargetArrow"_s, false);
    auto note = makeObject(u"note"_s, u"notes"_s, u"Note"_s, u"Notes"_s, u"IconNotes"_s, false);
    auto noteTarget = makeObject(u"noteTarget"_s, u"noteTargets"_s, u"Note Target"_s, u"Note Targets"_s,
                                 u"IconCheckbox"_s, true);
    auto task = makeObject(u"task"_s, u"tasks"_s, u"Task"_s, u"Tasks"_s, u"IconCheckbox"_s, false);
    auto taskTarget = makeObject(u"taskTarget"_s, u"taskTargets"_s, u"Task Target"_s, u"Task Targets"_s,
                                 u"IconCheckbox"_s, true);
    auto member = makeObject(u"workspaceMember"_s, u"workspaceMembers"_s, u"Workspace Member"_s,
                             u"Workspace Members"_s, u"IconUserCircle"_s, true);
    auto attachment = makeObject(u"attachment"_s, u"attachments"_s, u"Attachment"_s, u"Attachments"_s,
                                 u"IconFileImport"_s, false);

    // company
    addSystemFields(company, false, false);
    addField(company, u"name"_s, u"Name"_s, FieldType::Text, u"IconBuildingSkyscraper"_s);
    addField(company, u"domainName"_s, u"Domain Name"_s, FieldType::Links, u"IconLink"_s).isUnique = true;
    addField(company, u"employees"_s, u"Employees"_s, FieldType::Number, u"IconUsers"_s).settings =
        QJsonObject{{u"dataType"_s, u"int"_s}, {u"decimals"_s, 0}, {u"type"_s, u"number"_s}};
    addField(company, u"linkedinLink"_s, u"Linkedin"_s, FieldType::Links, u"IconBrandLinkedin"_s);
    addField(company, u"xLink"_s, u"X"_s, FieldType::Links, u"IconBrandX"_s);
    addField(company, u"annualRecurringRevenue"_s, u"ARR"_s, FieldType::Currency, u"IconMoneybag"_s);
    addField(company, u"address"_s, u"Address"_s, FieldType::Address, u"IconMap"_s);
    addField(company, u"idealCustomerProfile"_s, u"ICP"_s, FieldType::Boolean, u"IconTarget"_s).defaultValue = false;
    {
        auto &position = addField(company, u"position"_s, u"Position"_s, FieldType::Position, u"IconHierarchy2"_s);
        position.isSystem = true;
    }

    // person
    addSystemFields(person, false, false);
    addField(person, u"name"_s, u"Name"_s, FieldType::FullName, u"IconUser"_s);
    addField(person, u"emails"_s, u"Emails"_s, FieldType::Emails, u"IconMail"_s).isUnique = true;
    addField(person, u"linkedinLink"_s, u"Linkedin"_s, FieldType::Links, u"IconBrandLinkedin"_s);
    addField(person, u"xLink"_s, u"X"_s, FieldType::Links, u"IconBrandX"_s);
    addField(person, u"jobTitle"_s, u"Job Title"_s, FieldType::Text, u"IconBriefcase"_s);
    addField(person, u"phones"_s, u"Phones"_s, FieldType::Phones, u"IconPhone"_s);
    addField(person, u"city"_s, u"City"_s, FieldType::Text, u"IconMap"_s);
    addField(person, u"avatarUrl"_s, u"Avatar"_s, FieldType::Text, u"IconFileUpload"_s).isSystem = true;
    {
        auto &position = addField(person, u"position"_s, u"Position"_s, FieldType::Position, u"IconHierarchy2"_s);
        position.isSystem = true;
    }

    // opportunity
    addSystemFields(opportunity, false, false);
    addField(opportunity, u"name"_s, u"Name"_s, FieldType::Text, u"IconTargetArrow"_s);
    addField(opportunity, u"amount"_s, u"Amount"_s, FieldType::Currency, u"IconCurrencyDollar"_s);
    addField(opportunity, u"closeDate"_s, u"Close date"_s, FieldType::DateTime, u"IconCalendarEvent"_s);
    setOptions(addField(opportunity, u"stage"_s, u"Stage"_s, FieldType::Select, u"IconProgressCheck"_s),
               {u"NEW"_s, u"SCREENING"_s, u"MEETING"_s, u"PROPOSAL"_s, u"CUSTOMER"_s},
               {u"red"_s, u"purple"_s, u"sky"_s, u"turquoise"_s, u"yellow"_s});
    {
        auto &position = addField(opportunity, u"position"_s, u"Position"_s, FieldType::Position, u"IconHierarchy2"_s);
        position.isSystem = true;
    }

    // note, task
    addSystemFields(note, true, false);
    addField(note, u"title"_s, u"Title"_s, FieldType::Text, u"IconNotes"_s);
    addField(note, u"bodyV2"_s, u"Body"_s, FieldType::RichTextV2, u"IconFilePencil"_s);
    addSystemFields(task, true, false);
    addField(task, u"title"_s, u"Title"_s, FieldType::Text, u"IconNotes"_s);
    addField(task, u"bodyV2"_s, u"Body"_s, FieldType::RichTextV2, u"IconFilePencil"_s);
    addField(task, u"dueAt"_s, u"Due Date"_s, FieldType::DateTime, u"IconCalendarEvent"_s);
    setOptions(addField(task, u"status"_s, u"Status"_s, FieldType::Select, u"IconProgressCheck"_s),
               {u"TODO"_s, u"IN_PROGRESS"_s, u"DONE"_s}, {u"sky"_s, u"purple"_s, u"green"_s});

    // note and task targets: no position, no actors
    addSystemFields(noteTarget, false, false);
    addSystemFields(taskTarget, false, false);

    // workspace member
    addSystemFields(member, true, false);
    addField(member, u"name"_s, u"Name"_s, FieldType::FullName, u"IconCircleUser"_s);
    {
        auto &email = addField(member, u"userEmail"_s, u"User Email"_s, FieldType::Text, u"IconMail"_s);
        email.isUnique = true;
    }
    addField(member, u"userId"_s, u"User Id"_s, FieldType::Uuid, u"IconCircleUsers"_s);
    addField(member, u"avatarUrl"_s, u"Avatar Url"_s, FieldType::Text, u"IconFileUpload"_s);
    addField(member, u"colorScheme"_s, u"Color Scheme"_s, FieldType::Text, u"IconColorSwatch"_s).defaultValue =
        u"'System'"_s;
    addField(member, u"locale"_s, u"Language"_s, FieldType::Text, u"IconLanguage"_s).defaultValue = u"'en'"_s;
    addField(member, u"timeZone"_s, u"Time zone"_s, FieldType::Text, u"IconTimezone"_s).defaultValue = u"'system'"_s;
    setOptions(addField(member, u"dateFormat"_s, u"Date format"_s, FieldType::Select, u"IconCalendarEvent"_s),
               {u"SYSTEM"_s, u"MONTH_FIRST"_s, u"DAY_FIRST"_s, u"YEAR_FIRST"_s});
    setOptions(addField(member, u"timeFormat"_s, u"Time format"_s, FieldType::Select, u"IconClock2"_s),
               {u"SYSTEM"_s, u"HOUR_24"_s, u"HOUR_12"_s});
    setOptions(addField(member, u"numberFormat"_s, u"Number format"_s, FieldType::Select, u"IconNumbers"_s),
               {u"SYSTEM"_s, u"COMMAS_AND_DOT"_s, u"SPACES_AND_COMMA"_s, u"DOTS_AND_COMMA"_s, u"APOSTROPHE_AND_DOT"_s});
    addField(member, u"calendarStartDay"_s, u"Start of the week"_s, FieldType::Number, u"IconCalendarDue"_s)
        .defaultValue = 7;

    // attachment
    addSystemFields(attachment, true, false);
    addField(attachment, u"name"_s, u"Name"_s, FieldType::Text, u"IconFileUpload"_s);
    addField(attachment, u"fullPath"_s, u"Full path"_s, FieldType::Text, u"IconLink"_s);
    addField(attachment, u"type"_s, u"Type"_s, FieldType::Text, u"IconList"_s);

    // createdBy / updatedBy on the business objects
    for (ObjectMetadata *o : {&company, &person, &opportunity, &note, &task, &attachment}) {
        ObjectMetadata scratch = makeObject(o->nameSingular, o->namePlural, {}, {}, {}, false);
        scratch.id = o->id;
        addSystemFields(scratch, false, true);
        for (std::size_t i = 4; i < scratch.fields.size(); ++i)
            o->fields.push_back(scratch.fields[i]);
    }
    {
        auto &sv = addField(company, u"searchVector"_s, u"Search vector"_s, FieldType::TsVector, u"IconUser"_s);
        sv.isSystem = true;
        auto &pv = addField(person, u"searchVector"_s, u"Search vector"_s, FieldType::TsVector, u"IconUser"_s);
        pv.isSystem = true;
    }

    // Relations (API-CONTRACT §4, onDelete §1.9).
    addRelation(person, u"company"_s, u"Company"_s, company, u"people"_s, u"People"_s, OnDelete::SetNull);
    addRelation(company, u"accountOwner"_s, u"Account Owner"_s, member, u"accountOwnerForCompanies"_s,
                u"Account Owner For Companies"_s, OnDelete::SetNull, u"IconUserCircle"_s);
    addRelation(opportunity, u"pointOfContact"_s, u"Point of Contact"_s, person, u"pointOfContactForOpportunities"_s,
                u"Linked Opportunities"_s, OnDelete::SetNull);
    addRelation(opportunity, u"company"_s, u"Company"_s, company, u"opportunities"_s, u"Opportunities"_s,
                OnDelete::SetNull);
    addRelation(task, u"assignee"_s, u"Assignee"_s, member, u"assignedTasks"_s, u"Assigned tasks"_s,
                OnDelete::SetNull);
    addRelation(attachment, u"author"_s, u"Author"_s, member, u"authoredAttachments"_s, u"Authored attachments"_s,
                OnDelete::SetNull);
    addRelation(noteTarget, u"note"_s, u"Note"_s, note, u"noteTargets"_s, u"Relations"_s, OnDelete::Cascade);
    addRelation(taskTarget, u"task"_s, u"Task"_s, task, u"taskTargets"_s, u"Relations"_s, OnDelete::Cascade);
    addRelation(attachment, u"task"_s, u"Task"_s, task, u"attachments"_s, u"Attachments"_s, OnDelete::Cascade);
    addRelation(attachment, u"note"_s, u"Note"_s, note, u"attachments"_s, u"Attachments"_s, OnDelete::Cascade);
    for (ObjectMetadata *parent : {&person, &company, &opportunity}) {
        addRelation(noteTarget, parent->nameSingular, parent->labelSingular, *parent, u"noteTargets"_s, u"Notes"_s,
                    OnDelete::Cascade);
        addRelation(taskTarget, parent->nameSingular, parent->labelSingular, *parent, u"taskTargets"_s, u"Tasks"_s,
                    OnDelete::Cascade);
        addRelation(attachment, parent->nameSingular, parent->labelSingular, *parent, u"attachments"_s,
                    u"Attachments"_s, OnDelete::Cascade);
    }

    setLabelIdentifier(company, u"name"_s);
    setLabelIdentifier(person, u"name"_s, u"avatarUrl"_s);
    setLabelIdentifier(opportunity, u"name"_s);
    setLabelIdentifier(note, u"title"_s);
    setLabelIdentifier(task, u"title"_s);
    setLabelIdentifier(member, u"name"_s, u"avatarUrl"_s);
    setLabelIdentifier(attachment, u"name"_s);
    person.duplicateCriteria = {{u"nameFirstName"_s, u"nameLastName"_s}, {u"linkedinLinkPrimaryLinkUrl"_s},
                                {u"emailsPrimaryEmail"_s}};
    company.duplicateCriteria = {{u"name"_s}, {u"domainNamePrimaryLinkUrl"_s}};

    return {std::move(company), std::move(person), std::move(opportunity), std::move(note), std::move(noteTarget),
            std::move(task), std::move(taskTarget), std::move(member), std::move(attachment)};
}

} // namespace vingt
