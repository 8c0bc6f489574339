using ArabicSearch.Analysis;

namespace ArabicSearch.Entities;

/// <summary>An entity found in a text: which one, and where (offsets into the original text).</summary>
/// <param name="Entity">The entity.</param>
/// <param name="Start">Offset of the first character of the mention (attached particles included).</param>
/// <param name="End">Offset just past its last character.</param>
/// <param name="Nested">True for a name inside a longer one, such as أربيل in مطار أربيل.</param>
public readonly record struct EntityMention(Entity Entity, int Start, int End, bool Nested = false);

/// <summary>
/// Finds gazetteer entities in text. Matching works on normalized, unstemmed words; a word may carry attached
/// و/ف, then ب/ك/ل, then the article ال (or the contraction لل), so <c>وبايدن</c>, <c>للكاظمي</c> and
/// <c>بالعراق</c> match. Multiword names match longest first.
/// </summary>
/// <remarks>Immutable after construction and thread-safe.</remarks>
public sealed class EntityRecognizer
{
    private readonly Dictionary<string, List<(string[] Words, Entity Entity)>> _byFirstWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string[] Words, Entity Entity)>>.AlternateLookup<ReadOnlySpan<char>> _byFirstSpan;

    /// <summary>Builds a recognizer over <paramref name="gazetteer"/>.</summary>
    public EntityRecognizer(Gazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(gazetteer);
        Gazetteer = gazetteer;
        foreach (var entity in gazetteer.Entities)
        {
            foreach (var alias in entity.Aliases)
            {
                var words = KeyWords(alias);
                if (words.Length == 0) continue;
                if (!_byFirstWord.TryGetValue(words[0], out var list)) _byFirstWord[words[0]] = list = [];
                var rest = words[1..];
                if (!list.Exists(x => x.Words.AsSpan().SequenceEqual(rest))) list.Add((rest, entity));
            }
        }
        foreach (var list in _byFirstWord.Values) list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
        _byFirstSpan = _byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The gazetteer this recognizer matches.</summary>
    public Gazetteer Gazetteer { get; }

    /// <summary>The recognizer over <see cref="Gazetteer.Default"/>.</summary>
    public static EntityRecognizer Default { get; } = new(Gazetteer.Default);

    /// <summary>
    /// Every entity mention in <paramref name="text"/>, in text order: gazetteer names first, then names the rules of
    /// <see cref="NameRules"/> find among the words left over (these get generated ids, see <see cref="GeneratedEntities"/>).
    /// Gazetteer names inside a longer gazetteer name are reported too, marked <see cref="EntityMention.Nested"/>.
    /// </summary>
    public IReadOnlyList<EntityMention> Recognize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Recognize(text, TextWords.Split(text));
    }

    /// <summary>As <see cref="Recognize(string)"/>, over the words of <paramref name="text"/> already split (<see cref="TextWords.Split"/>, or <see cref="AnalyzedText.Words"/>).</summary>
    internal IReadOnlyList<EntityMention> Recognize(string text, List<TextWord> words)
    {
        var covered = new bool[words.Count];
        var spans = new List<(int First, int Last, Entity Entity)>();
        var nested = new List<EntityMention>();
        for (int i = 0; i < words.Count; i++)
        {
            int matched = MatchAt(words, i, words.Count, out var entity);
            if (matched == 0) continue;
            spans.Add((i, i + matched - 1, entity!));
            for (int k = i; k < i + matched; k++) covered[k] = true;
            // Names inside a longer name count too: مطار أربيل names أربيل, so a search for أربيل finds it.
            for (int k = i + 1; k < i + matched; k++)
            {
                int inner = MatchAt(words, k, i + matched, out var e);
                if (inner == 0 || e == entity) continue;
                nested.Add(new EntityMention(e!, words[k].Start, words[k + inner - 1].End, Nested: true));
                k += inner - 1;
            }
            i += matched - 1;
        }
        if (UseRules) NameRules.Apply(words, Gaps(text, words), covered, spans);
        var mentions = spans.Select(s => new EntityMention(AsWritten(s.Entity, text, words[s.First], words[s.Last].End), words[s.First].Start, words[s.Last].End)).ToList();
        mentions.AddRange(nested);
        mentions.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        return mentions;
    }

    /// <summary>
    /// A rule-found name as the text writes it (<c>وزارة الداخلية</c>, not the id's <c>وزاره داخليه</c>), without the
    /// proclitics of its first word (<c>ووزارة</c>); the normalized name stays its alias. Gazetteer entities are unchanged.
    /// </summary>
    private static Entity AsWritten(Entity entity, string text, TextWord first, int end)
    {
        if (!GeneratedEntities.IsGenerated(entity.Id)) return entity;
        int start = first.Start;
        int skip = ProcliticsBefore(first.Text, entity.Id);
        while (skip > 0 && start < end)
        {
            char f = ArabicNormalizer.Fold(text[start]);
            if (f != ArabicNormalizer.Ignorable && f != ArabicNormalizer.Separator) skip--;
            start++;
        }
        while (start < end && ArabicNormalizer.Fold(text[start]) == ArabicNormalizer.Ignorable) start++; // the proclitic's marks
        // Quotation marks are the article's, not the name's: a name quoted from its second word on (شركة "دليس دانون")
        // is shown without the unpaired mark.
        string written = string.Join(' ', text[start..end].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim(QuotationMarks)).Where(w => w.Length > 0));
        return written.Length == 0 || written == entity.Name ? entity : entity with { Name = written, Aliases = [entity.Name] };
    }

    private static readonly char[] QuotationMarks = ['"', '\'', '«', '»', '“', '”', '„', '‘', '’'];

    /// <summary>How many letters of <paramref name="w"/> are proclitics in the reading whose bare word the id's key starts with.</summary>
    private static int ProcliticsBefore(string w, string id)
    {
        int from = id.IndexOf(':', StringComparison.Ordinal) + 1;
        int to = id.IndexOf('_', from);
        var key = id.AsSpan(from, (to < 0 ? id.Length : to) - from);
        Span<WordSplit> splits = stackalloc WordSplit[ArabicWord.MaxSplits];
        int count = ArabicWord.Splits(w, 0, splits);
        foreach (var s in splits[..count])
            if (w.AsSpan(s.Start).SequenceEqual(key) || w.AsSpan(s.ProcliticEnd).SequenceEqual(key)) return s.ProcliticEnd;
        return ArabicWord.DirectSplit(w).ProcliticEnd;
    }

    /// <summary>Whether unseen names are found by rules as well as by the gazetteer. Default true.</summary>
    public bool UseRules { get; init; } = true;

    /// <summary>The type of the entity with <paramref name="id"/>, without building it; null when unknown.</summary>
    internal EntityType? TypeOf(string id) => Gazetteer.Find(id)?.Type ?? GeneratedEntities.TypeOf(id);

    /// <summary>
    /// The entity an id stands for: a gazetteer entity, or one a rule generated (whose name is its normalized words);
    /// null when the id is neither.
    /// </summary>
    public Entity? Describe(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Gazetteer.Find(id) ?? GeneratedEntities.TryDescribe(id);
    }

    /// <summary>For each word, what stands between it and the word before: nothing but spaces, quotes, or other punctuation.</summary>
    private static Gap[] Gaps(string text, List<TextWord> words)
    {
        var gaps = new Gap[words.Count];
        for (int i = 1; i < words.Count; i++)
        {
            for (int c = words[i - 1].End; c < words[i].Start; c++)
            {
                char ch = text[c];
                if (char.IsWhiteSpace(ch) || ch is '_' or '#') continue; // #صلاح_السعدني: a hashtag marks a name and joins its words with _
                if (ch is '"' or '\'' or '“' or '”' or '«' or '»' or '„' or '‘' or '’') { gaps[i] = Gap.Quote; continue; }
                gaps[i] = Gap.Punctuation;
                break;
            }
        }
        return gaps;
    }

    /// <summary>
    /// Resolves what a user typed (an alias in Arabic or Latin script, with or without attached particles) to an entity.
    /// Returns null when no alias covers the whole text.
    /// </summary>
    public Entity? Resolve(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var byId = Describe(name.Trim());
        if (byId is not null) return byId;
        var words = TextWords.Split(name);
        if (words.Count == 0) return null;
        int matched = MatchAt(words, 0, words.Count, out var entity);
        return matched == words.Count ? entity : null;
    }

    /// <summary>The longest gazetteer name starting at word <paramref name="i"/> and ending before word <paramref name="limit"/>.</summary>
    private int MatchAt(List<TextWord> words, int i, int limit, out Entity? entity)
    {
        // The word's bare readings (ArabicWord.Splits), the direct one first: كاليفورنيا before يفورنيا. No strings.
        string w = words[i].Text;
        Span<WordSplit> splits = stackalloc WordSplit[ArabicWord.MaxSplits];
        int count = ArabicWord.Splits(w, 0, splits);
        for (int s = 0; s < count; s++)
        {
            if (!_byFirstSpan.TryGetValue(w.AsSpan(splits[s].Start), out var list)) continue;
            foreach (var (rest, e) in list)
            {
                if (i + rest.Length >= limit) continue;
                bool ok = true;
                for (int k = 0; k < rest.Length && ok; k++) ok = WithoutArticle(words[i + 1 + k].Text).SequenceEqual(rest[k]);
                if (ok)
                {
                    entity = e;
                    return rest.Length + 1;
                }
            }
        }
        entity = null;
        return 0;
    }

    /// <summary>As <see cref="ArabicWord.WithoutArticle"/>, as a span.</summary>
    private static ReadOnlySpan<char> WithoutArticle(string w) => ArabicWord.IsArticleAt(w, 0, 0) ? w.AsSpan(2) : w;

    /// <summary>The normalized words of an alias, each without its article, as the lookup keys.</summary>
    /// <remarks>
    /// Keys and text words are read with no hamza mask (every ال counts as the article) on both sides, so a name written
    /// without its hamza (الهام for إلهام) still meets its alias; the split itself is the word model's (<see cref="ArabicWord"/>).
    /// </remarks>
    private static string[] KeyWords(string alias) => TextWords.Split(alias).Select(w => StripArticle(w.Text)).ToArray();

    private static string StripArticle(string w) => ArabicWord.WithoutArticle(w);
}
