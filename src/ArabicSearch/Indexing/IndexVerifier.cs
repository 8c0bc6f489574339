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
        if (!folder.Exists) throw IndexNotFoundException.Missing(indexPath);
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

/// <summary>What <see cref="ArabicSearchEngine.Repair"/> did to an index. Immutable.</summary>
public sealed record IndexRepair
{
    /// <summary>The index folder repaired.</summary>
    public required string IndexPath { get; init; }

    /// <summary>True when a new commit was written without the damaged segments; false when the index was healthy.</summary>
    public bool Repaired { get; init; }

    /// <summary>The full copy of the index taken before anything was changed, when <see cref="Repaired"/>.</summary>
    public string? BackupPath { get; init; }

    /// <summary>One line per segment dropped: its name, its articles and why, e.g. <c>segment _3: 1,204 article(s) (checksum failed …)</c>.</summary>
    public IReadOnlyList<string> Dropped { get; init; } = [];

    /// <summary>The articles in the dropped segments: they are gone from the index (not from the backup).</summary>
    public long ArticlesDropped { get; init; }

    /// <summary>The articles the repaired index holds.</summary>
    public long ArticlesKept { get; init; }
}

/// <summary>
/// Recovers what can be read of a damaged index: Lucene's CheckIndex "exorcise", behind a write lock and a backup.
/// </summary>
internal static class IndexRepairer
{
    public static IndexRepair Repair(string indexPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(indexPath);
        var folder = new DirectoryInfo(indexPath);
        if (!folder.Exists) throw IndexNotFoundException.Missing(indexPath);
        using var directory = new NIOFSDirectory(folder, new Indexing.ExclusiveFileLockFactory(folder.FullName));
        using var writeLock = directory.MakeLock(IndexWriter.WRITE_LOCK_NAME);
        if (!writeLock.Obtain())
            throw new IndexInUseException($"The index at '{indexPath}' is in use by another process (its write lock is held); close it before repairing.");

        var report = IndexVerifier.Verify(directory, indexPath);
        if (report.IsHealthy) return new IndexRepair { IndexPath = indexPath, ArticlesKept = report.Documents };
        var checker = new CheckIndex(directory) { InfoStream = null };
        var status = checker.DoCheckIndex();
        if (status.MissingSegments || status.CantOpenSegments || (status.SegmentInfos.Count == 0 && status.NumBadSegments == 0))
            throw new IndexCorruptException($"The index at '{indexPath}' cannot be repaired: it has no readable commit point ({(report.Problems.Count > 0 ? report.Problems[0] : "segments_N")}). Nothing was changed.");

        // FixIndex keeps the segments whose check passed; the same test picks the ones it drops.
        bool Bad(CheckIndex.Status.SegmentInfoStatus s) =>
            !s.OpenReaderPassed || s.FieldNormStatus?.Error is not null || s.TermIndexStatus?.Error is not null
            || s.StoredFieldStatus?.Error is not null || s.TermVectorStatus?.Error is not null || s.DocValuesStatus?.Error is not null
            || report.Problems.Any(p => p.StartsWith($"segment {s.Name}:", StringComparison.Ordinal));
        var dropped = status.SegmentInfos.Where(Bad).ToList();
        var lines = dropped.Select(s =>
        {
            string? why = report.Problems.FirstOrDefault(p => p.StartsWith($"segment {s.Name}:", StringComparison.Ordinal));
            return $"segment {s.Name}: {s.DocCount - s.NumDeleted:N0} article(s)" + (why is null ? "" : $" ({why[($"segment {s.Name}: ".Length)..]})");
        }).ToList();

        string backup = $"{folder.FullName.TrimEnd(Path.DirectorySeparatorChar)}.backup-{DateTime.UtcNow:yyyyMMdd'T'HHmmss'Z'}";
        System.IO.Directory.CreateDirectory(backup);
        foreach (var file in folder.GetFiles())
            if (file.Name != IndexWriter.WRITE_LOCK_NAME) file.CopyTo(Path.Combine(backup, file.Name));

        checker.FixIndex(status); // writes a new commit of the good segments; the next writer deletes the rest
        return new IndexRepair
        {
            IndexPath = indexPath,
            Repaired = true,
            BackupPath = backup,
            Dropped = lines,
            ArticlesDropped = dropped.Sum(s => (long)s.DocCount - s.NumDeleted),
            ArticlesKept = status.SegmentInfos.Where(s => !Bad(s)).Sum(s => (long)s.DocCount - s.NumDeleted),
        };
    }
}
