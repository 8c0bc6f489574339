namespace ArabicSearch.Analysis;

/// <summary>One way to read the start of a word: where its proclitics end and where the bare word starts.</summary>
/// <param name="ProcliticEnd">Index in the normalized word just past the attached و/ف, ب/ك/ل and future س.</param>
/// <param name="Start">Index where the bare word starts: past the article too when the reading has one.</param>
/// <param name="Guess">True when the reading takes a letter that may be the word's own first letter for a lone
/// proclitic, with no article after it (<c>لجنة</c> read as ل + <c>جنة</c>, <c>وقال</c> as و + <c>قال</c>): the
/// stemmed view indexes such readings apart (<see cref="ArabicWord.ProcliticReadingMark"/>) so that they rank below the
/// word as written.</param>
/// <remarks>The contraction لل (ل + ال) reads as ProcliticEnd at the second ل and Start just past it.</remarks>
internal readonly record struct WordSplit(int ProcliticEnd, int Start, bool Guess = false)
{
    /// <summary>True when this reading removes the article ال (or the ل that is left of it in لل).</summary>
    public bool HasArticle => Start > ProcliticEnd;
}

/// <summary>
/// The word model of ArabicSearch: how a normalized word (from <see cref="WordScanner"/>, which gives its offsets
/// in the original text and its hamza mask) splits into proclitics, article and bare word, and what its stemmed
/// readings are. The stemmer filters, the entity recognizer and its name rules, the annotation scorer, the date
/// extractor, the duplicate fingerprints and the highlighter all ask here; no other code strips prefixes.
/// </summary>
/// <remarks>
/// <para>A word is read as: an optional conjunction و/ف, then an optional preposition ب/ك/ل or future س (before
/// ي ت ن), then an optional article ال, then the bare word. Where the letters allow more than one reading, every
/// plausible one is returned, the direct reading first (the one that strips least, or the article reading):</para>
/// <list type="bullet">
/// <item>a lone و/ف before three letters or more is a conjunction or a root letter: <c>وقال</c> reads <c>قال</c> and <c>وقال</c>;</item>
/// <item>two proclitics without the article: <c>ولمصر</c> reads <c>مصر</c>, <c>لمصر</c> and <c>ولمصر</c>;</item>
/// <item>لل is ل + ال, or ل + ال before a word that itself starts with ل: <c>للجنة</c> reads <c>جنه</c> and <c>لجنه</c>;</item>
/// <item>ك + ال is kept whole first, since it is more often a name (<c>كاليفورنيا</c>) than "like the …".</item>
/// </list>
/// <para>ال is the article only when written without hamza or madda: <c>إلكترونية</c>, <c>آلية</c>, <c>ألبوم</c> keep
/// their first letters. Folding has already made every alef ا, so this is decided from the hamza mask that
/// <see cref="WordScanner"/> records before folding. With no mask (0) every ال is taken as the article.</para>
/// Pure functions over spans; thread-safe and allocation-free.
/// </remarks>
internal static class ArabicWord
{
    /// <summary>The most splits a word has.</summary>
    public const int MaxSplits = 6;

    /// <summary>The most stemmed readings a word has (see <see cref="StemReadings"/>).</summary>
    public const int MaxReadings = 12;

    private const char Alef = '\u0627', Lam = '\u0644', Waw = '\u0648', Feh = '\u0641', Beh = '\u0628', Kaf = '\u0643',
        Teh = '\u062A', Yeh = '\u064A', Noon = '\u0646', Seen = '\u0633';

    /// <summary>True for the Arabic letters after folding (hamza to yeh).</summary>
    public static bool IsArabicLetter(char c) => c is >= '\u0621' and <= '\u064A';

    /// <summary>True when letter <paramref name="i"/> was written as an alef with hamza or madda.</summary>
    public static bool HasHamza(uint mask, int i) => i < 32 && (mask >> i & 1) != 0;

