using System.CommandLine;
using System.Diagnostics;
using ArabicSearch.Ingestion;

namespace ArabicSearch.Cli.Commands;

internal static class IndexCommand
{
    private const string Help = """
        Add articles to an index; an article with an existing id replaces it.
        Input: JSON Lines (.jsonl, .jsonl.gz) or TREC collections (.trec, .trec.gz); other extensions are refused (exit code 2).
        Commits every --commit-every articles and at the end: a killed run keeps what was committed, and running the
        same command again finishes the job (articles are updated by id, so re-running is idempotent).
        Duplicate ids within a file: the last one read wins.
        Every problem is one line on stderr, file:line: reason (TREC: file: DOCNO: reason). Records that cannot be
        read are skipped; an unparseable date is indexed undated; invalid UTF-8 and lone surrogates are stored as
        U+FFFD. A body over 1,000,000 characters or a JSON record with a duplicate key is skipped. A file cut short
        (a truncated .gz) is reported as 'file: truncated at record N'; an unreadable file as 'file: reason'; the
        records before either are kept, and the other files are read. Control characters in problem lines are shown
        escaped (\n, \u001b). Every good record is indexed. Exit code 3 when anything was reported.
        On a terminal, a progress line (articles, articles/s, elapsed, and an ETA once the input is counted) is shown on stderr; a summary ends the run.

        Example:
          arabicsearch index corpus/seeds.jsonl --index idx
        """;

    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Input files: JSON Lines (.jsonl, .jsonl.gz) or TREC (.trec, .trec.gz).", Arity = ArgumentArity.OneOrMore };
        var index = new Option<string>("--index") { Description = "The index folder (created when missing).", Required = true };
        var commitEvery = new Option<int>("--commit-every") { Description = "Commit after this many articles (and at the end).", DefaultValueFactory = _ => 10_000 };
        var json = new Option<bool>("--json") { Description = "Print a JSON summary." };
        var cmd = new Command("index", Help) { files, index, commitEvery, json };
        var gazetteer = new Option<string?>("--gazetteer") { Description = "A JSON gazetteer file that extends the embedded one (same ids replace; \"replace\": true replaces it)." };
        cmd.Options.Add(gazetteer);
        cmd.SetAction(r => Cli.Run(() =>
        {
            int every = r.GetValue(commitEvery);
            if (every < 1) throw new UsageException("--commit-every must be at least 1.");
            var paths = r.GetValue(files)!;
            foreach (var p in paths)
            {
                Cli.RequireSupportedFile(p);
                if (!File.Exists(p)) throw new UsageException($"no such file: {p}");
            }
            var progress = new Progress(Console.Error, enabled: !Console.IsErrorRedirected);
            progress.CountInBackground(paths);
            int indexed = 0, problems = 0, commits = 0, sinceCommit = 0;
            var entities = r.GetValue(gazetteer) is { } g ? Cli.LoadGazetteer(g) : null;
            using (var engine = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = r.GetValue(index)!, Gazetteer = entities }))
            {
                foreach (var path in paths)
                {
                    foreach (var record in ArticleFiles.Read(path))
                    {
                        if (record.Problem is not null) { problems++; progress.Report(record.Problem); }
                        if (record.Article is null) continue;
                        try
                        {
                            engine.AddOrUpdate(record.Article);
                        }
                        catch (ArgumentException e)
                        {
                            // Lucene refuses some documents (e.g. a term over 32 KB) without harm to the writer.
                            problems++;
                            string id = record.Article.Id.Length <= 80 ? record.Article.Id : record.Article.Id[..80] + "…";
                            progress.Report($"{record.Where ?? Path.GetFileName(path)}: id {id}: rejected by the index ({Reason(e)})");
                            continue;
                        }
                        indexed++;
                        progress.Tick(indexed);
                        if (++sinceCommit >= every) { engine.Commit(); commits++; sinceCommit = 0; }
                    }
                }
                engine.Commit();
                commits++;
            }
            progress.Clear();
            double seconds = progress.Elapsed.TotalSeconds;
            double rate = seconds > 0 ? indexed / seconds : 0;
            if (r.GetValue(json)) Cli.WriteJson(new { indexed, problems, commits, seconds = Math.Round(seconds, 2), articlesPerSecond = Math.Round(rate) });
            else Console.WriteLine($"indexed {indexed} article(s) in {seconds:0.0} s ({rate:0} articles/s); {problems} problem(s); {commits} commit(s)");
            return problems > 0 ? ExitCodes.SomeRecordsRejected : ExitCodes.Ok;
        }));
        return cmd;
    }

    // Lucene's "immense term" message tells the reader to fix the analyzer; say what is wrong with the input instead.
    private static string Reason(ArgumentException e)
    {
        var m = System.Text.RegularExpressions.Regex.Match(e.Message, "immense term in field=\"([^\"]+)\"");
        if (m.Success) return $"a value of field \"{m.Groups[1].Value}\" is longer than Lucene's limit of 32,766 UTF-8 bytes";
        return e.Message.Split('\n')[0].Trim();
    }

    /// <summary>
    /// A progress line on a terminal: articles, articles per second, elapsed time and, once a background pass has
    /// counted the input's articles, the estimated time left. Redrawn once a second; nothing when stderr is redirected.
    /// </summary>
    private sealed class Progress(TextWriter error, bool enabled)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private int _total = -1; // articles in the input, once counted

        /// <summary>Counts the input's readable articles on another thread, for the ETA; any failure just means no ETA.</summary>
        public void CountInBackground(IReadOnlyList<string> paths)
        {
            if (!enabled) return;
            // The count reads the input a second time, so only files that can be read twice: a named pipe, a device
            // or /dev/stdin would hand half of its data to the count and the rest to the run. Those report a size of 0.
            if (!paths.All(IsRegularFile)) return;
            _ = Task.Run(() =>
            {
                try
                {
                    int n = 0;
                    foreach (var path in paths)
                        foreach (var record in ArticleFiles.Read(path))
                            if (record.Article is not null) n++;
                    Volatile.Write(ref _total, n);
                }
#pragma warning disable CA1031 // the count only feeds the ETA; the indexing run reports read errors itself
                catch (Exception)
                {
                }
#pragma warning restore CA1031
            });
        }
        internal static bool IsRegularFile(string path)
        {
            var info = new FileInfo(path);
            return info.Exists && info.Length > 0 && (info.Attributes & (FileAttributes.Device | FileAttributes.Directory)) == 0;
        }

        private long _nextDraw = 1000;
        private int _drawnWidth;

        public TimeSpan Elapsed => _clock.Elapsed;

        public void Tick(int articles)
        {
            if (!enabled || _clock.ElapsedMilliseconds < _nextDraw) return;
            _nextDraw = _clock.ElapsedMilliseconds + 1000;
            double s = _clock.Elapsed.TotalSeconds;
            string line = $"indexing: {articles:N0} articles, {articles / s:N0} articles/s, {_clock.Elapsed:hh\\:mm\\:ss} elapsed";
            int total = Volatile.Read(ref _total);
            if (total > articles && articles > 0)
                line += $", {articles * 100 / total}% done, ETA {TimeSpan.FromSeconds((total - articles) * s / articles):hh\\:mm\\:ss}";
            error.Write("\r" + line.PadRight(_drawnWidth));
            _drawnWidth = line.Length;
        }

        public void Report(string problem)
        {
            Clear();
            error.WriteLine(ArticleFiles.Printable(problem)); // ids and reasons come from the input
        }

        public void Clear()
        {
            if (_drawnWidth == 0) return;
            error.Write("\r" + new string(' ', _drawnWidth) + "\r");
            _drawnWidth = 0;
        }
    }
}
