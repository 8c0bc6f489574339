using Microsoft.Extensions.Logging;

namespace ArabicSearch;

/// <summary>The engine's log events (source-generated, allocation-free when disabled).</summary>
internal static partial class EngineLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Opened index {Path} ({Mode}) with {Documents} documents")]
    public static partial void Opened(ILogger logger, string path, string mode, int documents);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Committed index {Path} in {ElapsedMs} ms")]
    public static partial void Committed(ILogger logger, string path, long elapsedMs);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Slow search ({ElapsedMs} ms, {Total} matches): {Request}")]
    public static partial void SlowSearch(ILogger logger, long elapsedMs, int total, string request);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Disposing index {Path} discards {Writes} uncommitted writes; call Commit() before disposing to keep them")]
    public static partial void DiscardedOnDispose(ILogger logger, string path, long writes);

    [LoggerMessage(EventId = 5, Level = LogLevel.Error, Message = "Refreshing index {Path} on its interval failed; searches keep their last snapshot")]
    public static partial void RefreshFailed(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Index {Path}: {Older} of {Documents} articles were indexed by an older version of the analysis than this release's ({Version}); add them again (AddOrUpdate) to search them as this version does")]
    public static partial void OlderAnalysis(ILogger logger, string path, int older, int documents, int version);
}
