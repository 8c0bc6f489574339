using ArabicSearch;

using var engine = ArabicSearchEngine.CreateInMemory();
engine.AddOrUpdate(new Article("a1", "قال البيت الأبيض إن الرئيس الأميركي جو بايدن ناقش مع الكاظمي الهجمات الصاروخية.")
{
    Title = "بايدن يتباحث مع الكاظمي",
    Published = new DateOnly(2021, 2, 24),
});
engine.Commit();

var results = engine.Search(new SearchRequest { Text = "الهجمات الصاروخية", Entities = ["Kadhimi"] });
foreach (var hit in results.Hits)
    Console.WriteLine($"{hit.Id} {hit.Score:0.00} {hit.Snippet}");
