using ArabicSearch.Analysis;
using ArabicSearch.Entities;
using Lucene.Net.Analysis.TokenAttributes;

namespace ArabicSearch.Benchmarks;

/// <summary>A phrase, an entity and a date range taken from one article, so the combined query has at least that hit.</summary>
public sealed record CombinedQuery(string Phrase, string Entity, DateOnly From, DateOnly To);

/// <summary>
/// Queries drawn from the indexed articles with a fixed seed, so every run asks the same ones and they have hits:
/// two-word phrases from headlines (two adjacent Arabic words, neither a stopword), the entities the recognizer finds
/// in the articles, seven-day publication windows, and phrase + entity + date taken from one article.
/// Free-text queries are the same word pairs, unquoted. Nothing here is tuned to any query set.
/// </summary>
public sealed class QueryWorkload
{
    private QueryWorkload(List<string> phrases, List<string> entities, List<(DateOnly, DateOnly)> ranges, List<CombinedQuery> combined)
    {
        Phrases = phrases;
        Entities = entities;
        Ranges = ranges;
        Combined = combined;
    }

    /// <summary>Two-word phrases from headlines.</summary>
    public IReadOnlyList<string> Phrases { get; }
    /// <summary>Entity names (canonical Arabic names) that occur in the articles.</summary>
    public IReadOnlyList<string> Entities { get; }
    /// <summary>Seven-day publication windows inside the corpus's span.</summary>
    public IReadOnlyList<(DateOnly From, DateOnly To)> Ranges { get; }
    /// <summary>Phrase + entity + ±15 days around one article's date.</summary>
    public IReadOnlyList<CombinedQuery> Combined { get; }

    /// <summary>Draws <paramref name="count"/> queries of each kind from <paramref name="articles"/>.</summary>
    public static QueryWorkload Draw(IReadOnlyList<Article> articles, int count, int seed = 20_181)
    {
        var random = new Random(seed);
        using var exact = new ArabicSearchAnalyzer(ArabicView.Exact);
        var recognizer = EntityRecognizer.Default;

        var phrases = new List<string>();
        var combined = new List<CombinedQuery>();
        var entities = new List<string>();
        var seenPhrases = new HashSet<string>(StringComparer.Ordinal);
        var seenEntities = new HashSet<string>(StringComparer.Ordinal);
        for (int attempt = 0; attempt < count * 200 && (phrases.Count < count || combined.Count < count || entities.Count < count); attempt++)
        {
            var a = articles[random.Next(articles.Count)];
            var phrase = PhraseFrom(a.Title, exact, random);
            if (phrase is not null && phrases.Count < count && seenPhrases.Add(phrase)) phrases.Add(phrase);

            var mentions = recognizer.Recognize(a.Title).Concat(recognizer.Recognize(a.Body)).ToList();
            if (mentions.Count == 0) continue;
            var entity = mentions[random.Next(mentions.Count)].Entity;
            if (entities.Count < count && seenEntities.Add(entity.Id)) entities.Add(entity.Name);
            if (phrase is not null && a.Published is { } day && combined.Count < count)
                combined.Add(new CombinedQuery(phrase, entity.Name, day.AddDays(-15), day.AddDays(15)));
        }
        if (phrases.Count == 0) throw new InvalidOperationException("no headline yields a two-word phrase");
        if (entities.Count == 0)
        {
            Console.WriteLine("// WARNING: the gazetteer's entities do not occur in these articles; entity queries have no hits");
            entities.AddRange(recognizer.Gazetteer.Entities.Take(count).Select(e => e.Name));
        }
        if (combined.Count == 0) Console.WriteLine("// WARNING: no article gives phrase + entity + date; the combined benchmark has no queries");

        var days = articles.Where(a => a.Published is not null).Select(a => a.Published!.Value.DayNumber).ToList();
        var ranges = new List<(DateOnly, DateOnly)>();
        if (days.Count > 0)
        {
            int min = days.Min(), max = days.Max();
            for (int i = 0; i < count; i++)
            {
                var from = DateOnly.FromDayNumber(min + random.Next(Math.Max(1, max - min - 6)));
                ranges.Add((from, from.AddDays(6)));
            }
        }
        return new QueryWorkload(phrases, entities, ranges, combined);
    }

    /// <summary>A random pair of adjacent headline words that are Arabic, at least three letters, and each one token of the exact view.</summary>
    private static string? PhraseFrom(string title, ArabicSearchAnalyzer exact, Random random)
    {
        var words = title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('"', '\'', '«', '»', ':', '،', ',', '.', '؟', '?', '!', '(', ')', '-', '–'))
            .ToList();
        var pairs = new List<string>();
        for (int i = 0; i + 1 < words.Count; i++)
            if (IsWord(words[i], exact) && IsWord(words[i + 1], exact)) pairs.Add(words[i] + " " + words[i + 1]);
        return pairs.Count == 0 ? null : pairs[random.Next(pairs.Count)];
    }

    private static bool IsWord(string w, ArabicSearchAnalyzer exact)
    {
        if (w.Length < 3 || !w.All(c => c is >= '\u0621' and <= '\u064A')) return false;
        using var ts = exact.GetTokenStream("", w);
        ts.AddAttribute<ICharTermAttribute>();
        ts.Reset();
        int n = 0;
        while (ts.IncrementToken()) n++;
        ts.End();
        return n == 1;
    }
}
