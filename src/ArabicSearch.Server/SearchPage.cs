using System.Globalization;
using System.Text;
using ArabicSearch.Entities;
using Microsoft.AspNetCore.Http;

namespace ArabicSearch.Server;

/// <summary>
/// The one search page: server-rendered, right-to-left, no script and no front-end build. Its whole state is in its
/// URL (see <see cref="SearchQuery"/>), so a search can be linked and its first page of results is in the HTML sent.
/// Every text from the index is HTML-escaped here.
/// </summary>
internal static class SearchPage
{
    private static readonly string[] MonthNames = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"];

    public static IResult Render(HttpContext http, ArabicSearchEngine engine)
    {
        var html = new StringBuilder(16 * 1024);
        SearchQuery query;
        try
        {
            query = SearchQuery.Parse(http.Request.Query, facetsByDefault: true);
        }
        catch (InvalidQueryException e)
        {
            Head(html, "خطأ");
            Form(html, new SearchQuery { Text = http.Request.Query["q"].LastOrDefault() });
            html.Append("<main><p class=\"error\" role=\"alert\">").Append(H(e.Message)).Append("</p></main>");
            return Page(html, 400);
        }
        string? articleId = http.Request.Query["article"].LastOrDefault();
        if (!string.IsNullOrWhiteSpace(articleId)) return ArticleView(html, engine, query, articleId);

        Head(html, query.IsEmpty ? "بحث في الأخبار" : $"{query.Text ?? query.Phrase ?? "بحث"} — بحث");
        Form(html, query);
        html.Append("<main>");
        int status = 200;
        if (query.IsEmpty)
        {
            html.Append("<p class=\"hint\">").Append(H($"{engine.Count:N0} مقالة في الفهرس. ابحث بكلمات أو بعبارة أو باسم شخص أو مكان أو منظمة.")).Append("</p>");
        }
        else
        {
            try
            {
                // Collapsed results do not say how many groups there are: ask for one hit more than the page shows,
                // to know whether a next page exists (when the window allows it).
                var request = query.ToRequest();
                bool probe = query.Collapse && (long)request.Skip + request.Top < SearchQuery.MaxResultWindow;
                var results = engine.Search(probe ? request with { Top = request.Top + 1 } : request, http.RequestAborted);
                bool more = probe && results.Hits.Count > query.PageSize;
                if (more) results = results with { Hits = results.Hits.Take(query.PageSize).ToList() };
                Facets(html, query, results.Facets);
                Results(html, query, results, engine.Entities, more);
            }
            catch (InvalidQueryException e)
            {
                html.Append("<p class=\"error\" role=\"alert\">").Append(H(query.InUrlTerms(e.Message))).Append("</p>");
                status = 400;
            }
        }
        html.Append("</main>");
        return Page(html, status);
    }

