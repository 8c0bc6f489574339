namespace ArabicSearch;

/// <summary>The base of every error ArabicSearch reports about its input or its index.</summary>
public class ArabicSearchException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ArabicSearchException(string message, Exception? inner = null) : base(message, inner) { }
}

/// <summary>A query could not be parsed or is not allowed (too large, unsupported syntax, bad paging).</summary>
public sealed class InvalidQueryException : ArabicSearchException
{
    /// <summary>Creates the exception.</summary>
    public InvalidQueryException(string message, Exception? inner = null) : base(message, inner) { }
}

/// <summary>There is no index where one was expected.</summary>
public sealed class IndexNotFoundException : ArabicSearchException
{
    /// <summary>Creates the exception.</summary>
    public IndexNotFoundException(string message) : base(message) { }

    /// <summary>The exception for an index folder that is not there: missing, or a file where the folder should be.</summary>
    internal static IndexNotFoundException Missing(string indexPath) => new(File.Exists(indexPath)
        ? $"No index at '{indexPath}': it is a file, not a folder."
        : $"No index at '{indexPath}': the folder does not exist.");
}

/// <summary>Another writer (usually another process) holds the index's write lock.</summary>
public sealed class IndexInUseException : ArabicSearchException
{
    /// <summary>Creates the exception.</summary>
    public IndexInUseException(string message, Exception? inner = null) : base(message, inner) { }
}

/// <summary>The index's files are damaged.</summary>
public sealed class IndexCorruptException : ArabicSearchException
{
    /// <summary>Creates the exception.</summary>
    public IndexCorruptException(string message, Exception? inner = null) : base(message, inner) { }
}

/// <summary>
/// Writing to the index failed (an I/O error such as a full disk). The engine has rolled back to the last commit:
/// every write since then, from any thread, was discarded. Further writes and commits throw this exception until
/// <see cref="ArabicSearchEngine.Rollback"/> acknowledges the loss.
/// </summary>
/// <remarks>
/// <see cref="ArabicSearchEngine.Open(ArabicSearchOptions)"/> throws it too, with no engine to roll back, when the index folder cannot be
/// created (a part of its path is a file, permission is denied) or written (its write lock cannot be made for a reason
/// other than another holder, which is <see cref="IndexInUseException"/>).
/// </remarks>
public sealed class IndexWriteException : ArabicSearchException
{
    /// <summary>Creates the exception.</summary>
    public IndexWriteException(string message, Exception? inner = null) : base(message, inner) { }
}
