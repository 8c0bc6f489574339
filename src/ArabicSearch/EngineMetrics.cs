using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace ArabicSearch;

/// <summary>
/// The engine's metrics, on the meter named <see cref="MeterName"/> (System.Diagnostics.Metrics; collect them with
/// OpenTelemetry's <c>AddMeter("ArabicSearch")</c> or <c>dotnet-counters monitor --counters ArabicSearch</c>).
/// Every measurement is tagged <c>index</c> with the index path (or <c>(in memory)</c>).
/// </summary>
/// <remarks>
/// <list type="table">
/// <item><term><c>arabicsearch.search.duration</c></term><description>Histogram, ms: each search, from translation to the last hit.</description></item>
/// <item><term><c>arabicsearch.documents</c></term><description>Gauge: the documents searches see, per open engine.</description></item>
/// <item><term><c>arabicsearch.documents.written</c></term><description>Counter: articles added, updated or deleted.</description></item>
/// <item><term><c>arabicsearch.commits</c></term><description>Counter: successful commits.</description></item>
/// <item><term><c>arabicsearch.refreshes</c></term><description>Counter: explicit and interval refreshes.</description></item>
/// </list>
/// </remarks>
public static class EngineMetrics
{
    /// <summary>The meter's name: <c>ArabicSearch</c>.</summary>
    public const string MeterName = "ArabicSearch";

    private static readonly Meter Meter = new(MeterName, typeof(EngineMetrics).Assembly.GetName().Version?.ToString());
    private static readonly ConcurrentDictionary<ArabicSearchEngine, byte> Open = new();

    internal static readonly Histogram<double> SearchDuration = Meter.CreateHistogram<double>("arabicsearch.search.duration", "ms", "How long searches take.");
    internal static readonly Counter<long> DocumentsWritten = Meter.CreateCounter<long>("arabicsearch.documents.written", "{document}", "Articles added, updated or deleted.");
    internal static readonly Counter<long> Commits = Meter.CreateCounter<long>("arabicsearch.commits", "{commit}", "Successful commits.");
    internal static readonly Counter<long> Refreshes = Meter.CreateCounter<long>("arabicsearch.refreshes", "{refresh}", "Explicit and interval refreshes.");

    static EngineMetrics() =>
        Meter.CreateObservableGauge("arabicsearch.documents", ObserveDocuments, "{document}", "The documents searches see, per open engine.");

    internal static void Track(ArabicSearchEngine engine) => Open[engine] = 0;

    internal static void Untrack(ArabicSearchEngine engine) => Open.TryRemove(engine, out _);

    private static IEnumerable<Measurement<int>> ObserveDocuments()
    {
        var list = new List<Measurement<int>>();
        foreach (var engine in Open.Keys)
        {
            try
            {
                list.Add(new Measurement<int>(engine.Count, new KeyValuePair<string, object?>("index", engine.Name)));
            }
            catch (ObjectDisposedException)
            {
                // closed meanwhile
            }
            catch (ArabicSearchException)
            {
                // unreadable after a failure: no measurement rather than a failed collection
            }
        }
        return list;
    }
}