    /// <summary>True when the plain ال at <paramref name="at"/> is the article: no hamza on its alef, two letters or more after it.</summary>
    public static bool IsArticleAt(ReadOnlySpan<char> w, uint mask, int at) =>
        at + 1 < w.Length && w[at] == Alef && w[at + 1] == Lam && !HasHamza(mask, at) && w.Length - (at + 2) >= 2;

    /// <summary>
    /// Writes the readings of the start of <paramref name="w"/> (normalized) into <paramref name="splits"/> (at least
    /// <see cref="MaxSplits"/> long), the direct reading first, and returns how many (at least 1).
    /// </summary>
    public static int Splits(ReadOnlySpan<char> w, uint mask, Span<WordSplit> splits)
    {
        int count = 0;
        int n = w.Length;
        if (n < 3 || !IsArabicLetter(w[0]))
        {
            splits[count++] = new WordSplit(0, 0);
            return count;
        }
        int conj = (w[0] == Waw || w[0] == Feh) && n - 1 >= 3 ? 1 : 0;

        // The article, after an optional conjunction and an optional ب/ك (or ل written into لل).
        for (int k = 0; k <= conj; k++)
        {
            if (IsArticleAt(w, mask, k))
            {
                Add(splits, ref count, new WordSplit(k, k + 2));
                return count;
            }
            if ((w[k] == Beh || w[k] == Kaf) && IsArticleAt(w, mask, k + 1))
            {
                if (w[k] == Kaf) Add(splits, ref count, new WordSplit(k, k)); // كاليفورنيا before كالعادة
                Add(splits, ref count, new WordSplit(k + 1, k + 3));
                if (k > 0 && w[k] == Kaf) Add(splits, ref count, new WordSplit(0, 0));
                return count;
            }
            if (w[k] == Lam && w[k + 1] == Lam && n - (k + 2) >= 2)
            {
                // لل: ل + ال (للتحالف → تحالف), or ل + ال + a word starting with ل (للاعب → لاعب, للحم → لحم).
                if (n - (k + 2) >= 3) Add(splits, ref count, new WordSplit(k + 1, k + 2));
                Add(splits, ref count, new WordSplit(k + 1, k + 1));
                return count;
            }
        }

        // No article: the word as written, then each lone proclitic (guarded so that three letters stay).
        Add(splits, ref count, new WordSplit(0, 0));
        // A conjunction before three letters or more (وقال, فقال); not before ال + one letter (والد), which is no word.
        if (conj == 1 && !(w[1] == Alef && w[2] == Lam && !HasHamza(mask, 1))) Add(splits, ref count, new WordSplit(1, 1, Guess: true));
        for (int k = 0; k <= conj; k++)
        {
            char c = w[k];
            if (k + 1 >= n) break;
            char next = w[k + 1];
            // ب/ك/ل before three letters; not لا (a root or the negation), nor after و/ف before ا (وكالة, وباريس);
            // an alef written with hamza starts a word, so there it is (لأيار, ولأن).
            if ((c == Beh || c == Lam || c == Kaf) && n - k - 1 >= 3 && !(next == Alef && !HasHamza(mask, k + 1) && (c == Lam || k > 0)))
                Add(splits, ref count, new WordSplit(k + 1, k + 1, Guess: true));
            // future سيـ/ستـ/سنـ before a verb of three letters or more
            if (c == Seen && n - k - 1 >= 4 && (next == Yeh || next == Teh || next == Noon))
                Add(splits, ref count, new WordSplit(k + 1, k + 1, Guess: true));
        }
        return count;
    }

    private static void Add(Span<WordSplit> splits, ref int count, WordSplit split)
    {
        for (int i = 0; i < count; i++) if (splits[i].Start == split.Start) return;
        if (count < splits.Length) splits[count++] = split;
    }

    /// <summary>The direct reading of <paramref name="w"/>'s start (see <see cref="Splits"/>).</summary>
    public static WordSplit DirectSplit(ReadOnlySpan<char> w, uint mask = 0)
    {
        Span<WordSplit> splits = stackalloc WordSplit[MaxSplits];
        Splits(w, mask, splits);
        return splits[0];
    }

