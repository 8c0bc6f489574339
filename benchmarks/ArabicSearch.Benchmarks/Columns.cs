using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ArabicSearch.Benchmarks;

/// <summary>
/// A results-table column derived from the measured mean and the facts a benchmark recorded (see <see cref="BenchRun"/>):
/// MB/s, tokens/s, docs/s, queries/s, index size, latency percentiles.
/// </summary>
public sealed class DerivedColumn : IColumn
{
    private readonly Func<Summary, BenchmarkCase, double?> _value;
    private readonly string _format;

    /// <summary>Creates a column named <paramref name="name"/>; <paramref name="value"/> returns null for "not applicable".</summary>
    public DerivedColumn(string name, string legend, string format, Func<Summary, BenchmarkCase, double?> value, int priority = 0)
    {
        ColumnName = name;
        Legend = legend;
        _format = format;
        _value = value;
        PriorityInCategory = priority;
    }

    /// <inheritdoc />
    public string Id => nameof(DerivedColumn) + "." + ColumnName;
    /// <inheritdoc />
    public string ColumnName { get; }
    /// <inheritdoc />
    public bool AlwaysShow => true;
    /// <inheritdoc />
    public ColumnCategory Category => ColumnCategory.Custom;
    /// <inheritdoc />
    public int PriorityInCategory { get; }
    /// <inheritdoc />
    public bool IsNumeric => true;
    /// <inheritdoc />
    public UnitType UnitType => UnitType.Dimensionless;
    /// <inheritdoc />
    public string Legend { get; }

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        _value(summary, benchmarkCase) is { } v && double.IsFinite(v) ? v.ToString(_format, CultureInfo.InvariantCulture) : "-";

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    /// <inheritdoc />
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc />
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <inheritdoc />
    public override string ToString() => ColumnName;

    /// <summary>The mean time of one operation in seconds, or null when the case failed.</summary>
    public static double? MeanSeconds(Summary summary, BenchmarkCase c) => summary[c]?.ResultStatistics?.Mean / 1e9;

    /// <summary>A recorded fact of a case (see <see cref="BenchRun.Record"/>).</summary>
    public static double? Fact(BenchmarkCase c, string fact) =>
        BenchRun.Read(BenchRun.Key(c.Descriptor.Type.Name, c.Descriptor.WorkloadMethod.Name, Parameters(c), fact));

    /// <summary>The same fact of the case's baseline (same parameters), or null when there is none.</summary>
    public static double? BaselineFact(Summary summary, BenchmarkCase c, string fact) =>
        summary.GetBaseline(summary.GetLogicalGroupKey(c)) is { } b ? Fact(b, fact) : null;

    /// <summary>The case's parameters as <c>Name=Value,…</c>, matching what the benchmark process writes.</summary>
    public static string Parameters(BenchmarkCase c) =>
        string.Join(",", c.Parameters.Items.Select(p => $"{p.Name}={Convert.ToString(p.Value, CultureInfo.InvariantCulture)}"));

    /// <summary>Per-second rate of a recorded amount: amount / mean.</summary>
    public static double? Rate(Summary summary, BenchmarkCase c, string fact, double scale = 1) =>
        Fact(c, fact) is { } amount && MeanSeconds(summary, c) is { } s and > 0 ? amount / scale / s : null;
}
