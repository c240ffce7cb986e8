#include "generator.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

namespace vingt::seed {

namespace {

// splitmix64: a tiny, well-mixed, stateless hash; (seed, stream, index) -> 64 random bits.
constexpr quint64 splitmix(quint64 x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

/// A small deterministic generator for the values of one record.
class Rng
{
public:
    Rng(quint64 seed, quint64 stream, quint64 index)
        : m_state(splitmix(splitmix(seed ^ (stream * 0x632be59bd9b4e019ULL)) ^ index))
    {}
    quint64 next()
    {
        m_state = splitmix(m_state);
        return m_state;
    }
    /// Uniform in [0, 1).
    double unit() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    /// Uniform in [0, n).
    quint64 below(quint64 n) { return next() % n; }
    template<typename T, std::size_t N>
    const T &pick(const std::array<T, N> &items)
    {
        return items[below(N)];
    }

private:
    quint64 m_state;
};

enum Stream : quint64 {
    CompanyIdStream = 1,
    CompanyStream = 2,
    PersonIdStream = 3,
    PersonStream = 4,
    NameStream = 5,
    OpportunityStream = 6
};

struct City {
    std::string_view city, state, country, countryCode, callingCode, currency, postcodePrefix;
    double lat, lng;
};

// Real cities (approximate centres), with the phone prefix and currency of their country.
constexpr std::array kCities{
    City{"San Francisco", "CA", "United States", "US", "+1", "USD", "941", 37.7749, -122.4194},
    City{"New York", "NY", "United States", "US", "+1", "USD", "100", 40.7128, -74.0060},
    City{"Austin", "TX", "United States", "US", "+1", "USD", "787", 30.2672, -97.7431},
    City{"Chicago", "IL", "United States", "US", "+1", "USD", "606", 41.8781, -87.6298},
    City{"Seattle", "WA", "United States", "US", "+1", "USD", "981", 47.6062, -122.3321},
    City{"Boston", "MA", "United States", "US", "+1", "USD", "021", 42.3601, -71.0589},
    City{"Toronto", "ON", "Canada", "CA", "+1", "CAD", "M5V", 43.6532, -79.3832},
    City{"Montréal", "QC", "Canada", "CA", "+1", "CAD", "H2X", 45.5019, -73.5674},
    City{"London", "England", "United Kingdom", "GB", "+44", "GBP", "EC1", 51.5072, -0.1276},
    City{"Manchester", "England", "United Kingdom", "GB", "+44", "GBP", "M1", 53.4808, -2.2426},
    City{"Paris", "Île-de-France", "France", "FR", "+33", "EUR", "750", 48.8566, 2.3522},
    City{"Lyon", "Auvergne-Rhône-Alpes", "France", "FR", "+33", "EUR", "690", 45.7640, 4.8357},
    City{"Berlin", "Berlin", "Germany", "DE", "+49", "EUR", "101", 52.5200, 13.4050},
    City{"München", "Bayern", "Germany", "DE", "+49", "EUR", "803", 48.1351, 11.5820},
    City{"Amsterdam", "Noord-Holland", "Netherlands", "NL", "+31", "EUR", "101", 52.3676, 4.9041},
    City{"Madrid", "Madrid", "Spain", "ES", "+34", "EUR", "280", 40.4168, -3.7038},
    City{"Barcelona", "Catalunya", "Spain", "ES", "+34", "EUR", "080", 41.3874, 2.1686},
    City{"Milano", "Lombardia", "Italy", "IT", "+39", "EUR", "201", 45.4642, 9.1900},
    City{"Zürich", "Zürich", "Switzerland", "CH", "+41", "CHF", "80", 47.3769, 8.5417},
    City{"Stockholm", "Stockholm", "Sweden", "SE", "+46", "SEK", "111", 59.3293, 18.0686},
    City{"Tokyo", "Tokyo", "Japan", "JP", "+81", "JPY", "100", 35.6762, 139.6503},
    City{"Singapore", "", "Singapore", "SG", "+65", "SGD", "01", 1.3521, 103.8198},
    City{"Sydney", "NSW", "Australia", "AU", "+61", "AUD", "20", -33.8688, 151.2093},
    City{"São Paulo", "SP", "Brazil", "BR", "+55", "BRL", "010", -23.5558, -46.6396},
    City{"Bengaluru", "Karnataka", "India", "IN", "+91", "INR", "560", 12.9716, 77.5946},
};

constexpr std::array<std::string_view, 40> kBrands{
    "acme",     "nimbus", "vertex",   "quantum", "helix",  "orbit",   "lumen",   "cobalt", "nova",   "zenith",
    "apex",     "solace", "kestrel",  "tundra",  "ember",  "argon",   "pioneer", "harbor", "summit", "cascade",
    "meridian", "beacon", "sterling", "atlas",   "falcon", "granite", "willow",  "aurora", "cedar",  "polaris",
    "vector",   "matrix", "silica",   "fjord",   "sable",  "onyx",    "tidal",   "ridge",  "prism",  "lattice"};
constexpr std::array<std::string_view, 20> kSectors{"labs",     "systems", "logistics", "analytics", "health",
                                                    "energy",   "foods",   "robotics",  "capital",   "media",
                                                    "software", "bio",     "networks",  "mobility",  "security",
                                                    "studios",  "retail",  "cloud",     "devices",   "partners"};
constexpr std::array<std::string_view, 16> kStreets{"Main Street",  "Market Street", "Rue de Rivoli", "King Street",
                                                    "Hauptstraße",  "Calle Mayor",   "Via Roma",      "Oak Avenue",
                                                    "Harbour Road", "Station Road",  "Park Lane",     "Mill Lane",
                                                    "High Street",  "Elm Street",    "Bahnhofstraße", "Queen Street"};
constexpr std::array<std::string_view, 48> kFirstNames{
    "Ana",   "Ben",   "Chloé",  "David", "Emma",  "Farid",  "Grace",  "Hiro",  "Inès",  "Jonas", "Kate",   "Liam",
    "Maya",  "Noah",  "Olivia", "Pablo", "Quinn", "Rosa",   "Sam",    "Tara",  "Umar",  "Vera",  "Will",   "Xin",
    "Yara",  "Zoé",   "Aiko",   "Bruno", "Carla", "Dmitri", "Elena",  "Finn",  "Greta", "Hugo",  "Isla",   "Jamal",
    "Kenji", "Lucía", "Mateo",  "Nadia", "Oscar", "Priya",  "Rafael", "Sofia", "Théo",  "Uma",   "Viktor", "Wen"};
constexpr std::array<std::string_view, 40> kLastNames{
    "Silva",   "Smith",  "Müller",  "Dubois",  "García",  "Rossi",   "Tanaka", "Nguyen", "Kowalski", "Johansson",
    "O'Brien", "Kim",    "Patel",   "Martin",  "Schmidt", "Lefèvre", "Costa",  "Novak",  "Jensen",   "Yamamoto",
    "Brown",   "Wilson", "Moreau",  "Fischer", "López",   "Bianchi", "Sato",   "Chen",   "Singh",    "Andersen",
    "Taylor",  "Weber",  "Laurent", "Romero",  "Ricci",   "Suzuki",  "Wang",   "Khan",   "Larsen",   "Dupont"};
constexpr std::array<std::string_view, 16> kJobTitles{"CEO",
                                                      "CTO",
                                                      "VP Sales",
                                                      "Head of Marketing",
                                                      "Account Executive",
                                                      "Software Engineer",
                                                      "Product Manager",
                                                      "Designer",
                                                      "Data Scientist",
                                                      "Office Manager",
                                                      "CFO",
                                                      "Customer Success Manager",
                                                      "Sales Engineer",
                                                      "Recruiter",
                                                      "COO",
                                                      "Operations Lead"};

void append(QByteArray &out, std::string_view text)
{
    out.append(text.data(), qsizetype(text.size()));
}

/// Appends a JSON string literal. The tables above hold only text that needs escaping for `"` and `\`
/// (none today, but O'Brien-style names are common and cheap to guard).
void appendString(QByteArray &out, std::string_view text)
{
    out += '"';
    for (const char c : text) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    out += '"';
}

void appendString(QByteArray &out, const QByteArray &text)
{
    appendString(out, std::string_view(text.constData(), std::size_t(text.size())));
}

QByteArray lower(std::string_view text)
{
    QByteArray out(text.data(), qsizetype(text.size()));
    return out.toLower();
}

QByteArray uuidFrom(Rng rng)
{
    static constexpr char kHex[] = "0123456789abcdef";
    std::array<unsigned char, 16> bytes{};
    const quint64 a = rng.next();
    const quint64 b = rng.next();
    for (int i = 0; i < 8; ++i) {
        bytes[std::size_t(i)] = static_cast<unsigned char>(a >> (8 * i));
        bytes[std::size_t(i + 8)] = static_cast<unsigned char>(b >> (8 * i));
    }
    bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0f) | 0x40); // version 4
    bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3f) | 0x80); // RFC 4122 variant
    QByteArray out;
    out.reserve(36);
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out += '-';
        out += kHex[bytes[i] >> 4];
        out += kHex[bytes[i] & 0x0f];
    }
    return out;
}

