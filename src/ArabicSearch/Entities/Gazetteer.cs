using System.Text.Json;
using System.Text.Json.Serialization;

namespace ArabicSearch.Entities;

/// <summary>The kind of a named entity.</summary>
public enum EntityType
{
    /// <summary>A person.</summary>
    PER,
    /// <summary>A place.</summary>
    LOC,
    /// <summary>An organization.</summary>
    ORG,
}

/// <summary>A named entity: a canonical id and name, a type, and the aliases it is written with.</summary>
public sealed record Entity(string Id, string Name, EntityType Type, IReadOnlyList<string> Aliases);

/// <summary>
/// A list of known entities. <see cref="Default"/> is the embedded list; <see cref="Load(string)"/> reads a user's
/// JSON file of the same shape: <c>{"entities":[{"id","name","type":"PER|LOC|ORG","aliases":[...]}]}</c>.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class Gazetteer
{
    private static readonly Lazy<Gazetteer> Embedded = new(LoadEmbedded);
    private readonly Dictionary<string, Entity> _byId;

    /// <summary>Creates a gazetteer from entities; ids must be unique.</summary>
    public Gazetteer(IEnumerable<Entity> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        _byId = new Dictionary<string, Entity>(StringComparer.Ordinal);
        foreach (var e in entities)
        {
            if (string.IsNullOrWhiteSpace(e.Id)) throw new ArgumentException("An entity has an empty id.", nameof(entities));
            if (!_byId.TryAdd(e.Id, e)) throw new ArgumentException($"Duplicate entity id '{e.Id}'.", nameof(entities));
        }
    }

    /// <summary>The embedded gazetteer: the seeds' entities, Arab League states, capitals and cities, leaders and organizations in the news.</summary>
    public static Gazetteer Default => Embedded.Value;

    /// <summary>All entities.</summary>
    public IReadOnlyCollection<Entity> Entities => _byId.Values;

    /// <summary>The entity with <paramref name="id"/>, or null.</summary>
    public Entity? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>A gazetteer with this one's entities and <paramref name="more"/>; an entity of <paramref name="more"/> replaces one with the same id.</summary>
    public Gazetteer With(IEnumerable<Entity> more)
    {
        var merged = new Dictionary<string, Entity>(_byId, StringComparer.Ordinal);
        foreach (var e in more) merged[e.Id] = e;
        return new Gazetteer(merged.Values);
    }

    /// <summary>Reads a gazetteer from a JSON file.</summary>
    /// <exception cref="FormatException">The file is not a valid gazetteer.</exception>
    public static Gazetteer Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    /// <summary>
    /// Reads a user's gazetteer file and applies it to the embedded one: its entities are added, and replace embedded
    /// entities with the same id. A file with <c>"replace": true</c> at the top level replaces the embedded list instead.
    /// </summary>
    /// <exception cref="FormatException">The file is not a valid gazetteer.</exception>
    public static Gazetteer LoadOverDefault(string path)
    {
        using var stream = File.OpenRead(path);
        var user = Read(stream, path, out bool replace);
        return replace ? user : Default.With(user.Entities);
    }

    private static Gazetteer LoadEmbedded()
    {
        using var stream = typeof(Gazetteer).Assembly.GetManifestResourceStream("ArabicSearch.gazetteer.json")
            ?? throw new InvalidOperationException("The embedded gazetteer is missing from the assembly.");
        return Read(stream, "embedded gazetteer");
    }

    private static Gazetteer Read(Stream stream, string name) => Read(stream, name, out _);

    private static Gazetteer Read(Stream stream, string name, out bool replace)
    {
        GazetteerFile? file;
        try
        {
            file = JsonSerializer.Deserialize<GazetteerFile>(stream, Options);
        }
        catch (JsonException e)
        {
            throw new FormatException($"{name}: not a valid gazetteer: {e.Message}", e);
        }
        if (file?.Entities is null) throw new FormatException($"{name}: no \"entities\" array.");
        replace = file.Replace;
        var list = new List<Entity>(file.Entities.Count);
        foreach (var e in file.Entities)
        {
            if (string.IsNullOrWhiteSpace(e.Id) || string.IsNullOrWhiteSpace(e.Name))
                throw new FormatException($"{name}: an entity lacks an id or a name.");
            if (!Enum.TryParse<EntityType>(e.Type, ignoreCase: true, out var type))
                throw new FormatException($"{name}: entity '{e.Id}' has type '{e.Type}', expected PER, LOC or ORG.");
            var aliases = new List<string> { e.Name };
            if (e.Aliases is not null) aliases.AddRange(e.Aliases.Where(a => !string.IsNullOrWhiteSpace(a)));
            list.Add(new Entity(e.Id, e.Name, type, aliases.Distinct(StringComparer.Ordinal).ToArray()));
        }
        try
        {
            return new Gazetteer(list);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"{name}: {e.Message}", e);
        }
    }

    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private sealed class GazetteerFile
    {
        [JsonPropertyName("entities")] public List<EntityDto>? Entities { get; set; }
        [JsonPropertyName("replace")] public bool Replace { get; set; }
    }

    private sealed class EntityDto
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("type")] public string? Type { get; set; }
        [JsonPropertyName("aliases")] public List<string>? Aliases { get; set; }
    }
}
