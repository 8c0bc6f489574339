using System.Runtime.CompilerServices;

namespace ArabicSearch.Analysis;

/// <summary>
/// The forms of <c>ArabicWord.WithoutProclitics(w, mask)</c>, in the same order, as spans over the word or over a
/// caller's buffer, so a look-up per form allocates nothing: the word itself, then for each reading of its start with
/// proclitics the word without them, the article kept (<c>للرئيس</c> → <c>الرئيس</c>). Consecutive equal forms are
/// not merged (a look-up repeated gives the same answer).
/// </summary>
/// <remarks>Use: <c>var forms = new ProcliticForms(w, mask, stackalloc char[w.Length + 2]); while (forms.MoveNext()) … forms.Current …</c></remarks>
internal ref struct ProcliticForms
{
    private readonly string _word;
    private readonly Span<char> _buffer;
    private Splits _splits;
    private readonly int _count;
    private int _next;

    /// <param name="word">The normalized word.</param>
    /// <param name="hamzaMask">Its hamza mask (0: every ال is the article).</param>
    /// <param name="buffer">At least <c>word.Length + 2</c> characters, for forms with the article written back.</param>
    public ProcliticForms(string word, uint hamzaMask, Span<char> buffer)
    {
        _word = word;
        _buffer = buffer;
        _count = ArabicWord.Splits(word, hamzaMask, _splits);
        _next = -1;
        Current = default;
    }

    /// <summary>The current form; valid until the next <see cref="MoveNext"/>.</summary>
    public ReadOnlySpan<char> Current { get; private set; }

    /// <summary>Moves to the next form; false when there is none left.</summary>
    public bool MoveNext()
    {
        if (_next < 0)
        {
            _next = 0;
            Current = _word;
            return true;
        }
        while (_next < _count)
        {
            var split = _splits[_next++];
            if (split.ProcliticEnd == 0) continue;
            if (split.HasArticle)
            {
                _buffer[0] = '\u0627';
                _buffer[1] = '\u0644';
                _word.AsSpan(split.Start).CopyTo(_buffer[2..]);
                Current = _buffer[..(2 + _word.Length - split.Start)];
            }
            else Current = _word.AsSpan(split.ProcliticEnd);
            return true;
        }
        return false;
    }

    [InlineArray(ArabicWord.MaxSplits)]
    private struct Splits
    {
        private WordSplit _first;
    }
}
