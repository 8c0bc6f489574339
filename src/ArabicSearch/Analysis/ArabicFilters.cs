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
/// Stems each token with the word model: every stemmed reading it gives (<c>ArabicWord.StemReadings</c>) is
/// emitted at the same position, so a word that may start with a proclitic (<c>لمصر</c>, but also <c>كتاب</c>,
/// <c>بغداد</c>, <c>وقال</c>) meets either spelling without a dictionary. A reading that takes a letter for a lone
/// proclitic (a guess: <c>لجنة</c> read as <c>جنة</c>) is written with <c>ArabicWord.ProcliticReadingMark</c> before
/// it, so the query side can search it at a lower weight than the word as written (issue 12, class 10). The hamza
/// mask comes from <see cref="ArabicTokenizer"/> in the flags attribute.
/// </summary>
/// <remarks>
/// Behind another tokenizer the flags must be 0 (every ال is then read as the article) or carry the same mask.
/// Allocation-free per token: the readings are written into one buffer that grows only for a longer word.
/// </remarks>
public sealed class ArabicLightStemFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _posInc;
    private readonly IFlagsAttribute _flags;
    private char[] _readings = new char[ArabicWord.MaxReadings * 32];
    private readonly int[] _lengths = new int[ArabicWord.MaxReadings];
    private int _count, _next, _slot;
    private uint _guesses;

    /// <summary>Wraps <paramref name="input"/>.</summary>
    public ArabicLightStemFilter(TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _posInc = AddAttribute<IPositionIncrementAttribute>();
        _flags = AddAttribute<IFlagsAttribute>();
    }

    /// <inheritdoc />
    public override bool IncrementToken()
    {
        if (_next < _count)
        {
            // A further reading of the same word. Offsets and other attributes are unchanged.
            Write(_next);
            _posInc.PositionIncrement = 0;
            _next++;
            return true;
        }
        if (!m_input.IncrementToken()) return false;
        int n = _term.Length;
        if (n < 3)
        {
            _count = _next = 0;
            return true;
        }
        if (_readings.Length < n * ArabicWord.MaxReadings) _readings = new char[n * ArabicWord.MaxReadings];
        _slot = n;
        _count = ArabicWord.StemReadingsAndGuesses(_term.Buffer.AsSpan(0, n), (uint)_flags.Flags, _readings, _lengths, out _guesses);
        Write(0);
        _next = 1;
        return true;
    }

    /// <summary>Writes reading <paramref name="i"/> into the term, marked when it is a guess.</summary>
    private void Write(int i)
    {
        int length = _lengths[i];
        int mark = (_guesses >> i & 1) != 0 ? 1 : 0;
        var buffer = _term.ResizeBuffer(length + mark);
        if (mark == 1) buffer[0] = ArabicWord.ProcliticReadingMark;
        Array.Copy(_readings, i * _slot, buffer, mark, length);
        _term.Length = length + mark;
    }

    /// <inheritdoc />
    public override void Reset()
    {
        base.Reset();
        _count = _next = 0;
    }
}

/// <summary>Applies <see cref="ArabicLooseStemmer"/> to each token, in place.</summary>
public sealed class ArabicLooseStemFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IFlagsAttribute _flags;

    /// <summary>Wraps <paramref name="input"/>.</summary>
    public ArabicLooseStemFilter(TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _flags = AddAttribute<IFlagsAttribute>();
    }

    /// <inheritdoc />
    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        _term.Length = ArabicLooseStemmer.Stem(_term.Buffer, _term.Length, (uint)_flags.Flags);
        return true;
    }
}
