using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace ArabicSearch.Analysis;

/// <summary>
/// One analysis pass over a text for every indexed view (issue 16): <see cref="ArabicTokenizer"/> splits and normalizes
/// the text once into a buffer of terms with their offsets, position increments and hamza masks, and each view is
/// replayed from it (<see cref="Stream"/>) through the view's own filters, so a second and third view cost only their
/// stopword and stemming filters. The same words, with the same offsets and masks as <see cref="TextWords.Split"/>,
/// feed the entity recognizer, the date extractor and the completions (<see cref="Words"/>) and the fingerprints
/// (<see cref="Term"/>, <see cref="HamzaMask"/>).
/// </summary>
/// <remarks>
/// <para>The replayed streams are <see cref="ArabicSearchAnalyzer"/>'s chains with the tokenizer swapped for the
/// buffer: <see cref="ArabicStopwordFilter"/> then <see cref="ArabicLightStemFilter"/> (stemmed) or
/// <see cref="ArabicLooseStemFilter"/> (loose), in the analyzer's order, so they give the analyzer's terms, position
/// increments, offsets and flags, and the text's length as final offset. <c>SharedAnalysisTests</c> compares both ways,
/// stream by stream and index by index.</para>
/// <para>Immutable once built; <see cref="Of"/> may be called from any thread.</para>
/// </remarks>
internal sealed class AnalyzedText
{
    private readonly char[] _chars;      // the terms, one after another
    private readonly int[] _tokens;      // per token: term start in _chars, term length, start offset, end offset, increment
    private readonly uint[] _masks;
    private List<TextWord>? _words;

    private const int Stride = 5;

    private AnalyzedText(string text, char[] chars, int[] tokens, uint[] masks, int count)
    {
        Text = text;
        _chars = chars;
        _tokens = tokens;
        _masks = masks;
        Count = count;
    }

    /// <summary>The text analysed.</summary>
    public string Text { get; }

    /// <summary>How many tokens the tokenizer gave.</summary>
    public int Count { get; }

    /// <summary>The normalized term of token <paramref name="i"/>.</summary>
    public ReadOnlySpan<char> Term(int i) => _chars.AsSpan(_tokens[i * Stride], _tokens[i * Stride + 1]);

    /// <summary>The hamza mask of token <paramref name="i"/> (see <see cref="WordScanner"/>).</summary>
    public uint HamzaMask(int i) => _masks[i];

    internal int StartOffset(int i) => _tokens[i * Stride + 2];

    internal int EndOffset(int i) => _tokens[i * Stride + 3];

    internal int Increment(int i) => _tokens[i * Stride + 4];

    /// <summary>
    /// The normalized words with offsets and hamza masks, stopwords kept, as <see cref="TextWords.Split"/> gives them
    /// (one string per word, made on first use). Do not modify.
    /// </summary>
    public List<TextWord> Words
    {
        get
        {
            if (_words is { } made) return made;
            var words = new List<TextWord>(Count);
            for (int i = 0; i < Count; i++) words.Add(new TextWord(new string(Term(i)), StartOffset(i), EndOffset(i), _masks[i]));
            return _words = words;
        }
    }

    /// <summary>True when some word is not a stopword.</summary>
    public bool HasContentWord()
    {
        for (int i = 0; i < Count; i++) if (!ArabicStopwords.Contains(Term(i))) return true;
        return false;
    }

    [ThreadStatic] private static ArabicTokenizer? t_tokenizer;
    [ThreadStatic] private static char[]? t_chars;
    [ThreadStatic] private static int[]? t_tokens;
    [ThreadStatic] private static uint[]? t_masks;

