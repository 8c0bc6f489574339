using System.Text;

namespace ArabicSearch.Tests.Cli;

/// <summary>Runs the console host in-process and captures its exit code and output.</summary>
internal static class CliRunner
{
    private static readonly object Gate = new();

    public sealed record Result(int ExitCode, string Out, string Error);

    public static Result Run(params string[] args)
    {
        var entry = System.Reflection.Assembly.Load("ArabicSearch.Cli").EntryPoint ?? throw new InvalidOperationException("the CLI has no entry point");
        lock (Gate)
        {
            var (oldOut, oldErr) = (Console.Out, Console.Error);
            var (stdout, stderr) = (new StringWriter(), new StringWriter());
            var encoding = Console.OutputEncoding;
            try
            {
                Console.SetOut(stdout);
                Console.SetError(stderr);
                int code = (int)entry.Invoke(null, [args])!;
                return new Result(code, stdout.ToString(), stderr.ToString());
            }
            finally
            {
                Console.SetOut(oldOut);
                Console.SetError(oldErr);
                if (!Equals(Console.OutputEncoding, encoding)) Console.OutputEncoding = Encoding.UTF8;
            }
        }
    }
}
