using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ArabicSearch.Querying;

/// <summary>
/// The search-after cursor of <see cref="SearchRequest.After"/> and <see cref="SearchResults.NextCursor"/>: where the
/// last hit of a page stands in the sort order, so the next page starts right after it (Lucene's <c>SearchAfter</c>).
/// </summary>
/// <remarks>
/// <para>Opaque to clients: base64url of <c>v2|sort|doc|score|published|seen|version|query</c>, where <c>doc</c> is the
/// Lucene document number (the final tie-break), <c>score</c> the float's bits, <c>published</c> the date sort's value,
/// <c>seen</c> how many hits came before, <c>version</c> the index snapshot the cursor was made on and <c>query</c> a
/// short hash of what defines the result list (<see cref="QueryHash"/>), so a cursor passed with another query is
/// refused rather than paging that query from a position that means nothing in it.</para>
/// <para>Document numbers belong to one snapshot of the index: after writes (or merges) a cursor may skip or repeat
/// hits. The engine then says so in a notice rather than failing.</para>
/// </remarks>
internal sealed record SearchCursor(SearchSort Sort, int Doc, float Score, long Published, long Seen, long Version)
{
    private const string Prefix = "v2";

    /// <summary>
    /// The cursor after <paramref name="last"/>, the last hit shown of <paramref name="request"/>, with
    /// <paramref name="seen"/> hits shown so far.
    /// </summary>
    public static string Encode(SearchRequest request, ScoreDoc last, long seen, IndexReader reader)
    {
        var sort = request.Sort;
        long published = 0;
        if (IsDateSort(sort) && last is FieldDoc { Fields: [J2N.Numerics.Number day, ..] }) published = day.ToInt64();
        var text = string.Join('|', Prefix, Code(sort),
            last.Doc.ToString(CultureInfo.InvariantCulture),
            BitConverter.SingleToInt32Bits(last.Score).ToString(CultureInfo.InvariantCulture),
            published.ToString(CultureInfo.InvariantCulture),
            seen.ToString(CultureInfo.InvariantCulture),
            VersionOf(reader).ToString(CultureInfo.InvariantCulture),
            QueryHash(request));
        return Convert.ToBase64String(Encoding.ASCII.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Reads a cursor made by <see cref="Encode"/>, passed with <paramref name="request"/>.</summary>
    /// <exception cref="InvalidQueryException">The cursor is malformed, or was made for another sort order or another
    /// query (<see cref="QueryHash"/>).</exception>
    public static SearchCursor Decode(string cursor, SearchRequest request)
    {
        var sort = request.Sort;
        string[] parts;
        try
        {
            string b64 = cursor.Replace('-', '+').Replace('_', '/');
            b64 = b64.PadRight(b64.Length + (4 - b64.Length % 4) % 4, '=');
            parts = Encoding.ASCII.GetString(Convert.FromBase64String(b64)).Split('|');
        }
        catch (FormatException)
        {
            throw Malformed(cursor);
        }
        if (parts.Length == 7 && parts[0] == "v1")
            throw new InvalidQueryException("The cursor was made by an earlier version, which did not record its query; search again from the first page.");
        if (parts.Length != 8 || parts[0] != Prefix || parts[1] is not ("r" or "n" or "o" or "w")
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out int doc)
            || !int.TryParse(parts[3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int scoreBits)
            || !long.TryParse(parts[4], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long published)
            || !long.TryParse(parts[5], NumberStyles.None, CultureInfo.InvariantCulture, out long seen)
            || !long.TryParse(parts[6], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long version))
            throw Malformed(cursor);
        var made = parts[1] switch { "n" => SearchSort.Newest, "o" => SearchSort.Oldest, "w" => SearchSort.RelevanceWithRecency, _ => SearchSort.Relevance };
        if (made != sort)
            throw new InvalidQueryException($"The cursor was made for sort '{made}', but the request sorts by '{sort}'; page with the same request that gave the cursor.");
        if (parts[7] != QueryHash(request))
            throw new InvalidQueryException("The cursor was made for another query (text, phrase, entities, filters, dates or sort differ); page with the same request that gave the cursor.");
        return new SearchCursor(made, doc, BitConverter.Int32BitsToSingle(scoreBits), published, seen, version);
    }

    /// <summary>Checks the paging options that go with a cursor.</summary>
    /// <exception cref="InvalidQueryException">A cursor is combined with Skip or with duplicate collapsing.</exception>
    public static void Validate(SearchRequest request)
    {
        if (request.After is null) return;
        if (request.Skip != 0) throw new InvalidQueryException($"Skip must be 0 with a cursor (After), not {request.Skip}: the cursor already says where the page starts.");
        if (request.CollapseDuplicates) throw new InvalidQueryException("A cursor (After) cannot be combined with collapsing duplicates.");
    }

    /// <summary>The hit to search after, as Lucene wants it for this sort.</summary>
    public ScoreDoc ToScoreDoc() => IsDateSort(Sort)
        ? new FieldDoc(Doc, Score, [J2N.Numerics.Int64.GetInstance(Published), J2N.Numerics.Single.GetInstance(Score)])
        : new ScoreDoc(Doc, Score);

    /// <summary>Whether the cursor was made on the snapshot <paramref name="reader"/> shows, or a document number is out of range.</summary>
    public bool IsStaleFor(IndexReader reader) => VersionOf(reader) != Version || Doc >= reader.MaxDoc;

    /// <summary>
    /// A short hash (12 hex digits, the first 48 bits of SHA-256) of what defines the result list of
    /// <paramref name="request"/>: text and syntax, phrase, mode and slop, entities, sources and categories (as sets),
    /// date range and date field, sort (and the half-life of a recency sort), duplicate collapsing and the raw Lucene
    /// query. Paging (Skip, Top, After) and facets are left out: they do not change the list, only the part shown.
    /// </summary>
    internal static string QueryHash(SearchRequest request)
    {
        var sb = new StringBuilder();
        // Each value length-prefixed, so no two requests write the same string.
        void Add(string? value) => sb.Append(value?.Length ?? -1).Append(':').Append(value).Append(';');
        static IEnumerable<string> Set(IEnumerable<string> values) => values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        Add(request.Text);
        Add(Code(request.Syntax));
        Add(request.Phrase);
        Add(request.PhraseMode == PhraseMode.Stemmed ? "s" : "e");
        Add(request.PhraseSlop.ToString(CultureInfo.InvariantCulture));
        foreach (var e in Set(request.Entities)) Add(e);
        Add("|");
        // sources match ignoring case and surrounding spaces
        foreach (var source in Set(request.Sources.Select(x => x.Trim().ToLowerInvariant()))) Add(source);
        Add("|");
        foreach (var c in Set(request.Categories)) Add(c);
        Add("|");
        Add(request.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(request.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(request.DateField == DateField.Mentioned ? "m" : "p");
        Add(Code(request.Sort));
        if (request.Sort == SearchSort.RelevanceWithRecency) Add(request.RecencyHalfLifeDays.ToString("R", CultureInfo.InvariantCulture));
        Add(request.CollapseDuplicates ? "c" : "");
        Add(request.LuceneQuery?.ToString());
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString()));
        return Convert.ToHexStringLower(hash.AsSpan(0, 6));
    }

    private static string Code(QuerySyntax syntax) => syntax switch
    {
        QuerySyntax.Plain => "p",
        QuerySyntax.Lucene => "l",
        _ => "t",
    };

    private static bool IsDateSort(SearchSort sort) => sort is SearchSort.Newest or SearchSort.Oldest;

    private static string Code(SearchSort sort) => sort switch
    {
        SearchSort.Newest => "n",
        SearchSort.Oldest => "o",
        SearchSort.RelevanceWithRecency => "w",
        _ => "r",
    };

    private static long VersionOf(IndexReader reader) => reader is DirectoryReader d ? d.Version : 0;

    private static InvalidQueryException Malformed(string cursor) =>
        new($"The cursor \"{(cursor.Length > 40 ? cursor[..40] + "…" : cursor)}\" is malformed; pass the nextCursor of a previous page unchanged.");
}
