namespace ArabicSearch;

/// <summary>Where a <see cref="Completion"/> comes from.</summary>
public enum CompletionKind
{
    /// <summary>A headline word.</summary>
    Word,
    /// <summary>Two consecutive headline words.</summary>
    Phrase,
    /// <summary>A name of a known entity (a gazetteer alias).</summary>
    Entity,
}

/// <summary>One autocomplete answer of <see cref="ArabicSearchEngine.Suggest"/>.</summary>
/// <param name="Text">What to display and search for: the words as a headline wrote them most often, or the entity alias as listed.</param>
/// <param name="Frequency">How many articles have it: in the headline for words and phrases, anywhere for entities.</param>
/// <param name="Kind">Where it comes from.</param>
/// <param name="EntityId">The entity's canonical id when <paramref name="Kind"/> is <see cref="CompletionKind.Entity"/>; otherwise null.</param>
public sealed record Completion(string Text, int Frequency, CompletionKind Kind, string? EntityId = null);
