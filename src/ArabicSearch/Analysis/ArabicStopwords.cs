namespace ArabicSearch.Analysis;

/// <summary>
/// Arabic function words, matched on normalized forms (deviation: Lucene's stock analyzer matches its list
/// before normalizing, so <c>فى</c>, <c>ألى</c> and <c>إلي</c> slip through). Includes the question words
/// (<c>ما، ماذا، متى، كم، لماذا، كيف، أين</c>) that add noise to questions typed as queries.
/// </summary>
/// <remarks>Thread-safe: the set is read-only after construction.</remarks>
public static class ArabicStopwords
{
    private static readonly string[] Words =
    [
        // prepositions and particles
        "في", "فى", "من", "منذ", "الى", "إلى", "على", "علي", "عن", "مع", "عند", "لدى", "حتى", "بين", "نحو", "خلال", "ضمن",
        "دون", "عبر", "حول", "لدي", "تحت", "فوق", "امام", "وراء", "قبل", "بعد",
        "ان", "أن", "إن", "لان", "لأن", "كان", "كانت", "يكون", "تكون", "او", "أو", "ثم", "بل", "لكن", "لكن", "ولكن",
        "لا", "لم", "لن", "ما", "لما", "قد", "لقد", "سوف", "اذا", "إذا", "اذ", "إذ", "كما", "كلما", "ايضا", "أيضا", "فقط",
        "هل", "ماذا", "متى", "متي", "كم", "لماذا", "كيف", "اين", "أين", "ماهي", "ماهو", "أي", "اي", "أية", "اية",
        // pronouns and demonstratives
        "هو", "هي", "هم", "هما", "هن", "انا", "أنا", "نحن", "انت", "أنت", "انتم", "أنتم",
        "هذا", "هذه", "هذي", "ذلك", "تلك", "هؤلاء", "اولئك", "أولئك", "هناك", "هنا", "ذاك",
        "الذي", "التي", "الذين", "اللذان", "اللتان", "اللذين", "اللتين", "اللواتي", "اللاتي",
        // very frequent function words of news text
        "كل", "بعض", "غير", "عدة", "جميع", "اي", "التى", "الذى", "وهو", "وهي", "فيه", "فيها", "منه", "منها", "عليه", "عليها",
        "به", "بها", "له", "لها", "لهم", "انه", "أنه", "انها", "أنها", "الا", "إلا", "حيث", "عندما", "بينما", "وقد", "فقد",
    ];

    private static readonly HashSet<string> Set = Build();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Set.GetAlternateLookup<ReadOnlySpan<char>>();

    private static HashSet<string> Build()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var w in Words) set.Add(ArabicNormalizer.Normalize(w));
        return set;
    }

    /// <summary>True when the normalized word <paramref name="term"/> is a stopword. Allocation-free.</summary>
    public static bool Contains(ReadOnlySpan<char> term) => Lookup.Contains(term);

    /// <summary>The stopwords, in normalized form.</summary>
    public static IReadOnlyCollection<string> All => Set;
}
