using System.Collections.Concurrent;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace ArabicSearch.Analysis;

/// <summary>
/// What every indexed view makes of one normalized word (with its hamza mask), worked out once by the view chains'
/// own filters and then shared: the exact term, whether it is a stopword, the stemmed readings and the loose stem.
/// Immutable once built, so instances are shared between threads.
/// </summary>
internal sealed class WordForms
{
    public WordForms(string term, uint hamzaMask, bool isStopword, string[] stems, int[] stemIncrements, string loose, string lightStem)
    {
        Term = term;
        HamzaMask = hamzaMask;
        IsStopword = isStopword;
        Stems = stems;
        StemIncrements = stemIncrements;
        Loose = loose;
        LightStem = lightStem;
    }

    /// <summary>The normalized word: the exact view's term, and the word <see cref="TextWords"/> gives.</summary>
    public string Term { get; }

    /// <summary>The hamza mask of <see cref="WordScanner"/>.</summary>
    public uint HamzaMask { get; }

    /// <summary>True when <see cref="ArabicStopwordFilter"/> removes the word from the stemmed and loose views.</summary>
    public bool IsStopword { get; }

    /// <summary>The stemmed view's terms for this word, in the order <see cref="ArabicLightStemFilter"/> emits them (empty for a stopword).</summary>
    public string[] Stems { get; }

    /// <summary>The position increment of each of <see cref="Stems"/> when the word itself comes with increment 1 (1, then 0 for stacked readings).</summary>
    public int[] StemIncrements { get; }

    /// <summary>The loose view's term (<see cref="ArabicLooseStemFilter"/>); empty for a stopword.</summary>
    public string Loose { get; }

    /// <summary>The most-stripped light stem (<see cref="ArabicLightStemmer"/>, proclitics stripped): the near-duplicate fingerprint's word.</summary>
    public string LightStem { get; }
}

/// <summary>
/// One analysis pass over a text for every indexed view (issue 16): <see cref="ArabicTokenizer"/> splits and normalizes
/// the text once, each word is looked up in a shared memo of its <see cref="WordForms"/>, and the views are replayed
/// from that (<see cref="Stream"/>), so a second and third view cost a lookup per word instead of a new pass. The same
/// words, with the same offsets and hamza masks as <see cref="TextWords.Split"/>, feed the entity recognizer, the date
/// extractor and the fingerprints (<see cref="Words"/>), without a string per word.
/// </summary>
/// <remarks>
/// <para>The terms, positions, offsets and flags replayed are those of <see cref="ArabicSearchAnalyzer"/> for the view:
/// the memo runs each new word through the analyzer's own filters in the analyzer's order (stopwords, then the
/// light or loose stemmer), so the replay follows any change to them that stays per-word. The equivalence tests
/// (<c>SharedAnalysisTests</c>) compare both ways, stream by stream and index by index.</para>
/// <para>Immutable once built; <see cref="Of"/> may be called from any thread.</para>
/// </remarks>
internal sealed class AnalyzedText
{
    private readonly WordForms[] _forms;

    private AnalyzedText(string text, List<TextWord> words, WordForms[] forms, int[]? increments)
    {
        Text = text;
        Words = words;
        _forms = forms;
        Increments = increments;
    }

    /// <summary>The text analysed.</summary>
    public string Text { get; }

    /// <summary>Its normalized words with offsets and hamza masks, stopwords kept (as <see cref="TextWords.Split"/>). Do not modify.</summary>
    public List<TextWord> Words { get; }

    /// <summary>What each word of <see cref="Words"/> is in every view.</summary>
    public ReadOnlySpan<WordForms> Forms => _forms.AsSpan(0, Words.Count);

    /// <summary>The tokenizer's position increment of each word, or null when every one is 1 (always, today).</summary>
    internal int[]? Increments { get; }

    [ThreadStatic] private static ArabicTokenizer? t_tokenizer;
    [ThreadStatic] private static WordForms[]? t_forms;
    [ThreadStatic] private static TextWord[]? t_words;

