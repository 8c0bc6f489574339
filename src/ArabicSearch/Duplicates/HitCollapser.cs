namespace ArabicSearch.Duplicates;

/// <summary>
/// Collapses ranked hits into groups of near-duplicates: each hit joins the group of the best-ranked earlier hit
/// (a group's leader) it resembles, or leads a group of its own. Leaders are found by banding, not by comparing
/// every pair. Pure and thread-safe.
/// </summary>
internal static class HitCollapser
{
    /// <param name="signatures">Shingle signatures in rank order; null for a hit without a fingerprint (never collapsed).</param>
    /// <param name="threshold">The least estimated similarity to a leader that collapses a hit into its group.</param>
    /// <returns>Groups in rank order of their leaders; each lists the indexes of its other hits in rank order.</returns>
    public static List<(int Leader, List<int> Others)> Collapse(IReadOnlyList<uint[]?> signatures, double threshold)
    {
        var banding = Banding.For(Fingerprint.ShingleHashCount, Math.Max(threshold, 0.05), 0.98);
        var groups = new List<(int Leader, List<int> Others)>();
        var leadersByKey = new Dictionary<ulong, List<int>>(); // band key → indexes into groups
        var tried = new HashSet<int>();
        for (int i = 0; i < signatures.Count; i++)
        {
            var signature = signatures[i];
            if (signature is null) { groups.Add((i, [])); continue; }
            int best = -1;
            tried.Clear();
            for (int band = 0; band < banding.Bands; band++)
            {
                if (!leadersByKey.TryGetValue(banding.Key(signature, band), out var candidates)) continue;
                foreach (int g in candidates)
                {
                    if (!tried.Add(g)) continue;
                    if (Fingerprint.Agreement(signature, signatures[groups[g].Leader]) >= threshold && (best < 0 || g < best)) best = g;
                }
            }
            if (best >= 0) { groups[best].Others.Add(i); continue; }
            int index = groups.Count;
            groups.Add((i, []));
            for (int band = 0; band < banding.Bands; band++)
            {
                ulong key = banding.Key(signature, band);
                if (!leadersByKey.TryGetValue(key, out var list)) leadersByKey[key] = list = [];
                list.Add(index);
            }
        }
        return groups;
    }
}