QByteArray digits(quint64 value, int width)
{
    return QByteArray::number(value).rightJustified(width, '0');
}

/// "nimbus-logistics-0123456": unique per company (the number is), so domains and emails are unique.
QByteArray companySlug(quint64 seed, quint64 index)
{
    Rng rng(seed, NameStream, index);
    QByteArray slug;
    append(slug, rng.pick(kBrands));
    slug += '-';
    append(slug, rng.pick(kSectors));
    slug += '-';
    slug += digits(companyNumber(seed, index), 7);
    return slug;
}

} // namespace

quint64 companyNumber(quint64 seed, quint64 index)
{
    // index -> (index * A + B) mod 10^7 is a bijection because gcd(A, 10^7) = 1. A = round(10^7 / phi) makes
    // consecutive indexes a Weyl sequence: any run of indexes spreads evenly over the leading digits.
    constexpr quint64 kMultiplier = 6'180'339;
    const quint64 shift = splitmix(seed) % kNameSpace;
    return ((index % kNameSpace) * kMultiplier + shift) % kNameSpace;
}

QByteArray companyName(quint64 seed, quint64 index)
{
    return "Company " + digits(companyNumber(seed, index), 7);
}

QByteArray companyId(quint64 seed, quint64 index)
{
    return uuidFrom(Rng(seed, CompanyIdStream, index));
}

