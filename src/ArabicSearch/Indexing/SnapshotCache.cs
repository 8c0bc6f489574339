using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace ArabicSearch.Indexing;

/// <summary>
/// Answers kept per index snapshot and string key: what a search works out from the term dictionary (a correction, a
/// name as written, the completions of a short prefix) is the same until the index changes, and a new reader after a
/// write starts afresh. The old snapshots' answers go with their readers.
/// </summary>
/// <param name="capacity">The keys kept per snapshot, at most; past it the snapshot's answers start again.</param>
/// <remarks>Thread-safe. Two searches may compute the same answer at once; both get an equal value.</remarks>
internal sealed class SnapshotCache<T>(int capacity)
{
    private readonly ConditionalWeakTable<object, ConcurrentDictionary<string, T>> _bySnapshot = new();

    /// <summary>The answer for <paramref name="key"/> in <paramref name="reader"/>'s snapshot, computed by <paramref name="compute"/> the first time.</summary>
    public T GetOrAdd<TState>(IndexReader reader, string key, TState state, Func<TState, string, T> compute)
    {
        var answers = _bySnapshot.GetValue(reader.CoreCacheKey, _ => new ConcurrentDictionary<string, T>(StringComparer.Ordinal));
        if (answers.TryGetValue(key, out var known)) return known;
        var value = compute(state, key);
        if (answers.Count >= capacity) answers.Clear();
        answers[key] = value;
        return value;
    }
}
