using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;

namespace ArabicSearch.Benchmarks;

/// <summary>
/// <c>profile [ARTICLES] abq OLD_DLL [KIND,KIND…] [ROUNDS]</c>: the same queries on the same index through an older build of
/// the library (<c>OLD_DLL</c>, an <c>ArabicSearch.dll</c> copied aside before a change, loaded into its own
/// <see cref="AssemblyLoadContext"/>; Lucene is shared) and through this build, interleaved round by round in one
/// process, so that a loaded machine slows both alike. A round runs every query of a kind once; the best and the median
/// round are printed (after two warm-up rounds) as milliseconds a query, with the bytes allocated a query. Every query's total, hit ids, scores and snippets must be
/// equal in both builds, else it says so. Kinds are those of <c>profile … loop</c>.
/// </summary>
public static class AbQueries
{
    public static int Run(IReadOnlyList<Article> articles, string oldDll, string kinds, int rounds)
    {
        var (ours, _) = QueryIndexes.Ensure(articles);
        var work = QueryWorkload.Draw(articles, 64);
        using var engine = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = ours, ReadOnly = true });
        var old = new OldEngine(oldDll, ours);
        try
        {
            foreach (var (name, shortName, request) in Profile.QueryKinds(work).Where(k => kinds == "all" || kinds.Split(',').Contains(k.Short)))
            {
                int n = shortName is "combined" ? work.Combined.Count : shortName is "entity" ? work.Entities.Count : shortName is "date" ? work.Ranges.Count : work.Phrases.Count;
                var requests = Enumerable.Range(0, n).Select(request).ToArray();
                var oldRequests = requests.Select(old.Prepare).ToArray();
                int differ = 0;
                for (int warm = 0; warm < 2; warm++)
                    for (int i = 0; i < n; i++) { old.Run(oldRequests[i]); engine.Search(requests[i]); }
                foreach (var r in requests)
                {
                    var a = old.Search(r);
                    var b = engine.Search(r);
                    if (a.Total != b.Total || !a.Ids.SequenceEqual(b.Hits.Select(h => h.Id)) || !a.Scores.SequenceEqual(b.Hits.Select(h => h.Score))
                        || a.Snippets != string.Concat(b.Hits.Select(h => h.Snippet))) differ++;
                }
                var times = new double[2][];
                var alloc = new long[2];
                times[0] = new double[rounds];
                times[1] = new double[rounds];
                for (int round = 0; round < rounds; round++)
                {
                    for (int side = 0; side < 2; side++)
                    {
                        int s = (round & 1) == 0 ? side : 1 - side; // alternate which build goes first
                        long before = GC.GetAllocatedBytesForCurrentThread();
                        long t = Stopwatch.GetTimestamp();
                        if (s == 0) foreach (var r in oldRequests) old.Run(r);
                        else foreach (var r in requests) engine.Search(r);
                        times[s][round] = Stopwatch.GetElapsedTime(t).TotalMilliseconds / requests.Length;
                        alloc[s] += GC.GetAllocatedBytesForCurrentThread() - before;
                    }
                }
                double Best(int s) => times[s].Min();
                double Median(int s) => times[s].Order().ElementAt(rounds / 2);
                Console.WriteLine($"{name,-24} old best {Best(0):0.000} median {Median(0):0.000} ms {alloc[0] / rounds / n / 1024.0,7:N0} KB | new best {Best(1):0.000} median {Median(1):0.000} ms {alloc[1] / rounds / n / 1024.0,7:N0} KB | new/old {Best(1) / Best(0):0.00} (median {Median(1) / Median(0):0.00}){(differ > 0 ? $"  RESULTS DIFFER in {differ} of {n} queries" : "  same results")}");
            }
        }
        finally
        {
            old.Dispose();
        }
        return 0;
    }

    /// <summary>The older build's engine, called by reflection: requests are copied property by property.</summary>
    private sealed class OldEngine : IDisposable
    {
        private readonly object _engine;
        private readonly Type _requestType;
        private readonly MethodInfo _search;
        private static readonly SearchRequest Defaults = new();

        public OldEngine(string dll, string indexPath)
        {
            var context = new OldContext(Path.GetFullPath(dll));
            var asm = context.LoadFromAssemblyPath(Path.GetFullPath(dll));
            var optionsType = asm.GetType("ArabicSearch.ArabicSearchOptions")!;
            var options = Activator.CreateInstance(optionsType)!;
            optionsType.GetProperty("IndexPath")!.SetValue(options, indexPath);
            optionsType.GetProperty("ReadOnly")!.SetValue(options, true);
            var engineType = asm.GetType("ArabicSearch.ArabicSearchEngine")!;
            _engine = engineType.GetMethod("Open", [optionsType])!.Invoke(null, [options])!;
            _requestType = asm.GetType("ArabicSearch.SearchRequest")!;
            _search = engineType.GetMethod("Search", [_requestType])!;
        }

        /// <summary>The old build's copy of <paramref name="request"/>.</summary>
        public object Prepare(SearchRequest request)
        {
            var r = Activator.CreateInstance(_requestType)!;
            foreach (var p in typeof(SearchRequest).GetProperties())
            {
                var value = p.GetValue(request);
                if (!p.CanWrite || Equals(value, p.GetValue(Defaults)) || value is System.Collections.IList { Count: 0 }) continue;
                var target = _requestType.GetProperty(p.Name) ?? throw new InvalidOperationException($"the old SearchRequest has no {p.Name}");
                target.SetValue(r, value is Enum e ? Enum.ToObject(Nullable.GetUnderlyingType(target.PropertyType) ?? target.PropertyType, Convert.ToInt32(e, System.Globalization.CultureInfo.InvariantCulture)) : value);
            }
            return r;
        }

        /// <summary>Searches a prepared request; the results are not read.</summary>
        public object Run(object request) => _search.Invoke(_engine, [request])!;

        public (int Total, List<string> Ids, List<float> Scores, string Snippets) Search(SearchRequest request)
        {
            dynamic results = Run(Prepare(request));
            var ids = new List<string>();
            var scores = new List<float>();
            var snippets = new System.Text.StringBuilder();
            foreach (dynamic hit in results.Hits)
            {
                ids.Add((string)hit.Id);
                scores.Add((float)hit.Score);
                snippets.Append((string)hit.Snippet);
            }
            return ((int)results.Total, ids, scores, snippets.ToString());
        }

        public void Dispose() => ((IDisposable)_engine).Dispose();
    }

    /// <summary>Loads the old ArabicSearch.dll on its own; everything else (Lucene, the runtime) comes from the default context.</summary>
    private sealed class OldContext(string dll) : AssemblyLoadContext("arabicsearch-old")
    {
        protected override Assembly? Load(AssemblyName name) => name.Name == "ArabicSearch" ? LoadFromAssemblyPath(dll) : null;
    }
}
