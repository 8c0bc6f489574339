using ArabicSearch.Entities;
using Microsoft.Extensions.Logging;

namespace ArabicSearch;

/// <summary>How an <see cref="ArabicSearchEngine"/> opens its index. Immutable; validated once when the engine opens.</summary>
public sealed record ArabicSearchOptions
{
    /// <summary>
    /// The index folder. Null means an in-memory index (see <see cref="ArabicSearchEngine.CreateInMemory"/>), except
    /// when the options come from configuration, where it is required (see
    /// <see cref="ServiceCollectionExtensions.AddArabicSearch(Microsoft.Extensions.DependencyInjection.IServiceCollection, Microsoft.Extensions.Configuration.IConfiguration)"/>).
    /// </summary>
    public string? IndexPath { get; init; }

    /// <summary>
    /// Open for searching only: no write lock is taken and no index is created. Default false. Needs
    /// <see cref="IndexPath"/>: read-only options without one are refused with <see cref="ArgumentException"/>.
    /// </summary>
    public bool ReadOnly { get; init; }

    /// <summary>Create the index when the folder holds none (ignored when <see cref="ReadOnly"/>). Default true.</summary>
    public bool CreateIfMissing { get; init; } = true;

    /// <summary>The entities to recognize at index time and resolve in entity queries. Default: the embedded gazetteer.</summary>
    public Gazetteer? Gazetteer { get; init; }

    /// <summary>
    /// How many times a headline word counts against a body word, before BM25 saturates (a BM25F-style weight):
    /// the headline is indexed this many times in the article's one text field, so its words add to the article's term
    /// frequency and length instead of being scored as a separate short field. 1 treats the headline as body text.
    /// Applies when articles are indexed. Default 2; see docs/relevance.md for how it was measured.
    /// </summary>
    public int TitleWeight { get; init; } = 2;

    /// <summary>The weight of the exact (unstemmed) views relative to the stemmed ones in free-text ranking. Default 0.5.</summary>
    public float ExactViewWeight { get; init; } = 0.5f;

    /// <summary>
    /// The weight of the loose (aggressively stemmed, variant-tolerant) views relative to the stemmed ones in
    /// free-text ranking; 0 leaves them out. Default 1. See docs/relevance.md for how it was measured.
    /// </summary>
    public float LooseViewWeight { get; init; } = 1f;

    /// <summary>
    /// The weight, from 0 to 1, of a stemmed reading that takes a letter for a lone proclitic (<c>لجنة</c> read as
    /// <c>جنة</c>, <c>وقال</c> as <c>قال</c>) against the word as written: below 1, an article that has the word itself
    /// ranks above one that only may have it. Default 0.5. 0 stops such readings from matching; 1 scores them alike.
    /// Applies to indexes built since issue 12 (class 10); see docs/relevance.md for how it was measured.
    /// </summary>
    public float ProcliticReadingWeight { get; init; } = 0.5f;

    /// <summary>
    /// The weight, relative to the stemmed view, of a free-text word found in an article's lead: the words at its first
    /// four positions (stopwords count as positions), those of the headline when it has one, of the body otherwise. A
    /// text usually names its subject first (a headline, a lede, an encyclopedia article's first sentence), so such an
    /// article ranks higher; the lead never makes an article match. 0 leaves it out. Default 0.5. Applies to indexes
    /// built with analysis version 4 or later (<see cref="Analysis.ArabicAnalysis.Version"/>); see docs/relevance.md for
    /// how it was measured.
    /// </summary>
    public float LeadWeight { get; init; } = 0.5f;

    /// <summary>
    /// The weight, relative to the stemmed view, of the correction searched for a free-text word that no article has
    /// as written or stemmed (a typo: <c>الحكزمة</c> is searched as <c>الحكومة</c>): the first correction
    /// <see cref="SearchResults.Suggestions"/> offers for it (an index word one edit away, two for words of six letters
    /// or more, nearest first, then the most frequent), searched as a word typed, for at most four words a query; a
    /// notice names the word searched and hits mark it. 0 leaves it out. Default 0.5; see docs/relevance.md for how it
    /// was measured.
    /// </summary>
    public float FuzzyWeight { get; init; } = 0.5f;

