namespace ArabicSearch;

/// <summary>How closely two articles are related.</summary>
public enum ArticleRelation
{
    /// <summary>Neither near-duplicates nor related.</summary>
    Unrelated,

    /// <summary>
    /// About the same story in different words: published at most <see cref="DuplicateOptions.RelatedWindowDays"/>
    /// apart and sharing at least <see cref="DuplicateOptions.RelatedThreshold"/> of their content-word vocabulary
    /// (Jaccard similarity of the sets of stemmed words without stopwords).
    /// </summary>
    Related,

    /// <summary>
    /// The same text, lightly edited: at least <see cref="DuplicateOptions.Threshold"/> Jaccard similarity of their
    /// 3-word shingles (normalized words without stopwords).
    /// </summary>
    NearDuplicate,
}

/// <summary>How near-duplicates and related articles are found. Immutable.</summary>
public sealed record DuplicateOptions
{
    /// <summary>The default <see cref="Threshold"/>, chosen from hand-labelled pairs (corpus/annotations/duplicates.tsv).</summary>
    public const double DefaultThreshold = 0.5;

    /// <summary>The default <see cref="RelatedThreshold"/>, chosen from the same labelled pairs (see corpus/annotations/README.md).</summary>
    public const double DefaultRelatedThreshold = 0.15;

    /// <summary>The defaults.</summary>
    public static DuplicateOptions Default { get; } = new();

    /// <summary>What to group by: <see cref="ArticleRelation.NearDuplicate"/> (default) or <see cref="ArticleRelation.Related"/> (stories).</summary>
    public ArticleRelation Level { get; init; } = ArticleRelation.NearDuplicate;

    /// <summary>The least shingle similarity (0–1) of near-duplicates.</summary>
    public double Threshold { get; init; } = DefaultThreshold;

    /// <summary>The least content-word similarity (0–1) of related articles.</summary>
    public double RelatedThreshold { get; init; } = DefaultRelatedThreshold;

    /// <summary>The most days between the publication dates of related articles. Undated articles are never merely related.</summary>
    public int RelatedWindowDays { get; init; } = 3;

    /// <summary>
    /// Check near-duplicate pairs on the stored text (exact Jaccard similarity of the shingle sets) instead of trusting
    /// the MinHash estimate, whose standard error is about 0.04 at 0.5. Slower: reads the text of every candidate.
    /// </summary>
    public bool Exact { get; init; }

    internal void Validate()
    {
        if (Level == ArticleRelation.Unrelated) throw new ArgumentException("Level must be NearDuplicate or Related.");
        if (!(Threshold is > 0 and <= 1)) throw new ArgumentException($"Threshold must be in (0, 1], not {Threshold}.");
        if (!(RelatedThreshold is > 0 and <= 1)) throw new ArgumentException($"RelatedThreshold must be in (0, 1], not {RelatedThreshold}.");
        if (RelatedWindowDays < 0) throw new ArgumentException($"RelatedWindowDays must be zero or more, not {RelatedWindowDays}.");
    }

    internal ArticleRelation Classify(double similarity, double wordSimilarity, int? daysApart) =>
        similarity >= Threshold ? ArticleRelation.NearDuplicate
        : wordSimilarity >= RelatedThreshold && daysApart <= RelatedWindowDays ? ArticleRelation.Related
        : ArticleRelation.Unrelated;
}

/// <summary>An article of a <see cref="DuplicateGroup"/>.</summary>
public sealed record DuplicateArticle
{
    /// <summary>The article id.</summary>
    public required string Id { get; init; }
    /// <summary>The headline, possibly empty.</summary>
    public required string Title { get; init; }
    /// <summary>The source, possibly empty.</summary>
    public required string Source { get; init; }
    /// <summary>The publication date, when known.</summary>
    public DateOnly? Published { get; init; }
}

