using System.Runtime.CompilerServices;
using ArabicSearch.Analysis;
using ArabicSearch.Entities;

namespace ArabicSearch.Querying;

/// <summary>The gazetteer's aliases by normalized form, sorted, for prefix completion and "did you mean"; built once per recognizer.</summary>
internal sealed class AliasIndex
{
    private static readonly ConditionalWeakTable<EntityRecognizer, AliasIndex> Cache = new();

    /// <summary>Every alias: its normalized words joined by spaces, the alias as listed, and its entity; sorted by key (ordinal).</summary>
    public IReadOnlyList<(string Key, string Alias, Entity Entity)> Aliases { get; }

    /// <summary>Per entity id, its canonical name then its aliases in listed order, each with its key: what to display for a prefix.</summary>
    private readonly Dictionary<string, (string Key, string Alias)[]> _listed = new(StringComparer.Ordinal);

    private AliasIndex(Gazetteer gazetteer)
    {
        var list = new List<(string, string, Entity)>();
        foreach (var e in gazetteer.Entities)
        {
            foreach (var alias in e.Aliases)
            {
                string key = Normalize(alias);
                if (key.Length > 0) list.Add((key, alias, e));
            }
            _listed[e.Id] = e.Aliases.Prepend(e.Name).Select(a => (Normalize(a), a)).ToArray();
        }
        list.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        Aliases = list;
        LetterMasks = list.Select(a => LetterMask(a.Item1)).ToArray();
    }

    /// <summary>The <see cref="LetterMask"/> of each alias key, in <see cref="Aliases"/> order.</summary>
    public ulong[] LetterMasks { get; }

    /// <summary>
    /// One bit per character of <paramref name="key"/> (its code modulo 64): an edit changes at most two bits, so two
    /// keys whose masks differ in more than 2k bits are more than k edits apart.
    /// </summary>
    public static ulong LetterMask(string key)
    {
        ulong mask = 0;
        foreach (char c in key) mask |= 1UL << (c & 63);
        return mask;
    }

    public static AliasIndex For(EntityRecognizer recognizer) => Cache.GetValue(recognizer, r => new AliasIndex(r.Gazetteer));

    /// <summary>Text as a key: its normalized words joined by single spaces.</summary>
    public static string Normalize(string text) => string.Join(' ', TextWords.Split(text).Select(w => w.Text));

    /// <summary>How to show <paramref name="entity"/> for <paramref name="prefix"/>: its name if it matches, else the first listed alias that does.</summary>
    public (string Key, string Alias) DisplayFor(Entity entity, string prefix)
    {
        foreach (var (key, alias) in _listed[entity.Id])
            if (key.StartsWith(prefix, StringComparison.Ordinal)) return (key, alias);
        return (Normalize(entity.Name), entity.Name);
    }

    /// <summary>The aliases whose key starts with <paramref name="prefix"/>.</summary>
    public IEnumerable<(string Key, string Alias, Entity Entity)> StartingWith(string prefix)
    {
        int lo = 0, hi = Aliases.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (string.CompareOrdinal(Aliases[mid].Key, prefix) < 0) lo = mid + 1; else hi = mid;
        }
        for (int i = lo; i < Aliases.Count && Aliases[i].Key.StartsWith(prefix, StringComparison.Ordinal); i++)
            yield return Aliases[i];
    }
}
