using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace ArabicSearch.Analysis;

/// <summary>
/// Splits text into words and normalizes them in the same pass (see <see cref="ArabicNormalizer"/>).
/// A word is a run of letters, digits and marks; marks, tatweel and format controls inside a word are dropped,
/// so <c>هجوماً</c> and <c>هجـــوما</c> give the same term. Offsets point into the original text and
/// cover the whole written word, marks included. The flags attribute carries the word's hamza mask (bit k: letter k
/// was an alef with hamza or madda), which <see cref="ArabicLightStemFilter"/> needs to tell <c>إلكترونية</c> from
/// an article word after folding has made both start with ا.
/// </summary>
/// <remarks>
/// Deviation from Lucene's stock chain: it uses <c>StandardTokenizer</c> and then four filters that each read the
/// term again and edit it in place. Folding while tokenizing reads every character once, which is where most of our speed comes from.
/// The input is read whole into a reused buffer on the first token (news articles are small; a 10 MB body costs
/// 20 MB once). Words longer than <see cref="MaxTokenLength"/> characters are split.
/// </remarks>
public sealed class ArabicTokenizer : Tokenizer
{
    /// <summary>The longest term emitted; longer words are cut into pieces of this length.</summary>
    public const int MaxTokenLength = WordScanner.MaxWordLength;

    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _posInc;
    private readonly IFlagsAttribute _flags;
    private char[] _text = new char[4096];
    private int _textLength = -1; // -1: input not read yet
    private int _position;

    /// <summary>Creates a tokenizer over <paramref name="input"/>.</summary>
    public ArabicTokenizer(TextReader input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _posInc = AddAttribute<IPositionIncrementAttribute>();
        _flags = AddAttribute<IFlagsAttribute>();
    }

    /// <inheritdoc />
    public override bool IncrementToken()
    {
        ClearAttributes();
        if (_textLength < 0) ReadInput();
        char[] term = _term.Buffer.Length >= WordScanner.OutputLength ? _term.Buffer : _term.ResizeBuffer(WordScanner.OutputLength);
        if (!WordScanner.Next(_text.AsSpan(0, _textLength), ref _position, term, out int length, out int start, out int end, out uint hamzaMask)) return false;
        _term.Length = length;
        _flags.Flags = (int)hamzaMask;
        _posInc.PositionIncrement = 1;
        _offset.SetOffset(CorrectOffset(start), CorrectOffset(end));
        return true;
    }

    private void ReadInput()
    {
        int total = 0;
        while (true)
        {
            if (total == _text.Length) Array.Resize(ref _text, _text.Length * 2);
            int n = m_input.Read(_text, total, _text.Length - total);
            if (n <= 0) break;
            total += n;
        }
        _textLength = total;
    }

    /// <inheritdoc />
    public override void End()
    {
        base.End();
        int final = CorrectOffset(Math.Max(_textLength, 0));
        _offset.SetOffset(final, final);
    }

    /// <inheritdoc />
    public override void Reset()
    {
        base.Reset();
        _textLength = -1;
        _position = 0;
        if (_text.Length > 1 << 20) _text = new char[4096]; // don't keep a huge buffer alive after a huge document
    }
}
