namespace ArabicSearch.Duplicates;

/// <summary>A pair of rows of a <see cref="FingerprintTable"/> and their estimated similarities.</summary>
internal readonly record struct RowPair(int First, int Second, double Similarity, double WordSimilarity);

/// <summary>
/// Finds similar pairs in a <see cref="FingerprintTable"/> by banding (see <see cref="Banding"/>): only articles that
/// share a band are compared, never all pairs. Pure and thread-safe.
/// </summary>
internal static class DuplicateFinder
{
    /// <summary>Chance that a pair exactly at the threshold is compared at all.</summary>
    private const double Recall = 0.98;

    /// <summary>A band bucket larger than this is compared to its first member only (e.g. thousands of identical boilerplate texts).</summary>
    private const int AllPairsBucket = 64;

    /// <summary>Pairs whose estimated shingle similarity is at least <paramref name="threshold"/>.</summary>
    public static List<RowPair> NearDuplicates(FingerprintTable table, double threshold)
    {
        var banding = Banding.For(Fingerprint.ShingleHashCount, Math.Max(threshold, 0.05), Recall);
        var pairs = new List<RowPair>();
        var compared = new HashSet<long>();
        int n = table.Count;
        var keys = new ulong[n];
        var rows = new int[n];
        for (int band = 0; band < banding.Bands; band++)
        {
            for (int i = 0; i < n; i++) { keys[i] = banding.Key(table.ShinglesOf(i), band); rows[i] = i; }
            Array.Sort(keys, rows);
            for (int start = 0, end; start < n; start = end)
            {
                end = start + 1;
                while (end < n && keys[end] == keys[start]) end++;
                if (end - start < 2) continue;
                bool all = end - start <= AllPairsBucket;
                for (int i = start; i < end; i++)
                    for (int j = i + 1; j < end; j++)
                    {
                        if (!all && i != start) break;
                        var (a, b) = rows[i] < rows[j] ? (rows[i], rows[j]) : (rows[j], rows[i]);
                        if (!compared.Add(((long)a << 32) | (uint)b)) continue;
                        double s = Fingerprint.Agreement(table.ShinglesOf(a), table.ShinglesOf(b));
                        if (s >= threshold) pairs.Add(new RowPair(a, b, s, Fingerprint.Agreement(table.WordsOf(a), table.WordsOf(b))));
                    }
            }
        }
        return pairs;
    }

    /// <summary>
    /// Pairs of dated articles at most <paramref name="windowDays"/> apart whose estimated word similarity is at least
    /// <paramref name="wordThreshold"/>.
    /// </summary>
    /// <remarks>
    /// Banding does not pay at the low similarities of related articles (0.1–0.3): it needs one-value bands, which
    /// make nearly every pair in a date window a candidate anyway. So this sweeps the articles in date order and
    /// compares each with those inside the window: the work grows with articles × articles per window, not articles².
    /// </remarks>
    public static List<RowPair> Related(FingerprintTable table, double wordThreshold, int windowDays)
    {
        var pairs = new List<RowPair>();
        var dated = Enumerable.Range(0, table.Count).Where(r => table.DayOf(r) != FingerprintTable.Undated)
            .OrderBy(table.DayOf).ToArray();
        for (int i = 0; i < dated.Length; i++)
        {
            int a = dated[i];
            var words = table.WordsOf(a);
            for (int j = i + 1; j < dated.Length && table.DayOf(dated[j]) - table.DayOf(a) <= windowDays; j++)
            {
                int b = dated[j];
                double w = Fingerprint.Agreement(words, table.WordsOf(b));
                if (w >= wordThreshold)
                    pairs.Add(new RowPair(Math.Min(a, b), Math.Max(a, b), Fingerprint.Agreement(table.ShinglesOf(a), table.ShinglesOf(b)), w));
            }
        }
        return pairs;
    }

    /// <summary>
    /// Star clustering: the row with the most links leads a group of itself and its not yet grouped neighbours, then
    /// the next, and so on. Unlike connected components it never chains: every member is linked to its leader, so
    /// low-similarity links (related articles) do not merge a whole month of news into one group.
    /// Groups of at least two rows, largest first, each sorted by row.
    /// </summary>
    public static List<List<int>> Stars(int count, IEnumerable<RowPair> edges)
    {
        var neighbours = new List<int>?[count];
        foreach (var e in edges)
        {
            (neighbours[e.First] ??= []).Add(e.Second);
            (neighbours[e.Second] ??= []).Add(e.First);
        }
        var order = Enumerable.Range(0, count).Where(r => neighbours[r] is not null)
            .OrderByDescending(r => neighbours[r]!.Count).ThenBy(r => r).ToList();
        var grouped = new bool[count];
        var groups = new List<List<int>>();
        foreach (int leader in order)
        {
            if (grouped[leader]) continue;
            var group = new List<int> { leader };
            foreach (int n in neighbours[leader]!) if (!grouped[n] && n != leader) { grouped[n] = true; group.Add(n); }
            grouped[leader] = true;
            if (group.Count < 2) continue;
            group = group.Distinct().Order().ToList();
            groups.Add(group);
        }
        return groups.OrderByDescending(g => g.Count).ThenBy(g => g[0]).ToList();
    }

    /// <summary>Connected components of at least two rows, largest first, each sorted by row.</summary>
    public static List<List<int>> Components(int count, IEnumerable<RowPair> edges)
    {
        var parent = new int[count];
        for (int i = 0; i < count; i++) parent[i] = i;
        int Find(int x)
        {
            while (parent[x] != x) { parent[x] = parent[parent[x]]; x = parent[x]; }
            return x;
        }
        foreach (var e in edges)
        {
            int a = Find(e.First), b = Find(e.Second);
            if (a != b) parent[Math.Max(a, b)] = Math.Min(a, b);
        }
        var groups = new Dictionary<int, List<int>>();
        for (int i = 0; i < count; i++)
        {
            int root = Find(i);
            if (!groups.TryGetValue(root, out var list)) groups[root] = list = [];
            list.Add(i);
        }
        return groups.Values.Where(g => g.Count > 1).OrderByDescending(g => g.Count).ThenBy(g => g[0]).ToList();
    }
}