    /// <summary>True when the direct reading of <paramref name="w"/> carries the article: الكاظمي، والعراق، بالعراق، للقوات.</summary>
    public static bool HasArticle(ReadOnlySpan<char> w, uint mask = 0) => DirectSplit(w, mask).HasArticle;

    /// <summary>The word without a leading article (only ال at its start, no proclitic): <c>العراق</c> → <c>عراق</c>.</summary>
    public static string WithoutArticle(string w, uint mask = 0) => IsArticleAt(w, mask, 0) ? w[2..] : w;

    /// <summary>The bare words of <paramref name="w"/>, one per reading, direct first: proclitics and article removed.</summary>
    public static IEnumerable<string> BareWords(string w, uint mask = 0)
    {
        var splits = new WordSplit[MaxSplits];
        int count = Splits(w, mask, splits);
        for (int i = 0; i < count; i++) yield return splits[i].Start == 0 ? w : w[splits[i].Start..];
    }

    /// <summary>
    /// The word without its proclitics, one per reading, direct first, the article kept (لل written back as ال):
    /// <c>والأربعاء</c> → <c>الاربعاء</c>, <c>للرئيس</c> → <c>الرئيس</c>, <c>وبشهر</c> → <c>بشهر</c>, <c>شهر</c>.
    /// The word itself comes first.
    /// </summary>
    public static IEnumerable<string> WithoutProclitics(string w, uint mask = 0)
    {
        yield return w;
        var splits = new WordSplit[MaxSplits];
        int count = Splits(w, mask, splits);
        string? previous = w;
        for (int i = 0; i < count; i++)
        {
            var s = splits[i];
            if (s.ProcliticEnd == 0) continue;
            string form = s.HasArticle ? "ال" + w[s.Start..] : w[s.ProcliticEnd..];
            if (form == previous) continue;
            previous = form;
            yield return form;
        }
    }

    /// <summary>
    /// True when <paramref name="w"/> is a function word (<see cref="ArabicStopwords"/>), alone or after the conjunction
    /// و/ف, which attaches to two-letter words too: <c>ومن</c>, <c>وفي</c>, <c>فإن</c>.
    /// </summary>
    public static bool IsFunctionWord(ReadOnlySpan<char> w) =>
        ArabicStopwords.Contains(w) || w.Length >= 3 && (w[0] == Waw || w[0] == Feh) && ArabicStopwords.Contains(w[1..]);

    /// <summary>
    /// Writes the stemmed readings of the normalized word <paramref name="w"/> into <paramref name="buffer"/>
    /// (reading i at <c>i * w.Length</c>, so at least <see cref="MaxReadings"/> × its length) and their lengths into
    /// <paramref name="lengths"/> (at least <see cref="MaxReadings"/>); returns how many (at least 1), distinct, the
    /// most-stripped first. A word that glues digits to letters (<c>2021م</c>, <c>كوفيد19</c>) also reads as its
    /// number and as its letters, so either finds it.
    /// </summary>
    public static int StemReadings(ReadOnlySpan<char> w, uint mask, Span<char> buffer, Span<int> lengths) =>
        StemReadingsAndGuesses(w, mask, buffer, lengths, out _);

    /// <summary>
    /// The prefix of a stemmed-view term whose reading is a guess (<see cref="WordSplit.Guess"/>): <c>لجنة</c> is indexed
    /// as <c>لجنه</c> and <c>\u0001جنه</c>, so a query for <c>جنة</c> finds it, scored below the articles that have
    /// <c>جنة</c> itself (issue 12, class 10). Never part of a normalized word.
    /// </summary>
    public const char ProcliticReadingMark = '\u0001';

    /// <summary>True when the stemmed-view term <paramref name="term"/> is a guessed reading (starts with <see cref="ProcliticReadingMark"/>).</summary>
    public static bool IsGuess(ReadOnlySpan<char> term) => term.Length > 0 && term[0] == ProcliticReadingMark;