/// <summary>Two articles and how similar they are.</summary>
public sealed record DuplicatePair
{
    /// <summary>The first article's id.</summary>
    public required string FirstId { get; init; }
    /// <summary>The second article's id.</summary>
    public required string SecondId { get; init; }
    /// <summary>Shingle similarity (0–1): exact when <see cref="Exact"/>, else the MinHash estimate.</summary>
    public required double Similarity { get; init; }
    /// <summary>Content-word similarity (0–1), estimated by MinHash (standard error about 0.045 at 0.15).</summary>
    public required double WordSimilarity { get; init; }
    /// <summary>Whether <see cref="Similarity"/> was computed on the stored text.</summary>
    public bool Exact { get; init; }
    /// <summary>Days between the publication dates, when both are known.</summary>
    public int? DaysApart { get; init; }
    /// <summary>How the two are related.</summary>
    public required ArticleRelation Relation { get; init; }
}

/// <summary>Articles linked by near-duplicate (or related) pairs.</summary>
public sealed record DuplicateGroup
{
    /// <summary>The members, oldest first (undated last), then by id.</summary>
    public required IReadOnlyList<DuplicateArticle> Members { get; init; }
    /// <summary>The pairs that link the members (not necessarily every pair of members).</summary>
    public required IReadOnlyList<DuplicatePair> Pairs { get; init; }
    /// <summary>The lowest similarity among <see cref="Pairs"/>: shingle similarity for near-duplicates, word similarity for related groups.</summary>
    public required double Similarity { get; init; }
}

/// <summary>The result of <see cref="ArabicSearchEngine.FindDuplicates"/>.</summary>
public sealed record DuplicateReport
{
    /// <summary>The groups, largest first.</summary>
    public required IReadOnlyList<DuplicateGroup> Groups { get; init; }
    /// <summary>Articles that were compared (those with a fingerprint).</summary>
    public required int Articles { get; init; }
    /// <summary>Articles without a usable fingerprint: no words, or indexed by an older version (reindex them).</summary>
    public required int WithoutFingerprint { get; init; }
}

/// <summary>How a sentence fares in an <see cref="ArticleDiff"/>.</summary>
public enum SentenceChange
{
    /// <summary>In both articles.</summary>
    Same,
    /// <summary>Only in the second article.</summary>
    Added,
    /// <summary>Only in the first article.</summary>
    Dropped,
}

/// <summary>One sentence of a diff, as written in the article it comes from.</summary>
public sealed record DiffSentence(SentenceChange Change, string Text);

/// <summary>The sentence-level differences between two articles' bodies.</summary>
public sealed record ArticleDiff
{
    /// <summary>The first article's id.</summary>
    public required string FirstId { get; init; }
    /// <summary>The second article's id.</summary>
    public required string SecondId { get; init; }
    /// <summary>Exact shingle similarity (0–1).</summary>
    public required double Similarity { get; init; }
    /// <summary>Exact content-word similarity (0–1).</summary>
    public required double WordSimilarity { get; init; }
    /// <summary>Days between the publication dates, when both are known.</summary>
    public int? DaysApart { get; init; }
    /// <summary>How the two are related, under the default <see cref="DuplicateOptions"/>.</summary>
    public required ArticleRelation Relation { get; init; }
    /// <summary>The aligned sentences: those of the first article, with the second's additions in place.</summary>
    public required IReadOnlyList<DiffSentence> Sentences { get; init; }
    /// <summary>Sentences only the second article has.</summary>
    public IEnumerable<string> Added => Sentences.Where(s => s.Change == SentenceChange.Added).Select(s => s.Text);
    /// <summary>Sentences only the first article has.</summary>
    public IEnumerable<string> Dropped => Sentences.Where(s => s.Change == SentenceChange.Dropped).Select(s => s.Text);
}

/// <summary>No article has the given id.</summary>
public sealed class ArticleNotFoundException : ArabicSearchException
{
    /// <summary>Creates the exception.</summary>
    public ArticleNotFoundException(string message) : base(message) { }
}