    private static IResult ArticleView(StringBuilder html, ArabicSearchEngine engine, SearchQuery query, string id)
    {
        var article = engine.Find(id);
        Head(html, article is null ? "غير موجود" : article.Title.Length > 0 ? article.Title : article.Id);
        Form(html, query);
        html.Append("<main><article class=\"article-view\">");
        html.Append("<p><a class=\"back\" href=\"").Append(H(query.ToUrl())).Append("\">→ العودة إلى النتائج</a></p>");
        if (article is null)
        {
            html.Append("<p class=\"error\" role=\"alert\">").Append(H($"No article with id '{id}'.")).Append("</p></article></main>");
            return Page(html, 404);
        }
        html.Append("<h1>").Append(H(article.Title.Length > 0 ? article.Title : "(بلا عنوان)")).Append("</h1>");
        html.Append("<p class=\"meta\">");
        Meta(html, article.Source, article.Published, article.Category);
        if (article.Author.Length > 0) html.Append(" · <bdi class=\"author\">").Append(H(article.Author)).Append("</bdi>");
        html.Append(" · <bdi class=\"id\">").Append(H(article.Id)).Append("</bdi>");
        if (Uri.TryCreate(article.Url, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
            html.Append(" · <a href=\"").Append(H(url.AbsoluteUri)).Append("\" rel=\"noopener noreferrer\">المصدر</a>");
        html.Append("</p><div class=\"body\">");
        foreach (var paragraph in article.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            html.Append("<p>").Append(H(paragraph)).Append("</p>");
        html.Append("</div></article></main>");
        return Page(html, 200);
    }

    private static void Results(StringBuilder html, SearchQuery query, SearchResults results, EntityRecognizer entities, bool more)
    {
        html.Append("<section class=\"results\">");
        ActiveFilters(html, query, entities);
        foreach (var notice in results.Notices) html.Append("<p class=\"notice\">").Append(H(notice)).Append("</p>");
        if (results.Suggestions is { CorrectedText: { Length: > 0 } corrected })
            html.Append("<p class=\"did-you-mean\">هل تقصد: <a href=\"").Append(H((query with { Text = corrected, Page = 1 }).ToUrl())).Append("\">").Append(H(corrected)).Append("</a>؟</p>");
        html.Append("<p class=\"total\">").Append(H($"{results.Total:N0} نتيجة")).Append("</p>");
        html.Append("<ol class=\"hits\">");
        foreach (var hit in results.Hits)
        {
            html.Append("<li class=\"hit\" data-id=\"").Append(H(hit.Id)).Append("\"><h2><a href=\"").Append(H(query.ToUrl(hit.Id))).Append("\">")
                .Append(hit.Title.Length > 0 ? Marked(hit.Title, hit.TitleHighlights) : H("(بلا عنوان)")).Append("</a></h2><p class=\"meta\">");
            Meta(html, hit.Source, hit.Published, hit.Category);
            html.Append(" · <bdi class=\"id\">").Append(H(hit.Id)).Append("</bdi></p>");
            html.Append("<p class=\"snippet\">").Append(hit.Snippet).Append("</p>"); // already HTML: the text escaped, <mark> from the ranges
            if (hit.SimilarCount > 0)
            {
                html.Append("<details class=\"similar\"><summary><bdi dir=\"ltr\">+").Append(hit.SimilarCount).Append(" similar</bdi> · مقالات شبه مطابقة</summary><ul>");
                foreach (var other in hit.SimilarIds)
                    html.Append("<li><a href=\"").Append(H(query.ToUrl(other))).Append("\"><bdi>").Append(H(other)).Append("</bdi></a></li>");
                html.Append("</ul></details>");
            }
            if (hit.Entities.Count > 0)
            {
                html.Append("<p class=\"entities\">");
                foreach (var e in hit.Entities.Take(8))
                    html.Append("<a class=\"chip ").Append(e.Type).Append("\" href=\"").Append(H(With(query, entity: e.Id).ToUrl())).Append("\">").Append(H(e.Name)).Append("</a> ");
                html.Append("</p>");
            }
            html.Append("</li>");
        }
        html.Append("</ol>");
        Pager(html, query, results.Total, more);
        html.Append("</section>");
    }

    private static void Meta(StringBuilder html, string source, DateOnly? published, string category)
    {
        // <bdi>: Latin source names, dates and ids keep their own direction inside the right-to-left line.
        html.Append("<bdi class=\"source\">").Append(H(source.Length > 0 ? source : "مصدر غير معروف")).Append("</bdi>");
        if (published is { } d) html.Append(" · <bdi><time datetime=\"").Append(Iso(d)).Append("\">").Append(H(ArabicDate(d))).Append("</time></bdi>");
        if (category.Length > 0) html.Append(" · <bdi class=\"category\">").Append(H(category)).Append("</bdi>");
    }

    private static void ActiveFilters(StringBuilder html, SearchQuery query, EntityRecognizer entities)
    {
        var chips = new List<(string Label, SearchQuery Without)>();
        foreach (var e in query.Entities) chips.Add(($"كيان: {(entities.Describe(e) ?? entities.Resolve(e))?.Name ?? e}", query with { Entities = query.Entities.Where(x => x != e).ToArray(), Page = 1 }));
        foreach (var s in query.Sources) chips.Add(($"المصدر: {s}", query with { Sources = query.Sources.Where(x => x != s).ToArray(), Page = 1 }));
        foreach (var c in query.Categories) chips.Add(($"القسم: {c}", query with { Categories = query.Categories.Where(x => x != c).ToArray(), Page = 1 }));
        if (query.From is not null || query.To is not null)
            chips.Add(($"التاريخ: {(query.From is { } f ? Iso(f) : "…")} – {(query.To is { } t ? Iso(t) : "…")}", query with { From = null, To = null, Page = 1 }));
        if (chips.Count == 0) return;
        html.Append("<p class=\"active\">");
        foreach (var (label, without) in chips)
            html.Append("<a class=\"chip remove\" title=\"إزالة\" href=\"").Append(H(without.ToUrl())).Append("\">").Append(H(label)).Append(" ✕</a> ");
        html.Append("</p>");
    }

    private static void Facets(StringBuilder html, SearchQuery query, SearchFacets? facets)
    {
        if (facets is null) return;
        html.Append("<aside class=\"facets\">");
        var entityTitles = new Dictionary<string, string> { ["PER"] = "أشخاص", ["LOC"] = "أماكن", ["ORG"] = "منظمات" };
        foreach (var (type, counts) in facets.Entities)
        {
            if (counts.Count == 0) continue;
            FacetGroup(html, entityTitles.GetValueOrDefault(type, type), "entity " + type, counts.Select(c =>
                (c.Label, c.Count, query.Entities.Contains(c.Value), With(query, entity: c.Value), (string?)null)));
        }
        FacetGroup(html, "المصادر", "source", facets.Sources.Select(c =>
            (c.Label, c.Count, query.Sources.Contains(c.Value, StringComparer.OrdinalIgnoreCase), With(query, source: c.Value), (string?)null)));
        FacetGroup(html, "الأقسام", "category", facets.Categories.Select(c =>
            (c.Label, c.Count, query.Categories.Contains(c.Value), With(query, category: c.Value), (string?)null)));
        FacetGroup(html, "الأشهر", "month", facets.Months.Select(c =>
        {
            var first = DateOnly.ParseExact(c.Value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var last = first.AddMonths(1).AddDays(-1);
            bool active = query.From == first && query.To == last;
            return (MonthLabel(first), c.Count, active, query with { From = first, To = last, Mentioned = false, Page = 1 }, (string?)c.Value);
        }));
        html.Append("</aside>");
    }

    private static void FacetGroup(StringBuilder html, string title, string kind, IEnumerable<(string Label, int Count, bool Active, SearchQuery Target, string? Month)> values)
    {
        var list = values.ToList();
        if (list.Count == 0) return;
        html.Append("<section class=\"facet ").Append(H(kind)).Append("\"><h3>").Append(H(title)).Append("</h3><ul>");
        foreach (var (label, count, active, target, month) in list)
        {
            html.Append("<li><a class=\"facet-value").Append(active ? " active" : "").Append('"');
            if (month is not null) html.Append(" data-month=\"").Append(H(month)).Append('"');
            html.Append(" href=\"").Append(H(target.ToUrl())).Append("\">").Append(H(label))
                .Append(" <span class=\"count\">").Append(count.ToString("N0", CultureInfo.InvariantCulture)).Append("</span></a></li>");
        }
        html.Append("</ul></section>");
    }

    private static SearchQuery With(SearchQuery q, string? entity = null, string? source = null, string? category = null) => q with
    {
        Entities = entity is null || q.Entities.Contains(entity) ? q.Entities : [.. q.Entities, entity],
        Sources = source is null || q.Sources.Contains(source) ? q.Sources : [.. q.Sources, source],
        Categories = category is null || q.Categories.Contains(category) ? q.Categories : [.. q.Categories, category],
        Page = 1,
    };

    /// <summary>
    /// Links to the previous and next pages. Without collapsing, the page count is what can be served (at most the
    /// 1,000-hit window); collapsed, the number of groups is unknown, so the pager shows the page number and offers
    /// a next page only when <paramref name="more"/> says it has hits.
    /// </summary>
    private static void Pager(StringBuilder html, SearchQuery query, int total, bool more)
    {
        int? pages = query.Collapse ? null : query.LastPage(total);
        bool next = query.Collapse ? more : query.Page < pages;
        if (query.Page <= 1 && !next) return;
        html.Append("<nav class=\"pager\">");
        if (query.Page > 1) html.Append("<a rel=\"prev\" href=\"").Append(H((query with { Page = query.Page - 1 }).ToUrl())).Append("\">→ السابق</a> ");
        html.Append("<span>").Append(H(pages is { } n ? $"صفحة {query.Page:N0} من {n:N0}" : $"صفحة {query.Page:N0}")).Append("</span>");
        if (next) html.Append(" <a rel=\"next\" href=\"").Append(H((query with { Page = query.Page + 1 }).ToUrl())).Append("\">التالي ←</a>");
        html.Append("</nav>");
    }

    private static void Form(StringBuilder html, SearchQuery q)
    {
        html.Append("<header><a class=\"home\" href=\"/\">بحث الأخبار</a><form method=\"get\" action=\"/\" role=\"search\">");
        html.Append("<input type=\"search\" name=\"q\" aria-label=\"كلمات البحث\" placeholder=\"ابحث: كلمات، &quot;عبارة&quot;، اسم…\" value=\"").Append(H(q.Text ?? "")).Append("\" autofocus>");
        foreach (var e in q.Entities) Hidden(html, "entity", e);
        foreach (var s in q.Sources) Hidden(html, "source", s);
        foreach (var c in q.Categories) Hidden(html, "category", c);
        html.Append("<button type=\"submit\">بحث</button>");
        html.Append("<div class=\"options\">");
        html.Append("<label>عبارة <input type=\"text\" name=\"phrase\" value=\"").Append(H(q.Phrase ?? "")).Append("\"></label>");
        html.Append("<label>من <input type=\"date\" name=\"from\" value=\"").Append(q.From is { } f ? Iso(f) : "").Append("\"></label>");
        html.Append("<label>إلى <input type=\"date\" name=\"to\" value=\"").Append(q.To is { } t ? Iso(t) : "").Append("\"></label>");
        html.Append("<label>التاريخ <select name=\"dateField\"><option value=\"published\">تاريخ النشر</option><option value=\"mentioned\"")
            .Append(q.Mentioned ? " selected" : "").Append(">تاريخ مذكور في النص</option></select></label>");
        html.Append("<label>الترتيب <select name=\"sort\">");
        foreach (var (value, label) in new[] { ("relevance", "الأكثر صلة"), ("recent", "الأكثر صلة وحداثة"), ("newest", "الأحدث"), ("oldest", "الأقدم") })
            html.Append("<option value=\"").Append(value).Append('"').Append(q.Sort == value || (value == "newest" && q.Sort == "date") ? " selected" : "").Append('>').Append(label).Append("</option>");
        html.Append("</select></label>");
        html.Append("<label><input type=\"checkbox\" name=\"collapse\" value=\"true\"").Append(q.Collapse ? " checked" : "").Append("> دمج المقالات المتشابهة</label>");
        html.Append("</div></form></header>");
    }

    private static void Hidden(StringBuilder html, string name, string value) =>
        html.Append("<input type=\"hidden\" name=\"").Append(name).Append("\" value=\"").Append(H(value)).Append("\">");

    private static void Head(StringBuilder html, string title)
    {
        html.Append("<!doctype html><html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>").Append(H(title)).Append("</title><style>")
            .Append(Css).Append("</style></head><body>");
    }

    private static IResult Page(StringBuilder html, int status)
    {
        html.Append("</body></html>");
        return Microsoft.AspNetCore.Http.Results.Text(html.ToString(), "text/html; charset=utf-8", statusCode: status);
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string ArabicDate(DateOnly d) => $"{d.Day} {MonthNames[d.Month - 1]} {d.Year}";

    private static string MonthLabel(DateOnly first) => $"{MonthNames[first.Month - 1]} {first.Year}";

    /// <summary>HTML-escapes text for element content and quoted attribute values; Arabic passes through as itself.</summary>
    /// <summary><paramref name="text"/> as HTML: escaped, each of <paramref name="highlights"/> wrapped in <c>&lt;mark&gt;</c>.</summary>
    internal static string Marked(string text, IReadOnlyList<TextSpan> highlights)
    {
        if (highlights.Count == 0) return H(text);
        var sb = new StringBuilder(text.Length + highlights.Count * 13);
        int at = 0;
        foreach (var s in highlights)
        {
            sb.Append(H(text[at..s.Start])).Append("<mark>").Append(H(text.Substring(s.Start, s.Length))).Append("</mark>");
            at = s.Start + s.Length;
        }
        return sb.Append(H(text[at..])).ToString();
    }

    internal static string H(string text)
    {
        if (text.AsSpan().IndexOfAny("<>&\"'") < 0) return text;
        var sb = new StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            sb.Append(c switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => null,
            } ?? c.ToString());
        }
        return sb.ToString();
    }

    // Fonts: Debian's fonts-noto-core (Noto Naskh/Sans Arabic) and fonts-kacst, then what other systems ship.
    private const string Css = """
        :root{--ink:#1d2430;--muted:#5b6472;--line:#dde2ea;--accent:#0b6e4f;--mark:#ffe58a;--bg:#f7f8fa}
        *{box-sizing:border-box}
        body{margin:0;background:var(--bg);color:var(--ink);font:17px/1.7 "Noto Naskh Arabic","Noto Sans Arabic","KacstBook","KacstOne","Amiri","Geeza Pro","Segoe UI","Tahoma",sans-serif}
        header{background:#fff;border-bottom:1px solid var(--line);padding:12px 24px;display:flex;gap:16px;align-items:flex-start;flex-wrap:wrap}
        .home{font-weight:700;color:var(--accent);text-decoration:none;font-size:20px;padding-top:6px}
        form{flex:1;min-width:300px}
        input[type=search]{width:min(640px,70%);font:inherit;padding:6px 12px;border:1px solid var(--line);border-radius:8px}
        button{font:inherit;padding:6px 18px;margin-inline-start:8px;border:0;border-radius:8px;background:var(--accent);color:#fff;cursor:pointer}
        .options{display:flex;flex-wrap:wrap;gap:4px 16px;margin-top:8px;font-size:14px;color:var(--muted)}
        .options input,.options select{font:inherit;font-size:14px}
        main{display:flex;gap:24px;padding:16px 24px;align-items:flex-start}
        .facets{width:260px;flex:none;background:#fff;border:1px solid var(--line);border-radius:10px;padding:8px 16px;font-size:15px}
        .facets h3{font-size:15px;margin:12px 0 4px;color:var(--muted)}
        .facets ul{list-style:none;margin:0;padding:0}
        .facet-value{display:flex;justify-content:space-between;text-decoration:none;color:var(--ink);padding:1px 4px;border-radius:4px}
        .facet-value:hover{background:var(--bg)}
        .facet-value.active{background:var(--accent);color:#fff}
        .count{color:var(--muted);font-size:13px}
        .active .count{color:inherit}
        .results{flex:1;min-width:0;max-width:900px}
        .total{color:var(--muted);margin:0 0 8px}
        .hits{list-style:none;padding:0;margin:0}
        .hit{background:#fff;border:1px solid var(--line);border-radius:10px;padding:10px 16px;margin-bottom:12px}
        .hit h2{font-size:19px;margin:0}
        .hit h2 a{color:var(--accent);text-decoration:none}
        .meta{color:var(--muted);font-size:14px;margin:2px 0}
        .id{font-family:monospace;font-size:12px}
        .snippet{margin:6px 0}
        mark{background:var(--mark);color:inherit;padding:0 2px;border-radius:3px}
        .chip{display:inline-block;font-size:13px;padding:0 8px;margin:2px 0;border-radius:12px;background:#eef1f5;color:var(--ink);text-decoration:none}
        .chip.PER{background:#e8f0fe}.chip.LOC{background:#e6f4ea}.chip.ORG{background:#fef3e0}
        .chip.remove{background:var(--accent);color:#fff}
        .similar summary{cursor:pointer;color:var(--muted);font-size:14px}
        .pager{display:flex;gap:16px;justify-content:center;margin:16px 0}
        .error{color:#a4262c;background:#fdecea;padding:8px 12px;border-radius:8px}
        .notice{color:#7a5b00}
        .article-view{background:#fff;border:1px solid var(--line);border-radius:10px;padding:16px 24px;max-width:900px}
        .article-view h1{font-size:24px;margin:8px 0}
        @media (max-width:800px){main{flex-direction:column}.facets{width:100%}}
        """;
}
