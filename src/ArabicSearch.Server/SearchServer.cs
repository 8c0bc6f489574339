using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ArabicSearch.Server;

/// <summary>What <c>arabicsearch serve</c> serves.</summary>
public sealed record ServerOptions
{
    /// <summary>The index folder, opened read-only.</summary>
    public required string IndexPath { get; init; }

    /// <summary>Where to listen, e.g. <c>http://127.0.0.1:5000</c> (port 0 picks a free port). Default loopback, port 5000.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:5000";

    /// <summary>How often the server looks for commits another process made. Default one second.</summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Logs to the console at Information and above. Default true; tests turn it off.</summary>
    public bool ConsoleLogging { get; init; } = true;
}

/// <summary>
/// The web tier: <c>GET /</c> (the search page), <c>GET /api/search</c>, <c>GET /api/articles/{id}</c>,
/// <c>GET /api/stats</c> and <c>GET /healthz</c>, over one read-only engine that follows the index's commits.
/// </summary>
public static class SearchServer
{
    /// <summary>Builds the application; the index is opened here, so a missing or damaged index fails at once.</summary>
    /// <exception cref="IndexNotFoundException">There is no index at <see cref="ServerOptions.IndexPath"/>.</exception>
    public static WebApplication Build(ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.ClearProviders();
        if (options.ConsoleLogging) builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // "Hosting failed to start" logs the whole exception (a ~3 KB stack trace for a port in use) before the same
        // exception reaches the caller of Start, which reports it in one line; the category logs nothing else we run.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        builder.Services.AddArabicSearch(o => o with { IndexPath = options.IndexPath, ReadOnly = true, RefreshInterval = options.RefreshInterval });
        builder.Services.AddHealthChecks().AddArabicSearch();
        builder.Services.AddProblemDetails();
        var app = builder.Build();
        _ = app.Services.GetRequiredService<ArabicSearchEngine>(); // open now: a bad --index is reported before listening
        // Unknown routes (404) and other methods (405) answer with problem+json like every other error, not an empty body.
        app.UseStatusCodePages(context => NoEndpoint(context.HttpContext));
        Map(app, options.IndexPath);
        return app;
    }

    /// <summary>The endpoints, for the message of a request that matches none.</summary>
    internal const string Endpoints = "GET /, /api/search, /api/articles/{id}, /api/suggest, /api/stats, /healthz";

    private static Task NoEndpoint(HttpContext http)
    {
        var request = http.Request;
        string path = request.Path.Value ?? "/";
        if (path.Length > 200) path = path[..200] + "…";
        var (title, detail) = http.Response.StatusCode switch
        {
            404 => ("Not found", $"No endpoint at {path}; the endpoints are {Endpoints}."),
            405 => ("Method not allowed", $"{request.Method} is not allowed on {path}; use GET."),
            var status => (ReasonPhrases.GetReasonPhrase(status), $"{request.Method} {path} failed with status {status}."),
        };
        return Problem(http.Response.StatusCode, title, detail).ExecuteAsync(http);
    }

    /// <summary>The addresses the started application listens on (with the real port when 0 was asked for).</summary>
    public static IReadOnlyList<string> Addresses(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
    }

    private static void Map(WebApplication app, string indexPath)
    {
        // A damaged index is reported as damaged on every endpoint (503, the CLI's message), never as a bare 500; the
        // health check reports it too (ArabicSearchEngine.DamageFound).
        app.Use(async (http, next) =>
        {
            try
            {
                await next(http);
            }
            catch (IndexCorruptException e) when (!http.Response.HasStarted)
            {
                http.Response.Clear();
                http.Response.StatusCode = 503;
                if (http.Request.Path.StartsWithSegments("/api"))
                {
                    http.Response.ContentType = "application/problem+json; charset=utf-8";
                    await http.Response.WriteAsync(SearchJson.Serialize(new { type = "about:blank", title = "Index damaged", status = 503, detail = ForClients(e.Message, indexPath) }));
                }
                else
                {
                    http.Response.ContentType = "text/html; charset=utf-8";
                    await http.Response.WriteAsync($"<!doctype html><html lang=\"ar\" dir=\"rtl\"><meta charset=\"utf-8\"><title>الفهرس تالف</title><p role=\"alert\">الفهرس تالف: <bdi dir=\"ltr\">{SearchPage.H(ForClients(e.Message, indexPath))}</bdi></p></html>");
                }
            }
        });
        app.MapGet("/", (HttpContext http, ArabicSearchEngine engine) => SearchPage.Render(http, engine));
        app.MapGet("/api/search", (HttpContext http, ArabicSearchEngine engine) =>
        {
            SearchQuery? query = null;
            SearchResults results;
            try
            {
                query = SearchQuery.Parse(http.Request.Query, facetsByDefault: false, strict: true);
                results = engine.Search(query.ToRequest(), http.RequestAborted);
            }
            catch (InvalidQueryException e)
            {
                return Problem(400, "Bad query", query?.InUrlTerms(e.Message) ?? e.Message);
            }
            return Json(SearchJson.ToJson(results));
        });
        // A catch-all: ids may contain '/' (news/2018/05/x), raw or escaped as %2F, which the server leaves escaped in the path.
        app.MapGet("/api/articles/{**id}", (string id, ArabicSearchEngine engine) =>
        {
            id = id.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
            return engine.Find(id) is { } article ? Json(SearchJson.ToJson(article)) : Problem(404, "Not found", $"No article with id '{id}'.");
        });
        app.MapGet("/api/suggest", (HttpContext http, ArabicSearchEngine engine) =>
        {
            // As strict as /api/search: an unknown or repeated parameter is refused, not ignored (q for prefix, say).
            foreach (var (key, values) in http.Request.Query)
            {
                if (key is not ("prefix" or "top"))
                    return Problem(400, "Bad query", $"Unknown parameter '{key}'; /api/suggest takes prefix and top.");
                if (values.Count > 1) return Problem(400, "Bad query", $"{key} is given {values.Count} times; give it once.");
            }
            string prefix = http.Request.Query["prefix"].LastOrDefault() ?? "";
            string? topText = http.Request.Query["top"].LastOrDefault();
            int top = 10;
            if (topText is not null && (!int.TryParse(topText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out top) || top is < 1 or > 100))
                return Problem(400, "Bad query", $"top '{topText}' must be a whole number between 1 and 100.");
            return Json(SearchJson.ToJson(prefix, engine.Suggest(prefix, top)));
        });
        app.MapGet("/api/stats", (ArabicSearchEngine engine) => Json(new { documents = engine.Count, olderAnalysis = engine.OlderAnalysisCount }));
        app.MapHealthChecks("/healthz");
    }

    // The server's folders are not the clients' business: the index folder is named "the index" in what clients see
    // (the server log keeps the full message).
    private static string ForClients(string message, string indexPath) =>
        message.Replace(Path.GetFullPath(indexPath), "the index", StringComparison.Ordinal).Replace(indexPath, "the index", StringComparison.Ordinal);

    private static IResult Json(object value) => Results.Text(SearchJson.Serialize(value), "application/json; charset=utf-8");

    /// <summary>An RFC 9457 problem, <c>application/problem+json</c>, whose detail is the message the CLI prints after <c>error: </c>.</summary>
    internal static IResult Problem(int status, string title, string detail) =>
        Results.Text(SearchJson.Serialize(new { type = "about:blank", title, status, detail }), "application/problem+json; charset=utf-8", statusCode: status);
}