    /// <summary>Tokenizes and normalizes <paramref name="text"/> once.</summary>
    public static AnalyzedText Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scratch = t_words ??= new TextWord[256];
        int count = 0;
        var forms = t_forms ??= new WordForms[256];
        int[]? increments = null;
        if (text.Length > 0)
        {
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
                    var wordForms = WordMemo.Get(term.Buffer.AsSpan(0, term.Length), (uint)flags.Flags);
                    if (count == forms.Length)
                    {
                        Array.Resize(ref forms, forms.Length * 2);
                        Array.Resize(ref scratch, scratch.Length * 2);
                    }
                    forms[count] = wordForms;
                    if (increment.PositionIncrement != 1 && increments is null)
                    {
                        increments = new int[Math.Max(16, count * 2)];
                        Array.Fill(increments, 1, 0, count);
                    }
                    if (increments is not null)
                    {
                        if (count >= increments.Length) Array.Resize(ref increments, increments.Length * 2);
                        increments[count] = increment.PositionIncrement;
                    }
                    scratch[count++] = new TextWord(wordForms.Term, offset.StartOffset, offset.EndOffset, wordForms.HamzaMask);
                }
                tokenizer.End();
            }
            finally
            {
                tokenizer.Dispose();
            }
        }
        var words = new List<TextWord>(count);
        words.AddRange(scratch.AsSpan(0, count));
        var result = new AnalyzedText(text, words, forms.AsSpan(0, count).ToArray(), increments);
        // Keep grown buffers for the next text, but not huge ones, and hold no words of this text.
        Array.Clear(forms, 0, count);
        Array.Clear(scratch, 0, count);
        t_forms = forms.Length <= 1 << 16 ? forms : null;
        t_words = scratch.Length <= 1 << 16 ? scratch : null;
        return result;
    }

    /// <summary>
    /// A token stream of <paramref name="view"/> over this text, with what <see cref="ArabicSearchAnalyzer"/> for that
    /// view gives for it: terms, position increments, offsets and flags, and at the end the text's length as final offset.
    /// </summary>
    /// <remarks>The stream is the calling thread's, reused once disposed (as Lucene disposes a field's stream after inverting it).</remarks>
    public TokenStream Stream(ArabicView view) => ViewReplay.Rent(view).Bind(this);

    /// <summary>True when some word is not a stopword.</summary>
    public bool HasContentWord()
    {
        foreach (var f in Forms) if (!f.IsStopword) return true;
        return false;
    }
}

/// <summary>
/// The shared memo behind <see cref="AnalyzedText"/>: normalized word and hamza mask → <see cref="WordForms"/>, filled
/// by running the word through <see cref="ArabicSearchAnalyzer"/>'s filters. Bounded: emptied when it holds
/// <see cref="Capacity"/> words, so a stream of unseen words (numbers, names, noise) cannot grow it without limit.
/// </summary>
internal static class WordMemo
{
    /// <summary>The most words kept (about 200 bytes each).</summary>
    public const int Capacity = 200_000;

    private static readonly ConcurrentDictionary<string, WordForms> Memo = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, WordForms>.AlternateLookup<ReadOnlySpan<char>> Lookup = Memo.GetAlternateLookup<ReadOnlySpan<char>>();
    private static int s_count;
    private static long s_misses;

    /// <summary>How many words were worked out rather than found, since the process started (for profiling).</summary>
    public static long Misses => Interlocked.Read(ref s_misses);

    /// <summary>How many words the memo holds now.</summary>
    public static int Count => Volatile.Read(ref s_count);

    [ThreadStatic] private static ViewChains? t_chains;

    /// <summary>The forms of <paramref name="term"/> (normalized) read with <paramref name="hamzaMask"/>.</summary>
    public static WordForms Get(ReadOnlySpan<char> term, uint hamzaMask)
    {
        // First a small direct-mapped table of this thread's recent words, which stays in the CPU cache: news text is
        // Zipfian, so most words are found there without touching the big shared table.
        var recent = t_recent ??= new WordForms?[RecentSlots];
        uint hash = QuickHash(term, hamzaMask);
        ref var slot = ref recent[hash & (RecentSlots - 1)];
        if (slot is { } hit && hit.HamzaMask == hamzaMask && term.SequenceEqual(hit.Term)) return hit;
        return slot = Shared(term, hamzaMask);
    }

    private const int RecentSlots = 1 << 15; // 256 KB of references per indexing thread

    [ThreadStatic] private static WordForms?[]? t_recent;

