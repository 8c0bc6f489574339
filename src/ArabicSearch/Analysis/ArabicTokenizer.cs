using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace ArabicSearch.Analysis;

/// <summary>
/// Splits text into words and normalizes them in the same pass (see <see cref="ArabicNormalizer"/>).
/// A word is a run of letters, digits and marks; marks, tatweel and format controls inside a word are dropped,
/// so <c>هجوماً</c> and <c>هجـــوما</c> give the same term. Offsets point into the original text and
/// cover the whole written word, marks included.
/// </summary>
/// <remarks>
/// Deviation from Lucene's stock chain: it uses <c>StandardTokenizer</c> and then four filters that each copy
/// the term. Folding while tokenizing reads every character once, which is where most of our speed comes from.
/// Words longer than <see cref="MaxTokenLength"/> characters are split.
/// </remarks>
public sealed class ArabicTokenizer : Tokenizer
{
    /// <summary>The longest term emitted; longer words are cut into pieces of this length.</summary>
    public const int MaxTokenLength = 255;

    private const int BufferSize = 4096;
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _posInc;
    private readonly char[] _buffer = new char[BufferSize];
    private int _bufferLength;
    private int _bufferIndex;
    private int _consumed; // characters of input before _buffer[0]
    private int _finalOffset;

    /// <summary>Creates a tokenizer over <paramref name="input"/>.</summary>
    public ArabicTokenizer(TextReader input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _posInc = AddAttribute<IPositionIncrementAttribute>();
    }

    /// <inheritdoc />
    public override bool IncrementToken()
    {
        ClearAttributes();
        char[] term = _term.Buffer;
        if (term.Length < MaxTokenLength + 8) term = _term.ResizeBuffer(MaxTokenLength + 8);
        int length = 0, start = -1, end = -1;
        while (true)
        {
            if (_bufferIndex >= _bufferLength)
            {
                _consumed += _bufferLength;
                _bufferLength = ReadFull();
                _bufferIndex = 0;
                if (_bufferLength <= 0)
                {
                    _bufferLength = 0;
                    _finalOffset = CorrectOffset(_consumed);
                    if (length > 0) break;
                    return false;
                }
            }
            char c = _buffer[_bufferIndex];
            char f = ArabicNormalizer.Fold(c);
            if (f == ArabicNormalizer.Separator)
            {
                _bufferIndex++;
                if (length > 0) break;
                start = -1; // a word of marks only is no word
                continue;
            }
            int at = _consumed + _bufferIndex;
            _bufferIndex++;
            if (f == ArabicNormalizer.Ignorable)
            {
                if (length > 0 || start >= 0) end = at + 1;
                continue;
            }
            if (length >= MaxTokenLength)
            {
                _bufferIndex--; // give this character to the next token
                break;
            }
            if (length == 0 && start < 0) start = at;
            if (f == ArabicNormalizer.Expands)
            {
                foreach (char e in ArabicNormalizer.Expansion(c))
                    if (length < term.Length) term[length++] = e;
            }
            else
            {
                term[length++] = f;
            }
            end = at + 1;
        }
        _term.Length = length;
        _posInc.PositionIncrement = 1;
        _offset.SetOffset(CorrectOffset(start), CorrectOffset(end));
        return true;
    }

    private int ReadFull()
    {
        int total = 0;
        while (total < _buffer.Length)
        {
            int n = m_input.Read(_buffer, total, _buffer.Length - total);
            if (n <= 0) break;
            total += n;
        }
        return total;
    }

    /// <inheritdoc />
    public override void End()
    {
        base.End();
        _offset.SetOffset(_finalOffset, _finalOffset);
    }

    /// <inheritdoc />
    public override void Reset()
    {
        base.Reset();
        _bufferLength = 0;
        _bufferIndex = 0;
        _consumed = 0;
        _finalOffset = 0;
    }
}
