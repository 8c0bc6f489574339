using System.CommandLine;
using System.Text;
using ArabicSearch.Cli;
using ArabicSearch.Cli.Commands;

Console.OutputEncoding = Encoding.UTF8;
var root = new RootCommand("arabicsearch: Arabic full-text search over news, on Lucene.Net.\n\nExit codes: 0 ok; 1 failure; 2 bad arguments or query; 3 indexing finished but some records were rejected.");
root.Subcommands.Add(DemoCommand.Create());
root.Subcommands.Add(IndexCommand.Create());
root.Subcommands.Add(SearchCommand.Create());
root.Subcommands.Add(StatsCommand.Create());
root.Subcommands.Add(AnalyzeCommand.Create());
return Cli.Invoke(root, args);
