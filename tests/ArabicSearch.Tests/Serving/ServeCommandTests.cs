using System.Net;
using System.Net.Sockets;
using System.Text;
using ArabicSearch.Tests.Reliability;

namespace ArabicSearch.Tests.Serving;

/// <summary><c>arabicsearch serve</c> as a user runs it: a real process, a real port, stopped with SIGTERM.</summary>
[NonParallelizable]
public class ServeCommandTests
{
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Test]
    public async Task Serve_answers_on_its_urls_until_stopped()
    {
        if (OperatingSystem.IsWindows()) Assert.Ignore("stops the server with kill -TERM, which Windows lacks");
        string dir = Directory.CreateTempSubdirectory("arabicsearch-serve-").FullName;
        try
        {
            var (code, _, err) = CliHost.Run("index", Path.Combine(TestContext.CurrentContext.TestDirectory, "corpus", "seeds.jsonl"), "--index", dir);
            Assert.That(code, Is.Zero, err);
            int port = FreePort();
            var stderr = new StringBuilder();
            using var process = CliHost.Start(stderr, "serve", "--index", dir, "--urls", $"http://127.0.0.1:{port}");
            try
            {
                using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
                string? health = null;
                for (var deadline = DateTime.UtcNow.AddSeconds(60); health is null && DateTime.UtcNow < deadline && !process.HasExited;)
                {
                    try { health = await http.GetStringAsync("/healthz"); }
                    catch (HttpRequestException) { await Task.Delay(100); }
                }
                Assert.That(health, Is.EqualTo("Healthy"), stderr.ToString());
                Assert.That(await http.GetStringAsync("/api/stats"), Does.Contain("\"documents\": 5"));
                Assert.That(await http.GetStringAsync("/?q=" + Uri.EscapeDataString("بايدن")), Does.Contain("<mark>"));
            }
            finally
            {
                if (!process.HasExited)
                {
                    using var kill = System.Diagnostics.Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                    kill.WaitForExit();
                }
            }
            Assert.That(process.WaitForExit(TimeSpan.FromSeconds(20)), Is.True, "SIGTERM stops the server");
            Assert.That(process.ExitCode, Is.Zero, stderr.ToString());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void Serve_on_a_port_in_use_or_a_bad_url_reports_one_line_without_a_stack_trace()
    {
        string dir = Directory.CreateTempSubdirectory("arabicsearch-serve-").FullName;
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        try
        {
            var (code, _, err) = CliHost.Run("index", Path.Combine(TestContext.CurrentContext.TestDirectory, "corpus", "seeds.jsonl"), "--index", dir);
            Assert.That(code, Is.Zero, err);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var inUse = CliHost.Run("serve", "--index", dir, "--urls", $"http://127.0.0.1:{port}");
            Assert.That(inUse.Code, Is.EqualTo(1), inUse.Err);
            Assert.That(inUse.Err.TrimEnd(), Is.EqualTo($"error: I/O error: Failed to bind to address http://127.0.0.1:{port}: address already in use."));
            Assert.That(inUse.Out, Does.Not.Contain("   at ").And.Not.Contain("Hosting failed"), "no hosting log with the stack trace");
            var badUrl = CliHost.Run("serve", "--index", dir, "--urls", "notaurl");
            Assert.That(badUrl.Code, Is.EqualTo(2), badUrl.Err);
            Assert.That(badUrl.Err.TrimEnd(), Is.EqualTo("error: --urls 'notaurl' is not a URL to listen on (Invalid url: 'notaurl'); use e.g. http://127.0.0.1:5000."));
            Assert.That(badUrl.Out, Does.Not.Contain("   at ").And.Not.Contain("Hosting failed"));
        }
        finally
        {
            listener.Stop();
            Directory.Delete(dir, recursive: true);
        }
    }
}
