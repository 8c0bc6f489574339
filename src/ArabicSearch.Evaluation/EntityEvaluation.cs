using System.Text.Json;
using ArabicSearch.Analysis;
using ArabicSearch.Entities;

namespace ArabicSearch.Evaluation;

/// <summary>A hand-annotated entity of a document: its type and the name as the text writes it.</summary>
public sealed record AnnotatedEntity(EntityType Type, string Text);

/// <summary>A document's annotations: its id and the distinct entity names it contains.</summary>
public sealed record AnnotatedDocument(string Id, IReadOnlyList<AnnotatedEntity> Entities);

/// <summary>Precision and recall of one entity type (or of all, when <see cref="Type"/> is null).</summary>
/// <param name="Type">The type; null for the totals over all types.</param>
/// <param name="Expected">Distinct annotated names.</param>
/// <param name="Found">Distinct names the recognizer reported.</param>
/// <param name="Correct">Reported names that match an annotated name of the same type.</param>
/// <param name="Recalled">Annotated names matched by a reported name of the same type.</param>
public sealed record EntityScore(EntityType? Type, int Expected, int Found, int Correct, int Recalled)
{
    /// <summary>Correct / Found (1 when nothing was found).</summary>
    public double Precision => Found == 0 ? 1 : (double)Correct / Found;
    /// <summary>Recalled / Expected (1 when nothing was expected).</summary>
    public double Recall => Expected == 0 ? 1 : (double)Recalled / Expected;
    /// <summary>The harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>A document to score: its annotations and its text (headline and body as the recognizer reads them).</summary>
/// <param name="Annotations">The hand annotations.</param>
/// <param name="Text">The text the annotations were made on.</param>
public sealed record AnnotatedText(AnnotatedDocument Annotations, string Text);

/// <summary>A name scored as a mistake: annotated but not recognized (missed), or recognized but not annotated (spurious).</summary>
/// <param name="Document">The document id.</param>
/// <param name="Type">The entity type.</param>
/// <param name="Text">The name as the text writes it.</param>
public sealed record EntityError(string Document, EntityType Type, string Text);

/// <summary>The outcome of <see cref="EntityEvaluation.Evaluate"/>: scores per type and the mistakes, for reading.</summary>
/// <param name="Documents">The number of documents scored.</param>
/// <param name="ByType">The score of each entity type.</param>
/// <param name="Total">The score over all types.</param>
/// <param name="Missed">Annotated names the recognizer did not report.</param>
/// <param name="Spurious">Reported names that no annotation matches.</param>
public sealed record EntityEvaluationResult(
    int Documents,
    IReadOnlyList<EntityScore> ByType,
    EntityScore Total,
    IReadOnlyList<EntityError> Missed,
    IReadOnlyList<EntityError> Spurious);

/// <summary>
/// Measures a recognizer against hand annotations. Scoring is per document over distinct names: each name the text
/// writes counts once however often it occurs, as entity search and facets use it. A reported name matches an annotated
/// one of the same type when they are the same words after normalization, leaving out the article and the particles
/// attached to the first word (<c>وأربيل</c> matches <c>أربيل</c>), or when the annotated name is an alias of the
/// recognized entity (<c>وكالة رويترز</c> recognized as Reuters matches <c>رويترز</c>). Names inside longer names (see
/// <see cref="EntityMention.Nested"/>) are not scored: annotations mark the longest name only.
/// </summary>
public static class EntityEvaluation
{
    /// <summary>Scores <paramref name="recognizer"/> on documents given as their text and annotations.</summary>
    public static EntityEvaluationResult Evaluate(EntityRecognizer recognizer, IEnumerable<AnnotatedText> documents)
    {
        ArgumentNullException.ThrowIfNull(recognizer);
        ArgumentNullException.ThrowIfNull(documents);
        var types = Enum.GetValues<EntityType>();
        var counts = types.ToDictionary(t => t, _ => new int[4]); // expected, found, correct, recalled
        var missed = new List<EntityError>();
        var spurious = new List<EntityError>();
        int n = 0;
        foreach (var (annotations, text) in documents)
        {
            ArgumentNullException.ThrowIfNull(annotations);
            ArgumentNullException.ThrowIfNull(text);
            n++;
            var gold = Distinct(annotations.Entities.Select(e => (e.Type, e.Text, (IReadOnlyList<string>)[])));
            var found = Distinct(recognizer.Recognize(text).Where(m => !m.Nested).Select(m => (m.Entity.Type, text[m.Start..m.End], m.Entity.Aliases)));
            foreach (var g in gold)
            {
                counts[g.Type][0]++;
                if (found.Exists(f => f.Type == g.Type && f.Keys.Overlaps(g.Keys))) counts[g.Type][3]++;
                else missed.Add(new EntityError(annotations.Id, g.Type, g.Text));
            }
            foreach (var f in found)
            {
                counts[f.Type][1]++;
                if (gold.Exists(g => g.Type == f.Type && g.Keys.Overlaps(f.Keys))) counts[f.Type][2]++;
                else spurious.Add(new EntityError(annotations.Id, f.Type, f.Text));
            }
        }
        var byType = types.Select(t => new EntityScore(t, counts[t][0], counts[t][1], counts[t][2], counts[t][3])).ToList();
        var total = new EntityScore(null, byType.Sum(s => s.Expected), byType.Sum(s => s.Found), byType.Sum(s => s.Correct), byType.Sum(s => s.Recalled));
        return new EntityEvaluationResult(n, byType, total, missed, spurious);
    }