QByteArray personId(quint64 seed, quint64 personIndex)
{
    return uuidFrom(Rng(seed, PersonIdStream, personIndex));
}

void appendCompany(QByteArray &out, quint64 seed, quint64 index)
{
    Rng rng(seed, CompanyStream, index);
    const QByteArray slug = companySlug(seed, index);
    const City &city = rng.pick(kCities);
    // Employees: log-uniform over 1..100,000 (many small companies, a few large ones).
    const qint64 employees = std::clamp<qint64>(std::llround(std::pow(10.0, rng.unit() * 5.0)), 1, 100'000);
    // ARR: 20k..200k per employee, rounded to thousands, capped so micros stay exact in a double.
    const qint64 perEmployee = 20'000 + qint64(rng.below(180'001));
    const qint64 arr = qMin<qint64>((employees * perEmployee / 1000) * 1000, 9'000'000'000LL);
    const bool icp = rng.below(5) == 0;
    const double lat = city.lat + (rng.unit() - 0.5) * 0.2;
    const double lng = city.lng + (rng.unit() - 0.5) * 0.2;

    out += "{\"id\":";
    appendString(out, companyId(seed, index));
    out += ",\"name\":";
    appendString(out, companyName(seed, index));
    out += ",\"domainName\":{\"primaryLinkUrl\":\"https://";
    out += slug;
    out += ".com\",\"primaryLinkLabel\":\"\",\"secondaryLinks\":[]}";
    out += ",\"linkedinLink\":{\"primaryLinkUrl\":\"https://www.linkedin.com/company/";
    out += slug;
    out += "\",\"primaryLinkLabel\":\"\",\"secondaryLinks\":[]}";
    out += ",\"employees\":";
    out += QByteArray::number(employees);
    out += ",\"address\":{\"addressStreet1\":";
    QByteArray street = QByteArray::number(1 + rng.below(250)) + ' ';
    append(street, rng.pick(kStreets));
    appendString(out, street);
    out += ",\"addressStreet2\":";
    appendString(out, rng.below(4) == 0 ? "Suite " + QByteArray::number(100 + rng.below(900)) : QByteArray());
    out += ",\"addressCity\":";
    appendString(out, city.city);
    out += ",\"addressState\":";
    appendString(out, city.state);
    out += ",\"addressPostcode\":";
    QByteArray postcode;
    append(postcode, city.postcodePrefix);
    postcode += digits(rng.below(100), 2);
    appendString(out, postcode);
    out += ",\"addressCountry\":";
    appendString(out, city.country);
    out += ",\"addressLat\":";
    out += QByteArray::number(lat, 'f', 6);
    out += ",\"addressLng\":";
    out += QByteArray::number(lng, 'f', 6);
    out += "},\"annualRecurringRevenue\":{\"amountMicros\":";
    out += QByteArray::number(arr * 1'000'000);
    out += ",\"currencyCode\":";
    appendString(out, city.currency);
    out += "},\"idealCustomerProfile\":";
    out += icp ? "true" : "false";
    out += '}';
}

