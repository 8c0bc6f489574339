namespace ArabicSearch.Entities;

/// <summary>
/// Ids for names the gazetteer does not know but a rule found (after a title, around a place word). The id is the
/// type and the normalized words without their article, e.g. <c>per:يحيي_رسول</c> or <c>loc:قاعده_بلد_جويه</c>, so the
/// same name written with or without ال, or with ى/ي, gets the same id in every article and is facetable.
/// Gazetteer ids never contain a colon, so the two kinds cannot clash.
/// </summary>
internal static class GeneratedEntities
{
    private const char WordSeparator = '_';

    /// <summary>The id of a name of <paramref name="type"/> made of <paramref name="words"/> (normalized, article already stripped).</summary>
    public static string IdOf(EntityType type, IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return Prefix(type) + string.Join(WordSeparator, words);
    }

    /// <summary>True when <paramref name="id"/> is a generated id.</summary>
    public static bool IsGenerated(string id) => TryDescribe(id) is not null;

    /// <summary>The type of a generated id, or null for any other id. Allocation-free.</summary>
    internal static EntityType? TypeOf(string id)
    {
        if (id.Length <= 4 || id[3] != ':') return null;
        foreach (var type in (ReadOnlySpan<EntityType>)[EntityType.PER, EntityType.LOC, EntityType.ORG])
            if (id.StartsWith(Prefix(type), StringComparison.Ordinal)) return type;
        return null;
    }

    /// <summary>The entity a generated id stands for (its name is its normalized words), or null for any other id.</summary>
    public static Entity? TryDescribe(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        foreach (var type in Enum.GetValues<EntityType>())
        {
            string prefix = Prefix(type);
            if (id.Length <= prefix.Length || !id.StartsWith(prefix, StringComparison.Ordinal)) continue;
            string name = id[prefix.Length..].Replace(WordSeparator, ' ');
            if (string.IsNullOrWhiteSpace(name)) return null;
            return new Entity(id, name, type, [name]);
        }
        return null;
    }

    private static string Prefix(EntityType type) => type switch
    {
        EntityType.PER => "per:",
        EntityType.LOC => "loc:",
        _ => "org:",
    };
}