    /// <summary>BM25's term-frequency saturation k1. Default 0.6: short passages and news paragraphs gain little from repeats.</summary>
    public float Bm25K1 { get; init; } = 0.6f;

    /// <summary>BM25's length normalization b, from 0 (none) to 1 (full). Default 0.8.</summary>
    public float Bm25B { get; init; } = 0.8f;

    /// <summary>
    /// The largest <see cref="SearchRequest.Skip"/> + <see cref="SearchRequest.Top"/> a search may ask for. Default 1,000:
    /// every hit of the window is loaded, highlighted and resolved, and a 10,000-hit page costs seconds and over 100 MB.
    /// </summary>
    public int MaxResultWindow { get; init; } = 1_000;

    /// <summary>Where the engine logs index open, commits and slow queries. Default: no logging.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>Searches slower than this are logged as warnings. Default 500 ms.</summary>
    public TimeSpan SlowQueryThreshold { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Read every file of the index once when the engine opens and check its checksum, so that even a flipped bit inside
    /// a data file is reported as <see cref="IndexCorruptException"/> at once. Costs one sequential read of the whole
    /// index. Default false: every open already checks the commit point and each file's header and footer (a missing,
    /// truncated or overwritten file is found without reading whole files), merges check the checksums of what they
    /// read, and <see cref="ArabicSearchEngine.Verify"/> runs the full check on demand.
    /// </summary>
    public bool VerifyOnOpen { get; init; }

    /// <summary>
    /// Refresh searches on this interval (see <see cref="ArabicSearchEngine.Refresh"/>), so that a read-only engine
    /// follows commits another process makes. Null (the default) never refreshes on its own. A web tier over an index
    /// that another process writes typically uses one or a few seconds.
    /// </summary>
    public TimeSpan? RefreshInterval { get; init; }

    internal void Validate()
    {
        if (RefreshInterval is { } every && (every <= TimeSpan.Zero || every > TimeSpan.FromDays(1))) throw new ArgumentException("RefreshInterval must be positive and at most one day.");
        if (SlowQueryThreshold < TimeSpan.Zero) throw new ArgumentException("SlowQueryThreshold must not be negative.");
        if (IndexPath is not null && string.IsNullOrWhiteSpace(IndexPath)) throw new ArgumentException("IndexPath is empty.");
        if (ReadOnly && IndexPath is null) throw new ArgumentException("ReadOnly needs an IndexPath: an in-memory index is empty, so it cannot be opened read-only.");
        if (TitleWeight is < 1 or > 10) throw new ArgumentException("TitleWeight must be between 1 and 10.");
        if (!(ExactViewWeight >= 0) || float.IsInfinity(ExactViewWeight)) throw new ArgumentException("ExactViewWeight must be zero or positive.");
        if (!(LooseViewWeight >= 0) || float.IsInfinity(LooseViewWeight)) throw new ArgumentException("LooseViewWeight must be zero or positive.");
        if (!(FuzzyWeight >= 0) || float.IsInfinity(FuzzyWeight)) throw new ArgumentException("FuzzyWeight must be zero or positive.");
        if (!(LeadWeight >= 0) || float.IsInfinity(LeadWeight)) throw new ArgumentException("LeadWeight must be zero or positive.");
        if (!(ProcliticReadingWeight is >= 0 and <= 1)) throw new ArgumentException("ProcliticReadingWeight must be between 0 and 1.");
        if (!(Bm25K1 >= 0) || float.IsInfinity(Bm25K1)) throw new ArgumentException("Bm25K1 must be zero or positive.");
        if (!(Bm25B is >= 0 and <= 1)) throw new ArgumentException("Bm25B must be between 0 and 1.");
        if (MaxResultWindow < 1) throw new ArgumentException("MaxResultWindow must be at least 1.");
    }
}
