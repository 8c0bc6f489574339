using System.CommandLine;
using System.CommandLine.Help;
using System.Reflection;
using System.Text;
using ArabicSearch.Cli;

Console.OutputEncoding = Encoding.UTF8;
// Named like the installed tool, not like the assembly (ArabicSearch.Cli), so help and errors say "arabicsearch".
var root = new Command("arabicsearch", "Arabic full-text search over news, on Lucene.Net.\n\nExit codes: 0 ok; 1 failure; 2 bad arguments or query; 3 indexing finished but reported problems: rejected records, or warnings on indexed ones (e.g. an unparseable date).")
{
    new HelpOption(),
    new VersionOption(),
};
// Every class in ArabicSearch.Cli.Commands with a static Create() returning a Command is a subcommand.
foreach (var type in typeof(Cli).Assembly.GetTypes().Where(t => t.Namespace == "ArabicSearch.Cli.Commands").OrderBy(t => t.Name, StringComparer.Ordinal))
{
    if (type.GetMethod("Create", BindingFlags.Public | BindingFlags.Static, Type.EmptyTypes) is { } create && create.ReturnType == typeof(Command))
        root.Subcommands.Add((Command)create.Invoke(null, null)!);
}
return Cli.Invoke(root, args);
