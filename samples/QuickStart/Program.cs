// A small app that uses ArabicSearch as a package: it indexes a few articles on disk and runs each kind of query.
using ArabicSearch;

string indexPath = Path.Combine(Path.GetTempPath(), "arabicsearch-quickstart-" + Environment.ProcessId);
try
{
    using (var engine = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = indexPath }))
    {
        engine.AddOrUpdate(
        [
            new Article("a1", "قال البيت الأبيض إن الرئيس الأميركي جو بايدن ناقش مع رئيس الوزراء العراقي مصطفى الكاظمي الهجمات الصاروخية على قاعدة في أربيل.")
            { Title = "بايدن يتباحث مع الكاظمي", Source = "Sky News Arabia", Published = new DateOnly(2021, 2, 24) },
            new Article("a2", "سقط صاروخان من نوع كاتيوشا قرب السفارة الأمريكية في بغداد فجر الخميس، وفق مصدر أمنى.")
            { Title = "صاروخان قرب السفارة الأمريكية", Source = "AFP", Published = new DateOnly(2021, 7, 29) },
            new Article("a3", "أعلنت وزارة الصحة المصرية عن حملة تطعيم جديدة في القاهرة والإسكندرية.")
            { Title = "حملة تطعيم في مصر", Source = "Youm7", Published = new DateOnly(2021, 3, 1) },
        ]);
        engine.Commit();
    }

    // Reopen read-only, as a search service would.
    using var search = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = indexPath, ReadOnly = true });
    Show("free text: السفارة الأميركية", search.Search(new SearchRequest { Text = "السفارة الأميركية" }));
    Show("exact phrase: البيت الأبيض", search.Search(new SearchRequest { Phrase = "البيت الأبيض" }));
    Show("entity by Latin alias: Kadhimi", search.Search(new SearchRequest { Entities = ["Kadhimi"] }));
    Show("published in July 2021", search.Search(new SearchRequest { From = new DateOnly(2021, 7, 1), To = new DateOnly(2021, 7, 31) }));
    Show("combined: صاروخ + entity بغداد, newest first", search.Search(new SearchRequest { Text = "صاروخ", Entities = ["بغداد"], Sort = SearchSort.Newest }));
    try
    {
        search.Search(new SearchRequest { Text = "بغداد AND (" });
    }
    catch (InvalidQueryException e)
    {
        Console.WriteLine($"bad query reported: {e.Message}");
    }
    return 0;
}
finally
{
    if (Directory.Exists(indexPath)) Directory.Delete(indexPath, recursive: true);
}

static void Show(string title, SearchResults results)
{
    Console.WriteLine($"-- {title}: {results.Total} match(es)");
    foreach (var hit in results.Hits)
        Console.WriteLine($"   {hit.Id} {hit.Published:yyyy-MM-dd} {hit.Snippet}");
    if (results.Total == 0) throw new InvalidOperationException($"expected hits for: {title}");
}
