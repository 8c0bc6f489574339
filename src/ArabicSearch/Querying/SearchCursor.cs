using System.Globalization;
using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ArabicSearch.Querying;

/// <summary>
/// The search-after cursor of <see cref="SearchRequest.After"/> and <see cref="SearchResults.NextCursor"/>: where the
/// last hit of a page stands in the sort order, so the next page starts right after it (Lucene's <c>SearchAfter</c>).
/// </summary>
/// <remarks>
/// <para>Opaque to clients: base64url of <c>v1|sort|doc|score|published|seen|version</c>, where <c>doc</c> is the Lucene
/// document number (the final tie-break), <c>score</c> the float's bits, <c>published</c> the date sort's value,
/// <c>seen</c> how many hits came before and <c>version</c> the index snapshot the cursor was made on.</para>
/// <para>Document numbers belong to one snapshot of the index: after writes (or merges) a cursor may skip or repeat
/// hits. The engine then says so in a notice rather than failing.</para>
/// </remarks>
internal sealed record SearchCursor(SearchSort Sort, int Doc, float Score, long Published, long Seen, long Version)
{
    private const string Prefix = "v1";

    /// <summary>The cursor after <paramref name="last"/>, the last hit shown, with <paramref name="seen"/> hits shown so far.</summary>
    public static string Encode(SearchSort sort, ScoreDoc last, long seen, IndexReader reader)
    {
        long published = 0;
        if (IsDateSort(sort) && last is FieldDoc { Fields: [J2N.Numerics.Number day, ..] }) published = day.ToInt64();
        var text = string.Join('|', Prefix, Code(sort),
            last.Doc.ToString(CultureInfo.InvariantCulture),
            BitConverter.SingleToInt32Bits(last.Score).ToString(CultureInfo.InvariantCulture),
            published.ToString(CultureInfo.InvariantCulture),
            seen.ToString(CultureInfo.InvariantCulture),
            VersionOf(reader).ToString(CultureInfo.InvariantCulture));
        return Convert.ToBase64String(Encoding.ASCII.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Reads a cursor made by <see cref="Encode"/> for a request sorted by <paramref name="sort"/>.</summary>
    /// <exception cref="InvalidQueryException">The cursor is malformed or was made for another sort order.</exception>
    public static SearchCursor Decode(string cursor, SearchSort sort)
    {
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
        if (parts.Length != 7 || parts[0] != Prefix || parts[1] is not ("r" or "n" or "o" or "w")
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out int doc)
            || !int.TryParse(parts[3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int scoreBits)
            || !long.TryParse(parts[4], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long published)
            || !long.TryParse(parts[5], NumberStyles.None, CultureInfo.InvariantCulture, out long seen)
            || !long.TryParse(parts[6], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long version))
            throw Malformed(cursor);
        var made = parts[1] switch { "n" => SearchSort.Newest, "o" => SearchSort.Oldest, "w" => SearchSort.RelevanceWithRecency, _ => SearchSort.Relevance };
        if (made != sort)
            throw new InvalidQueryException($"The cursor was made for sort '{made}', but the request sorts by '{sort}'; page with the same request that gave the cursor.");
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
