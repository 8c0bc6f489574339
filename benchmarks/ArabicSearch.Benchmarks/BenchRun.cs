using System.Globalization;

namespace ArabicSearch.Benchmarks;

/// <summary>
/// What one run of the suite shares between the host process and the benchmark processes BenchmarkDotNet starts:
/// whether this is a smoke run (small corpus subsets), and a folder where each benchmark process records the facts
/// the host's extra columns show (bytes and tokens processed, index size on disk, per-query latency percentiles).
/// </summary>
/// <remarks>Both travel as environment variables, which the benchmark processes inherit from the host.</remarks>
public static class BenchRun
{
    private const string SmallVariable = "ARABICSEARCH_BENCH_SMALL";
    private const string RunVariable = "ARABICSEARCH_BENCH_RUN";

    /// <summary>
    /// A smoke run (<c>--job Dry</c> or CI=true): every benchmark uses a small subset of the corpus so the run ends in
    /// a minute or two. Its figures mean nothing.
    /// </summary>
    public static bool Small =>
        Environment.GetEnvironmentVariable(SmallVariable) == "1"
        || string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Called once by the host before any benchmark runs.</summary>
    public static void Start(string[] args)
    {
        bool dry = false;
        for (int i = 0; i < args.Length - 1; i++)
            if (args[i] is "--job" or "-j" && args[i + 1].Equals("dry", StringComparison.OrdinalIgnoreCase)) dry = true;
        if (dry) Environment.SetEnvironmentVariable(SmallVariable, "1");
        var dir = Path.Combine(Path.GetTempPath(), "arabicsearch-bench", "run-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        if (Directory.Exists(dir)) Directory.Delete(dir, true);
        Directory.CreateDirectory(dir);
        Environment.SetEnvironmentVariable(RunVariable, dir);
        if (Small)
            Console.WriteLine("// SMOKE RUN (--job Dry or CI=true): small corpus subsets, figures are not meaningful");
    }

    /// <summary>Called once by the host after the run.</summary>
    public static void Finish()
    {
        if (RunDirectory is { } dir && Directory.Exists(dir)) Directory.Delete(dir, true);
    }

    /// <summary>Picks the full-run or the smoke-run size.</summary>
    public static int Size(int full, int small) => Small ? small : full;

    private static string? RunDirectory => Environment.GetEnvironmentVariable(RunVariable);

    /// <summary>Records a fact for the host (no-op when run outside the suite's host).</summary>
    public static void Record(string key, double value)
    {
        if (RunDirectory is not { } dir || !Directory.Exists(dir)) return;
        File.WriteAllText(Path.Combine(dir, Sanitize(key)), value.ToString("R", CultureInfo.InvariantCulture));
    }

    /// <summary>A fact a benchmark process recorded in this run, or null.</summary>
    public static double? Read(string key)
    {
        if (RunDirectory is not { } dir) return null;
        var path = Path.Combine(dir, Sanitize(key));
        return File.Exists(path) && double.TryParse(File.ReadAllText(path), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    /// <summary>The key of a fact about one benchmark case: type, method and parameters.</summary>
    public static string Key(string type, string method, string parameters, string fact) => $"{type}.{method}({parameters}).{fact}";

    private static string Sanitize(string key) => string.Concat(key.Select(c => char.IsLetterOrDigit(c) || c is '.' or '_' or '-' or '=' ? c : '_'));
}
