using System.CommandLine;
using ArabicSearch.Server;
using Microsoft.Extensions.Hosting;

namespace ArabicSearch.Cli.Commands;

internal static class ServeCommand
{
    public static Command Create()
    {
        var index = new Option<string>("--index") { Description = "The index folder (opened read-only; commits by another process show within --refresh).", Required = true };
        var urls = new Option<string>("--urls") { Description = "Where to listen; port 0 picks a free one.", DefaultValueFactory = _ => "http://127.0.0.1:5000" };
        var refresh = new Option<double>("--refresh") { Description = "Seconds between looks for new commits.", DefaultValueFactory = _ => 1.0 };
        var cmd = new Command("serve", "Serve a right-to-left search page and an HTTP API over an index until Ctrl+C.\n\n" +
            "Endpoints: GET / (the page), /api/search, /api/articles/{id}, /api/stats, /healthz.\n\nExample:\n  arabicsearch serve --index idx --urls http://127.0.0.1:5000")
        {
            index, urls, refresh,
        };
        cmd.SetAction(r => Cli.Run(() =>
        {
            double seconds = r.GetValue(refresh);
            if (!(seconds > 0 && seconds <= 86_400)) throw new UsageException($"--refresh must be more than 0 and at most 86400 seconds, not {seconds}.");
            using var app = SearchServer.Build(new ServerOptions { IndexPath = r.GetValue(index)!, Urls = r.GetValue(urls)!, RefreshInterval = TimeSpan.FromSeconds(seconds) });
            try
            {
                app.Start();
            }
            catch (FormatException e) // Kestrel's "Invalid url: 'notaurl'"
            {
                throw new UsageException($"--urls '{r.GetValue(urls)}' is not a URL to listen on ({e.Message.TrimEnd('.')}); use e.g. http://127.0.0.1:5000.");
            }
            foreach (var address in SearchServer.Addresses(app)) Console.WriteLine($"serving {r.GetValue(index)} on {address} (Ctrl+C stops)");
            app.WaitForShutdown();
            return ExitCodes.Ok;
        }));
        return cmd;
    }
}