    /// <summary>FNV-1a over the characters and the mask: only picks a slot of the recent table, so collisions cost a miss, never a wrong answer.</summary>
    private static uint QuickHash(ReadOnlySpan<char> term, uint mask)
    {
        uint h = 2166136261u ^ mask;
        foreach (char c in term) h = (h ^ c) * 16777619u;
        return h ^ (h >> 15);
    }

    private static WordForms Shared(ReadOnlySpan<char> term, uint hamzaMask)
    {
        // The key is the term and the mask as two more characters, so a word read with another mask is another entry.
        Span<char> key = term.Length <= 256 ? stackalloc char[term.Length + 2] : new char[term.Length + 2];
        term.CopyTo(key);
        key[term.Length] = (char)(hamzaMask & 0xFFFF);
        key[term.Length + 1] = (char)(hamzaMask >> 16);
        if (Lookup.TryGetValue(key, out var forms)) return forms;
        forms = (t_chains ??= new ViewChains()).Forms(term, hamzaMask);
        Interlocked.Increment(ref s_misses);
        if (Interlocked.Increment(ref s_count) > Capacity)
        {
            Memo.Clear();
            Interlocked.Exchange(ref s_count, 0);
        }
        Memo.TryAdd(new string(key), forms);
        return forms;
    }

    /// <summary>The stemmed and loose chains of <see cref="ArabicSearchAnalyzer"/> behind a one-word source, for one thread.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "One per thread, kept for the thread's lifetime; the streams hold no unmanaged resource.")]
    private sealed class ViewChains
    {
        private readonly OneWord _stemmedSource = new(), _looseSource = new();
        private readonly TokenStream _stemmed, _loose;
        private readonly ICharTermAttribute _stemmedTerm, _looseTerm;
        private readonly IPositionIncrementAttribute _stemmedIncrement;
        private readonly List<string> _stems = [];
        private readonly List<int> _increments = [];
        private char[] _scratch = new char[WordScanner.OutputLength];

        public ViewChains()
        {
            // The order of ArabicSearchAnalyzer.CreateComponents: stopwords after normalization, before stemming.
            _stemmed = new ArabicLightStemFilter(new ArabicStopwordFilter(_stemmedSource));
            _loose = new ArabicLooseStemFilter(new ArabicStopwordFilter(_looseSource));
            _stemmedTerm = _stemmed.GetAttribute<ICharTermAttribute>();
            _stemmedIncrement = _stemmed.GetAttribute<IPositionIncrementAttribute>();
            _looseTerm = _loose.GetAttribute<ICharTermAttribute>();
        }

        public WordForms Forms(ReadOnlySpan<char> term, uint mask)
        {
            _stems.Clear();
            _increments.Clear();
            _stemmedSource.Set(term, mask);
            _stemmed.Reset();
            while (_stemmed.IncrementToken())
            {
                _stems.Add(_stemmedTerm.ToString());
                _increments.Add(_stemmedIncrement.PositionIncrement);
            }
            _stemmed.End();
            _looseSource.Set(term, mask);
            _loose.Reset();
            string loose = _loose.IncrementToken() ? _looseTerm.ToString() : "";
            while (_loose.IncrementToken()) { } // one term per word
            _loose.End();
            bool stop = ArabicStopwords.Contains(term);
            if (_scratch.Length < term.Length) _scratch = new char[term.Length];
            term.CopyTo(_scratch);
            int n = ArabicLightStemmer.Stem(_scratch, term.Length, mask);
            string exact = term.ToString();
            string light = term.SequenceEqual(_scratch.AsSpan(0, n)) ? exact : new string(_scratch, 0, n);
            return new WordForms(exact, mask, stop, [.. _stems], [.. _increments], loose, light);
        }
    }

    /// <summary>A token source of one word with a hamza mask, as <see cref="ArabicTokenizer"/> gives it.</summary>
    private sealed class OneWord : TokenStream
    {
        private readonly ICharTermAttribute _term;
        private readonly IOffsetAttribute _offset;
        private readonly IPositionIncrementAttribute _increment;
        private readonly IFlagsAttribute _flags;
        private char[] _word = new char[WordScanner.OutputLength];
        private int _length;
        private uint _mask;
        private bool _done;

