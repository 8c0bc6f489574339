using ArabicSearch.Entities;
using ArabicSearch.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace ArabicSearch.Querying;

/// <summary>
/// Completions of a prefix: headline words and two-word phrases (<see cref="FieldNames.Completion"/>, one term per
/// article that has it, so its document frequency counts articles) and entity aliases (counted by the articles naming
/// the entity), ranked by that count.
/// </summary>
internal static class Autocomplete
{
    /// <summary>At most this many completion terms are read per call, so a one-letter prefix stays fast; longer prefixes never reach it on a news archive.</summary>
    public const int MaxTermsScanned = 20_000;

    /// <summary>The prefix is read up to this many characters.</summary>
    public const int MaxPrefixLength = 200;

    /// <summary>Keys up to this long match so many terms that their answers are kept per index snapshot (computed once, for up to 100 completions).</summary>
    private const int CachedKeyLength = 3;

    /// <summary>Answers for short keys, per index snapshot (a new reader after a write starts afresh).</summary>
    private static readonly SnapshotCache<IReadOnlyList<Completion>> ShortKeys = new(10_000);

    public static IReadOnlyList<Completion> Suggest(IndexReader reader, EntityRecognizer recognizer, string prefix, int count)
    {
        if (prefix.Length > MaxPrefixLength) prefix = prefix[..MaxPrefixLength];
        string key = AliasIndex.Normalize(prefix);
        if (key.Length == 0) return [];
        // "الإدارة " (a space typed after the word) asks for what follows it.
        if (char.IsWhiteSpace(prefix[^1])) key += " ";
        if (key.Length > CachedKeyLength) return Compute(reader, recognizer, key, count);
        var all = ShortKeys.GetOrAdd(reader, key, (reader, recognizer), static (state, k) => Compute(state.reader, state.recognizer, k, 100));
        return all.Count <= count ? all : all.Take(count).ToList();
    }

    private static List<Completion> Compute(IndexReader reader, EntityRecognizer recognizer, string key, int count)
    {

        var best = new Dictionary<string, Candidate>(StringComparer.Ordinal);
        var terms = MultiFields.GetTerms(reader, FieldNames.Completion);
        if (terms is not null)
        {
            var start = new BytesRef(key);
            var e = terms.GetEnumerator();
            if (e.SeekCeil(start) != TermsEnum.SeekStatus.END)
            {
                int scanned = 0;
                do
                {
                    if (!StringHelper.StartsWith(e.Term, start)) break;
                    var (k, written) = CompletionTerms.Split(e.Term.Utf8ToString());
                    int df = e.DocFreq;
                    if (best.TryGetValue(k, out var c))
                    {
                        c.Frequency += df;
                        if (df > c.WrittenFrequency) (c.Text, c.WrittenFrequency) = (written, df);
                    }
                    else
                    {
                        best[k] = new Candidate { Text = written, WrittenFrequency = df, Frequency = df, Kind = k.Contains(' ', StringComparison.Ordinal) ? CompletionKind.Phrase : CompletionKind.Word };
                    }
                } while (++scanned < MaxTermsScanned && e.MoveNext());
            }
        }

        // Entities, counted by the articles naming them: shown by their canonical name when it matches the prefix,
        // else by the first listed alias that does (gazetteers may list normalized spellings too).
        var entities = new HashSet<string>(StringComparer.Ordinal);
        var aliases = AliasIndex.For(recognizer);
        foreach (var (_, _, entity) in aliases.StartingWith(key))
        {
            if (!entities.Add(entity.Id)) continue;
            int df = reader.DocFreq(new Term(FieldNames.Entity, entity.Id));
            if (df == 0) continue;
            var (k, alias) = aliases.DisplayFor(entity, key);
            if (best.TryGetValue(k, out var c) && c.Frequency > df) df = c.Frequency;
            best[k] = new Candidate { Text = alias, Frequency = df, Kind = CompletionKind.Entity, EntityId = entity.Id };
        }

        return best.Values
            .OrderByDescending(c => c.Frequency).ThenBy(c => c.Kind == CompletionKind.Entity ? 0 : 1).ThenBy(c => c.Text, StringComparer.Ordinal)
            .Take(count)
            .Select(c => new Completion(c.Text, c.Frequency, c.Kind, c.EntityId))
            .ToList();
    }

    /// <summary>The most frequent written form of the normalized word or phrase <paramref name="key"/> in headlines, or null.</summary>
    public static string? WrittenForm(IndexReader reader, string key) => CompletionTerms.MostFrequentWritten(reader, FieldNames.Completion, key);

    private sealed class Candidate
    {
        public required string Text;
        public int WrittenFrequency;
        public int Frequency;
        public CompletionKind Kind;
        public string? EntityId;
    }
}
