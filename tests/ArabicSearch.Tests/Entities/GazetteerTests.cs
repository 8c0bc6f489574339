using ArabicSearch.Entities;

namespace ArabicSearch.Tests.Entities;

public class GazetteerTests
{
    private string _dir = null!;

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("gazetteer-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_dir, true);

    private string Write(string json)
    {
        var path = Path.Combine(_dir, "g.json");
        File.WriteAllText(path, json);
        return path;
    }

    private const string Rasool = """{"entities":[{"id":"yahya-rasool","name":"يحيى رسول","type":"PER","aliases":["Yahya Rasool"]}]}""";

    [Test]
    public void LoadOverDefault_extends_the_embedded_gazetteer()
    {
        var g = Gazetteer.LoadOverDefault(Write(Rasool));
        Assert.That(g.Find("yahya-rasool")?.Type, Is.EqualTo(EntityType.PER));
        Assert.That(g.Find("mustafa-al-kadhimi"), Is.Not.Null);
    }

    [Test]
    public void LoadOverDefault_replaces_it_when_asked()
    {
        var g = Gazetteer.LoadOverDefault(Write(Rasool.Replace("{\"entities\"", "{\"replace\":true,\"entities\"", StringComparison.Ordinal)));
        Assert.That(g.Entities.Select(e => e.Id), Is.EqualTo(new[] { "yahya-rasool" }));
    }

    [TestCase("""{"entities":[{"id":"x","name":"س","type":"THING"}]}""")]
    [TestCase("""{"entities":[{"id":"","name":"س","type":"PER"}]}""")]
    [TestCase("""{"entities":[{"id":"x","name":"س","type":"PER"},{"id":"x","name":"ص","type":"LOC"}]}""")]
    [TestCase("""[1,2""")]
    [TestCase("""{"people":[]}""")]
    public void Load_rejects_a_bad_file_with_a_format_error(string json) =>
        Assert.That(() => Gazetteer.Load(Write(json)), Throws.TypeOf<FormatException>());

    [Test]
    public void Engine_uses_the_gazetteer_of_its_options_for_indexing_and_queries()
    {
        using var engine = ArabicSearchEngine.CreateInMemory(new ArabicSearchOptions { Gazetteer = Gazetteer.LoadOverDefault(Write(Rasool)) });
        engine.AddOrUpdate(SeedCorpus.Articles);
        var results = engine.Search(new SearchRequest { Entities = ["Yahya Rasool"] });
        Assert.That(SeedCorpus.Ids(results), Is.EqualTo("003"));
        Assert.That(results.Notices, Is.Empty);
    }
}