    /// <summary>Tokenizes and normalizes <paramref name="text"/> once.</summary>
    public static AnalyzedText Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0) return new AnalyzedText(text, [], [], [], 0);
        // Filled in this thread's buffers, then copied out at their exact sizes.
        var chars = t_chars ??= new char[4096];
        var tokens = t_tokens ??= new int[512 * Stride];
        var masks = t_masks ??= new uint[512];
        int count = 0, used = 0;
        var tokenizer = t_tokenizer ??= new ArabicTokenizer(TextReader.Null);
        var term = tokenizer.GetAttribute<ICharTermAttribute>();
        var offset = tokenizer.GetAttribute<IOffsetAttribute>();
        var increment = tokenizer.GetAttribute<IPositionIncrementAttribute>();
        var flags = tokenizer.GetAttribute<IFlagsAttribute>();
        tokenizer.SetReader(new StringReader(text));
        try
        {
            tokenizer.Reset();
            while (tokenizer.IncrementToken())
            {
                int length = term.Length;
                if (used + length > chars.Length) Array.Resize(ref chars, Math.Max(chars.Length * 2, used + length));
                if (count == masks.Length || (count + 1) * Stride > tokens.Length)
                {
                    Array.Resize(ref masks, Math.Max(masks.Length, tokens.Length / Stride) * 2);
                    Array.Resize(ref tokens, masks.Length * Stride);
                }
                Array.Copy(term.Buffer, 0, chars, used, length);
                int at = count * Stride;
                tokens[at] = used;
                tokens[at + 1] = length;
                tokens[at + 2] = offset.StartOffset;
                tokens[at + 3] = offset.EndOffset;
                tokens[at + 4] = increment.PositionIncrement;
                masks[count++] = (uint)flags.Flags;
                used += length;
            }
            tokenizer.End();
        }
        finally
        {
            tokenizer.Dispose();
        }
        var result = new AnalyzedText(text, chars.AsSpan(0, used).ToArray(), tokens.AsSpan(0, count * Stride).ToArray(), masks.AsSpan(0, count).ToArray(), count);
        // Keep grown buffers for the next text, but not huge ones (the token arrays together, so their sizes agree).
        t_chars = chars.Length <= 1 << 20 ? chars : null;
        bool keep = masks.Length <= 1 << 16;
        t_tokens = keep ? tokens : null;
        t_masks = keep ? masks : null;
        return result;
    }

    /// <summary>
    /// A token stream of <paramref name="view"/> over this text: what <see cref="ArabicSearchAnalyzer"/> for that view
    /// gives for it (terms, position increments, offsets and flags; the text's length as final offset).
    /// </summary>
    /// <remarks>The stream is the calling thread's, reused once disposed (as Lucene disposes a field's stream after inverting it).</remarks>
    public TokenStream Stream(ArabicView view) => TokenReplay.Rent(view, this);
}

/// <summary>
/// Replays the tokens of an <see cref="AnalyzedText"/> as <see cref="ArabicTokenizer"/> gave them: the source of a
/// view's chain. One chain per view and thread, reused after Lucene disposes it; a chain asked for while the thread's
/// one is in use is a new instance.
/// </summary>
internal sealed class TokenReplay : TokenStream
{
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _increment;
    private readonly IFlagsAttribute _flags;
    private AnalyzedText? _text;
    private int _next;
    private bool _inUse;
    private TokenStream _chain = null!;

    [ThreadStatic] private static TokenReplay?[]? t_sources;

    private TokenReplay()
    {
        // The attributes of ArabicTokenizer, in its order.
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
        _flags = AddAttribute<IFlagsAttribute>();
    }

    /// <summary>The calling thread's chain for <paramref name="view"/>, bound to <paramref name="text"/>.</summary>
    public static TokenStream Rent(ArabicView view, AnalyzedText text)
    {
        var sources = t_sources ??= new TokenReplay?[3];
        int slot = (int)view;
        var source = sources[slot];
        if (source is null || source._inUse) sources[slot] = source = Chain(view);
        source._text = text;
        source._next = 0;
        source._inUse = true;
        return source._chain;
    }

    /// <summary>The chain of <see cref="ArabicSearchAnalyzer"/>'s <c>CreateComponents</c> behind a replaying source.</summary>
    private static TokenReplay Chain(ArabicView view)
    {
        var source = new TokenReplay();
        TokenStream sink = view == ArabicView.Exact ? source : new ArabicStopwordFilter(source);
        if (view == ArabicView.Stemmed) sink = new ArabicLightStemFilter(sink);
        else if (view == ArabicView.Loose) sink = new ArabicLooseStemFilter(sink);
        source._chain = sink;
        return source;
    }

    public override bool IncrementToken()
    {
        var text = _text ?? throw new InvalidOperationException("The stream is not bound to a text.");
        ClearAttributes();
        if (_next >= text.Count) return false;
        int i = _next++;
        var term = text.Term(i);
        var buffer = _term.Buffer.Length >= term.Length ? _term.Buffer : _term.ResizeBuffer(term.Length);
        term.CopyTo(buffer);
        _term.Length = term.Length;
        _flags.Flags = (int)text.HamzaMask(i);
        _increment.PositionIncrement = text.Increment(i);
        _offset.SetOffset(text.StartOffset(i), text.EndOffset(i));
        return true;
    }

    public override void End()
    {
        base.End();
        int final = _text?.Text.Length ?? 0;
        _offset.SetOffset(final, final);
    }

    public override void Reset()
    {
        base.Reset();
        _next = 0;
    }

    protected override void Dispose(bool disposing)
    {
        _text = null;
        _inUse = false;
        base.Dispose(disposing);
    }
}
