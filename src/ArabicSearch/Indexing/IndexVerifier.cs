using System.Text.RegularExpressions;
using Lucene.Net.Index;
using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace ArabicSearch;

/// <summary>What <see cref="ArabicSearchEngine.Verify"/> found in an index. Immutable.</summary>
public sealed record IndexVerification
{
    /// <summary>The index folder checked.</summary>
    public required string IndexPath { get; init; }

    /// <summary>True when every segment of the latest commit was read whole and its checksums matched.</summary>
    public bool IsHealthy => Problems.Count == 0;

    /// <summary>The commit point checked (<c>segments_N</c>), when one could be read.</summary>
    public string? CommitPoint { get; init; }

    /// <summary>The segments the commit names.</summary>
    public int Segments { get; init; }

    /// <summary>The segments that failed a check.</summary>
    public int BadSegments { get; init; }

    /// <summary>The live documents (articles) in the segments that passed.</summary>
    public long Documents { get; init; }

    /// <summary>One line per problem, e.g. <c>segment _3: checksum failed ...</c>; empty when healthy.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];
}

/// <summary>Runs Lucene's CheckIndex read-only and turns its report into an <see cref="IndexVerification"/>.</summary>
internal static partial class IndexVerifier
{
    public static IndexVerification Verify(string indexPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(indexPath);
        var folder = new DirectoryInfo(indexPath);
        if (!folder.Exists) throw new IndexNotFoundException($"No index at '{indexPath}': the folder does not exist.");
        using var directory = new NIOFSDirectory(folder);
        return Verify(directory, indexPath);
    }

    /// <summary>How many times a check is repeated when a writer's commit moved the index underneath it.</summary>
    private const int Attempts = 20;

    /// <summary>
    /// Checks the latest commit. A writer may commit meanwhile and delete the files of the commit being checked, which
    /// CheckIndex then reports as missing or unreadable; so a failed check counts only when the latest commit is still
    /// the one checked, and is repeated otherwise.
    /// </summary>
    public static IndexVerification Verify(LuceneDirectory directory, string where)
    {
        for (int attempt = 1; ; attempt++)
        {
            long before = SegmentInfos.GetLastCommitGeneration(directory);
            var report = CheckOnce(directory, where);
            if (report.IsHealthy) return report;
            long after = SegmentInfos.GetLastCommitGeneration(directory);
            bool checkedLatest = report.CommitPoint is null
                ? before == after
                : SegmentInfos.GenerationFromSegmentsFileName(report.CommitPoint) == after;
            if (before == after && checkedLatest) return report;
            if (attempt == Attempts)
                throw new ArabicSearchException($"The index at '{where}' kept changing while it was checked: a writer committed during each of {Attempts} attempts. Check it again when writes pause.");
            Thread.Sleep(10 * attempt);
        }
    }

    private static IndexVerification CheckOnce(LuceneDirectory directory, string where)
    {
        var files = directory.ListAll();
        if (!files.Any(f => f.StartsWith(IndexFileNames.SEGMENTS + "_", StringComparison.Ordinal)))
        {
            int orphans = files.Count(Indexing.IndexStructure.IsIndexFile);
            if (orphans == 0) throw new IndexNotFoundException($"No index at '{where}': the folder holds no commit point (segments_N).");
            return new IndexVerification { IndexPath = where, Problems = [$"the folder holds {orphans} index file(s) but no commit point (segments_N)"] };
        }
        using var log = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var checker = new CheckIndex(directory) { InfoStream = log };
        CheckIndex.Status status;
        try
        {
            status = checker.DoCheckIndex();
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or IndexOutOfRangeException or ArgumentException)
        {
            return new IndexVerification { IndexPath = where, Problems = [$"the index cannot be checked: {FirstLine(e.Message)}"] };
        }

        var problems = Problems(log.ToString());
        if (status.MissingSegments || status.CantOpenSegments)
        {
            if (problems.Count == 0) problems.Add("the commit point (segments_N) cannot be read");
            problems[0] = $"the commit point cannot be read: {problems[0]}";
        }
        else if (!status.Clean && problems.Count == 0)
        {
            problems.Add($"{status.NumBadSegments} of {status.NumSegments} segment(s) failed the check");
        }
        long documents = status.SegmentInfos
            .Where(s => s.OpenReaderPassed && !problems.Any(p => p.StartsWith($"segment {s.Name}:", StringComparison.Ordinal)))
            .Sum(s => (long)s.DocCount - s.NumDeleted);
        return new IndexVerification
        {
            IndexPath = where,
            CommitPoint = status.SegmentsFileName,
            Segments = status.NumSegments,
            BadSegments = status.NumBadSegments,
            Documents = documents,
            Problems = problems,
        };
    }

    /// <summary>Picks the failures out of CheckIndex's report: each one's segment and the first line of its exception.</summary>
    private static List<string> Problems(string report)
    {
        var problems = new List<string>();
        string? segment = null;
        bool failing = false;
        foreach (var raw in report.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var header = SegmentHeader().Match(line);
            if (header.Success) { segment = header.Groups[1].Value; failing = false; continue; }
            if (line.Contains("FAILED", StringComparison.Ordinal) || line.StartsWith("ERROR", StringComparison.Ordinal)) failing = true;
            if (!failing) continue;
            var error = ExceptionLine().Match(line);
            if (!error.Success) continue;
            string message = error.Groups[2].Value.Trim();
            problems.Add(segment is null ? message : $"segment {segment}: {message}");
            failing = false;
        }
        return problems;
    }

    private static string FirstLine(string message)
    {
        int nl = message.IndexOfAny(['\r', '\n']);
        return (nl < 0 ? message : message[..nl]).Trim();
    }

    [GeneratedRegex(@"^\s*\d+ of \d+: name=(\S+)")]
    private static partial Regex SegmentHeader();

    [GeneratedRegex(@"^\s*([\w.]+(?:Exception|Error)):\s*(.*)$")]
    private static partial Regex ExceptionLine();
}
