/// The Bidi rule of RFC 5893 §2, which keeps labels with right-to-left characters displayable
/// without ambiguity. It applies to every label of a domain name once one label is right-to-left.
struct IDNABidiRule: Sendable {
    /// Whether the label holds a right-to-left character (R, AL or AN), making the whole domain
    /// name a "Bidi domain name".
    let isRightToLeft: Bool
    /// Whether the label satisfies the rule's six conditions.
    let isSatisfied: Bool

    /// Evaluates a label given as Unicode scalars, in one pass over their classes.
    init(_ label: [Unicode.Scalar]) {
        var first: BidiClass?
        var lastNotMark: BidiClass?  // conditions 3 and 6 look past trailing nonspacing marks
        var hasRightToLeft = false
        var hasEuropeanNumber = false
        var hasArabicNumber = false
        var fitsRightToLeft = true  // condition 2
        var fitsLeftToRight = true  // condition 5
        for scalar in label {
            let bidiClass = BidiClass(scalar)
            if first == nil { first = bidiClass }
            if bidiClass != .nonspacingMark { lastNotMark = bidiClass }
            switch bidiClass {
            case .rightToLeft, .arabicLetter:
                hasRightToLeft = true
                fitsLeftToRight = false
            case .arabicNumber:
                hasRightToLeft = true
                hasArabicNumber = true
                fitsLeftToRight = false
            case .europeanNumber:
                hasEuropeanNumber = true
            case .leftToRight:
                fitsRightToLeft = false
            case .europeanSeparator, .europeanTerminator, .commonSeparator, .otherNeutral,
                .boundaryNeutral, .nonspacingMark:
                break
            case .other:
                fitsRightToLeft = false
                fitsLeftToRight = false
            }
        }
        isRightToLeft = hasRightToLeft
        switch first {  // condition 1 picks the direction
        case .rightToLeft, .arabicLetter:
            let endsWell: Bool
            switch lastNotMark {
            case .rightToLeft, .arabicLetter, .europeanNumber, .arabicNumber: endsWell = true
            default: endsWell = false
            }
            isSatisfied = fitsRightToLeft && endsWell && !(hasEuropeanNumber && hasArabicNumber)
        case .leftToRight:
            isSatisfied = fitsLeftToRight && (lastNotMark == .leftToRight || lastNotMark == .europeanNumber)
        default:
            isSatisfied = false
        }
    }

    /// Evaluates an all-ASCII letter-digit-hyphen label: letters are L, digits EN, hyphens ES.
    init(ldhLabel: UTF8Bytes) {
        isRightToLeft = false
        // Only condition 1 can fail: the label must start with L (a letter); an LDH label never
        // ends in a hyphen, so it ends with L or EN as condition 6 asks.
        isSatisfied = ldhLabel.byte(at: 0)?.isASCIILetter == true
    }
}

/// Collects the Bidi rule outcome of each label of a domain name.
struct IDNABidiDomainCheck: Sendable {
    private var hasRightToLeftLabel = false
    private var allLabelsSatisfyRule = true

    mutating func add(_ label: IDNABidiRule) {
        hasRightToLeftLabel = hasRightToLeftLabel || label.isRightToLeft
        allLabelsSatisfyRule = allLabelsSatisfyRule && label.isSatisfied
    }

    /// True unless the domain is a Bidi domain name with a label breaking the rule.
    var isSatisfied: Bool { !hasRightToLeftLabel || allLabelsSatisfyRule }
}
