using System.CommandLine;
using System.Globalization;
using System.Text;

namespace ArabicSearch.Cli.Commands;

/// <summary>
/// A hidden test host for the crash-safety tests: indexes and commits in a loop, and after each Commit() returns
/// appends the ids it made durable to an acknowledgement file (flushed to disk). The tests kill it at random moments
/// and check that every acknowledged article survived.
/// </summary>
internal static class StressWriterCommand
{
    public static Command Create()
    {
        var index = new Option<string>("--index") { Description = "The index folder (created when missing).", Required = true };
        var ack = new Option<string>("--ack") { Description = "The file to append acknowledged commits to.", Required = true };
        var prefix = new Option<string>("--prefix") { Description = "A prefix that makes this run's ids unique.", DefaultValueFactory = _ => "r" };
        var batch = new Option<int>("--batch") { Description = "Articles per commit.", DefaultValueFactory = _ => 25 };
        var commits = new Option<int>("--commits") { Description = "Stop after this many commits (0: run until killed).", DefaultValueFactory = _ => 0 };
        var cmd = new Command("stress-writer", "Test host: index and commit in a loop, acknowledging each commit in --ack.")
        {
            index, ack, prefix, batch, commits,
        };
        cmd.Hidden = true;
        cmd.SetAction(r => Cli.Run(() =>
        {
            int size = r.GetValue(batch), limit = r.GetValue(commits);
            if (size < 1) throw new UsageException("--batch must be at least 1.");
            string runPrefix = r.GetValue(prefix)!;
            var random = new Random(StringComparer.Ordinal.GetHashCode(runPrefix));
            using var engine = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = r.GetValue(index)! });
            using var log = new FileStream(r.GetValue(ack)!, FileMode.Append, FileAccess.Write, FileShare.Read);
            var acknowledged = new List<string>();
            for (int n = 0; limit == 0 || n < limit; n++)
            {
                var ids = new List<string>(size);
                for (int i = 0; i < size; i++)
                {
                    string id = string.Create(CultureInfo.InvariantCulture, $"{runPrefix}-{n:D5}-{i:D3}");
                    engine.AddOrUpdate(Article(id, n, random));
                    ids.Add(id);
                }
                // Rewrite a few acknowledged articles too, so commits carry deletes of older segments' documents.
                for (int i = 0; i < 3 && acknowledged.Count > 0; i++)
                    engine.AddOrUpdate(Article(acknowledged[random.Next(acknowledged.Count)], n, random));
                engine.Commit();
                // Only now is the commit durable: acknowledge it, and make the acknowledgement itself durable.
                var line = Encoding.UTF8.GetBytes($"commit {n} {string.Join(' ', ids)}\n");
                log.Write(line);
                log.Flush(flushToDisk: true);
                acknowledged.AddRange(ids);
            }
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static readonly string[] Words =
        ["بغداد", "الحكومة", "الكاظمي", "الصواريخ", "المنطقة", "الخضراء", "السفارة", "الأميركية", "هجوم", "العراق", "وزير", "الخارجية", "مؤتمر", "صحفي", "الانتخابات"];

    private static Article Article(string id, int commit, Random random)
    {
        var body = new StringBuilder();
        int words = random.Next(20, 200);
        for (int i = 0; i < words; i++) body.Append(Words[random.Next(Words.Length)]).Append(' ');
        return new Article(id, body.ToString())
        {
            Title = $"{Words[random.Next(Words.Length)]} {commit}",
            Source = "stress",
            Published = new DateOnly(2021, 1, 1).AddDays(random.Next(365)),
        };
    }
}