    /// <summary>
    /// Reads annotations from JSON Lines: one document a line, <c>{"id": "…", "entities": [{"type": "PER|LOC|ORG", "text": "…"}]}</c>.
    /// </summary>
    /// <exception cref="FormatException">A line is not a valid annotation.</exception>
    public static IReadOnlyList<AnnotatedDocument> ReadAnnotations(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var list = new List<AnnotatedDocument>();
        int line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            try
            {
                using var json = JsonDocument.Parse(text);
                var root = json.RootElement;
                string id = root.GetProperty("id").GetString() ?? throw new FormatException("null id");
                var entities = new List<AnnotatedEntity>();
                foreach (var e in root.GetProperty("entities").EnumerateArray())
                {
                    string type = e.GetProperty("type").GetString() ?? "";
                    if (!Enum.TryParse<EntityType>(type, ignoreCase: false, out var t) || !Enum.IsDefined(t))
                        throw new FormatException($"type '{type}' is not PER, LOC or ORG");
                    entities.Add(new AnnotatedEntity(t, e.GetProperty("text").GetString() ?? ""));
                }
                list.Add(new AnnotatedDocument(id, entities));
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new FormatException($"{path}:{line}: not a valid annotation: {e.Message}", e);
            }
        }
        return list;
    }

    private sealed record Name(EntityType Type, string Text, HashSet<string> Keys);

    /// <summary>Names with overlapping keys and the same type are one name. A recognized name also answers to its entity's aliases.</summary>
    private static List<Name> Distinct(IEnumerable<(EntityType Type, string Text, IReadOnlyList<string> Aliases)> names)
    {
        var list = new List<Name>();
        foreach (var (type, text, aliases) in names)
        {
            var keys = Keys(text);
            foreach (var alias in aliases) keys.UnionWith(Keys(alias));
            if (keys.Count == 0) continue;
            var same = list.Find(n => n.Type == type && n.Keys.Overlaps(keys));
            if (same is null) list.Add(new Name(type, text, keys));
            else same.Keys.UnionWith(keys);
        }
        return list;
    }

    /// <summary>The readings of a name: its normalized words without the article, the first word with and without attached particles.</summary>
    internal static HashSet<string> Keys(string text)
    {
        var words = TextWords.Split(text).Select(w => w.Text).ToList();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        if (words.Count == 0) return keys;
        string rest = string.Join(' ', words.Skip(1).Select(w => ArabicWord.WithoutArticle(w)));
        foreach (var first in FirstWordReadings(words[0]))
            keys.Add(rest.Length == 0 ? first : first + " " + rest);
        return keys;
    }

    private static IEnumerable<string> FirstWordReadings(string w) => ArabicWord.BareWords(w);
}