    /// <summary>The reading a stemmed-view term stands for: the term without <see cref="ProcliticReadingMark"/>.</summary>
    public static string ReadingOf(string term) => IsGuess(term) ? term[1..] : term;

    /// <summary>The stemmed-view term of <paramref name="reading"/> as a guessed reading.</summary>
    public static string GuessTerm(string reading) => ProcliticReadingMark + ReadingOf(reading);

    /// <summary>
    /// As <see cref="StemReadings"/>; bit i of
    /// <paramref name="guesses"/> is set when reading i comes only from guessed splits (<see cref="WordSplit.Guess"/>).
    /// </summary>
    public static int StemReadingsAndGuesses(ReadOnlySpan<char> w, uint mask, Span<char> buffer, Span<int> lengths, out uint guesses)
    {
        guesses = 0;
        int n = w.Length;
        int count = 0;
        int digits = 0;
        foreach (char c in w) if (c is >= '0' and <= '9') digits++;
        if (digits > 0 && digits < n)
        {
            // glued digits: the whole word, each run of digits, and the readings of each run of two letters or more
            AddReading(w, w, buffer, lengths, ref count, false, ref guesses);
            int runStart = 0;
            for (int i = 1; i <= n; i++)
            {
                if (i < n && (w[i] is >= '0' and <= '9') == (w[runStart] is >= '0' and <= '9')) continue;
                var run = w[runStart..i];
                if (run[0] is >= '0' and <= '9') AddReading(w, run, buffer, lengths, ref count, false, ref guesses);
                else if (run.Length >= 2) AddArabicReadings(w, run, runStart < 32 ? mask >> runStart : 0, buffer, lengths, ref count, ref guesses);
                runStart = i;
            }
            return count;
        }
        AddArabicReadings(w, w, mask, buffer, lengths, ref count, ref guesses);
        return count;
    }

    private static void AddArabicReadings(ReadOnlySpan<char> word, ReadOnlySpan<char> w, uint mask, Span<char> buffer, Span<int> lengths, ref int count, ref uint guesses)
    {
        if (w.Length < 3 || !IsArabicLetter(w[0]))
        {
            AddReading(word, w, buffer, lengths, ref count, false, ref guesses);
            return;
        }
        Span<WordSplit> splits = stackalloc WordSplit[MaxSplits];
        int k = Splits(w, mask, splits);
        // Most stripped first: the splits by descending start (insertion sort of at most six).
        for (int i = 1; i < k; i++)
            for (int j = i; j > 0 && splits[j].Start > splits[j - 1].Start; j--) (splits[j], splits[j - 1]) = (splits[j - 1], splits[j]);
        for (int i = 0; i < k; i++)
        {
            var bare = w[splits[i].Start..];
            int end = ArabicLightStemmer.StripSuffixes(bare, out bool tanweenAmbiguous);
            bool guess = splits[i].Guess;
            AddReading(word, bare[..end], buffer, lengths, ref count, guess, ref guesses);
            // a three-letter noun with the tanween alef (عاما, يوما) or a four-letter word ending in ا (كندا): both
            if (tanweenAmbiguous) AddReading(word, bare[..(end - 1)], buffer, lengths, ref count, guess, ref guesses);
        }
    }

    // A reading that two splits give is a guess only when both are guesses.
    private static void AddReading(ReadOnlySpan<char> word, ReadOnlySpan<char> reading, Span<char> buffer, Span<int> lengths, ref int count, bool guess, ref uint guesses)
    {
        int slot = word.Length;
        for (int i = 0; i < count; i++)
        {
            if (!buffer.Slice(i * slot, lengths[i]).SequenceEqual(reading)) continue;
            if (!guess) guesses &= ~(1u << i);
            return;
        }
        if (count >= MaxReadings || count >= lengths.Length) return;
        reading.CopyTo(buffer[(count * slot)..]);
        if (guess) guesses |= 1u << count;
        lengths[count++] = reading.Length;
    }
}
