using System.Text.RegularExpressions;
using Lucene.Net.Codecs;
using Lucene.Net.Index;
using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace ArabicSearch.Indexing;

/// <summary>
/// The cheap check made when an index opens: the latest commit point, and each file it names (present, with an intact
/// codec header and footer). Reads the commit point and the segment infos whole (they are small and carry their own
/// checksums) and 20 bytes of every other file, never a whole data file.
/// </summary>
/// <remarks>
/// What it finds: a missing or unreadable <c>segments_N</c>, a missing file, a truncated or overwritten file (its footer
/// no longer sits at its end), a damaged <c>.si</c> or <c>.cfe</c>. What it cannot find: a flipped bit inside a data
/// file. Lucene finds that when it merges the segment (<c>CheckIntegrityAtMerge</c>), and <see cref="IndexVerifier"/>
/// finds it on demand. This is the split Java Lucene and Elasticsearch make.
/// </remarks>
internal static partial class IndexStructure
{
    /// <summary>Throws <see cref="CorruptIndexException"/> (one line: which file, what is wrong) when the check fails.</summary>
    /// <remarks>
    /// A writer in another process may commit meanwhile and delete the files of the commit being checked; a failure
    /// counts only when the latest commit is still the one checked, and the check is repeated otherwise.
    /// </remarks>
    public static void Check(LuceneDirectory directory)
    {
        for (int attempt = 1; ; attempt++)
        {
            long generation = SegmentInfos.GetLastCommitGeneration(directory);
            try
            {
                CheckOnce(directory);
                return;
            }
            catch (Exception e) when (attempt < 20 && (e is IOException || IndexSession.IsCorruption(e))
                && SegmentInfos.GetLastCommitGeneration(directory) != generation)
            {
                Thread.Sleep(10 * attempt);
            }
        }
    }

    private static void CheckOnce(LuceneDirectory directory)
    {
        var infos = new SegmentInfos();
        try
        {
            // Checks segments_N's checksum and reads each .si whole, with its checksum. As Lucene's readers do, it falls
            // back to the previous commit point when the newest is unreadable and an older one is left: a process
            // killed while writing segments_N leaves the commit before it whole.
            infos.Read(directory);
        }
        catch (ArgumentException e) when (IndexSession.IsCorruption(e))
        {
            string commit = SegmentInfos.GetLastCommitSegmentsFileName(directory);
            int end = e.Message.IndexOf(". ", StringComparison.Ordinal);
            throw new CorruptIndexException($"{commit} names a codec that cannot be loaded ({(end < 0 ? e.Message : e.Message[..end])})", e);
        }
        foreach (var file in infos.GetFiles(directory, includeSegmentsFile: false))
            CheckFile(directory, file);
        foreach (var segment in infos)
        {
            if (!segment.Info.UseCompoundFile) continue;
            // Reading the .cfe checks its checksum; then each file inside the .cfs has its own header and footer.
            using var compound = new CompoundFileDirectory(directory,
                IndexFileNames.SegmentFileName(segment.Info.Name, "", IndexFileNames.COMPOUND_FILE_EXTENSION), IOContext.READ_ONCE, false);
            foreach (var inner in compound.ListAll())
                CheckFile(compound, inner, $"{segment.Info.Name}.cfs/{inner}");
        }
    }

    private static void CheckFile(LuceneDirectory directory, string file, string? shown = null)
    {
        shown ??= file;
        IndexInput input;
        try
        {
            input = directory.OpenInput(file, IOContext.READ_ONCE);
        }
        catch (FileNotFoundException)
        {
            throw new CorruptIndexException($"{shown} is missing");
        }
        using var _ = input;
        long length = input.Length;
        if (length < 4 + CodecUtil.FooterLength())
            throw new CorruptIndexException($"{shown} is truncated: {length} byte(s), shorter than a header and a footer");
        int magic = input.ReadInt32();
        // Deletions (.del) are a BitVector: a format marker, then the codec header.
        if (file.EndsWith(".del", StringComparison.Ordinal) && magic < 0) magic = input.ReadInt32();
        if (magic != CodecUtil.CODEC_MAGIC) throw new CorruptIndexException($"{shown} has a damaged header (its first bytes are not a Lucene codec header)");
        try
        {
            CodecUtil.RetrieveChecksum(input); // seeks to the footer and checks its magic and algorithm
        }
        catch (Exception e) when (e is CorruptIndexException or EndOfStreamException or IOException)
        {
            throw new CorruptIndexException($"{shown} is truncated or its end is overwritten: no intact footer at its end ({length:N0} bytes)");
        }
    }

    /// <summary>Whether <paramref name="file"/> is named like a file Lucene writes into an index (not <c>write.lock</c>).</summary>
    public static bool IsIndexFile(string file) =>
        file.StartsWith(IndexFileNames.SEGMENTS, StringComparison.Ordinal) || CodecFile().IsMatch(file);

    [GeneratedRegex(@"^_[a-z0-9]+(_.*)?\..*$", RegexOptions.CultureInvariant)]
    private static partial Regex CodecFile();
}
