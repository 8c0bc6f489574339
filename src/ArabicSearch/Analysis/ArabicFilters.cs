using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace ArabicSearch.Analysis;

/// <summary>Removes <see cref="ArabicStopwords"/> from normalized tokens, leaving a position gap where a word was removed.</summary>
public sealed class ArabicStopwordFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _posInc;

    /// <summary>Wraps <paramref name="input"/>.</summary>
    public ArabicStopwordFilter(TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _posInc = AddAttribute<IPositionIncrementAttribute>();
    }

    /// <inheritdoc />
    public override bool IncrementToken()
    {
        int skipped = 0;
        while (m_input.IncrementToken())
        {
            if (!ArabicStopwords.Contains(_term.Buffer.AsSpan(0, _term.Length)))
            {
                if (skipped > 0) _posInc.PositionIncrement += skipped;
                return true;
            }
            skipped += _posInc.PositionIncrement;
        }
        return false;
    }
}

/// <summary>
/// Applies <see cref="ArabicLightStemmer"/> to each token, in place. A word that may start with a one-letter
/// proclitic (<c>لمصر</c>, but also <c>كتاب</c>, <c>بغداد</c>) gets both readings at the same position, so either
/// spelling meets the other without a dictionary.
/// </summary>
public sealed class ArabicLightStemFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _posInc;
    private char[] _pending = new char[16];
    private int _pendingLength = -1;

    /// <summary>Wraps <paramref name="input"/>.</summary>
    public ArabicLightStemFilter(TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _posInc = AddAttribute<IPositionIncrementAttribute>();
    }

    /// <inheritdoc />
    public override bool IncrementToken()
    {
        if (_pendingLength >= 0)
        {
            // The second reading: the same word with its first letter kept. Offsets and other attributes are unchanged.
            var buffer = _term.ResizeBuffer(_pendingLength);
            Array.Copy(_pending, buffer, _pendingLength);
            _term.Length = ArabicLightStemmer.Stem(buffer, _pendingLength, stripProclitic: false);
            _posInc.PositionIncrement = 0;
            _pendingLength = -1;
            return true;
        }
        if (!m_input.IncrementToken()) return false;
        char[] term = _term.Buffer;
        int length = _term.Length;
        if (ArabicLightStemmer.HasLoneProclitic(term, length))
        {
            if (_pending.Length < length) _pending = new char[Math.Max(length, _pending.Length * 2)];
            Array.Copy(term, _pending, length);
            _pendingLength = length;
        }
        _term.Length = ArabicLightStemmer.Stem(term, length);
        return true;
    }

    /// <inheritdoc />
    public override void Reset()
    {
        base.Reset();
        _pendingLength = -1;
    }
}

/// <summary>Applies <see cref="ArabicLooseStemmer"/> to each token, in place.</summary>
public sealed class ArabicLooseStemFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    /// <summary>Wraps <paramref name="input"/>.</summary>
    public ArabicLooseStemFilter(TokenStream input) : base(input) => _term = AddAttribute<ICharTermAttribute>();

    /// <inheritdoc />
    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        _term.Length = ArabicLooseStemmer.Stem(_term.Buffer, _term.Length);
        return true;
    }
}