        public OneWord()
        {
            _term = AddAttribute<ICharTermAttribute>();
            _offset = AddAttribute<IOffsetAttribute>();
            _increment = AddAttribute<IPositionIncrementAttribute>();
            _flags = AddAttribute<IFlagsAttribute>();
        }

        public void Set(ReadOnlySpan<char> word, uint mask)
        {
            if (_word.Length < word.Length) _word = new char[word.Length];
            word.CopyTo(_word);
            _length = word.Length;
            _mask = mask;
        }

        public override bool IncrementToken()
        {
            if (_done) return false;
            ClearAttributes();
            _term.CopyBuffer(_word, 0, _length);
            _flags.Flags = (int)_mask;
            _increment.PositionIncrement = 1;
            _offset.SetOffset(0, _length);
            _done = true;
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            _done = false;
        }
    }
}

/// <summary>
/// Replays one view of an <see cref="AnalyzedText"/> as a token stream. One instance per view and thread, reused after
/// Lucene disposes it; a second stream asked for while one is in use is a new instance.
/// </summary>
internal sealed class ViewReplay : TokenStream
{
    private readonly ArabicView _view;
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _increment;
    private readonly IFlagsAttribute _flags;
    private AnalyzedText? _text;
    private int _word;     // the next word to read
    private int _reading;  // the next stacked reading of the current word (stemmed view)
    private bool _inUse;

    [ThreadStatic] private static ViewReplay?[]? t_streams;

    private ViewReplay(ArabicView view)
    {
        _view = view;
        // The attributes of ArabicTokenizer, in its order, so the attribute state is the analyzer's.
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
        _flags = AddAttribute<IFlagsAttribute>();
    }

    public static ViewReplay Rent(ArabicView view)
    {
        var streams = t_streams ??= new ViewReplay?[3];
        int slot = (int)view;
        var stream = streams[slot];
        if (stream is null || stream._inUse) streams[slot] = stream = new ViewReplay(view);
        return stream;
    }

    public ViewReplay Bind(AnalyzedText text)
    {
        _text = text;
        _inUse = true;
        _word = _reading = 0;
        return this;
    }

    public override bool IncrementToken()
    {
        var text = _text ?? throw new InvalidOperationException("The stream is not bound to a text.");
        ClearAttributes();
        var forms = text.Forms;
        var words = text.Words;
        if (_view == ArabicView.Exact)
        {
            if (_word >= forms.Length) return false;
            Emit(forms[_word].Term, IncrementOf(text, _word), words[_word], forms[_word].HamzaMask);
            _word++;
            return true;
        }
        if (_view == ArabicView.Stemmed && _reading > 0)
        {
            // A further reading of the word just emitted: same offsets and flags.
            var current = forms[_word - 1];
            Emit(current.Stems[_reading], current.StemIncrements[_reading], words[_word - 1], current.HamzaMask);
            if (++_reading == current.Stems.Length) _reading = 0;
            return true;
        }
        int skipped = 0; // positions of stopwords removed before this word (ArabicStopwordFilter)
        while (_word < forms.Length)
        {
            var f = forms[_word];
            int increment = IncrementOf(text, _word);
            int at = _word++;
            if (f.IsStopword || (_view == ArabicView.Stemmed && f.Stems.Length == 0))
            {
                skipped += increment;
                continue;
            }
            if (_view == ArabicView.Loose)
            {
                Emit(f.Loose, increment + skipped, words[at], f.HamzaMask);
                return true;
            }
            Emit(f.Stems[0], f.StemIncrements[0] + (increment - 1) + skipped, words[at], f.HamzaMask);
            if (f.Stems.Length > 1) _reading = 1;
            return true;
        }
        return false;
    }

    private static int IncrementOf(AnalyzedText text, int word) => text.Increments is { } inc ? inc[word] : 1;

    private void Emit(string term, int increment, TextWord word, uint mask)
    {
        var buffer = _term.Buffer.Length >= term.Length ? _term.Buffer : _term.ResizeBuffer(term.Length);
        term.CopyTo(0, buffer, 0, term.Length);
        _term.Length = term.Length;
        _increment.PositionIncrement = increment;
        _offset.SetOffset(word.Start, word.End);
        _flags.Flags = (int)mask;
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
        _word = _reading = 0;
    }

    protected override void Dispose(bool disposing)
    {
        _text = null;
        _inUse = false;
        base.Dispose(disposing);
    }
}