void appendPerson(QByteArray &out, quint64 seed, quint64 companyIndex, quint64 personIndex)
{
    Rng rng(seed, PersonStream, personIndex);
    const std::string_view first = rng.pick(kFirstNames);
    const std::string_view last = rng.pick(kLastNames);
    const City &city = rng.pick(kCities);
    QByteArray local = lower(first) + '.' + lower(last);
    local.replace('\'', QByteArray()); // o'brien -> obrien
    // The person index makes the address unique; the company's domain makes it look real.
    const QByteArray email = local + '.' + QByteArray::number(personIndex) + '@' + companySlug(seed, companyIndex)
                             + ".com";

    out += "{\"id\":";
    appendString(out, personId(seed, personIndex));
    out += ",\"name\":{\"firstName\":";
    appendString(out, first);
    out += ",\"lastName\":";
    appendString(out, last);
    out += "},\"emails\":{\"primaryEmail\":";
    appendString(out, email);
    out += ",\"additionalEmails\":[]},\"phones\":{\"primaryPhoneNumber\":";
    appendString(out, digits(rng.below(1'000'000'000), 9));
    out += ",\"primaryPhoneCountryCode\":";
    appendString(out, city.countryCode);
    out += ",\"primaryPhoneCallingCode\":";
    appendString(out, city.callingCode);
    out += ",\"additionalPhones\":[]},\"jobTitle\":";
    appendString(out, rng.pick(kJobTitles));
    out += ",\"city\":";
    appendString(out, city.city);
    out += ",\"companyId\":";
    appendString(out, companyId(seed, companyIndex));
    out += '}';
}

void appendOpportunity(QByteArray &out, quint64 seed, quint64 index)
{
    static constexpr std::array<std::string_view, 5> kStages{"NEW", "SCREENING", "MEETING", "PROPOSAL", "CUSTOMER"};
    Rng rng(seed, OpportunityStream, index);
    out += "{\"name\":";
    appendString(out, "Deal " + QByteArray::number(index));
    out += ",\"stage\":";
    appendString(out, rng.pick(kStages));
    // Amounts: 1,000 .. 1,000,000 whole units, in micros.
    out += ",\"amount\":{\"amountMicros\":";
    out += QByteArray::number((1000 + rng.below(999'001)) * 1'000'000ULL);
    out += ",\"currencyCode\":\"USD\"},\"closeDate\":";
    appendString(out, "2025-" + digits(1 + rng.below(12), 2) + '-' + digits(1 + rng.below(28), 2) + "T12:00:00.000Z");
    out += '}';
}

} // namespace vingt::seed
