import LienthongSchema

/// An enterprise as NGSP returns it: upper-case field names, the `HOAdress` spelling, the
/// founding date as a .NET date-time, the status in words and `IS_MAIN` as 1 or 0.
enum NGSPEnterpriseRecord {
    static func json(_ enterprise: Enterprise) -> JSONValue {
        let fullAddress = "\(enterprise.streetNumber), \(enterprise.wardName), \(enterprise.cityName), Việt Nam"
        return [
            "ENTERPRISE_GDT_CODE": .string(enterprise.code),
            "NAME": .string(enterprise.name),
            "SHORT_NAME": .string(enterprise.shortName),
            "FOUNDING_DATE": .string(enterprise.foundingDate + "T00:00:00"),
            "ENTERPRISE_STATUS": .string(enterprise.status),
            "LEGAL_NAMES": .array(enterprise.legalRepresentatives.map { .string($0) }),
            "HOAdress": [
                "StreetNumber": .string(enterprise.streetNumber), "WardName": .string(enterprise.wardName),
                "CityName": .string(enterprise.cityName), "CountryName": "Việt Nam", "AddressFullText": .string(fullAddress),
            ],
            "BusinessActivity": .array(enterprise.activities.map { activity in
                ["CODE": .string(activity.code), "NAME": .string(activity.name), "IS_MAIN": .number(JSONNumber(activity.isMain ? 1 : 0))]
            }),
        ]
    }
}
