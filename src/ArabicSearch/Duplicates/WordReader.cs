using ArabicSearch.Analysis;

namespace ArabicSearch.Duplicates;

/// <summary>
/// Reads the normalized words of a text one at a time into a reusable buffer, splitting and folding with
/// <see cref="WordScanner"/>, as <see cref="ArabicTokenizer"/> does, but with no Lucene token stream and no
/// allocation per word. <see cref="Start"/> and <see cref="End"/> locate the word in the original text.
/// </summary>
internal struct WordReader
{
    /// <summary>The longest word; longer runs are cut, as the tokenizer cuts them.</summary>
    public const int MaxWordLength = WordScanner.MaxWordLength;

    private readonly string _text;
    private readonly char[] _buffer;
    private int _position;

    /// <param name="text">The text to read.</param>
    /// <param name="buffer">At least <see cref="MaxWordLength"/> + 8 characters; the current word is written to its start.</param>
    public WordReader(string text, char[] buffer)
    {
        if (buffer.Length < MaxWordLength + 8) throw new ArgumentException("The word buffer is too small.", nameof(buffer));
        _text = text;
        _buffer = buffer;
        _position = 0;
        Length = Start = End = 0;
    }

    /// <summary>The length of the current normalized word in the buffer.</summary>
    public int Length { get; private set; }

    /// <summary>Where the current word starts in the original text.</summary>
    public int Start { get; private set; }

    /// <summary>Where the current word ends (exclusive) in the original text.</summary>
    public int End { get; private set; }

    /// <summary>The hamza mask of the current word (see <see cref="WordScanner"/>), for the word model.</summary>
    public uint HamzaMask { get; private set; }

    /// <summary>The current normalized word.</summary>
    public readonly ReadOnlySpan<char> Word => _buffer.AsSpan(0, Length);

    /// <summary>Moves to the next word; false at the end of the text.</summary>
    public bool Next()
    {
        bool found = WordScanner.Next(_text, ref _position, _buffer, out int length, out int start, out int end, out uint hamzaMask);
        Length = length;
        HamzaMask = hamzaMask;
        if (!found) return false;
        Start = start;
        End = end;
        return true;
    }
}
