using System.Net;
using System.Net.Http;
using System.Text.Json;
using ArabicSearch.Server;

namespace ArabicSearch.Tests.Serving;

/// <summary>
/// The server over an index whose data is damaged where the default open does not look (new-user trial: searches gave a
/// bare 500 while /healthz said Healthy).
/// </summary>
[NonParallelizable]
public class DamagedServerTests
{
    [Test]
    public async Task A_damaged_index_is_a_503_problem_and_unhealthy_not_a_bare_500()
    {
        string dir = Directory.CreateTempSubdirectory("arabicsearch-damaged-server-").FullName;
        try
        {
            Reliability.DamagedIndex.Make(dir);

            await using var app = SearchServer.Build(new ServerOptions { IndexPath = dir, Urls = "http://127.0.0.1:0", ConsoleLogging = false });
            await app.StartAsync();
            using var http = new HttpClient { BaseAddress = new Uri(SearchServer.Addresses(app).First(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal))) };

            var api = await http.GetAsync("/api/search?sort=newest&pageSize=100");
            Assert.That(api.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(api.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            using (var problem = JsonDocument.Parse(await api.Content.ReadAsStringAsync()))
                Assert.That(problem.RootElement.GetProperty("detail").GetString(), Does.Contain("damaged").And.Not.Contain(dir), "the server's folder is not shown to clients");

            var page = await http.GetAsync("/?q=" + Uri.EscapeDataString("بغداد") + "&sort=newest&pageSize=100");
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), "an error page, never a bare 500");
            Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("damaged"));
            var health = await http.GetAsync("/healthz");
            Assert.That(await health.Content.ReadAsStringAsync(), Is.EqualTo("Unhealthy"));
            await app.StopAsync();
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
